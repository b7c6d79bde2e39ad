import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Backtest,
  Forecast,
  ForecastDeals,
  Target,
} from '../../../server/modules/forecast/forecast.schema';
import type { AccountAssessment } from '../../../server/modules/reports/accountAssessment.schema';
import type {
  FunnelBreakdown,
  FunnelFlow,
  FunnelReport,
  FunnelTrend,
  FunnelVelocity,
  LostReasons,
  StaleDeals,
  WonBySource,
} from '../../../server/modules/reports/funnelReport.schema';
import { API_BASE, api, query } from '../../api/client';
import { currentLocale } from '../../i18n';

export type {
  AccountAssessment,
  Backtest,
  Forecast,
  ForecastDeals,
  FunnelBreakdown,
  FunnelFlow,
  FunnelReport,
  FunnelTrend,
  FunnelVelocity,
  LostReasons,
  StaleDeals,
  Target,
  WonBySource,
};
export type FunnelStageRow = FunnelReport['stages'][number];
export type StaleDeal = StaleDeals['items'][number];
export type AssessedCustomer = AccountAssessment['customers'][number];
type Params = Record<string, string | number | undefined>;

/** Report texts come back in one language, so the language is part of every key. */
function useReport<T>(path: string, params: Params, enabled = true) {
  return useQuery({
    queryKey: ['reports', path, params, currentLocale()],
    queryFn: () => api.get<T>(`${path}${query({ ...params, locale: currentLocale() })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const useFunnelReport = (p: Params, on = true) =>
  useReport<FunnelReport>('/reports/funnel', p, on);
export const useFunnelBreakdown = (p: Params, on = true) =>
  useReport<FunnelBreakdown>('/reports/funnel/breakdown', p, on);
export const useFunnelFlow = (p: Params, on = true) =>
  useReport<FunnelFlow>('/reports/funnel/flow', p, on);
export const useFunnelTrend = (p: Params, on = true) =>
  useReport<FunnelTrend>('/reports/funnel/trend', p, on);
export const useFunnelVelocity = (p: Params, on = true) =>
  useReport<FunnelVelocity>('/reports/funnel/velocity', p, on);
export const useStaleDeals = (p: Params, on = true) =>
  useReport<StaleDeals>('/reports/funnel/stale', p, on);
export const useWonBySource = (p: Params, on = true) =>
  useReport<WonBySource>('/reports/funnel/won-by-source', p, on);
export const useLostReasons = (p: Params, on = true) =>
  useReport<LostReasons>('/reports/funnel/lost-reasons', p, on);
export const useForecast = (p: Params, on = true) => useReport<Forecast>('/forecast', p, on);
/** A page of the forecast's open deals (`limit`, `offset`, `sort`, `order` in `p`). */
export const useForecastDeals = (p: Params, on = true) =>
  useReport<ForecastDeals>('/forecast/deals', p, on);
export const useBacktest = (p: Params, on = true) =>
  useReport<Backtest>('/forecast/backtest', p, on);
export const useAccountAssessment = (p: Params) =>
  useReport<AccountAssessment>('/reports/account-assessment', p);

/** A server export as a link: the session cookie carries the login; headers in the screen's language. */
export function exportHref(path: string, params: Params, format: 'xlsx' | 'csv'): string {
  return `${API_BASE}${path}${query({ ...params, format, locale: currentLocale() })}`;
}

const targetsKey = ['forecast', 'targets'] as const;

export function useTargets(period: string) {
  return useQuery({
    queryKey: [...targetsKey, period],
    queryFn: async () =>
      (await api.get<{ items: Target[] }>(`/forecast/targets${query({ period })}`)).items,
  });
}

export function useSaveTarget() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      id?: string;
      version?: number;
      periodKey: string;
      userId?: string;
      teamId?: string;
      amount: string;
    }) =>
      body.id
        ? api.patch(`/forecast/targets/${body.id}`, { amount: body.amount, version: body.version })
        : api.post('/forecast/targets', {
            periodKey: body.periodKey,
            userId: body.userId,
            teamId: body.teamId,
            amount: body.amount,
          }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: targetsKey }),
        client.invalidateQueries({ queryKey: ['reports', '/forecast'] }),
      ]),
  });
}

export function useDeleteTarget() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (target: { id: string; version: number }) =>
      api.delete(`/forecast/targets/${target.id}${query({ version: target.version })}`),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: targetsKey }),
        client.invalidateQueries({ queryKey: ['reports', '/forecast'] }),
      ]),
  });
}
