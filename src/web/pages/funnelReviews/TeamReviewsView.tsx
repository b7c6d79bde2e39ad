import DownloadOutlined from '@ant-design/icons/es/icons/DownloadOutlined';
import { Button, Card, Col, Flex, Row, Select, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { formatDate } from '../../../domain/format/dates';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import {
  type TeamOverview,
  type TeamRow,
  teamExportUrl,
  useMyReviews,
  useTeamOverview,
} from './api';
import { LeakRateText } from './LeakRateText';
import { latestDuePeriod, leakText, periodRange, recentPeriods } from './periods';
import { StatusTag } from './StatusTag';

type TeamTotals = TeamOverview['teams'][number];

/** The manager's side: for a period, who filed, who is late or missing, and the leak rates. */
export function TeamReviewsView() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const mine = useMyReviews();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? undefined;
  const setPeriod = (key: string) => setParams({ period: key }, { replace: true });
  // Opens on the latest period that is due (the current one is not due yet: every rep would
  // read as pending); the current one is the first option of the picker.
  const dueKey = mine.data ? latestDuePeriod(mine.data.today).key : undefined;
  const overview = useTeamOverview(period ?? dueKey, mine.isSuccess);

  if (mine.isPending || overview.isPending) return <ListSkeleton />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  if (overview.isError) {
    return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  }
  const data = overview.data;
  const dueDate = data.period.dueDate;
  const options = recentPeriods(mine.data.today, 12).map((p) => ({
    value: p.key,
    label: periodRange(p, locale),
  }));
  const columns: Column<TeamRow>[] = [
    { key: 'userName', dataIndex: 'userName', title: t('funnelReviews.rep') },
    {
      key: 'teamName',
      dataIndex: 'teamName',
      title: t('funnelReviews.team'),
      render: (name: string | null) => name ?? '—',
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('funnelReviews.statusTitle'),
      render: (_: unknown, row) => <StatusTag status={row.status} late={row.late} />,
    },
    {
      key: 'submittedAt',
      dataIndex: 'submittedAt',
      title: t('funnelReviews.submittedAt'),
      render: (at: string | null) =>
        at ? new Date(at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' }) : '—',
    },
    { key: 'lines', dataIndex: 'lines', title: t('funnelReviews.lines'), align: 'right' },
    {
      key: 'contacted',
      dataIndex: 'contacted',
      title: t('funnelReviews.contacted'),
      align: 'right',
    },
    {
      key: 'missing',
      dataIndex: 'missing',
      title: t('funnelReviews.missingCustomers'),
      align: 'right',
      render: (missing: number, row) => (
        <LeakRateText value={missing} leakRateStatus={row.leakRateStatus} dueDate={dueDate} />
      ),
    },
    {
      key: 'leakRate',
      dataIndex: 'leakRate',
      title: t('funnelReviews.leakRate'),
      align: 'right',
      render: (rate: number | null, row) => (
        <strong>
          <LeakRateText
            value={leakText(rate)}
            leakRateStatus={row.leakRateStatus}
            dueDate={dueDate}
          />
        </strong>
      ),
    },
  ];
  const total = data.total;

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap justify="space-between">
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('funnelReviews.period')}</Typography.Text>
          <Select
            aria-label={t('funnelReviews.period')}
            style={{ minWidth: 280 }}
            value={data.period.key}
            options={options}
            onChange={setPeriod}
          />
          <Typography.Text type="secondary">
            {t('funnelReviews.dueOn', { date: formatDate(data.period.dueDate, locale) })}
          </Typography.Text>
        </Flex>
        <Flex gap={8}>
          {(['xlsx', 'csv'] as const).map((format) => (
            <Button
              key={format}
              icon={<DownloadOutlined />}
              href={teamExportUrl(data.period.key, format, locale)}
              download
            >
              {format === 'xlsx' ? t('funnelReviews.exportXlsx') : t('funnelReviews.exportCsv')}
            </Button>
          ))}
        </Flex>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <section aria-label={t('funnelReviews.teamLeakRate')}>
              <Statistic
                title={t('funnelReviews.teamLeakRate')}
                valueRender={() => (
                  <LeakRateText
                    value={leakText(total.leakRate)}
                    leakRateStatus={total.leakRateStatus}
                    dueDate={dueDate}
                  />
                )}
              />
            </section>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {total.leakRateStatus === 'notDue'
                ? t('funnelReviews.teamLeakNotDue', { count: total.pending })
                : t('funnelReviews.ofContacted', {
                    missing: total.missingCustomers,
                    contacted: total.contacted,
                  })}
              {total.leakRateStatus !== 'notDue' && total.pending > 0
                ? ` · ${t('funnelReviews.pendingNotCounted', { count: total.pending })}`
                : ''}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('funnelReviews.submittedCount')}
              value={total.submitted}
              suffix={`/ ${total.reps}`}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('funnelReviews.status.late')} value={total.late} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('funnelReviews.status.missing')} value={total.missing} />
          </Card>
        </Col>
      </Row>
      {data.teams.length > 1 && (
        <Card size="small" title={t('funnelReviews.byTeam')}>
          <Table<TeamTotals>
            rowKey={(row) => row.teamId ?? 'none'}
            size="small"
            pagination={false}
            scroll={{ x: 600 }}
            dataSource={data.teams}
            columns={[
              {
                key: 'team',
                title: t('funnelReviews.team'),
                render: (_, row) => row.teamName ?? t('funnelReviews.noTeam'),
              },
              {
                key: 'submitted',
                title: t('funnelReviews.submittedCount'),
                render: (_, row) => `${row.submitted} / ${row.reps}`,
              },
              { key: 'late', dataIndex: 'late', title: t('funnelReviews.status.late') },
              { key: 'missing', dataIndex: 'missing', title: t('funnelReviews.status.missing') },
              {
                key: 'leakRate',
                title: t('funnelReviews.leakRate'),
                render: (_, row) => (
                  <LeakRateText
                    value={leakText(row.leakRate)}
                    leakRateStatus={row.leakRateStatus}
                    dueDate={dueDate}
                  />
                ),
              },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={t('funnelReviews.repsTitle')}>
        <ResponsiveTable<TeamRow>
          rowKey="userId"
          columns={columns}
          dataSource={data.rows}
          emptyText={t('funnelReviews.noReps')}
          onRowClick={(row) =>
            navigate(
              row.reviewId
                ? `/reports/funnel-reviews/${row.reviewId}`
                : `/reports/funnel-reviews/rep/${row.userId}/${data.period.key}`,
            )
          }
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('funnelReviews.rowHint')}
        </Typography.Text>
      </Card>
    </Flex>
  );
}
