import { Segmented, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { ratioText, Yuan } from './format';
import { ReportChart, STAGE_COLOURS, stageColour } from './ReportChart';
import type { ScopeFilters } from './ReportFilterBar';
import { useFunnelBreakdown, useFunnelFlow, useFunnelTrend, useFunnelVelocity } from './reportsApi';

export interface TabProps {
  filters: ScopeFilters;
  fileBase: string;
}

export function Loading<T>({
  query,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown; data?: T };
  children: (data: T) => React.ReactNode;
}) {
  if (query.isPending) return <ListSkeleton />;
  if (query.isError || query.data === undefined)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

type Dimension = 'owner' | 'team' | 'product' | 'source';

/** Owners (or teams, products, sources) side by side: deals now per stage, stacked. */
export function OwnersTab({ filters, fileBase }: TabProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [by, setBy] = useState<Dimension>('owner');
  const query = useFunnelBreakdown({ ...filters, by });
  const byLabel: Record<Dimension, string> = {
    owner: t('funnelReport.owner'),
    team: t('funnelReport.team'),
    product: t('funnelReport.product'),
    source: t('funnelReport.source'),
  };
  const option = useMemo(() => {
    const data = query.data;
    if (!data) return {};
    const names = data.rows.map((r) => r.label ?? t('funnelReport.none'));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 48 },
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.stages.map((stage, i) => ({
        type: 'bar',
        stack: 'deals',
        name: stage.name,
        itemStyle: { color: stageColour(stage.key, i) },
        data: data.rows.map((r) => r.counts[i] ?? 0),
      })),
    };
  }, [query.data, t]);
  return (
    <Loading query={query}>
      {(data) => (
        <Flex2>
          <Segmented<Dimension>
            aria-label={t('funnelReport.breakdownBy')}
            value={by}
            onChange={setBy}
            options={(['owner', 'team', 'product', 'source'] as const).map((value) => ({
              value,
              label: byLabel[value],
            }))}
          />
          <ReportChart
            title={t('funnelReport.breakdownChart', { by: byLabel[by] })}
            fileName={`${fileBase}-${by}`}
            option={option}
          />
          <Table
            aria-label={t('funnelReport.breakdownChart', { by: byLabel[by] })}
            size="small"
            rowKey={(r) => r.key ?? '-'}
            pagination={false}
            scroll={{ x: 720 }}
            dataSource={data.rows}
            columns={[
              {
                key: 'owner',
                title: byLabel[by],
                render: (_, r) => r.label ?? t('funnelReport.none'),
              },
              ...data.stages.map((stage, i) => ({
                key: stage.key,
                title: stage.name,
                align: 'right' as const,
                render: (_: unknown, r: (typeof data.rows)[number]) => r.counts[i],
              })),
              {
                key: 'amount',
                title: t('funnelReport.amount'),
                align: 'right',
                render: (_, r) => <Yuan value={r.amount} locale={locale} />,
              },
              {
                key: 'weighted',
                title: t('funnelReport.weighted'),
                align: 'right',
                render: (_, r) => <Yuan value={r.weightedAmount} locale={locale} />,
              },
              {
                key: 'winRate',
                title: t('funnelReport.winRate'),
                align: 'right',
                render: (_, r) => ratioText(r.winRate),
              },
            ]}
          />
        </Flex2>
      )}
    </Loading>
  );
}

function Flex2({ children }: { children: React.ReactNode }) {
  return <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>{children}</div>;
}

/** Flow in the period: deals that entered each stage during it. */
export function FlowTab({ filters, fileBase }: TabProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useFunnelFlow({ ...filters });
  const option = useMemo(() => {
    const stages = query.data?.stages ?? [];
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: stages.map((s) => s.name) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: stages.map((s, i) => ({
            value: s.entered,
            itemStyle: { color: stageColour(s.key, i) },
          })),
          label: { show: true, position: 'top' },
        },
      ],
    };
  }, [query.data]);
  return (
    <Loading query={query}>
      {(data) => (
        <ReportChart
          title={t('funnelReport.flowChart', { from: data.from, to: data.to })}
          fileName={`${fileBase}-flow`}
          option={option}
        >
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={data.stages}
            columns={[
              { key: 'name', title: t('funnelReport.stage'), dataIndex: 'name' },
              {
                key: 'entered',
                title: t('funnelReport.entered'),
                dataIndex: 'entered',
                align: 'right',
              },
              {
                key: 'amount',
                title: t('funnelReport.amount'),
                dataIndex: 'amount',
                align: 'right',
                render: (v: number) => <Yuan value={v} locale={locale} />,
              },
            ]}
          />
        </ReportChart>
      )}
    </Loading>
  );
}

/** The monthly trend across a year, stacked by stage. */
export function TrendTab({ filters, fileBase }: TabProps) {
  const { t } = useTranslation();
  const query = useFunnelTrend({
    funnelId: filters.funnelId,
    ownerId: filters.ownerId,
    teamId: filters.teamId,
  });
  const option = useMemo(() => {
    const data = query.data;
    if (!data) return {};
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: data.months.map((m) => m.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.series.map((s, i) => ({
        type: 'bar',
        stack: 'entered',
        name: s.name,
        itemStyle: { color: stageColour(s.key, i) },
        data: s.entered,
      })),
    };
  }, [query.data]);
  return (
    <Loading query={query}>
      {(data) => (
        <ReportChart
          title={t('funnelReport.trendChart', { year: data.year })}
          fileName={`${fileBase}-trend-${data.year}`}
          option={option}
          height={360}
        />
      )}
    </Loading>
  );
}

/** Median and p80 days in each stage. */
export function VelocityTab({ filters, fileBase }: TabProps) {
  const { t } = useTranslation();
  const query = useFunnelVelocity({ ...filters });
  const option = useMemo(() => {
    const stages = query.data?.stages ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: stages.map((s) => s.name) },
      yAxis: { type: 'value', name: t('funnelReport.days') },
      series: [
        {
          type: 'bar',
          name: t('funnelReport.median'),
          data: stages.map((s) => s.medianDays),
          itemStyle: { color: STAGE_COLOURS[0] },
        },
        {
          type: 'bar',
          name: t('funnelReport.p80'),
          data: stages.map((s) => s.p80Days),
          itemStyle: { color: STAGE_COLOURS[3] },
        },
      ],
    };
  }, [query.data, t]);
  return (
    <Loading query={query}>
      {(data) => (
        <ReportChart
          title={t('funnelReport.velocityChart')}
          fileName={`${fileBase}-velocity`}
          option={option}
        >
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={data.stages}
            columns={[
              { key: 'name', title: t('funnelReport.stage'), dataIndex: 'name' },
              { key: 'stays', title: t('funnelReport.stays'), dataIndex: 'stays', align: 'right' },
              {
                key: 'median',
                title: t('funnelReport.median'),
                dataIndex: 'medianDays',
                align: 'right',
                render: (v: number | null) => v ?? '—',
              },
              {
                key: 'p80',
                title: t('funnelReport.p80'),
                dataIndex: 'p80Days',
                align: 'right',
                render: (v: number | null) => v ?? '—',
              },
            ]}
          />
        </ReportChart>
      )}
    </Loading>
  );
}
