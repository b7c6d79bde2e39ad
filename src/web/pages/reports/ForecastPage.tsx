import {
  Card,
  Col,
  DatePicker,
  Flex,
  InputNumber,
  Progress,
  Row,
  Select,
  Statistic,
  Table,
  Tabs,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import quarterOfYear from 'dayjs/plugin/quarterOfYear';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../components/CurrentUser';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { BacktestPanel } from './BacktestPanel';
import { ForecastDealsTable } from './ForecastDealsTable';
import { compactYuan, methodLabel, ratioText } from './format';
import { ReportChart, STAGE_COLOURS } from './ReportChart';
import { filtersFromParams, paramsFromFilters, ReportFilterBar } from './ReportFilterBar';
import { exportHref, type Forecast, useForecast, useFunnelBreakdown } from './reportsApi';
import { TargetsEditor } from './TargetsEditor';

dayjs.extend(quarterOfYear);

type Method = Forecast['methods'][number]['method'];

export const METHOD_COLOURS: Record<Method, string> = {
  weighted: STAGE_COLOURS[0] as string,
  history: STAGE_COLOURS[1] as string,
  committed: STAGE_COLOURS[4] as string,
};

/** 'YYYY-MM' or 'YYYY-Qn' for a picked day. */
function periodKey(day: dayjs.Dayjs, unit: 'month' | 'quarter'): string {
  return unit === 'month' ? day.format('YYYY-MM') : `${day.year()}-Q${day.quarter()}`;
}

function periodDay(key: string | undefined): dayjs.Dayjs | null {
  if (!key) return null;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter)
    return dayjs(`${quarter[1]}-${String(Number(quarter[2]) * 3 - 2).padStart(2, '0')}-01`);
  return dayjs(`${key}-01`);
}

/**
 * 报表 → 销售预测: a month or quarter forecast by the three methods (weighted pipeline, the
 * org's own history, the reps' committed numbers) against the target, with the backtest.
 */
