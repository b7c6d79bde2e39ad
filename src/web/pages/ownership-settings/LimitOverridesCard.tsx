import { Alert, Button, Card, Form, InputNumber, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors } from '../../lib/errors';
import { useTeams, useUsers } from '../settings/api';
import {
  type HoldingLimitOverride,
  useHoldingLimits,
  useRemoveHoldingLimit,
  useSetHoldingLimit,
} from './api';

interface OverrideValues {
  scope: 'teams' | 'users';
  targetId: string;
  holdingLimit: number;
}

/** Per team and per rep holding limits; a rep's own beats their team's, which beats the org's. */
export function LimitOverridesCard({ orgDefault }: { orgDefault: number }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OverrideValues>();
  const limits = useHoldingLimits();
  const teams = useTeams();
  const users = useUsers();
  const set = useSetHoldingLimit();
  const remove = useRemoveHoldingLimit();
  const [problem, setProblem] = useState<string | null>(null);
  const scope = Form.useWatch('scope', form) ?? 'users';

  const teamName = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
  const userName = new Map((users.data ?? []).map((user) => [user.id, user.name]));
  const targets =
    scope === 'teams'
      ? (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))
      : (users.data ?? [])
          .filter((user) => user.active)
          .map((user) => ({ value: user.id, label: user.name }));

  const save = (values: OverrideValues) => {
    setProblem(null);
    set.mutate(values, {
      onSuccess: () => form.resetFields(['targetId', 'holdingLimit']),
      onError: (error) =>
        setProblem(showServerErrors(t, form, ['holdingLimit', 'targetId'], error)),
    });
  };

  return (
    <Card title={t('ownership.limits.title')}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ scope: 'users' }}
        onFinish={save}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="scope">
          <Select
            aria-label={t('ownership.limits.scope')}
            style={{ width: 100 }}
            onChange={() => form.resetFields(['targetId'])}
            options={[
              { value: 'users', label: t('ownership.limits.rep') },
              { value: 'teams', label: t('ownership.limits.team') },
            ]}
          />
        </Form.Item>
        <Form.Item name="targetId" rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            aria-label={t('ownership.limits.target')}
            placeholder={t('ownership.limits.target')}
            showSearch
            optionFilterProp="label"
            style={{ width: 180 }}
            options={targets}
          />
        </Form.Item>
        <Form.Item
          name="holdingLimit"
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber
            aria-label={t('ownership.limits.limit')}
            placeholder={String(orgDefault)}
            min={0}
            max={10000}
            precision={0}
          />
        </Form.Item>
        <Button htmlType="submit" loading={set.isPending}>
          {t('ownership.limits.set')}
        </Button>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Table<HoldingLimitOverride>
        rowKey="id"
        size="small"
        pagination={false}
        loading={limits.isPending}
        dataSource={limits.data ?? []}
        locale={{ emptyText: t('ownership.limits.none', { limit: orgDefault }) }}
        columns={[
          {
            key: 'target',
            title: t('ownership.limits.target'),
            render: (_, row) =>
              row.scope === 'team'
                ? `${t('ownership.limits.team')} · ${teamName.get(row.teamId ?? '') ?? '—'}`
                : `${t('ownership.limits.rep')} · ${userName.get(row.userId ?? '') ?? '—'}`,
          },
          { key: 'limit', title: t('ownership.limits.limit'), dataIndex: 'holdingLimit' },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, row) => (
              <Space>
                <Popconfirm
                  title={t('ownership.limits.removeConfirm')}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    remove.mutate({
                      scope: row.scope === 'team' ? 'teams' : 'users',
                      targetId: (row.scope === 'team' ? row.teamId : row.userId) ?? '',
                    })
                  }
                >
                  <Button size="small" type="link" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
