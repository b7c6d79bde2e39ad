import { Alert, Button, Card, Form, Input, Popconfirm, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors } from '../../lib/errors';
import { useTeams } from '../settings/api';
import { type Territory, useCreateTerritory, useDeleteTerritory, useTerritories } from './api';

interface TerritoryValues {
  teamId: string;
  province?: string;
  city?: string;
  tag?: string;
}

/** 网格: a team owns provinces, cities or tags; new pool customers there go to its pool. */
export function TerritoriesCard({ spillDays }: { spillDays: number }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TerritoryValues>();
  const territories = useTerritories();
  const teams = useTeams();
  const create = useCreateTerritory();
  const remove = useDeleteTerritory();
  const [problem, setProblem] = useState<string | null>(null);

  const save = (values: TerritoryValues) => {
    setProblem(null);
    create.mutate(
      {
        teamId: values.teamId,
        province: values.province?.trim() || null,
        city: values.city?.trim() || null,
        tag: values.tag?.trim() || null,
      },
      {
        onSuccess: () => form.resetFields(['province', 'city', 'tag']),
        onError: (error) =>
          setProblem(showServerErrors(t, form, ['teamId', 'province', 'city', 'tag'], error)),
      },
    );
  };

  return (
    <Card title={t('ownership.territories.title')}>
      <Typography.Paragraph type="secondary">
        {t('ownership.territories.intro', { count: spillDays })}
      </Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={save} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="teamId" rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            aria-label={t('ownership.territories.team')}
            placeholder={t('ownership.territories.team')}
            style={{ width: 160 }}
            options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          />
        </Form.Item>
        <Form.Item name="province">
          <Input
            aria-label={t('customers.fields.province')}
            placeholder={t('customers.fields.province')}
            style={{ width: 120 }}
          />
        </Form.Item>
        <Form.Item name="city">
          <Input
            aria-label={t('customers.fields.city')}
            placeholder={t('customers.fields.city')}
            style={{ width: 120 }}
          />
        </Form.Item>
        <Form.Item name="tag">
          <Input
            aria-label={t('ownership.territories.tag')}
            placeholder={t('ownership.territories.tag')}
            style={{ width: 120 }}
          />
        </Form.Item>
        <Button htmlType="submit" loading={create.isPending}>
          {t('ownership.territories.add')}
        </Button>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Table<Territory>
        rowKey="id"
        size="small"
        pagination={false}
        loading={territories.isPending}
        dataSource={territories.data ?? []}
        locale={{ emptyText: t('ownership.territories.none') }}
        columns={[
          { key: 'team', title: t('ownership.territories.team'), dataIndex: 'teamName' },
          {
            key: 'area',
            title: t('ownership.territories.area'),
            render: (_, row) =>
              row.tag
                ? `${t('ownership.territories.tag')} · ${row.tag}`
                : [row.province, row.city].filter(Boolean).join(' · '),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, row) => (
              <Popconfirm
                title={t('ownership.territories.removeConfirm')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutate(row.id)}
              >
                <Button size="small" type="link" danger>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
