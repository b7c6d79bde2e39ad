import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type {
  Activity,
  Contact,
  CreateActivityRequest,
  CreateDealBody,
  CreateDocumentBody,
  Customer,
  DealBoard,
  DealDetail,
  DealDocument,
  DealListItem,
  LostReason,
  MoveDealBody,
  Page,
  StageMove,
  UpdateDealBody,
} from '../../api/types';
import { currentLocale } from '../../i18n';

export const dealsKey = ['deals'] as const;
export const CARDS_PER_PAGE = 20;

export interface BoardFilters {
  ownerId?: string;
  teamId?: string;
  stale?: boolean;
  /** YYYY-MM */
  closeMonth?: string;
}

const filterParams = (filters: BoardFilters) => ({
  ownerId: filters.ownerId,
  teamId: filters.teamId,
  stale: filters.stale ? 'true' : undefined,
  closeMonth: filters.closeMonth,
});

/** Per stage: count, total and weighted amount over every matching deal (SQL), and the first cards. */
export function useBoard(funnelId: string | null, filters: BoardFilters) {
  return useQuery({
    queryKey: [...dealsKey, 'board', funnelId, filters, currentLocale()],
    queryFn: () =>
      api.get<DealBoard>(
        `/deals/board${query({
          funnelId,
          ...filterParams(filters),
          limit: CARDS_PER_PAGE,
          locale: currentLocale(),
        })}`,
      ),
    enabled: Boolean(funnelId),
    placeholderData: (previous) => previous,
  });
}

/** The next cards of one column, after the cursor the board (or the previous page) gave. */
export function findColumnPage(
  funnelId: string,
  stageKey: string,
  filters: BoardFilters,
  cursor: string,
) {
  return api.get<Page<DealListItem>>(
    `/deals${query({
      funnelId,
      stageKey,
      ...filterParams(filters),
      cursor,
      limit: CARDS_PER_PAGE,
      sort: '-updatedAt',
      locale: currentLocale(),
    })}`,
  );
}

export function useDeal(id: string | null) {
  return useQuery({
    queryKey: [...dealsKey, 'one', id, currentLocale()],
    queryFn: () => api.get<DealDetail>(`/deals/${id}${query({ locale: currentLocale() })}`),
    enabled: Boolean(id),
  });
}

export function useDealHistory(id: string) {
  return useQuery({
    queryKey: [...dealsKey, 'history', id, currentLocale()],
    queryFn: async () =>
      (
        await api.get<Page<StageMove>>(
          `/deals/${id}/history${query({ limit: 200, locale: currentLocale() })}`,
        )
      ).items,
  });
}

export function useDealDocuments(id: string) {
  return useQuery({
    queryKey: [...dealsKey, 'documents', id],
    queryFn: async () =>
      (await api.get<Page<DealDocument>>(`/deals/${id}/documents${query({ limit: 200 })}`)).items,
  });
}

export function useContacts(customerId: string | null) {
  return useQuery({
    queryKey: ['contacts', 'of', customerId],
    queryFn: async () =>
      (await api.get<Page<Contact>>(`/customers/${customerId}/contacts${query({ limit: 200 })}`))
        .items,
    enabled: Boolean(customerId),
  });
}

export function useLostReasons() {
  return useQuery({
    queryKey: ['lost-reasons'],
    queryFn: async () => (await api.get<Page<LostReason>>('/settings/lost-reasons')).items,
  });
}

/** Customers to open a deal on; a rep's own only, since a deal is worked through its customer. */
export function useCustomerSearch(q: string, ownerId?: string) {
  return useQuery({
    queryKey: ['customers', 'pick', q, ownerId],
    queryFn: async () =>
      (await api.get<Page<Customer>>(`/customers${query({ q, ownerId, limit: 20, sort: 'name' })}`))
        .items,
    placeholderData: (previous) => previous,
  });
}

/** Anything that changes a deal changes the board, its detail and its gate: reload them all. */
function useInvalidateDeals() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: dealsKey });
}

export function useMoveDeal() {
  const invalidate = useInvalidateDeals();
  return useMutation({
    mutationFn: ({ id, ...body }: MoveDealBody & { id: string }) =>
      api.post<DealDetail>(`/deals/${id}/move${query({ locale: currentLocale() })}`, body),
    onSuccess: invalidate,
  });
}

export function useCreateDeal() {
  const invalidate = useInvalidateDeals();
  return useMutation({
    mutationFn: (body: CreateDealBody) =>
      api.post<DealDetail>(`/deals${query({ locale: currentLocale() })}`, body),
    onSuccess: invalidate,
  });
}

export function useUpdateDeal() {
  const invalidate = useInvalidateDeals();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateDealBody & { id: string }) =>
      api.patch<DealDetail>(`/deals/${id}${query({ locale: currentLocale() })}`, body),
    onSuccess: invalidate,
  });
}

export function useAddDocument() {
  const invalidate = useInvalidateDeals();
  return useMutation({
    mutationFn: ({ dealId, ...body }: CreateDocumentBody & { dealId: string }) =>
      api.post<DealDocument>(`/deals/${dealId}/documents`, body),
    onSuccess: invalidate,
  });
}

export function useLogActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateActivityRequest) => api.post<Activity>('/activities', body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: dealsKey }),
        queryClient.invalidateQueries({ queryKey: ['customers'] }),
      ]),
  });
}

/** A customer field a key action asks for, filled in from the gate dialog. */
export function useFillCustomerField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      customerId,
      field,
      value,
    }: {
      customerId: string;
      field: string;
      value: unknown;
    }) => {
      const customer = await api.get<Customer>(`/customers/${customerId}`);
      return api.patch<Customer>(`/customers/${customerId}`, {
        version: customer.version,
        [field]: value,
      });
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: dealsKey }),
        queryClient.invalidateQueries({ queryKey: ['customers'] }),
      ]),
  });
}
