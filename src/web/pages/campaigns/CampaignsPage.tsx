import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { Button, Flex, Input, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate } from 'react-router';
import { CAMPAIGN_TYPES } from '../../../domain/campaigns/campaignTypes';
import { useCurrentUser } from '../../components/CurrentUser';
import { Money } from '../../components/Money';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { useDebounced } from '../../lib/useDebounced';
import { NotFoundPage } from '../StatusPages';
import { type Campaign, useCampaigns } from './api';
import { CampaignDetail } from './CampaignDetail';
import { CampaignFormModal } from './CampaignFormModal';
import { campaignDays } from './campaignDays';
import { campaignTypeLabel } from './labels';

function CampaignList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const [type, setType] = useState<string>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const campaigns = useCampaigns({ type, q: q || undefined });
  const [creating, setCreating] = useState(false);
  const canManage = me.role !== 'rep';
  const rows = campaigns.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: Column<Campaign>[] = [
    {
      key: 'name',
      title: t('campaigns.fields.name'),
      // A real link: reachable by keyboard and openable in a new tab; the row click goes there too.
      render: (_v, row) => (
        <Link to={`/campaigns/${row.id}`} onClick={(event) => event.stopPropagation()}>
          {row.name}
        </Link>
      ),
    },
    {
      key: 'type',
      title: t('campaigns.fields.type'),
      render: (_v, row) => <Tag>{campaignTypeLabel(t, row.type)}</Tag>,
    },
    { key: 'days', title: t('campaigns.fields.days'), render: (_v, row) => campaignDays(row) },
    { key: 'place', title: t('campaigns.fields.place'), render: (_v, row) => row.place ?? '—' },
    { key: 'source', title: t('campaigns.fields.source'), render: (_v, row) => row.source ?? '—' },
    { key: 'owner', title: t('campaigns.fields.owner'), dataIndex: 'ownerName' },
    {
      key: 'attendance',
      title: t('campaigns.attendance'),
      render: (_v, row) => t('campaigns.attendedOfInvited', row),
    },
    {
      key: 'cost',
      title: t('campaigns.fields.cost'),
      render: (_v, row) => (row.cost === null ? '—' : <Money amount={row.cost} />),
    },
  ];

  const createButton = canManage ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('campaigns.create')}
    </Button>
  ) : null;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.campaigns')}
        </Typography.Title>
        {createButton}
      </Flex>
      <Flex gap={8} wrap>
        <Input.Search
          allowClear
          aria-label={t('campaigns.search')}
          placeholder={t('campaigns.search')}
          style={{ maxWidth: 280 }}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <Select
          allowClear
          aria-label={t('campaigns.fields.type')}
          placeholder={t('campaigns.allTypes')}
          style={{ minWidth: 160 }}
          value={type}
          onChange={setType}
          options={CAMPAIGN_TYPES.map((value) => ({ value, label: campaignTypeLabel(t, value) }))}
        />
      </Flex>
      {campaigns.isPending ? (
        <ListSkeleton />
      ) : campaigns.isError ? (
        <ErrorState error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : rows.length === 0 && !type && !q ? (
        <EmptyState
          description={canManage ? t('campaigns.empty') : t('campaigns.emptyRep')}
          action={createButton}
        />
      ) : (
        <>
          <ResponsiveTable<Campaign>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            paginate={false}
            emptyText={t('campaigns.noMatch')}
            onRowClick={(row) => navigate(`/campaigns/${row.id}`)}
          />
          {campaigns.hasNextPage && (
            <Button onClick={() => void campaigns.fetchNextPage()}>{t('common.loadMore')}</Button>
          )}
        </>
      )}
      {creating && (
        <CampaignFormModal
          onClose={(saved) => {
            setCreating(false);
            if (saved) navigate(`/campaigns/${saved.id}`);
          }}
        />
      )}
    </Flex>
  );
}

/** 市场活动: the list and each campaign's page with its invitees. */
export default function CampaignsPage() {
  return (
    <Routes>
      <Route index element={<CampaignList />} />
      <Route path=":id" element={<CampaignDetail />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
