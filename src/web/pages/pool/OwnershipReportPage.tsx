import { Card, DatePicker, Drawer, Flex, Grid, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../components/CurrentUser';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { useTeams } from '../settings/api';
import { type OwnershipReportRow, useOwnershipReport } from './api';
import { OwnershipHistory } from './OwnershipHistory';

const DAY = 'YYYY-MM-DD';
const dayOf = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

/** 报表 → 认领与回收: per rep, what they registered, claimed, released and let lapse. */
export default function OwnershipReportPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const phone = Grid.useBreakpoint().md === false;
  const teams = useTeams();
  // The period lives in the URL, so a link opens the same report.
  const [searchParams, setSearchParams] = useSearchParams();
  const from = dayOf(searchParams.get('from')) ?? dayjs().startOf('month').format(DAY);
  const to = dayOf(searchParams.get('to')) ?? dayjs().format(DAY);
  const range: [Dayjs, Dayjs] = [dayjs(from), dayjs(to)];
  const setRange = ([start, end]: [Dayjs, Dayjs]) =>
    setSearchParams({ from: start.format(DAY), to: end.format(DAY) }, { replace: true });
  const [teamId, setTeamId] = useState<string | undefined>();
  const [open, setOpen] = useState<OwnershipReportRow | null>(null);
  const report = useOwnershipReport({ from, to, ...(teamId ? { teamId } : {}) });

  const count = (key: keyof OwnershipReportRow, title: string) => ({
    key,
    title,
    dataIndex: key,
    align: 'right' as const,
  });

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('nav.ownershipReport')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('ownershipReport.intro')}</Typography.Text>
        </Flex>
        <Flex gap={8} wrap>
          <DatePicker.RangePicker
            aria-label={t('ownershipReport.period')}
            allowClear={false}
            value={range}
            onChange={(value) => {
              if (value?.[0] && value[1]) setRange([value[0], value[1]]);
            }}
          />
          {me.role !== 'rep' && (
            <Select
              allowClear
              aria-label={t('ownershipReport.team')}
              placeholder={t('ownershipReport.allTeams')}
              style={{ width: 160 }}
              value={teamId}
              onChange={setTeamId}
              options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            />
          )}
        </Flex>
      </Flex>
      {report.isPending ? (
        <ListSkeleton rows={8} />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<OwnershipReportRow>
            rowKey="userId"
            pagination={false}
            dataSource={report.data}
            scroll={{ x: 'max-content' }}
            onRow={(row) => ({ onClick: () => setOpen(row), style: { cursor: 'pointer' } })}
            columns={[
              { key: 'name', title: t('ownershipReport.rep'), dataIndex: 'name' },
              count('created', t('ownershipReport.created')),
              count('claimed', t('ownershipReport.claimed')),
              count('assignedIn', t('ownershipReport.assignedIn')),
              count('assignedOut', t('ownershipReport.assignedOut')),
              count('released', t('ownershipReport.released')),
              count('lapsed', t('ownershipReport.lapsed')),
              count('warnings', t('ownershipReport.warnings')),
              count('holding', t('ownershipReport.holding')),
            ]}
          />
        </Card>
      )}
      <Drawer
        open={open !== null}
        size={phone ? '100%' : 720}
        title={open ? t('ownershipReport.historyOf', { name: open.name }) : ''}
        onClose={() => setOpen(null)}
        destroyOnHidden
      >
        {open && <OwnershipHistory userId={open.userId} from={from} to={to} />}
      </Drawer>
    </>
  );
}
