import DeleteOutlined from '@ant-design/icons/es/icons/DeleteOutlined';
import EditOutlined from '@ant-design/icons/es/icons/EditOutlined';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Result,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useCurrentUser } from '../../components/CurrentUser';
import { Money } from '../../components/Money';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { describeError } from '../../lib/errors';
import { useCampaign, useDeleteCampaign } from './api';
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
  const remove = useDeleteCampaign();
  const navigate = useNavigate();
  const { message } = App.useApp();

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
  const deleteCampaign = async () => {
    try {
      await remove.mutateAsync(data);
      message.success(t('campaigns.deleted', { name: data.name }));
      navigate('/campaigns');
    } catch (error) {
      // Someone attended: the meetings are activities, so the campaign stays.
      const attended = error instanceof ApiError && error.code === 'conflict';
      message.error(attended ? t('campaigns.deleteAttended') : describeError(t, error));
    }
  };
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
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('campaigns.deleteConfirm', { name: data.name })}
              okText={t('campaigns.delete')}
              okButtonProps={{ danger: true }}
              onConfirm={() => deleteCampaign()}
            >
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                {t('campaigns.delete')}
              </Button>
            </Popconfirm>
          </Space>
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
