import { Card, Col, DatePicker, Flex, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../components/CurrentUser';
import { ExportMenu } from '../../components/ExportMenu';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { ratioText } from '../reports/format';
import {
  type SignalsReport,
  useSignalsReport,
  useWorkDataReport,
  type WorkDataFilters,
  type WorkDataRow,
  workDataExportHref,
} from './api';
import { signalLabel } from './labels';
import { TargetsCard } from './TargetsCard';
import { ActivityCalendar, ChannelBars, TargetTrend } from './WorkDataCharts';

const DAY = 'YYYY-MM-DD';
const minutes = (value: number | null) => (value === null ? '—' : Math.round(value).toString());
const mean = (value: number | null) => (value === null ? '—' : value.toFixed(1));

function RankingTable({ rows, benchmark }: { rows: WorkDataRow[]; benchmark: number }) {
  const { t } = useTranslation();
  const count = (key: keyof WorkDataRow & string, title: string): Column<WorkDataRow> => ({
    key,
    title,
    dataIndex: key,
    align: 'right',
  });
  // On a phone each rep is a card: rank and name as its title, the figures as lines.
  const columns: Column<WorkDataRow>[] = [
    {
      key: 'rep',
      title: t('workData.rep'),
      fixed: 'left',
      render: (_, row, index) => `${index + 1}. ${row.userName}`,
    },
    { key: 'team', title: t('workData.team'), render: (_, row) => row.teamName ?? '—' },
    count('activities', t('workData.activities')),
    count('effective', t('workData.metrics.effective')),
    {
      key: 'effectiveRatio',
      title: t('workData.effectiveRatio'),
      align: 'right',
      render: (_, row) => ratioText(row.effectiveRatio),
    },
    count('customersContacted', t('workData.contacted')),
    count('newCustomersContacted', t('workData.metrics.new_customers')),
    count('visits', t('workData.metrics.visits')),
    count('calls', t('workData.metrics.calls')),
    count('proposals', t('workData.metrics.proposals')),
    count('customersMovedForward', t('workData.movedForward')),
    {
      key: 'conversion',
      title: t('workData.conversion'),
      align: 'right',
      render: (_, row) =>
        row.conversion === null ? (
          '—'
        ) : (
          <Tag color={row.conversion >= benchmark ? 'green' : 'orange'}>
            {ratioText(row.conversion)}
          </Tag>
        ),
    },
    count('dealsWon', t('workData.dealsWon')),
    {
      key: 'followUps',
      title: t('workData.followUpsBeforeWin'),
      align: 'right',
      render: (_, row) => mean(row.avgFollowUpsBeforeWin),
    },
    {
      key: 'firstReply',
      title: t('workData.firstReply'),
      align: 'right',
      render: (_, row) => minutes(row.avgFirstReplyMinutes),
    },
  ];
  return (
    <ResponsiveTable<WorkDataRow>
      rowKey="userId"
      paginate={false}
      columns={columns}
      dataSource={rows}
      emptyText={t('workData.noReps')}
    />
  );
}

function SignalsTable({ report }: { report: SignalsReport | undefined }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('workData.signalsReport')}>
      <Table
        size="small"
        rowKey="signal"
        pagination={false}
        dataSource={report?.rows ?? []}
        columns={[
          {
            title: t('workData.fields.signals'),
            render: (_, row) => signalLabel(t, row.signal),
          },
          { title: t('workData.tagged'), dataIndex: 'tagged', align: 'right' },
          { title: t('workData.customers'), dataIndex: 'customers', align: 'right' },
          { title: t('workData.wonAfter'), dataIndex: 'won', align: 'right' },
          {
            title: t('workData.winRate'),
            align: 'right',
            render: (_, row) => ratioText(row.winRate),
          },
        ]}
      />
    </Card>
  );
}

/**
 * 报表 → 工作数据: per rep the work done in the period and what it led to — every figure from
 * GET /reports/work-data; the calendar, the trend against targets, the ranking, the signals.
 */
