import { DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../components/ExportMenu';
import { useFunnels } from '../funnels/api';
import { useTeams } from '../settings/api';

export interface ScopeFilters {
  funnelId?: string;
  from?: string;
  to?: string;
  ownerId?: string;
  teamId?: string;
}

const DAY = 'YYYY-MM-DD';

/** Funnel, period, owner and team; changes apply at once (they live in the URL). */
export function ReportFilterBar({
  value,
  onChange,
  owners,
  withPeriod = true,
  exportHref,
  children,
}: {
  value: ScopeFilters;
  onChange: (next: ScopeFilters) => void;
  owners: { id: string; name: string }[];
  withPeriod?: boolean;
  exportHref?: (format: 'xlsx' | 'csv') => string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const funnels = useFunnels('deals');
  const teams = useTeams();
  const set = (patch: Partial<ScopeFilters>) => onChange({ ...value, ...patch });
  return (
    <Flex wrap gap={8} align="center">
      <Select
        aria-label={t('funnelReport.funnel')}
        style={{ minWidth: 180 }}
        placeholder={t('funnelReport.funnel')}
        value={value.funnelId ?? funnels.data?.[0]?.id}
        options={(funnels.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
        onChange={(funnelId) => set({ funnelId })}
      />
      {withPeriod && (
        <DatePicker.RangePicker
          aria-label={t('funnelReport.period')}
          allowEmpty={[true, true]}
          value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
          onChange={(range) => set({ from: range?.[0]?.format(DAY), to: range?.[1]?.format(DAY) })}
        />
      )}
      {owners.length > 0 && (
        <Select
          aria-label={t('funnelReport.owner')}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 140 }}
          placeholder={t('funnelReport.allOwners')}
          value={value.ownerId}
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
          onChange={(ownerId) => set({ ownerId })}
        />
      )}
      {teams.isSuccess && teams.data.length > 0 && (
        <Select
          aria-label={t('funnelReport.team')}
          allowClear
          style={{ minWidth: 140 }}
          placeholder={t('funnelReport.allTeams')}
          value={value.teamId}
          options={teams.data.map((team) => ({ value: team.id, label: team.name }))}
          onChange={(teamId) => set({ teamId })}
        />
      )}
      {children}
      {exportHref && <ExportMenu hrefFor={exportHref} />}
    </Flex>
  );
}

/** Filters kept in the URL's search params. */
export function filtersFromParams(params: URLSearchParams): ScopeFilters {
  const read = (key: string) => params.get(key) || undefined;
  return {
    funnelId: read('funnelId'),
    from: read('from'),
    to: read('to'),
    ownerId: read('ownerId'),
    teamId: read('teamId'),
  };
}

export function paramsFromFilters(filters: object): Record<string, string> {
  const search: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== '') search[key] = String(value);
  }
  return search;
}
