import { Alert, Flex, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { compactYuan, methodLabel, Yuan } from './format';
import { ReportChart } from './ReportChart';
import { type Backtest, useBacktest } from './reportsApi';

type Method = Backtest['summary'][number]['method'];
const COLOURS: Record<Method, string> = {
  weighted: '#1677ff',
  history: '#13c2c2',
  committed: '#722ed1',
};

/** What each method said at the start of past periods against what was won. */
export function BacktestPanel({
  params,
  unit,
  fileBase,
}: {
  params: Record<string, string | number | undefined>;
  unit: 'month' | 'quarter';
  fileBase: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useBacktest({ ...params, unit, periods: unit === 'month' ? 6 : 4 });
  const methodName = (m: Method) => methodLabel(t, m);
  const data = query.data;
  const option = useMemo(() => {
    if (!data) return {};
    const methods: Method[] = ['weighted', 'history', 'committed'];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 64, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: data.rows.map((r) => r.key) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compactYuan(v, locale) } },
      series: [
        {
          type: 'bar',
          name: t('forecast.actual'),
          itemStyle: { color: '#389e0d' },
          data: data.rows.map((r) => r.actual),
        },
        ...methods.map((method) => ({
          type: 'line',
          name: methodLabel(t, method),
          itemStyle: { color: COLOURS[method] },
          data: data.rows.map((r) => r.methods.find((m) => m.method === method)?.forecast ?? null),
        })),
      ],
    };
  }, [data, locale, t]);
  if (query.isPending) return <ListSkeleton />;
  if (query.isError || !data)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const best = [...data.summary]
    .filter((s) => s.meanAbsErrorPercent !== null)
    .sort((a, b) => (a.meanAbsErrorPercent ?? 0) - (b.meanAbsErrorPercent ?? 0))[0];
  const errorText = (percent: number | null) =>
    percent === null ? '—' : `${percent > 0 ? '+' : ''}${percent}%`;
  return (
    <Flex vertical gap={16}>
      {best && (
        <Alert
          type="info"
          showIcon
          message={t('forecast.bestMethod', {
            method: methodName(best.method),
            error: best.meanAbsErrorPercent,
          })}
        />
      )}
      <ReportChart
        title={t('forecast.backtestChart')}
        fileName={`${fileBase}-backtest`}
        option={option}
      />
      <Table
        aria-label={t('forecast.tabs.backtest')}
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: 760 }}
        dataSource={data.rows}
        columns={[
          { key: 'period', title: t('forecast.period'), dataIndex: 'key' },
          {
            key: 'actual',
            title: t('forecast.actual'),
            dataIndex: 'actual',
            align: 'right',
            render: (v: number) => <Yuan value={v} locale={locale} />,
          },
          ...(['weighted', 'history', 'committed'] as const).map((method) => ({
            key: method,
            title: `${methodName(method)} (${t('forecast.error')})`,
            align: 'right' as const,
            render: (_: unknown, row: Backtest['rows'][number]) => {
              const m = row.methods.find((x) => x.method === method);
              if (!m) return '—';
              return (
                <span>
                  <Yuan value={m.forecast} locale={locale} /> ({errorText(m.errorPercent)})
                </span>
              );
            },
          })),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              {t('forecast.meanAbsError')}
            </Table.Summary.Cell>
            {data.summary.map((s, i) => (
              <Table.Summary.Cell key={s.method} index={i + 2} align="right">
                {s.meanAbsErrorPercent === null ? '—' : `${s.meanAbsErrorPercent}%`}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
      />
    </Flex>
  );
}
