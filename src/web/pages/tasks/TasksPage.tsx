import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { App, Button, Card, Flex, Popconfirm, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { Task } from '../../api/types';
import { useCurrentUser } from '../../components/CurrentUser';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { describeError } from '../../lib/errors';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useUsers } from '../settings/api';
import { useTasks, useUpdateTask } from './api';
import { TaskFormModal } from './TaskFormModal';

const EVERYONE = '__all';
type Editing = { task?: Task } | null;

function StatusTag({ task }: { task: Task }) {
  const { t } = useTranslation();
  if (task.status === 'done') return <Tag color="green">{t('tasks.status.done')}</Tag>;
  if (task.status === 'cancelled') return <Tag>{t('tasks.status.cancelled')}</Tag>;
  if (task.overdue) return <Tag color="red">{t('tasks.overdue')}</Tag>;
  return <Tag color="blue">{t('tasks.status.open')}</Tag>;
}

/** 任务: my tasks (managers: their team's too), filtered by status and due date. */
export default function TasksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const locale = currentLocale();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<Editing>(null);
  const users = useUsers();
  const update = useUpdateTask();
  const managesOthers = me.role !== 'rep';

  const status = params.get('status') ?? 'open';
  const due = params.get('due') ?? undefined;
  const assignee = params.get('assignee') ?? me.id;
  const list = useTasks({
    status,
    due,
    assigneeId: assignee === EVERYONE ? undefined : assignee,
  });
  const set = (key: string, value: string | undefined) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  async function change(task: Task, next: 'done' | 'cancelled' | 'open') {
    try {
      await update.mutateAsync({ id: task.id, version: task.version, status: next });
      message.success(
        next === 'done'
          ? t('tasks.completed', { title: task.title })
          : next === 'cancelled'
            ? t('tasks.cancelledDone', { title: task.title })
            : t('tasks.reopened', { title: task.title }),
      );
    } catch (error) {
      message.error(
        error instanceof ApiError && error.code === 'version_conflict'
          ? t('tasks.changedElsewhere')
          : describeError(t, error),
      );
    }
  }

  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const columns: Column<Task>[] = [
    {
      key: 'title',
      title: t('tasks.fields.title'),
      dataIndex: 'title',
      render: (_, task) => (
        <Typography.Text delete={task.status !== 'open'}>{task.title}</Typography.Text>
      ),
    },
    {
      key: 'dueAt',
      title: t('tasks.fields.dueAt'),
      dataIndex: 'dueAt',
      render: (_, task) => (
        <Tooltip title={formatRelative(task.dueAt, locale)}>
          <Typography.Text type={task.overdue ? 'danger' : undefined}>
            {formatDateTime(task.dueAt, locale)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      key: 'status',
      title: t('tasks.fields.status'),
      dataIndex: 'status',
      render: (_, task) => <StatusTag task={task} />,
    },
    {
      key: 'customer',
      title: t('tasks.fields.customer'),
      dataIndex: 'customerName',
      render: (_, task) =>
        task.customerId ? (
          <Link to={`/customers/${task.customerId}`}>{task.customerName}</Link>
        ) : (
          '—'
        ),
    },
    { key: 'assignee', title: t('tasks.fields.assignee'), dataIndex: 'assigneeName' },
  ];

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
      {t('tasks.create')}
    </Button>
  );

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.tasks')}
        </Typography.Title>
        {createButton}
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <Select
            aria-label={t('tasks.fields.status')}
            value={status}
            onChange={(value: string) => set('status', value === 'open' ? undefined : value)}
            options={[
              { value: 'open', label: t('tasks.status.open') },
              { value: 'done', label: t('tasks.status.done') },
              { value: 'cancelled', label: t('tasks.status.cancelled') },
              { value: 'all', label: t('tasks.status.all') },
            ]}
            style={{ minWidth: 120 }}
          />
          <Select
            aria-label={t('tasks.due.label')}
            placeholder={t('tasks.due.label')}
            allowClear
            value={due}
            onChange={(value?: string) => set('due', value)}
            options={[
              { value: 'overdue', label: t('myDay.overdue') },
              { value: 'today', label: t('myDay.today') },
              { value: 'upcoming', label: t('myDay.upcoming') },
            ]}
            style={{ minWidth: 140 }}
          />
          {managesOthers && (
            <Select
              aria-label={t('tasks.fields.assignee')}
              showSearch={{ optionFilterProp: 'label' }}
              value={assignee}
              onChange={(value: string) => set('assignee', value === me.id ? undefined : value)}
              options={[
                { value: me.id, label: t('tasks.mine') },
                { value: EVERYONE, label: t('tasks.everyone') },
                ...(users.data ?? [])
                  .filter((user) => user.active && user.id !== me.id)
                  .map((user) => ({ value: user.id, label: user.name })),
              ]}
              style={{ minWidth: 160 }}
            />
          )}
        </Flex>
      </Card>
      {list.isPending ? (
        <ListSkeleton rows={8} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <ResponsiveTable<Task>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            paginate={false}
            emptyText={<EmptyState description={t('tasks.empty')} action={createButton} />}
            actionsTitle={t('common.actions')}
            actions={(task) => (
              <Space size={0} wrap>
                {task.status === 'open' ? (
                  <>
                    <Button
                      type="link"
                      size="small"
                      aria-label={t('tasks.markDone', { title: task.title })}
                      onClick={() => void change(task, 'done')}
                    >
                      {t('tasks.done')}
                    </Button>
                    <Button type="link" size="small" onClick={() => setEditing({ task })}>
                      {t('common.edit')}
                    </Button>
                    <Popconfirm
                      title={t('tasks.cancelConfirm', { title: task.title })}
                      okText={t('tasks.cancelTask')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => change(task, 'cancelled')}
                    >
                      <Button type="link" size="small" danger>
                        {t('tasks.cancelTask')}
                      </Button>
                    </Popconfirm>
                  </>
                ) : (
                  <Button type="link" size="small" onClick={() => void change(task, 'open')}>
                    {t('tasks.reopen')}
                  </Button>
                )}
              </Space>
            )}
          />
          {list.hasNextPage && (
            <Flex justify="center" style={{ marginTop: 16 }}>
              <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            </Flex>
          )}
        </>
      )}
      {editing && <TaskFormModal task={editing.task} onClose={() => setEditing(null)} />}
    </>
  );
}
