import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ChurnReport,
  CustomerWarnings as CustomerWarningsSchema,
  UpdateChurnSettingsRequest,
} from '../../../server/modules/churn/churn.schema';
import type {
  CustomerGrade,
  GradingRun,
  GradingSettings,
  UpdateGradingSettingsRequest,
} from '../../../server/modules/grading/grading.schema';
import type {
  ConvertInquiryRequest,
  ConvertInquiryResponse as ConvertInquiryResponseSchema,
  CreateInquiryRequest,
  Inquiry,
  InquiryDetail,
  InquiryListItem,
  InquiryReport,
  UpdateInquiryRequest,
} from '../../../server/modules/inquiries/inquiries.schema';
import type {
  CustomerScore,
  ScoringSettings,
  UpdateScoringRulesRequest,
} from '../../../server/modules/scoring/scoring.schema';
import { api, query } from '../../api/client';
import type { Page } from '../../api/types';
import { currentLocale } from '../../i18n';
import { customersKey } from '../customers/api';
import { invalidateTaskViews } from '../tasks/api';

export type {
  ChurnReport,
  CustomerGrade,
  CustomerScore,
  GradingSettings,
  Inquiry,
  InquiryDetail,
  InquiryListItem,
  InquiryReport,
  ScoringSettings,
};
export type CustomerWarnings = z.infer<typeof CustomerWarningsSchema>;
export type ConvertInquiryResponse = z.infer<typeof ConvertInquiryResponseSchema>;
export type InquiryClass = Inquiry['classification'];
export type ChurnCode = ChurnReport['items'][number]['warnings'][number]['code'];

export const INQUIRY_CLASS_COLORS: Record<InquiryClass, string> = {
  scam: 'red',
  broad: 'gold',
  precise: 'green',
};

const inquiriesKey = ['inquiries'] as const;
const qualificationKey = ['qualification'] as const;

export function useInquiries(filters: Record<string, string | undefined>) {
  return useInfiniteQuery({
    queryKey: [...inquiriesKey, 'list', filters],
    queryFn: ({ pageParam }) =>
      api.get<Page<InquiryListItem>>(
        `/inquiries${query({ limit: 50, ...filters, cursor: pageParam })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useInquiry(id: string | null) {
  return useQuery({
    queryKey: [...inquiriesKey, 'one', id, currentLocale()],
    queryFn: () => api.get<InquiryDetail>(`/inquiries/${id}${query({ locale: currentLocale() })}`),
    enabled: Boolean(id),
  });
}

export function useCreateInquiry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInquiryRequest) => api.post<Inquiry>('/inquiries', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inquiriesKey }),
  });
}

export function useUpdateInquiry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateInquiryRequest & { id: string }) =>
      api.patch<Inquiry>(`/inquiries/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inquiriesKey }),
  });
}

export function useConvertInquiry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ConvertInquiryRequest & { id: string }) =>
      api.post<ConvertInquiryResponse>(`/inquiries/${id}/convert`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: inquiriesKey });
      void queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
}

export function useInquiryReport(filters: { from?: string; to?: string }) {
  return useQuery({
    queryKey: [...inquiriesKey, 'report', filters],
    queryFn: () => api.get<InquiryReport>(`/reports/inquiries${query(filters)}`),
    placeholderData: keepPreviousData,
  });
}

export function useScoringSettings() {
  return useQuery({
    queryKey: [...qualificationKey, 'scoring'],
    queryFn: () => api.get<ScoringSettings>('/settings/scoring'),
  });
}

export function useSaveScoringSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateScoringRulesRequest) =>
      api.put<ScoringSettings & { recompute: 'done' | 'background' }>('/settings/scoring', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: qualificationKey });
      void queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
}

export function useGradingSettings() {
  return useQuery({
    queryKey: [...qualificationKey, 'grading'],
    queryFn: () => api.get<GradingSettings>('/settings/grading'),
  });
}

export function useSaveGradingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateGradingSettingsRequest) =>
      api.put<GradingSettings>('/settings/grading', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: qualificationKey }),
  });
}

export function useRunGrading() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<GradingRun>('/grading/run'),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: qualificationKey });
      void queryClient.invalidateQueries({ queryKey: customersKey });
    },
  });
}

export function useCustomerScore(customerId: string) {
  return useQuery({
    queryKey: [...customersKey, 'qualification', 'score', customerId, currentLocale()],
    queryFn: () =>
      api.get<CustomerScore>(`/customers/${customerId}/score${query({ locale: currentLocale() })}`),
  });
}

/** Waits while customerId is undefined (a form with no customer picked yet). */
export function useCustomerGrade(customerId: string | undefined) {
  return useQuery({
    queryKey: [...customersKey, 'qualification', 'grade', customerId, currentLocale()],
    queryFn: () =>
      api.get<CustomerGrade>(`/customers/${customerId}/grade${query({ locale: currentLocale() })}`),
    enabled: Boolean(customerId),
  });
}

export function useCustomerWarnings(customerId: string) {
  return useQuery({
    queryKey: [...customersKey, 'qualification', 'warnings', customerId, currentLocale()],
    queryFn: () =>
      api.get<CustomerWarnings>(
        `/customers/${customerId}/warnings${query({ locale: currentLocale() })}`,
      ),
  });
}

/** The warnings report (everyone's the user may see) or "mine" for My day. */
export function useChurnWarnings(scope: 'report' | 'mine', filters: Record<string, string> = {}) {
  const path = scope === 'mine' ? '/me/churn-warnings' : '/reports/churn-warnings';
  return useInfiniteQuery({
    queryKey: [...qualificationKey, 'churn', scope, filters, currentLocale()],
    queryFn: ({ pageParam }) =>
      api.get<ChurnReport>(
        `${path}${query({ limit: 50, ...filters, cursor: pageParam, locale: currentLocale() })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useWarningTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ customerId, code }: { customerId: string; code: ChurnCode }) =>
      api.post<{ created: boolean; task: { id: string } }>(
        `/customers/${customerId}/warnings/${code}/task`,
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: qualificationKey });
      void queryClient.invalidateQueries({ queryKey: customersKey });
      void invalidateTaskViews(queryClient);
    },
  });
}

export type { UpdateChurnSettingsRequest };
