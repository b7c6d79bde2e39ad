import EditOutlined from '@ant-design/icons/es/icons/EditOutlined';
import { Breadcrumb, Button, Card, Descriptions, Flex, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useCurrentUser } from '../../components/CurrentUser';
import { Money } from '../../components/Money';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { useCampaign } from './api';
import { CampaignFormModal } from './CampaignFormModal';
import { campaignDays } from './campaignDays';
import { InviteesCard } from './InviteesCard';
import { campaignTypeLabel } from './labels';

/** One campaign: what, when, where, and its invitees with attendance. */
export function CampaignDetail() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const id = useParams().id ?? '';
  const campaign = useCampaign(id);
  const [editing, setEditing] = useState(false);
  const canManage = me.role !== 'rep';

  if (campaign.isPending) return <ListSkeleton rows={8} />;
  if (campaign.isError) {
    if (campaign.error instanceof ApiError && campaign.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('campaigns.notFound')}
          extra={
            <Link to="/campaigns">
              <Button type="primary">{t('campaigns.backToList')}</Button>
            </Link>
          }
        />
      );
    }
    return <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />;
  }
  const data = campaign.data;
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[{ title: <Link to="/campaigns">{t('nav.campaigns')}</Link> }, { title: data.name }]}
      />
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Space size={8} wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {data.name}
          </Typography.Title>
          <Tag color="blue">{campaignTypeLabel(t, data.type)}</Tag>
        </Space>
        {canManage && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('campaigns.fields.days')}>
            {campaignDays(data)}
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.fields.place')}>
            {data.place ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.fields.owner')}>
            {data.ownerName}
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.fields.source')}>
            {data.source ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.fields.cost')}>
            {data.cost === null ? '—' : <Money amount={data.cost} exact />}
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.attendance')}>
            {t('campaigns.attendedOfInvited', data)}
          </Descriptions.Item>
          {data.notes && (
            <Descriptions.Item label={t('campaigns.fields.notes')} span="filled">
              {data.notes}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <InviteesCard campaignId={data.id} canManage={canManage} />
      {editing && <CampaignFormModal campaign={data} onClose={() => setEditing(false)} />}
    </Flex>
  );
}
