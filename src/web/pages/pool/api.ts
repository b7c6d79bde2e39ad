import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type { LapseWarning } from '../../../server/modules/lapseRules/lapseRules.schema';
import type {
  Holdings,
  MovedWork,
  MyHoldings as MyHoldingsSchema,
  OwnershipEvent,
  OwnershipReportRow,
  PoolCustomer,
} from '../../../server/modules/pool/pool.schema';
import { api, query } from '../../api/client';
import type { Customer, Page } from '../../api/types';
import { invalidateTaskViews } from '../tasks/api';

export type { Holdings, LapseWarning, MovedWork, OwnershipEvent, OwnershipReportRow, PoolCustomer };
export type MyHoldings = z.infer<typeof MyHoldingsSchema>;

export const poolKey = ['pool'] as const;
const holdingsKey = ['pool', 'holdings'] as const;
const warningsKey = ['me', 'lapse-warnings'] as const;

/** Everything whose numbers change when a customer changes hands. */
export function invalidateOwnershipViews(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: poolKey }),
    queryClient.invalidateQueries({ queryKey: warningsKey }),
    queryClient.invalidateQueries({ queryKey: ['customers'] }),
    invalidateTaskViews(queryClient),
  ]);
}

export type PoolParams = Record<string, string>;

export function usePoolCustomers(params: PoolParams) {
  return useInfiniteQuery({
    queryKey: [...poolKey, 'customers', params],
    queryFn: ({ pageParam }) =>
      api.get<Page<PoolCustomer>>(
        `/pool/customers${query({ ...params, limit: 50, cursor: pageParam })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useMyHoldings() {
  return useQuery({
    queryKey: [...holdingsKey, 'me'],
    queryFn: () => api.get<MyHoldings>('/me/holdings'),
  });
}

/** Managers and admins: each rep's count against their limit. */
export function useHoldings(enabled: boolean) {
  return useQuery({
    queryKey: [...holdingsKey, 'all'],
    queryFn: async () => (await api.get<{ items: Holdings[] }>('/pool/holdings')).items,
    enabled,
  });
}

export function useLapseWarnings() {
  return useQuery({
    queryKey: warningsKey,
    queryFn: async () => (await api.get<{ items: LapseWarning[] }>('/me/lapse-warnings')).items,
  });
}

/** The customers one user holds (my list, or a rep's list for their manager). */
export function useHeldCustomers(ownerId: string) {
  return useInfiniteQuery({
    queryKey: ['customers', 'held', ownerId],
    queryFn: ({ pageParam }) =>
      api.get<Page<Customer>>(
        `/customers${query({ ownerId, sort: '-lastContactAt', limit: 100, cursor: pageParam })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useClaim() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Customer>(`/customers/${id}/claim`),
    // A refusal (limit, cool-down, someone quicker) changes the list too, so reload either way.
    onSettled: () => invalidateOwnershipViews(queryClient),
  });
}

export function useRelease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string | null }) =>
      api.post<Customer>(`/customers/${id}/release`, reason ? { reason } : {}),
    onSuccess: () => invalidateOwnershipViews(queryClient),
  });
}

export function useAssign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ownerId,
      moveOpenWork,
    }: {
      id: string;
      ownerId: string;
      moveOpenWork?: boolean;
    }) =>
      api.post<{ customer: Customer; moved: MovedWork }>(`/customers/${id}/assign`, {
        ownerId,
        ...(moveOpenWork === undefined ? {} : { moveOpenWork }),
      }),
    onSuccess: () => invalidateOwnershipViews(queryClient),
  });
}

export function usePoolHistory(params: Record<string, string | undefined>, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...poolKey, 'history', params],
    queryFn: ({ pageParam }) =>
      api.get<Page<OwnershipEvent>>(
        `/pool/history${query({ ...params, limit: 50, cursor: pageParam })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOwnershipReport(params: { from: string; to: string; teamId?: string }) {
  return useQuery({
    queryKey: [...poolKey, 'report', params],
    queryFn: async () =>
      (await api.get<{ rows: OwnershipReportRow[] }>(`/pool/report${query(params)}`)).rows,
    placeholderData: keepPreviousData,
  });
}

export interface PoolSettings {
  holdingLimit: number;
  wonDealsExempt: boolean;
  cooldownDays: number;
  dailyClaimQuota: number | null;
  releaseReasonRequired: boolean;
  gridSpillDays: number;
  version: number;
  guidance: { min: number; typical: number; max: number };
}

export const poolSettingsKey = ['pool', 'settings'] as const;

export function usePoolSettings() {
  return useQuery({
    queryKey: poolSettingsKey,
    queryFn: () => api.get<PoolSettings>('/pool/settings'),
  });
}
