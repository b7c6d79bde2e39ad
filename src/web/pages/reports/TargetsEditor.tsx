import { Button, Form, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCurrentUser } from '../../components/CurrentUser';
import { ErrorState } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { useTeams, useUsers } from '../settings/api';
import { Yuan } from './format';
import {
  type Target,
  useDeleteTarget,
  useFunnelBreakdown,
  useSaveTarget,
  useTargets,
} from './reportsApi';

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;

/** The server's field error, else its message. */
function problemText(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof ApiError) return error.errors[0]?.message ?? error.message;
  return String(error);
}

/** Targets of the period for admins and managers: add one per rep or team, change, remove. */
export function TargetsEditor({ period }: { period: string | undefined }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const user = useCurrentUser();
  const targets = useTargets(period ?? '');
  const teams = useTeams();
  const users = useUsers();
  const owners = useFunnelBreakdown({ by: 'owner' });
  const save = useSaveTarget();
  const remove = useDeleteTarget();
  const [form] = Form.useForm<{ subject: string; amount: string }>();
  const [editing, setEditing] = useState<{ id: string; amount: string } | null>(null);

  // Admins pick from every user; managers from the owners they can see.
  const people =
    user.role === 'admin' && users.isSuccess
      ? users.data.map((u) => ({ id: u.id, name: u.name }))
      : (owners.data?.rows ?? [])
          .filter((r) => r.key)
          .map((r) => ({ id: r.key as string, name: r.label ?? '—' }));
  const subjects = [
    ...(teams.data ?? []).map((team) => ({
      value: `team:${team.id}`,
      label: `${t('funnelReport.team')} · ${team.name}`,
    })),
    ...people.map((p) => ({ value: `user:${p.id}`, label: p.name })),
  ];

  if (!period) return null;
  if (targets.isError)
    return <ErrorState error={targets.error} onRetry={() => void targets.refetch()} />;

  const add = async (values: { subject: string; amount: string }) => {
    const [kind, id] = values.subject.split(':');
    try {
      await save.mutateAsync({
        periodKey: period,
        amount: values.amount,
        ...(kind === 'team' ? { teamId: id } : { userId: id }),
      });
      form.resetFields();
    } catch (error) {
      form.setFields([{ name: 'amount', errors: [problemText(error) ?? ''] }]);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('forecast.targetsHint', { period })}</Typography.Text>
      <Form form={form} layout="inline" onFinish={add} aria-label={t('forecast.addTarget')}>
        <Form.Item
          name="subject"
          rules={[{ required: true, message: t('forecast.subjectRequired') }]}
        >
          <Select
            aria-label={t('forecast.subject')}
            placeholder={t('forecast.subject')}
            style={{ minWidth: 200 }}
            showSearch
            optionFilterProp="label"
            options={subjects}
          />
        </Form.Item>
        <Form.Item
          name="amount"
          rules={[{ required: true, pattern: AMOUNT, message: t('forecast.amountInvalid') }]}
        >
          <Input
            aria-label={t('forecast.targetAmount')}
            placeholder={t('forecast.targetAmount')}
            suffix="元"
            style={{ width: 180 }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('forecast.addTarget')}
        </Button>
      </Form>
      <Table<Target>
        aria-label={t('forecast.tabs.targets')}
        size="small"
        rowKey="id"
        loading={targets.isPending}
        pagination={false}
        dataSource={targets.data ?? []}
        columns={[
          {
            key: 'subject',
            title: t('forecast.subject'),
            render: (_, row) =>
              row.teamId ? `${t('funnelReport.team')} · ${row.teamName}` : row.userName,
          },
          {
            key: 'amount',
            title: t('forecast.targetAmount'),
            align: 'right',
            render: (_, row) =>
              editing?.id === row.id ? (
                <Input
                  aria-label={t('forecast.targetAmount')}
                  size="small"
                  value={editing.amount}
                  status={AMOUNT.test(editing.amount) ? undefined : 'error'}
                  onChange={(e) => setEditing({ id: row.id, amount: e.target.value })}
                  style={{ width: 140 }}
                />
              ) : (
                <Yuan value={row.amount} locale={locale} />
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, row) =>
              editing?.id === row.id ? (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    disabled={!AMOUNT.test(editing.amount)}
                    onClick={async () => {
                      await save.mutateAsync({
                        id: row.id,
                        version: row.version,
                        periodKey: row.periodKey,
                        amount: editing.amount,
                      });
                      setEditing(null);
                    }}
                  >
                    {t('common.save')}
                  </Button>
                  <Button size="small" onClick={() => setEditing(null)}>
                    {t('common.cancel')}
                  </Button>
                </Space>
              ) : (
                <Space>
                  <Button
                    size="small"
                    onClick={() => setEditing({ id: row.id, amount: String(row.amount) })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('forecast.deleteTarget')}
                    onConfirm={() => remove.mutate({ id: row.id, version: row.version })}
                  >
                    <Button size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {(save.error || remove.error) && !form.isFieldsTouched() && (
        <Typography.Text type="danger">{problemText(save.error ?? remove.error)}</Typography.Text>
      )}
    </Space>
  );
}
