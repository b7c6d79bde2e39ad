import FilterOutlined from '@ant-design/icons/es/icons/FilterOutlined';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import { Badge, Button, Card, Flex, Grid, Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Customer } from '../../api/types';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { formatDateTime, formatDayOf, formatRelative } from '../../lib/format';
import { useCustomerList } from './api';
import { ClearFilters, CustomerFilterBar } from './CustomerFilterBar';
import { CustomerFormModal } from './CustomerFormModal';
import { DebouncedInput } from './DebouncedInput';
import { ExportButton } from './ExportButton';
import { filtersOf } from './listParams';
import { SavedViews } from './SavedViews';

/** What a rep on the road needs on each card; the rest is one tap away. */
const ON_A_PHONE = new Set(['name', 'owner', 'score', 'nextFollowUpAt', 'lastContactAt', 'region']);

/** 客户: the customers the user may see, filtered, sorted and paged on the server. */
export function CustomerListView() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const locale = currentLocale();
  const phone = Grid.useBreakpoint().md === false;
  const [searchParams, setSearchParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);

  const filters = filtersOf(searchParams);
  const sort = searchParams.get('sort') ?? undefined;
  const params = sort ? { ...filters, sort } : filters;
  const list = useCustomerList(params);

  const change = useCallback(
    (changes: Record<string, string | undefined>) =>
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );
  const applyView = (view: Record<string, string>) =>
    setSearchParams(sort ? { ...view, sort } : view, { replace: true });
  const clear = () => setSearchParams(sort ? { sort } : {}, { replace: true });

  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filterCount = Object.keys(filters).filter((key) => key !== 'q').length;
  const now = Date.now();

  const columns: Column<Customer>[] = [
    {
      key: 'name',
      title: t('customers.fields.name'),
      dataIndex: 'name',
      render: (_, customer) => (
        <Space size={4} wrap>
          <Link to={`/customers/${customer.id}`} onClick={(event) => event.stopPropagation()}>
            {customer.name}
          </Link>
          {customer.archived && <Tag>{t('customers.status.archived')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'owner',
      title: t('customers.fields.owner'),
      dataIndex: 'ownerName',
      render: (_, customer) =>
        customer.inPool || !customer.ownerName ? (
          <Tag color="cyan">{t('customers.pool')}</Tag>
        ) : (
          customer.ownerName
        ),
    },
    {
      key: 'grade',
      title: t('customers.fields.grade'),
      dataIndex: 'grade',
      render: (_, customer) => (customer.grade ? <Tag color="gold">{customer.grade}</Tag> : '—'),
    },
    {
      key: 'score',
      title: t('customers.fields.score'),
      dataIndex: 'score',
      // The server sorts; the header arrows only say which way (and toggle it).
      sorter: true,
      sortOrder: sort === '-score' ? 'descend' : sort === 'score' ? 'ascend' : null,
      render: (_, customer) =>
        customer.score === null ? (
          '—'
        ) : (
          <Space size={4}>
            {customer.score}
            {customer.qualified && <Tag color="green">{t('customers.qualified.yes')}</Tag>}
          </Space>
        ),
    },
    {
      key: 'nextFollowUpAt',
      title: t('customers.fields.nextFollowUpAt'),
      dataIndex: 'nextFollowUpAt',
      render: (_, customer) => {
        if (!customer.nextFollowUpAt) return '—';
        const overdue = new Date(customer.nextFollowUpAt).getTime() < now;
        return (
          <Tooltip title={formatDateTime(customer.nextFollowUpAt, locale)}>
            <Typography.Text type={overdue ? 'danger' : undefined}>
              {formatDayOf(customer.nextFollowUpAt, locale)}
              {overdue && ` · ${t('customers.followUp.overdue')}`}
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    {
      key: 'lastContactAt',
      title: t('customers.fields.lastContactAt'),
      dataIndex: 'lastContactAt',
      render: (_, customer) =>
        customer.lastContactAt ? (
          <Tooltip title={formatDateTime(customer.lastContactAt, locale)}>
            {formatRelative(customer.lastContactAt, locale)}
          </Tooltip>
        ) : (
          t('customers.neverContacted')
        ),
    },
    {
      key: 'source',
      title: t('customers.fields.source'),
      dataIndex: 'source',
      render: (_, customer) => customer.source ?? '—',
    },
    {
      key: 'region',
      title: t('customers.fields.region'),
      dataIndex: 'province',
      render: (_, customer) =>
        [customer.province, customer.city].filter(Boolean).join(' · ') || '—',
    },
    {
      key: 'industry',
      title: t('customers.fields.industry'),
      dataIndex: 'industry',
      render: (_, customer) => customer.industry ?? '—',
    },
    {
      key: 'tags',
      title: t('customers.fields.tags'),
      dataIndex: 'tags',
      render: (_, customer) =>
        customer.tags.length ? (
          <Flex gap={4} wrap>
            {customer.tags.map((tag) => (
              <Tag key={tag} style={{ marginInlineEnd: 0 }}>
                {tag}
              </Tag>
            ))}
          </Flex>
        ) : (
          '—'
        ),
    },
  ];

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('customers.create')}
    </Button>
  );
  const anyFilter = Object.keys(filters).length > 0;

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.customers')}
        </Typography.Title>
        <Space wrap>
          <ExportButton filters={filters} />
          {createButton}
        </Space>
      </Flex>
      <Card styles={{ body: { padding: phone ? 12 : 16 } }} style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap align="center">
          <div style={{ flex: '1 1 220px', maxWidth: phone ? undefined : 360 }}>
            <DebouncedSearch value={filters.q ?? ''} onChange={(q) => change({ q })} />
          </div>
          <SavedViews filters={filters} onApply={applyView} />
          {phone && (
            <Badge count={filterCount} size="small">
              <Button
                icon={<FilterOutlined />}
                aria-expanded={filtersOpen}
                onClick={() => setFiltersOpen((open) => !open)}
              >
                {t('customers.filters.toggle')}
              </Button>
            </Badge>
          )}
          {anyFilter && <ClearFilters onClear={clear} />}
        </Flex>
        {(!phone || filtersOpen) && (
          <div style={{ marginTop: 8 }}>
            <CustomerFilterBar params={params} onChange={change} stacked={phone} />
          </div>
        )}
      </Card>
      {list.isPending ? (
        <ListSkeleton rows={8} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <ResponsiveTable<Customer>
            rowKey="id"
            columns={phone ? columns.filter((column) => ON_A_PHONE.has(column.key)) : columns}
            dataSource={rows}
            paginate={false}
            onChange={(_pagination, _filters, sorter) => {
              const one = Array.isArray(sorter) ? sorter[0] : sorter;
              if (one?.columnKey !== 'score') return;
              change({ sort: one.order === 'ascend' ? 'score' : one.order ? '-score' : undefined });
            }}
            onRowClick={(customer) => navigate(`/customers/${customer.id}`)}
            emptyText={
              anyFilter ? (
                <EmptyState
                  description={t('customers.noMatch')}
                  action={<ClearFilters onClear={clear} />}
                />
              ) : (
                <EmptyState description={t('customers.empty')} action={createButton} />
              )
            }
          />
          {rows.length > 0 && (
            <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
              <Typography.Text type="secondary">
                {t('customers.shown', { count: rows.length })}
              </Typography.Text>
              {list.hasNextPage && (
                <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                  {t('common.loadMore')}
                </Button>
              )}
            </Flex>
          )}
        </>
      )}
      {creating && (
        <CustomerFormModal
          mode="create"
          onClose={(created) => {
            setCreating(false);
            if (created) navigate(`/customers/${created.id}`);
          }}
        />
      )}
    </>
  );
}

function DebouncedSearch(props: { value: string; onChange: (value: string | undefined) => void }) {
  const { t } = useTranslation();
  const { onChange } = props;
  const report = useCallback((value: string) => onChange(value || undefined), [onChange]);
  return (
    <DebouncedInput
      search
      aria-label={t('customers.searchPlaceholder')}
      placeholder={t('customers.searchPlaceholder')}
      value={props.value}
      onChange={report}
    />
  );
}
