import { Col, Flex, Grid, Row, Statistic, Table, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { zonedDay } from '../../../domain/format/dates';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { SourcesTab, StaleTab } from './FunnelReportLists';
import { FlowTab, OwnersTab, TrendTab, VelocityTab } from './FunnelReportTabs';
import { ratioText, Yuan } from './format';
import { ReportChart, stageColour } from './ReportChart';
import { filtersFromParams, paramsFromFilters, ReportFilterBar } from './ReportFilterBar';
import { exportHref, type FunnelStageRow, useFunnelBreakdown, useFunnelReport } from './reportsApi';

/**
 * 报表 → 销售漏斗报表: the deals in each stage now with reached and conversion (API.md's fixed
 * GET /reports/funnel), and tabs for the other views. Every figure comes from the server.
 */
export default function FunnelReportPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const report = useFunnelReport({ ...filters });
  const owners = useFunnelBreakdown({ funnelId: filters.funnelId, by: 'owner' });
  const ownerOptions = (owners.data?.rows ?? [])
    .filter((row) => row.key)
    .map((row) => ({ id: row.key as string, name: row.label ?? '—' }));
  const phone = Grid.useBreakpoint().md === false;
  const stages = report.data?.stages ?? [];
  const openAndWon = stages.filter((s) => s.key !== 'lost');
  const fileBase = `${t('nav.funnelReport')}-${zonedDay(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone)}`;

  const funnelOption = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '10%',
          width: '80%',
          top: 8,
          bottom: 8,
          min: 0,
          max: Math.max(1, ...openAndWon.map((s) => s.reached)),
          minSize: '15%',
          gap: 2,
          label: { show: true, position: 'inside', formatter: '{b}: {c}' },
          data: openAndWon.map((s, i) => ({
            name: s.name,
            value: s.reached,
            itemStyle: { color: stageColour(s.key, i) },
          })),
        },
      ],
    }),
    [openAndWon],
  );
  const successOption = useMemo(() => {
    const rows = stages.filter((s) => s.conversionToNext !== null);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      grid: { left: 48, right: 16, top: 16, bottom: phone ? 64 : 44 },
      // Every stage named under its bar: long English names wrap (slant on a phone) rather than
      // drop out.
      xAxis: {
        type: 'category',
        data: rows.map((s) => s.name),
        axisLabel: phone
          ? { interval: 0, rotate: 35 }
          : { interval: 0, width: 90, overflow: 'break' },
      },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          data: rows.map((s, i) => ({
            value: Math.round((s.conversionToNext ?? 0) * 1000) / 10,
            itemStyle: { color: stageColour(s.key, i) },
          })),
          label: { show: true, position: 'top', formatter: '{c}%' },
        },
      ],
    };
  }, [stages, phone]);

  const scopeParams = { ...filters };
  let overview: React.ReactNode;
  if (report.isPending) overview = <ListSkeleton />;
  else if (report.isError)
    overview = <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  else
    overview = (
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <ReportChart
            title={t('funnelReport.reachedChart')}
            fileName={`${fileBase}-funnel`}
            option={funnelOption}
          >
            <Statistic
              title={t('funnelReport.winRate')}
              value={ratioText(report.data.winRate)}
              style={{ marginTop: 8 }}
            />
          </ReportChart>
        </Col>
        <Col xs={24} xl={15}>
          <Table<FunnelStageRow>
            aria-label={t('funnelReport.stageTable')}
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={stages}
            scroll={{ x: 560 }}
            columns={[
              { key: 'name', title: t('funnelReport.stage'), dataIndex: 'name' },
              { key: 'count', title: t('funnelReport.count'), dataIndex: 'count', align: 'right' },
              {
                key: 'amount',
                title: t('funnelReport.amount'),
                dataIndex: 'amount',
                align: 'right',
                render: (v: number) => <Yuan value={v} locale={locale} />,
              },
              {
                key: 'weighted',
                title: t('funnelReport.weighted'),
                dataIndex: 'weightedAmount',
                align: 'right',
                render: (v: number) => <Yuan value={v} locale={locale} />,
              },
              {
                key: 'reached',
                title: t('funnelReport.reached'),
                dataIndex: 'reached',
                align: 'right',
              },
              {
                key: 'conversion',
                title: t('funnelReport.conversion'),
                dataIndex: 'conversionToNext',
                align: 'right',
                render: (v: number | null) => ratioText(v),
              },
            ]}
          />
          <div style={{ marginTop: 16 }}>
            <ReportChart
              title={t('funnelReport.successChart')}
              fileName={`${fileBase}-success`}
              option={successOption}
              height={240}
            />
          </div>
        </Col>
      </Row>
    );

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.funnelReport')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('funnelReport.subtitle')}</Typography.Text>
      </div>
      <ReportFilterBar
        value={filters}
        owners={ownerOptions}
        onChange={(next) => setParams(paramsFromFilters(next), { replace: true })}
        exportHref={(format) => exportHref('/reports/funnel/export', scopeParams, format)}
      />
      <Tabs
        items={[
          { key: 'overview', label: t('funnelReport.tabs.overview'), children: overview },
          {
            key: 'owners',
            label: t('funnelReport.tabs.owners'),
            children: <OwnersTab filters={filters} fileBase={fileBase} />,
          },
          {
            key: 'flow',
            label: t('funnelReport.tabs.flow'),
            children: <FlowTab filters={filters} fileBase={fileBase} />,
          },
          {
            key: 'trend',
            label: t('funnelReport.tabs.trend'),
            children: <TrendTab filters={filters} fileBase={fileBase} />,
          },
          {
            key: 'velocity',
            label: t('funnelReport.tabs.velocity'),
            children: <VelocityTab filters={filters} fileBase={fileBase} />,
          },
          {
            key: 'stale',
            label: t('funnelReport.tabs.stale'),
            children: <StaleTab filters={filters} />,
          },
          {
            key: 'sources',
            label: t('funnelReport.tabs.sources'),
            children: <SourcesTab filters={filters} fileBase={fileBase} />,
          },
        ]}
      />
    </Flex>
  );
}
