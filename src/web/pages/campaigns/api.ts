import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AddInviteesRequest,
  CampaignReport as CampaignReportSchema,
  Campaign as CampaignSchema,
  CreateCampaignRequest,
  Invitee as InviteeSchema,
  UpdateCampaignRequest,
} from '../../../server/modules/campaigns/campaigns.schema';
import { API_BASE, api, query } from '../../api/client';
import type { Contact, Customer, Page } from '../../api/types';
import { currentLocale } from '../../i18n';

export type Campaign = z.infer<typeof CampaignSchema>;
export type Invitee = z.infer<typeof InviteeSchema>;
export type CampaignReport = z.infer<typeof CampaignReportSchema>;
export type CampaignBody = z.input<typeof CreateCampaignRequest>;
export type CampaignPatch = z.input<typeof UpdateCampaignRequest>;

const KEY = ['campaigns'] as const;

export function useCampaigns(params: { type?: string; q?: string }) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'list', params],
    queryFn: ({ pageParam }) =>
      api.get<Page<Campaign>>(`/campaigns${query({ ...params, limit: 50, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: () => api.get<Campaign>(`/campaigns/${id}`),
  });
}

export function useInvitees(campaignId: string) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'invitees', campaignId],
    queryFn: ({ pageParam }) =>
      api.get<Page<Invitee>>(
        `/campaigns/${campaignId}/invitees${query({ limit: 200, cursor: pageParam })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useCampaignReport(params: { from?: string; to?: string; type?: string }) {
  return useQuery({
    queryKey: [...KEY, 'report', params],
    queryFn: () => api.get<CampaignReport>(`/campaigns/report${query(params)}`),
    placeholderData: keepPreviousData,
  });
}

/** The report's download, with the same filters, headers in the interface language. */
export const campaignReportExportHref = (
  params: { from?: string; to?: string; type?: string },
  format: 'xlsx' | 'csv',
) => `${API_BASE}/campaigns/report/export${query({ ...params, format, locale: currentLocale() })}`;

/** Customers the caller may see, by name, to invite. */
export function useInviteSearch(q: string) {
  return useQuery({
    queryKey: ['customers', 'pick', 'campaign', q],
    queryFn: async () =>
      (await api.get<Page<Customer>>(`/customers${query({ q, limit: 20, sort: 'name' })}`)).items,
    placeholderData: (previous) => previous,
  });
}

/** The contacts of each chosen customer, for inviting people rather than the company. */
export function useContactsOf(customerIds: string[]) {
  const results = useQueries({
    queries: customerIds.map((customerId) => ({
      // The customer page's key: a contact added there shows here too.
      queryKey: ['customers', 'contacts', customerId],
      queryFn: async () =>
        (await api.get<Page<Contact>>(`/customers/${customerId}/contacts?limit=500`)).items,
    })),
  });
  return {
    loading: results.some((result) => result.isFetching),
    byCustomer: new Map(customerIds.map((id, index) => [id, results[index]?.data ?? []])),
  };
}

/** Campaign changes move counts, lists, the report and (attendance) the customer's timeline. */
function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: KEY }),
      client.invalidateQueries({ queryKey: ['customers'] }),
    ]);
}

export function useSaveCampaign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { id?: string; body: CampaignBody | CampaignPatch }) =>
      input.id
        ? api.patch<Campaign>(`/campaigns/${input.id}`, input.body)
        : api.post<Campaign>('/campaigns', input.body),
    onSuccess: invalidate,
  });
}

export function useInvite(campaignId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.input<typeof AddInviteesRequest>) =>
      api.post<{ added: number }>(`/campaigns/${campaignId}/invitees`, body),
    onSuccess: invalidate,
  });
}

export function useMarkAttended(campaignId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (inviteeId: string) =>
      api.post<Invitee>(`/campaigns/${campaignId}/invitees/${inviteeId}/attendance`, {}),
    onSuccess: invalidate,
  });
}

export function useDeleteCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (campaign: { id: string; version: number }) =>
      api.delete(`/campaigns/${campaign.id}${query({ version: campaign.version })}`),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRemoveInvitee(campaignId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (inviteeId: string) => api.delete(`/campaigns/${campaignId}/invitees/${inviteeId}`),
    onSuccess: invalidate,
  });
}
