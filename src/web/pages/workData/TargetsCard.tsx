import DeleteOutlined from '@ant-design/icons/es/icons/DeleteOutlined';
import { App, Button, Card, Flex, InputNumber, Popconfirm, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TARGET_METRICS,
  TARGET_PERIODS,
  type TargetMetric,
  type TargetPeriod,
} from '../../../domain/workData';
import { ApiError } from '../../api/client';
import {
  type ActivityTarget,
  useActivityTargets,
  useCreateActivityTarget,
  useDeleteActivityTarget,
  useUpdateActivityTarget,
  type WorkDataRow,
} from './api';
import { metricLabel, periodLabel } from './labels';

/** The subject picker's value: 'u:<id>' for a rep, 't:<id>' for a team. */
type Subject = `u:${string}` | `t:${string}`;

function TargetValue({ target }: { target: ActivityTarget }) {
  const { message } = App.useApp();
  const update = useUpdateActivityTarget();
  const [value, setValue] = useState<number | null>(target.target);
  const save = async () => {
    if (value === null || value === target.target) return;
    try {
      await update.mutateAsync({ id: target.id, target: value, version: target.version });
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : String(error));
      setValue(target.target);
    }
  };
  return (
    <InputNumber
      size="small"
      min={1}
      max={100000}
      precision={0}
      value={value}
      onChange={setValue}
      onBlur={() => void save()}
      onPressEnter={() => void save()}
    />
  );
}

/**
 * 工作量目标: managers and admins set standing targets per rep or team and day/week/month;
 * the reps see their progress on My day. Who may set what is the server's decision.
 */
export function TargetsCard({ rows }: { rows: WorkDataRow[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const targets = useActivityTargets();
  const create = useCreateActivityTarget();
  const remove = useDeleteActivityTarget();
  const [subject, setSubject] = useState<Subject | undefined>();
  const [period, setPeriod] = useState<TargetPeriod>('day');
  const [metric, setMetric] = useState<TargetMetric>('new_customers');
  const [value, setValue] = useState<number | null>(5);

  const teams = new Map<string, string>();
  for (const row of rows) if (row.teamId) teams.set(row.teamId, row.teamName ?? '—');
  const subjectOptions = [
    {
      label: t('workData.reps'),
      options: rows.map((row) => ({ value: `u:${row.userId}`, label: row.userName })),
    },
    {
      label: t('workData.teams'),
      options: [...teams].map(([id, name]) => ({ value: `t:${id}`, label: name })),
    },
  ];

  const add = async () => {
    if (!subject || value === null) return;
    const id = subject.slice(2);
    try {
      await create.mutateAsync({
        ...(subject.startsWith('u:') ? { userId: id } : { teamId: id }),
        period,
        metric,
        target: value,
      });
      message.success(t('workData.targetSaved'));
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : String(error));
    }
  };

  return (
    <Card size="small" title={t('workData.targetsTitle')}>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('workData.subject')}
          placeholder={t('workData.subject')}
          style={{ minWidth: 160 }}
          value={subject}
          onChange={setSubject}
          options={subjectOptions}
        />
        <Select
          aria-label={t('workData.period')}
          style={{ minWidth: 100 }}
          value={period}
          onChange={setPeriod}
          options={TARGET_PERIODS.map((p) => ({ value: p, label: periodLabel(t, p) }))}
        />
        <Select
          aria-label={t('workData.metric')}
          style={{ minWidth: 140 }}
          value={metric}
          onChange={setMetric}
          options={TARGET_METRICS.map((m) => ({ value: m, label: metricLabel(t, m) }))}
        />
        <InputNumber
          aria-label={t('workData.target')}
          min={1}
          max={100000}
          precision={0}
          value={value}
          onChange={setValue}
        />
        <Button
          type="primary"
          onClick={() => void add()}
          loading={create.isPending}
          disabled={!subject}
        >
          {t('workData.addTarget')}
        </Button>
      </Flex>
      <Table<ActivityTarget>
        size="small"
        rowKey="id"
        loading={targets.isPending}
        pagination={false}
        dataSource={targets.data ?? []}
        locale={{ emptyText: t('workData.noTargetsSet') }}
        columns={[
          {
            title: t('workData.subject'),
            render: (_, row) => row.userName ?? `${row.teamName} (${t('workData.team')})`,
          },
          { title: t('workData.period'), render: (_, row) => periodLabel(t, row.period) },
          { title: t('workData.metric'), render: (_, row) => metricLabel(t, row.metric) },
          {
            title: t('workData.target'),
            render: (_, row) => <TargetValue key={`${row.id}-${row.version}`} target={row} />,
          },
          {
            title: '',
            width: 48,
            render: (_, row) => (
              <Popconfirm
                title={t('workData.removeTarget')}
                onConfirm={() => remove.mutate({ id: row.id, version: row.version })}
              >
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                />
              </Popconfirm>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('workData.metricsNote')}
      </Typography.Paragraph>
    </Card>
  );
}
