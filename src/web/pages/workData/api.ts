import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ActivityTarget,
  CreateActivityTargetRequest,
  MyProgress,
  SignalSuggestions,
  SignalsReport,
  WorkDataReport,
} from '../../../server/modules/workData/workData.schema';
import { API_BASE, api, query } from '../../api/client';
import { currentLocale } from '../../i18n';

export type { ActivityTarget, MyProgress, SignalsReport, WorkDataReport };
export type WorkDataRow = WorkDataReport['rows'][number];
type Suggestions = z.infer<typeof SignalSuggestions>;

export interface WorkDataFilters {
  from: string;
  to: string;
  ownerId?: string;
  teamId?: string;
}

const targetsKey = ['activity-targets'];

export const useMyProgress = () =>
  useQuery({
    queryKey: ['me', 'activity-progress'],
    queryFn: () => api.get<MyProgress>('/me/activity-progress'),
  });

export const useSignalSuggestions = (customerId?: string) =>
  useQuery({
    queryKey: ['signal-suggestions', customerId ?? null],
    queryFn: () => api.get<Suggestions>(`/work-data/signal-suggestions${query({ customerId })}`),
  });

export const useWorkDataReport = (filters: WorkDataFilters) =>
  useQuery({
    queryKey: ['reports', 'work-data', filters],
    queryFn: () => api.get<WorkDataReport>(`/reports/work-data${query({ ...filters })}`),
    placeholderData: keepPreviousData,
  });

export const useSignalsReport = (filters: WorkDataFilters) =>
  useQuery({
    queryKey: ['reports', 'signals', filters],
    queryFn: () => api.get<SignalsReport>(`/reports/signals${query({ ...filters })}`),
    placeholderData: keepPreviousData,
  });

export const workDataExportHref = (filters: WorkDataFilters, format: 'xlsx' | 'csv') =>
  `${API_BASE}/reports/work-data/export${query({ ...filters, format, locale: currentLocale() })}`;

export const useActivityTargets = () =>
  useQuery({
    queryKey: targetsKey,
    queryFn: async () => (await api.get<{ items: ActivityTarget[] }>('/activity-targets')).items,
  });

/** Targets move the progress on My day and the report's target lines. */
function useInvalidateTargets() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: targetsKey }),
      queryClient.invalidateQueries({ queryKey: ['me', 'activity-progress'] }),
      queryClient.invalidateQueries({ queryKey: ['reports', 'work-data'] }),
    ]);
}

export function useCreateActivityTarget() {
  const invalidate = useInvalidateTargets();
  return useMutation({
    mutationFn: (body: CreateActivityTargetRequest) =>
      api.post<ActivityTarget>('/activity-targets', body),
    onSuccess: invalidate,
  });
}

export function useUpdateActivityTarget() {
  const invalidate = useInvalidateTargets();
  return useMutation({
    mutationFn: (input: { id: string; target: number; version: number }) =>
      api.patch<ActivityTarget>(`/activity-targets/${input.id}`, {
        target: input.target,
        version: input.version,
      }),
    onSuccess: invalidate,
  });
}

export function useDeleteActivityTarget() {
  const invalidate = useInvalidateTargets();
  return useMutation({
    mutationFn: (input: { id: string; version: number }) =>
      api.delete(`/activity-targets/${input.id}${query({ version: input.version })}`),
    onSuccess: invalidate,
  });
}
