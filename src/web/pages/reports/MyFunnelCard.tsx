import ReloadOutlined from '@ant-design/icons/es/icons/ReloadOutlined';
import { Button, Card, Col, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPercent } from '../../../domain/format';
import { ApiError } from '../../api/client';
import type { Locale } from '../../api/types';
import { useCurrentUser } from '../../components/CurrentUser';
import { ProgressLine } from '../../components/ProgressLine';
import { currentLocale } from '../../i18n';
import { compactYuan, methodLabel, ratioText, Yuan } from './format';
import MyFunnelChart from './MyFunnelChart';
import {
  type Forecast,
  type FunnelReport,
  type FunnelStageRow,
  useForecast,
  useFunnelReport,
} from './reportsApi';
import { stageColour } from './stageColours';

const CHART_HEIGHT = 200;

/** Deals open in each stage: the numbers beside the chart. */
function StageTable({ stages, locale }: { stages: FunnelStageRow[]; locale: Locale }) {
  const { t } = useTranslation();
  const cell = { padding: '4px 0', textAlign: 'right' as const };
  const total = stages.reduce((sum, s) => sum + s.count, 0);
  return (
    <table
      aria-label={t('dashboard.stageTable')}
      style={{ width: '100%', borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums' }}
    >
      <thead>
        <tr style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
          <th style={{ ...cell, textAlign: 'left', fontWeight: 'normal' }}>
            {t('funnelReport.stage')}
          </th>
          <th style={{ ...cell, fontWeight: 'normal' }}>{t('funnelReport.count')}</th>
          <th style={{ ...cell, fontWeight: 'normal' }}>{t('funnelReport.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {stages.map((stage, i) => (
          <tr key={stage.key} style={{ borderTop: '1px solid #f0f0f0' }}>
            <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 'normal' }}>
              <span
                aria-hidden
                style={{
                  display: 'inline-block',
                  width: 8,
                  height: 8,
                  borderRadius: 4,
                  marginRight: 6,
                  background: stageColour(stage.key, i),
                }}
              />
              {stage.name}
            </th>
            <td style={cell}>{stage.count}</td>
            <td style={cell}>
              <Yuan value={stage.amount} locale={locale} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr style={{ borderTop: '1px solid #d9d9d9', fontWeight: 600 }}>
          <th scope="row" style={{ ...cell, textAlign: 'left' }}>
            {t('dashboard.openTotal')}
          </th>
          <td style={cell}>{total}</td>
          {/* Σ of the server's per-stage sums, already in 元 with 2 decimals. */}
          <td style={cell}>
            <Yuan value={sumYuan(stages.map((s) => s.amount))} locale={locale} />
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** Adds 元 amounts in whole cents, so 0.1 + 0.2 stays 0.3. */
function sumYuan(values: number[]): number {
  return values.reduce((sum, v) => sum + Math.round(v * 100), 0) / 100;
}

/** This month: target, won so far, and each method's forecast (won + expected) against it. */
function ForecastSummary({ forecast, locale }: { forecast: Forecast; locale: Locale }) {
  const { t } = useTranslation();
  const { target, won } = forecast;
  const wonPercent = target ? Math.round((won / target) * 1000) / 10 : null;
  return (
    <Flex vertical gap={8}>
      <Flex gap={24} wrap>
        <Statistic
          title={t('dashboard.target')}
          value={target === null ? t('dashboard.noTarget') : compactYuan(target, locale)}
          styles={
            target === null ? { content: { fontSize: 16, color: 'rgba(0,0,0,0.45)' } } : undefined
          }
        />
        <Statistic title={t('dashboard.won')} value={compactYuan(won, locale)} />
      </Flex>
      {wonPercent !== null && (
        <ProgressLine
          percent={wonPercent}
          label={t('dashboard.won')}
          color="#389e0d"
          text={formatPercent(wonPercent)}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dashboard.forecastHint')}
      </Typography.Text>
      <Flex vertical gap={4} role="list" aria-label={t('dashboard.forecastList')}>
        {forecast.methods.map((m) => (
          <Flex
            key={m.method}
            role="listitem"
            aria-label={methodLabel(t, m.method)}
            justify="space-between"
            gap={8}
            style={{ fontVariantNumeric: 'tabular-nums' }}
          >
            <Typography.Text>{methodLabel(t, m.method)}</Typography.Text>
            <span>
              <Yuan value={m.total} locale={locale} />
              {m.attainment !== null && (
                <Typography.Text type="secondary" style={{ marginLeft: 4 }}>
                  {' '}
                  {ratioText(m.attainment)}
                </Typography.Text>
              )}
            </span>
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}

function Funnel({ report, locale }: { report: FunnelReport; locale: Locale }) {
  const { t } = useTranslation();
  // Terminal stages are always keyed won and lost (validateFunnelStages).
  const openStages = report.stages.filter((s) => s.key !== 'won' && s.key !== 'lost');
  if (openStages.every((s) => s.count === 0)) {
    return (
      <Flex vertical align="center" justify="center" gap={8} style={{ minHeight: CHART_HEIGHT }}>
        <Typography.Text type="secondary">{t('dashboard.noDeals')}</Typography.Text>
        <Link to="/deals">{t('dashboard.openBoard')}</Link>
      </Flex>
    );
  }
  const label = t('dashboard.chart');
  return (
    <Row gutter={[16, 12]}>
      <Col xs={24} sm={12}>
        <MyFunnelChart stages={openStages} locale={locale} label={label} height={CHART_HEIGHT} />
      </Col>
      <Col xs={24} sm={12}>
        <StageTable stages={openStages} locale={locale} />
      </Col>
    </Row>
  );
}

/**
 * My day (工作台): the viewer's open funnel and this month's forecast against the target. The
 * API scopes both by visibility — a rep's own deals and target, a manager's teams', an admin's
 * whole org — so the title says whose numbers these are.
 */
export function MyFunnelCard() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useCurrentUser();
  const report = useFunnelReport({});
  const forecast = useForecast({});

  const title =
    me.role === 'rep'
      ? t('dashboard.titleMine')
      : me.role === 'manager'
        ? t('dashboard.titleTeam')
        : t('dashboard.titleAll');
  const failed = report.error ?? forecast.error;
  const noFunnel = failed instanceof ApiError && failed.status === 404;

  let body: React.ReactNode;
  if (noFunnel) {
    body = <Typography.Text type="secondary">{t('dashboard.noFunnel')}</Typography.Text>;
  } else if (failed) {
    body = (
      <Flex gap={8} align="center">
        <Typography.Text type="danger">{t('states.loadFailed')}</Typography.Text>
        <Button
          size="small"
          icon={<ReloadOutlined />}
          onClick={() => void Promise.all([report.refetch(), forecast.refetch()])}
        >
          {t('common.retry')}
        </Button>
      </Flex>
    );
  } else {
    // Each half shows as soon as its own call answers: the funnel is the quicker one, and the
    // page counts as ready when it is drawn.
    const loading = <Skeleton active title={false} paragraph={{ rows: 6 }} />;
    body = (
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={15}>
          {report.data ? <Funnel report={report.data} locale={locale} /> : loading}
        </Col>
        <Col xs={24} lg={9}>
          {forecast.data ? <ForecastSummary forecast={forecast.data} locale={locale} /> : loading}
        </Col>
      </Row>
    );
  }

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="baseline" wrap>
          <span>{title}</span>
          {forecast.data && (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('dashboard.period', { period: forecast.data.period.key, day: forecast.data.asOf })}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={
        <Flex gap={12}>
          <Link to="/reports/funnel">{t('dashboard.funnelReport')}</Link>
          <Link to="/reports/forecast">{t('dashboard.forecast')}</Link>
        </Flex>
      }
    >
      {body}
    </Card>
  );
}
