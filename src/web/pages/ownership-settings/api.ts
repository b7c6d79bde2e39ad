import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateLapseRuleRequest,
  LapseRule,
  PreviewResult,
  UpdateLapseRuleRequest,
} from '../../../server/modules/lapseRules/lapseRules.schema';
import type {
  CreateTerritoryRequest,
  HoldingLimitOverride,
  Territory,
  UpdateOwnershipSettingsRequest,
} from '../../../server/modules/pool/pool.schema';
import { api } from '../../api/client';
import { type PoolSettings, poolSettingsKey } from '../pool/api';

export type { HoldingLimitOverride, LapseRule, PreviewResult, Territory };
export type LapseRuleDraft = z.input<typeof CreateLapseRuleRequest>;

const limitsKey = ['pool', 'holding-limits'] as const;
const territoriesKey = ['pool', 'territories'] as const;
const rulesKey = ['pool', 'lapse-rules'] as const;

/** After any policy change: the pool, holdings and warnings may all read differently. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['pool'] });
}

export function useUpdatePoolSettings() {
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOwnershipSettingsRequest) =>
      api.patch<PoolSettings>('/pool/settings', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(poolSettingsKey, saved);
      return refresh();
    },
  });
}

export function useHoldingLimits() {
  return useQuery({
    queryKey: limitsKey,
    queryFn: async () =>
      (await api.get<{ items: HoldingLimitOverride[] }>('/pool/holding-limits')).items,
  });
}

export function useSetHoldingLimit() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { scope: 'teams' | 'users'; targetId: string; holdingLimit: number }) =>
      api.put<HoldingLimitOverride>(`/pool/holding-limits/${input.scope}/${input.targetId}`, {
        holdingLimit: input.holdingLimit,
      }),
    onSuccess: refresh,
  });
}

export function useRemoveHoldingLimit() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { scope: 'teams' | 'users'; targetId: string }) =>
      api.delete(`/pool/holding-limits/${input.scope}/${input.targetId}`),
    onSuccess: refresh,
  });
}

export function useTerritories() {
  return useQuery({
    queryKey: territoriesKey,
    queryFn: async () => (await api.get<{ items: Territory[] }>('/pool/territories')).items,
  });
}

export function useCreateTerritory() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateTerritoryRequest) => api.post<Territory>('/pool/territories', body),
    onSuccess: refresh,
  });
}

export function useDeleteTerritory() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/pool/territories/${id}`),
    onSuccess: refresh,
  });
}

export function useLapseRules() {
  return useQuery({
    queryKey: rulesKey,
    queryFn: async () => (await api.get<{ items: LapseRule[] }>('/pool/lapse-rules')).items,
  });
}

export function useSaveLapseRule() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { id?: string; body: LapseRuleDraft | UpdateLapseRuleRequest }) =>
      input.id
        ? api.patch<LapseRule>(`/pool/lapse-rules/${input.id}`, input.body)
        : api.post<LapseRule>('/pool/lapse-rules', input.body),
    onSuccess: refresh,
  });
}

export function useDeleteLapseRule() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/pool/lapse-rules/${id}`),
    onSuccess: refresh,
  });
}

/** "With these rules, 37 customers would lapse tomorrow": saved rules, or a draft set. */
export function usePreviewLapses() {
  return useMutation({
    mutationFn: (body: { rules?: LapseRuleDraft[]; day?: string }) =>
      api.post<PreviewResult>('/pool/lapse-rules/preview', body),
  });
}
