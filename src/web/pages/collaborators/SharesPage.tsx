import { Button, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useUsers } from '../settings/api';
import { type Share, useShares } from './api';
import { accessLabel } from './labels';

/** 协同一览: who shares which of the team's customers with whom, newest first. */
export default function SharesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const users = useUsers();
  const [userId, setUserId] = useState<string>();
  const [ownerId, setOwnerId] = useState<string>();
  const shares = useShares({ userId, ownerId });
  const rows = shares.data?.pages.flatMap((page) => page.items) ?? [];
  const people = (users.data ?? []).map((user) => ({ value: user.id, label: user.name }));

  const columns: Column<Share>[] = [
    {
      key: 'customer',
      title: t('collaborators.customer'),
      render: (_v, row) => <Link to={`/customers/${row.customerId}`}>{row.customerName}</Link>,
    },
    { key: 'owner', title: t('collaborators.owner'), render: (_v, row) => row.ownerName ?? '—' },
    { key: 'user', title: t('collaborators.sharedWith'), dataIndex: 'userName' },
    {
      key: 'access',
      title: t('collaborators.accessLabel'),
      render: (_v, row) => (
        <Tag color={row.access === 'write' ? 'orange' : 'default'}>
          {accessLabel(t, row.access)}
        </Tag>
      ),
    },
    { key: 'by', title: t('collaborators.addedBy'), dataIndex: 'addedByName' },
    {
      key: 'at',
      title: t('collaborators.since'),
      render: (_v, row) => formatDateTime(row.updatedAt, locale),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('nav.shares')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('collaborators.pageHint')}</Typography.Text>
      <Flex gap={8} wrap>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('collaborators.owner')}
          placeholder={t('collaborators.owner')}
          style={{ minWidth: 180 }}
          value={ownerId}
          onChange={setOwnerId}
          options={people}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('collaborators.sharedWith')}
          placeholder={t('collaborators.sharedWith')}
          style={{ minWidth: 180 }}
          value={userId}
          onChange={setUserId}
          options={people}
        />
      </Flex>
      {shares.isPending ? (
        <ListSkeleton />
      ) : shares.isError ? (
        <ErrorState error={shares.error} onRetry={() => void shares.refetch()} />
      ) : rows.length === 0 && !userId && !ownerId ? (
        <EmptyState description={t('collaborators.none')} />
      ) : (
        <>
          <ResponsiveTable<Share>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            paginate={false}
            emptyText={t('collaborators.noMatch')}
          />
          {shares.hasNextPage && (
            <Button onClick={() => void shares.fetchNextPage()}>{t('common.loadMore')}</Button>
          )}
        </>
      )}
    </Flex>
  );
}