export default function ForecastPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const scope = useMemo(() => filtersFromParams(params), [params]);
  const period = params.get('period') || undefined;
  const unit: 'month' | 'quarter' = period?.includes('Q') ? 'quarter' : 'month';
  const lookbackMonths = Number(params.get('lookbackMonths')) || 12;
  const forecastParams = {
    funnelId: scope.funnelId,
    ownerId: scope.ownerId,
    teamId: scope.teamId,
    period,
    lookbackMonths,
  };
  const forecast = useForecast(forecastParams);
  const owners = useFunnelBreakdown({ funnelId: scope.funnelId, by: 'owner' });
  const ownerOptions = (owners.data?.rows ?? [])
    .filter((row) => row.key)
    .map((row) => ({ id: row.key as string, name: row.label ?? '—' }));
  const update = (patch: Record<string, string | number | undefined>) =>
    setParams(paramsFromFilters({ ...Object.fromEntries(params), ...patch }), { replace: true });
  const methodName = (m: Method) => methodLabel(t, m);
  const data = forecast.data;
  const fileBase = `${t('nav.forecast')}-${data?.period.key ?? ''}`;

  const chart = useMemo(() => {
    if (!data) return {};
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 64, right: 24, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: data.methods.map((m) => methodLabel(t, m.method)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compactYuan(v, locale) } },
      series: [
        {
          type: 'bar',
          name: t('forecast.won'),
          stack: 'total',
          itemStyle: { color: '#389e0d' },
          data: data.methods.map(() => data.won),
        },
        {
          type: 'bar',
          name: t('forecast.expected'),
          stack: 'total',
          data: data.methods.map((m) => ({
            value: m.expected,
            itemStyle: { color: METHOD_COLOURS[m.method] },
          })),
          markLine:
            data.target === null
              ? undefined
              : {
                  symbol: 'none',
                  lineStyle: { color: '#cf1322', type: 'dashed' },
                  label: {
                    formatter: `${t('forecast.target')} ${compactYuan(data.target, locale)}`,
                  },
                  data: [{ yAxis: data.target }],
                },
        },
      ],
    };
  }, [data, locale, t]);

  let body: React.ReactNode;
  if (forecast.isPending) body = <ListSkeleton />;
  else if (forecast.isError || !data)
    body = <ErrorState error={forecast.error} onRetry={() => void forecast.refetch()} />;
  else
    body = (
      <Flex vertical gap={16}>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={t('forecast.target')}
                value={data.target === null ? '—' : compactYuan(data.target, locale)}
              />
              <Typography.Text type="secondary">
                {t('forecast.wonSoFar', { amount: compactYuan(data.won, locale) })}
              </Typography.Text>
            </Card>
          </Col>
          {data.methods.map((m) => (
            <Col xs={12} md={6} key={m.method}>
              <Card size="small" aria-label={methodName(m.method)}>
                <Statistic title={methodName(m.method)} value={compactYuan(m.total, locale)} />
                <Typography.Text type="secondary">
                  {t('forecast.expectedOpen', { amount: compactYuan(m.expected, locale) })}
                </Typography.Text>
                {m.attainment !== null && (
                  <Progress
                    percent={Math.round(m.attainment * 1000) / 10}
                    size="small"
                    strokeColor={METHOD_COLOURS[m.method]}
                    format={() => ratioText(m.attainment)}
                  />
                )}
              </Card>
            </Col>
          ))}
        </Row>
        <ReportChart
          title={t('forecast.chartTitle', { period: data.period.key })}
          fileName={fileBase}
          option={chart}
          height={300}
        />
        <Typography.Text type="secondary">
          {t('forecast.asOf', { day: data.asOf, from: data.period.from, to: data.period.to })}
        </Typography.Text>
      </Flex>
    );

  const manages = user.role === 'admin' || user.role === 'manager';
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.forecast')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('forecast.subtitle')}</Typography.Text>
      </div>
      <ReportFilterBar
        value={scope}
        owners={ownerOptions}
        withPeriod={false}
        onChange={(next) => update({ ...next })}
        exportHref={(format) => exportHref('/forecast/export', forecastParams, format)}
      >
        <Select
          aria-label={t('forecast.unit')}
          value={unit}
          style={{ width: 96 }}
          options={[
            { value: 'month', label: t('forecast.month') },
            { value: 'quarter', label: t('forecast.quarter') },
          ]}
          onChange={(next: 'month' | 'quarter') =>
            update({ period: periodKey(periodDay(period ?? data?.period.key) ?? dayjs(), next) })
          }
        />
        <DatePicker
          aria-label={t('forecast.period')}
          picker={unit}
          allowClear={false}
          value={periodDay(period ?? data?.period.key) ?? dayjs()}
          onChange={(day) => day && update({ period: periodKey(day, unit) })}
        />
        <Flex align="center" gap={4}>
          <Typography.Text type="secondary">{t('forecast.lookback')}</Typography.Text>
          <InputNumber
            aria-label={t('forecast.lookback')}
            min={1}
            max={60}
            value={lookbackMonths}
            onChange={(value) => value && update({ lookbackMonths: value })}
            style={{ width: 72 }}
          />
        </Flex>
      </ReportFilterBar>
      {body}
      <Tabs
        items={[
          {
            key: 'deals',
            label: t('forecast.tabs.deals'),
            children: (
              <ForecastDealsTable key={JSON.stringify(forecastParams)} params={forecastParams} />
            ),
          },
          {
            key: 'rates',
            label: t('forecast.tabs.rates'),
            children: (
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={data?.stageRates ?? []}
                columns={[
                  { key: 'name', title: t('funnelReport.stage'), dataIndex: 'name' },
                  {
                    key: 'entered',
                    title: t('funnelReport.entered'),
                    dataIndex: 'entered',
                    align: 'right',
                  },
                  { key: 'won', title: t('forecast.wonCount'), dataIndex: 'won', align: 'right' },
                  {
                    key: 'lost',
                    title: t('forecast.lostCount'),
                    dataIndex: 'lost',
                    align: 'right',
                  },
                  {
                    key: 'p',
                    title: t('forecast.historyProbability'),
                    dataIndex: 'winProbability',
                    align: 'right',
                    render: (v: number | null) => ratioText(v),
                  },
                  {
                    key: 'days',
                    title: t('forecast.medianDays'),
                    dataIndex: 'medianDaysToClose',
                    align: 'right',
                    render: (v: number | null) => v ?? '—',
                  },
                ]}
              />
            ),
          },
          {
            key: 'backtest',
            label: t('forecast.tabs.backtest'),
            children: (
              <BacktestPanel
                params={{ ...forecastParams, period: undefined }}
                unit={unit}
                fileBase={fileBase}
              />
            ),
          },
          ...(manages
            ? [
                {
                  key: 'targets',
                  label: t('forecast.tabs.targets'),
                  children: <TargetsEditor period={data?.period.key} />,
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
