import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { Alert, Button, Card, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../lib/errors';
import { useFunnels } from '../funnels/api';
import { useTeams } from '../settings/api';
import {
  type LapseRule,
  type PreviewResult,
  useDeleteLapseRule,
  useLapseRules,
  usePreviewLapses,
} from './api';
import { LapseRuleModal } from './LapseRuleModal';
import { PreviewResultView } from './PreviewResultView';

/** The org's lapse rules (回收规则) with the preview of what the saved set does tomorrow. */
export function LapseRulesCard() {
  const { t } = useTranslation();
  const rules = useLapseRules();
  const teams = useTeams();
  const funnels = useFunnels();
  const remove = useDeleteLapseRule();
  const preview = usePreviewLapses();
  const [editing, setEditing] = useState<LapseRule | 'new' | null>(null);
  const [result, setResult] = useState<PreviewResult | null>(null);

  const teamName = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
  const funnelName = new Map((funnels.data ?? []).map((funnel) => [funnel.id, funnel.name]));
  const scopeOf = (rule: LapseRule) => {
    const parts = [
      rule.teamId ? teamName.get(rule.teamId) : null,
      rule.funnelId ? funnelName.get(rule.funnelId) : null,
    ].filter(Boolean);
    return parts.length ? parts.join(' · ') : t('ownership.rules.wholeOrg');
  };

  return (
    <Card
      title={t('ownership.rules.title')}
      extra={
        <Space wrap>
          <Button
            loading={preview.isPending}
            onClick={() => preview.mutate({}, { onSuccess: setResult })}
          >
            {t('ownership.preview.runSaved')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('ownership.rules.create')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('ownership.rules.intro')}</Typography.Paragraph>
      <Table<LapseRule>
        rowKey="id"
        size="small"
        pagination={false}
        loading={rules.isPending}
        dataSource={rules.data ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('ownership.rules.none') }}
        columns={[
          {
            key: 'name',
            title: t('ownership.rules.name'),
            render: (_, rule) => (
              <Space size={4}>
                <Typography.Link onClick={() => setEditing(rule)}>{rule.name}</Typography.Link>
                {!rule.active && <Tag>{t('ownership.rules.inactive')}</Tag>}
              </Space>
            ),
          },
          { key: 'scope', title: t('ownership.rules.scope'), render: (_, rule) => scopeOf(rule) },
          {
            key: 'triggers',
            title: t('ownership.rules.triggers'),
            render: (_, rule) => (
              <Flex vertical>
                {rule.noActivityDays !== null && (
                  <span>{t('pool.trigger.noActivity', { count: rule.noActivityDays })}</span>
                )}
                {rule.noProgressDays !== null && (
                  <span>{t('pool.trigger.noProgress', { count: rule.noProgressDays })}</span>
                )}
              </Flex>
            ),
          },
          {
            key: 'warn',
            title: t('ownership.rules.warnDays'),
            render: (_, rule) => t('ownership.rules.warnBefore', { count: rule.warnDays }),
          },
          {
            key: 'exempt',
            title: t('ownership.rules.exemptions'),
            render: (_, rule) => (
              <Flex gap={4} wrap>
                {rule.exemptWon && <Tag color="green">{t('ownership.rules.exemptWonShort')}</Tag>}
                {rule.exemptStageKeys.map((key) => (
                  <Tag key={`s-${key}`}>{key}</Tag>
                ))}
                {rule.exemptGrades.map((grade) => (
                  <Tag key={`g-${grade}`} color="gold">
                    {grade}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, rule) => (
              <Space>
                <Button size="small" type="link" onClick={() => setEditing(rule)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('ownership.rules.removeConfirm', { name: rule.name })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove.mutate(rule.id)}
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
      {preview.isError && (
        <Alert
          type="error"
          showIcon
          title={describeError(t, preview.error)}
          style={{ marginTop: 16 }}
        />
      )}
      {result && (
        <Card size="small" title={t('ownership.preview.title')} style={{ marginTop: 16 }}>
          <PreviewResultView result={result} />
        </Card>
      )}
      {editing && (
        <LapseRuleModal
          rule={editing === 'new' ? null : editing}
          saved={rules.data ?? []}
          onClose={() => {
            setEditing(null);
            setResult(null);
          }}
        />
      )}
    </Card>
  );
}
