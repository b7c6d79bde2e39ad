import { Card, Col, DatePicker, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ExportMenu } from '../../components/ExportMenu';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { compactYuan, Yuan } from './format';
import { ReportChart } from './ReportChart';
import { paramsFromFilters } from './ReportFilterBar';
import { type AssessedCustomer, exportHref, useAccountAssessment } from './reportsApi';

const QUADRANT_COLOURS: Record<string, string> = {
  strategic: '#cf1322',
  key: '#1677ff',
  potential: '#52c41a',
  general: '#8c8c8c',
};

/**
 * 报表 → 客户价值评估: customers by current revenue (sales records) against potential (weighted
 * open pipeline), split at the benchmarks into the four quadrants; value = current + potential.
 */
export default function AccountAssessmentPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(
    () => ({ from: params.get('from') || undefined, to: params.get('to') || undefined }),
    [params],
  );
  const report = useAccountAssessment(filters);
  const data = report.data;
  const labelOf = (key: string) => data?.quadrants.find((q) => q.quadrant === key)?.label ?? key;

  const option = useMemo(() => {
    if (!data) return {};
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { data: [number, number, string, string] }) =>
          `${p.data[2]}<br/>${t('assessment.current')}: ${compactYuan(p.data[0], locale)}<br/>${t('assessment.potential')}: ${compactYuan(p.data[1], locale)}<br/>${p.data[3]}`,
      },
      legend: { top: 0 },
      grid: { left: 72, right: 32, top: 40, bottom: 48 },
      xAxis: {
        type: 'value',
        name: t('assessment.current'),
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: { formatter: (v: number) => compactYuan(v, locale) },
      },
      yAxis: {
        type: 'value',
        name: t('assessment.potential'),
        axisLabel: { formatter: (v: number) => compactYuan(v, locale) },
      },
      series: data.quadrants.map((q, i) => ({
        type: 'scatter',
        name: q.label,
        itemStyle: { color: QUADRANT_COLOURS[q.quadrant] },
        symbolSize: 10,
        data: data.customers
          .filter((c) => c.quadrant === q.quadrant)
          .map((c) => [c.current, c.potential, c.name, q.label]),
        markLine:
          i === 0
            ? {
                symbol: 'none',
                silent: true,
                lineStyle: { type: 'dashed', color: '#999' },
                label: { show: false },
                data: [{ xAxis: data.currentBenchmark }, { yAxis: data.potentialBenchmark }],
              }
            : undefined,
      })),
    };
  }, [data, locale, t]);

  let body: React.ReactNode;
  if (report.isPending) body = <ListSkeleton />;
  else if (report.isError || !data)
    body = <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  else
    body = (
      <Flex vertical gap={16}>
        <Row gutter={[16, 16]}>
          {data.quadrants.map((q) => (
            <Col xs={12} md={6} key={q.quadrant}>
              <Card size="small">
                <Statistic
                  title={<Tag color={QUADRANT_COLOURS[q.quadrant]}>{q.label}</Tag>}
                  value={q.customers}
                  suffix={t('assessment.customersUnit')}
                />
                <Typography.Text type="secondary">
                  {t('assessment.valueOf', { amount: compactYuan(q.value, locale) })}
                </Typography.Text>
              </Card>
            </Col>
          ))}
        </Row>
        <ReportChart
          title={t('assessment.chartTitle')}
          fileName={`${t('nav.accountAssessment')}-${data.to}`}
          option={option}
          height={420}
        >
          <Typography.Text type="secondary">
            {t('assessment.benchmarks', {
              current: compactYuan(data.currentBenchmark, locale),
              potential: compactYuan(data.potentialBenchmark, locale),
              from: data.from,
              to: data.to,
            })}
          </Typography.Text>
        </ReportChart>
        <Table<AssessedCustomer>
          aria-label={t('assessment.tableTitle')}
          size="small"
          rowKey="customerId"
          scroll={{ x: 860 }}
          pagination={{
            pageSize: 20,
            showTotal: () => t('assessment.total', { count: data.total }),
          }}
          dataSource={data.customers}
          columns={[
            {
              key: 'name',
              title: t('funnelReport.customer'),
              render: (_, c) => <Link to={`/customers/${c.customerId}`}>{c.name}</Link>,
            },
            { key: 'owner', title: t('funnelReport.owner'), dataIndex: 'ownerName' },
            {
              key: 'score',
              title: t('assessment.score'),
              dataIndex: 'score',
              align: 'right',
              render: (v: number | null) => v ?? '—',
            },
            {
              key: 'current',
              title: t('assessment.current'),
              dataIndex: 'current',
              align: 'right',
              render: (v: number) => <Yuan value={v} locale={locale} />,
            },
            {
              key: 'potential',
              title: t('assessment.potential'),
              dataIndex: 'potential',
              align: 'right',
              render: (v: number) => <Yuan value={v} locale={locale} />,
            },
            {
              key: 'value',
              title: t('assessment.value'),
              dataIndex: 'value',
              align: 'right',
              render: (v: number) => <Yuan value={v} locale={locale} />,
            },
            {
              key: 'quadrant',
              title: t('assessment.quadrant'),
              dataIndex: 'quadrant',
              render: (q: string) => <Tag color={QUADRANT_COLOURS[q]}>{labelOf(q)}</Tag>,
            },
          ]}
        />
      </Flex>
    );

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.accountAssessment')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('assessment.subtitle')}</Typography.Text>
      </div>
      <Flex wrap gap={8}>
        <DatePicker.RangePicker
          aria-label={t('assessment.revenuePeriod')}
          allowEmpty={[true, true]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) =>
            setParams(
              paramsFromFilters({
                from: range?.[0]?.format('YYYY-MM-DD'),
                to: range?.[1]?.format('YYYY-MM-DD'),
              }),
              { replace: true },
            )
          }
        />
        <ExportMenu
          hrefFor={(format) => exportHref('/reports/account-assessment/export', filters, format)}
        />
      </Flex>
      {body}
    </Flex>
  );
}