export default function WorkDataPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters: WorkDataFilters = useMemo(
    () => ({
      from: params.get('from') || dayjs().startOf('month').format(DAY),
      to: params.get('to') || dayjs().format(DAY),
      ownerId: params.get('ownerId') || undefined,
      teamId: params.get('teamId') || undefined,
    }),
    [params],
  );
  const set = (patch: Partial<WorkDataFilters>) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, ...patch })) {
      if (value) next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const report = useWorkDataReport(filters);
  const signals = useSignalsReport(filters);
  const everyone = useWorkDataReport({ from: filters.from, to: filters.to });
  const people = everyone.data?.rows ?? [];
  const teams = new Map<string, string>();
  for (const row of people) if (row.teamId) teams.set(row.teamId, row.teamName ?? '—');

  let content: React.ReactNode;
  if (report.isPending) content = <ListSkeleton rows={8} />;
  else if (report.isError)
    content = <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  else {
    const data = report.data;
    const totals = data.totals;
    content = (
      <Flex vertical gap={16}>
        <Row gutter={[16, 16]}>
          {[
            [t('workData.activities'), totals.activities],
            [t('workData.metrics.effective'), totals.effective],
            [t('workData.effectiveRatio'), ratioText(totals.effectiveRatio)],
            [t('workData.metrics.new_customers'), totals.newCustomersContacted],
            [t('workData.movedForward'), totals.customersMovedForward],
          ].map(([label, value]) => (
            <Col key={String(label)} xs={12} md={8} lg={4}>
              <Card size="small">
                <Statistic title={label} value={value as string | number} />
              </Card>
            </Col>
          ))}
          <Col xs={12} md={8} lg={4}>
            <Card size="small">
              <Statistic title={t('workData.conversion')} value={ratioText(totals.conversion)} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('workData.benchmark', { value: ratioText(data.benchmark) })}
              </Typography.Text>
            </Card>
          </Col>
        </Row>
        <Card size="small" title={t('workData.ranking')}>
          <RankingTable rows={data.rows} benchmark={data.benchmark} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('workData.rankingNote')}
          </Typography.Text>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <ActivityCalendar report={data} />
          </Col>
          <Col xs={24} xl={12}>
            <TargetTrend report={data} />
          </Col>
          <Col xs={24} xl={12}>
            <ChannelBars report={data} />
          </Col>
          <Col xs={24} xl={12}>
            <SignalsTable report={signals.data} />
          </Col>
        </Row>
        {me.role !== 'rep' && <TargetsCard rows={people} />}
      </Flex>
    );
  }

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.workData')}
        </Typography.Title>
        <Flex wrap gap={8} align="center">
          <DatePicker.RangePicker
            aria-label={t('workData.period')}
            allowClear={false}
            value={[dayjs(filters.from), dayjs(filters.to)]}
            onChange={(range) =>
              range?.[0] &&
              range[1] &&
              set({ from: range[0].format(DAY), to: range[1].format(DAY) })
            }
          />
          {me.role !== 'rep' && (
            <>
              <Select
                aria-label={t('workData.team')}
                allowClear
                style={{ minWidth: 140 }}
                placeholder={t('workData.allTeams')}
                value={filters.teamId}
                onChange={(teamId) => set({ teamId })}
                options={[...teams].map(([id, name]) => ({ value: id, label: name }))}
              />
              <Select
                aria-label={t('workData.rep')}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                style={{ minWidth: 140 }}
                placeholder={t('workData.allReps')}
                value={filters.ownerId}
                onChange={(ownerId) => set({ ownerId })}
                options={people.map((row) => ({ value: row.userId, label: row.userName }))}
              />
            </>
          )}
          <ExportMenu hrefFor={(format) => workDataExportHref(filters, format)} />
        </Flex>
      </Flex>
      {content}
    </>
  );
}
