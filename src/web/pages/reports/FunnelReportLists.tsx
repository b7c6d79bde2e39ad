import { Col, Empty, Row, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../i18n';
import { Loading, type TabProps } from './FunnelReportTabs';
import { Yuan } from './format';
import { ReportChart, STAGE_COLOURS } from './ReportChart';
import type { ScopeFilters } from './ReportFilterBar';
import { type StaleDeal, useLostReasons, useStaleDeals, useWonBySource } from './reportsApi';

/** Open deals past their stage's stale threshold. */
export function StaleTab({ filters }: { filters: ScopeFilters }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useStaleDeals({ ...filters });
  return (
    <Loading query={query}>
      {(data) =>
        data.items.length === 0 ? (
          <Empty description={t('funnelReport.noStale')} />
        ) : (
          <Table<StaleDeal>
            aria-label={t('funnelReport.tabs.stale')}
            size="small"
            rowKey="id"
            pagination={{
              pageSize: 20,
              showTotal: () => t('funnelReport.staleTotal', { count: data.total }),
            }}
            scroll={{ x: 720 }}
            dataSource={data.items}
            columns={[
              { key: 'name', title: t('funnelReport.deal'), dataIndex: 'name' },
              {
                key: 'customer',
                title: t('funnelReport.customer'),
                render: (_, d) => <Link to={`/customers/${d.customerId}`}>{d.customerName}</Link>,
              },
              { key: 'owner', title: t('funnelReport.owner'), dataIndex: 'ownerName' },
              { key: 'stage', title: t('funnelReport.stage'), dataIndex: 'stageName' },
              {
                key: 'amount',
                title: t('funnelReport.amount'),
                dataIndex: 'amount',
                align: 'right',
                render: (v: number) => <Yuan value={v} locale={locale} />,
              },
              {
                key: 'days',
                title: t('funnelReport.daysInStage'),
                dataIndex: 'daysInStage',
                align: 'right',
              },
            ]}
          />
        )
      }
    </Loading>
  );
}

/** Won customers by source channel (pie) and lost reasons (bar). */
export function SourcesTab({ filters, fileBase }: TabProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const won = useWonBySource({ ...filters });
  const lost = useLostReasons({ ...filters });
  const none = t('funnelReport.none');
  const pie = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          label: { formatter: '{b}\n{d}%' },
          data: (won.data?.rows ?? []).map((r, i) => ({
            name: r.source ?? none,
            value: r.customers,
            itemStyle: { color: STAGE_COLOURS[i % STAGE_COLOURS.length] },
          })),
        },
      ],
    }),
    [won.data, none],
  );
  const bars = useMemo(() => {
    const rows = lost.data?.rows ?? [];
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 120, right: 24, top: 16, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.reason ?? none) },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.deals),
          itemStyle: { color: '#8c8c8c' },
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [lost.data, none]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Loading query={won}>
          {(data) => (
            <ReportChart
              title={t('funnelReport.wonBySource')}
              fileName={`${fileBase}-sources`}
              option={pie}
            >
              <Table
                size="small"
                rowKey={(r) => r.source ?? '-'}
                pagination={false}
                dataSource={data.rows}
                columns={[
                  {
                    key: 'source',
                    title: t('funnelReport.source'),
                    render: (_, r) => r.source ?? none,
                  },
                  {
                    key: 'customers',
                    title: t('funnelReport.customers'),
                    dataIndex: 'customers',
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
      </Col>
      <Col xs={24} lg={12}>
        <Loading query={lost}>
          {(data) => (
            <ReportChart
              title={t('funnelReport.lostReasons')}
              fileName={`${fileBase}-lost`}
              option={bars}
            >
              <Table
                size="small"
                rowKey={(r) => r.reason ?? '-'}
                pagination={false}
                dataSource={data.rows}
                columns={[
                  {
                    key: 'reason',
                    title: t('funnelReport.reason'),
                    render: (_, r) => r.reason ?? none,
                  },
                  {
                    key: 'deals',
                    title: t('funnelReport.count'),
                    dataIndex: 'deals',
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
      </Col>
    </Row>
  );
}
