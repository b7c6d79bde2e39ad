import FilterOutlined from '@ant-design/icons/es/icons/FilterOutlined';
import {
  Alert,
  Badge,
  Button,
  Card,
  Flex,
  Grid,
  Segmented,
  Select,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../components/CurrentUser';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { formatDateTime, formatDayOf } from '../../lib/format';
import { DebouncedInput } from '../customers/DebouncedInput';
import { useGrades, useSourceChannels } from '../settings/archive/api';
import { type PoolCustomer, useClaim, useMyHoldings, usePoolCustomers } from './api';
import { describeClaimError } from './claimErrors';
import { HoldingsSummary } from './HoldingsSummary';
import { ReturnReason } from './ReturnReason';

const FILTERS = ['q', 'province', 'city', 'source', 'grade', 'tag', 'scope', 'returned'] as const;
const ON_A_PHONE = new Set(['name', 'region', 'returned', 'grade']);

/** 公海: customers the user may claim, why each came back, and the claim button. */
export default function PoolPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const locale = currentLocale();
  const phone = Grid.useBreakpoint().md === false;
  const [searchParams, setSearchParams] = useSearchParams();
  const params: Record<string, string> = {};
  for (const key of FILTERS) {
    const value = searchParams.get(key);
    if (value) params[key] = value;
  }
  const list = usePoolCustomers(params);
  const holdings = useMyHoldings();
  const grades = useGrades();
  const sources = useSourceChannels();
  const claim = useClaim();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  const change = useCallback(
    (key: (typeof FILTERS)[number], value: string | undefined) =>
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );
  const search = useCallback((q: string) => change('q', q || undefined), [change]);

  const claimOne = (customer: PoolCustomer) => {
    setNotice(null);
    claim.mutate(customer.id, {
      onSuccess: () =>
        setNotice({ type: 'success', text: t('pool.claimed', { name: customer.name }) }),
      onError: (error) =>
        setNotice({
          type: 'error',
          text: t('pool.refused.title', {
            name: customer.name,
            why: describeClaimError(t, error),
          }),
        }),
    });
  };

  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const anyFilter = Object.keys(params).length > 0;
  const isRep = me.role === 'rep';

  const columns: Column<PoolCustomer>[] = [
    {
      key: 'name',
      title: t('customers.fields.name'),
      dataIndex: 'name',
      render: (_, customer) => (
        <Flex vertical>
          <Typography.Text strong>{customer.name}</Typography.Text>
          {customer.industry && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {customer.industry}
              {customer.headcount !== null &&
                ` · ${t('pool.headcount', { count: customer.headcount })}`}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'region',
      title: t('customers.fields.region'),
      dataIndex: 'province',
      render: (_, customer) => (
        <Flex vertical gap={2}>
          <span>{[customer.province, customer.city].filter(Boolean).join(' · ') || '—'}</span>
          {customer.source && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('pool.fromSource', { source: customer.source })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'grade',
      title: t('customers.fields.grade'),
      dataIndex: 'grade',
      render: (_, customer) => (
        <Flex vertical gap={2} align="flex-start">
          {customer.grade ? <Tag color="gold">{customer.grade}</Tag> : '—'}
          {customer.score !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('pool.score', { score: customer.score })}
            </Typography.Text>
          )}
        </Flex>
      ),
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
    {
      key: 'pool',
      title: t('pool.fields.pool'),
      dataIndex: 'poolTeamName',
      render: (_, customer) => {
        const at = customer.pooledAt ?? customer.createdAt;
        return (
          <Flex vertical gap={2} align="flex-start">
            {customer.poolTeamName ? (
              <Tag color="purple">{t('pool.gridPool', { team: customer.poolTeamName })}</Tag>
            ) : (
              <Tag color="cyan">{t('pool.orgPool')}</Tag>
            )}
            <Tooltip title={formatDateTime(at, locale)}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('pool.since', { date: formatDayOf(at, locale) })}
              </Typography.Text>
            </Tooltip>
          </Flex>
        );
      },
    },
    {
      key: 'returned',
      title: t('pool.fields.returned'),
      dataIndex: 'returned',
      render: (_, customer) => (
        <div style={{ maxWidth: 280 }}>
          <ReturnReason customer={customer} />
        </div>
      ),
    },
  ];

  const claimButton = (customer: PoolCustomer) => {
    const until = customer.cooldownUntil;
    const button = (
      <Button
        type="primary"
        size="small"
        disabled={until !== null}
        loading={claim.isPending && claim.variables === customer.id}
        aria-label={t('pool.claimNamed', { name: customer.name })}
        onClick={() => claimOne(customer)}
      >
        {t('pool.claim')}
      </Button>
    );
    if (!until) return button;
    return (
      <Flex vertical gap={2} align="center">
        <Tooltip title={t('pool.cooldownUntil', { until: formatDateTime(until, locale) })}>
          {button}
        </Tooltip>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {t('pool.cooldownShort', { date: formatDayOf(until, locale) })}
        </Typography.Text>
      </Flex>
    );
  };

  const selectStyle = { width: phone ? '100%' : 150 };
  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('nav.pool')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('pool.intro')}</Typography.Text>
        </Flex>
        {holdings.data && <HoldingsSummary holdings={holdings.data} />}
      </Flex>
      {notice && (
        <Alert
          role="alert"
          type={notice.type}
          showIcon
          closable
          title={notice.text}
          onClose={() => setNotice(null)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card styles={{ body: { padding: phone ? 12 : 16 } }} style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap align="center">
          <div style={{ flex: '1 1 220px', maxWidth: phone ? undefined : 320 }}>
            <DebouncedInput
              search
              aria-label={t('pool.search')}
              placeholder={t('pool.search')}
              value={params.q ?? ''}
              onChange={search}
            />
          </div>
          {phone && (
            <Badge count={Object.keys(params).filter((key) => key !== 'q').length} size="small">
              <Button
                icon={<FilterOutlined />}
                aria-expanded={filtersOpen}
                onClick={() => setFiltersOpen((open) => !open)}
              >
                {t('pool.filters')}
              </Button>
            </Badge>
          )}
          {(!phone || filtersOpen) && (
            <>
              <Segmented
                value={params.scope ?? 'all'}
                onChange={(value) => change('scope', value === 'all' ? undefined : String(value))}
                options={[
                  { value: 'all', label: t('pool.scope.all') },
                  { value: 'org', label: t('pool.scope.org') },
                  { value: 'team', label: isRep ? t('pool.scope.myGrid') : t('pool.scope.grid') },
                ]}
              />
              <Select
                allowClear
                aria-label={t('pool.fields.returned')}
                placeholder={t('pool.fields.returned')}
                style={selectStyle}
                value={params.returned}
                onChange={(value?: string) => change('returned', value)}
                options={[
                  { value: 'new', label: t('pool.returned.new') },
                  { value: 'lapsed', label: t('pool.returned.lapsed') },
                  { value: 'released', label: t('pool.returned.released') },
                  { value: 'spilled', label: t('pool.returned.spilled') },
                ]}
              />
              <Select
                allowClear
                aria-label={t('customers.fields.grade')}
                placeholder={t('customers.fields.grade')}
                style={selectStyle}
                value={params.grade}
                onChange={(value?: string) => change('grade', value)}
                options={(grades.data ?? []).map((grade) => ({
                  value: grade.grade,
                  label: grade.label[locale] ?? grade.grade,
                }))}
              />
              <Select
                allowClear
                aria-label={t('customers.fields.source')}
                placeholder={t('customers.fields.source')}
                style={selectStyle}
                value={params.source}
                onChange={(value?: string) => change('source', value)}
                options={(sources.data ?? []).map((source) => ({
                  value: source.name,
                  label: source.name,
                }))}
              />
              <FilterText
                label={t('customers.fields.province')}
                value={params.province}
                onChange={(value) => change('province', value)}
              />
              <FilterText
                label={t('customers.fields.city')}
                value={params.city}
                onChange={(value) => change('city', value)}
              />
              <FilterText
                label={t('customers.fields.tags')}
                value={params.tag}
                onChange={(value) => change('tag', value)}
              />
            </>
          )}
          {anyFilter && (
            <Button type="link" onClick={() => setSearchParams({}, { replace: true })}>
              {t('pool.clearFilters')}
            </Button>
          )}
        </Flex>
      </Card>
      {list.isPending ? (
        <ListSkeleton rows={8} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <ResponsiveTable<PoolCustomer>
            rowKey="id"
            columns={phone ? columns.filter((column) => ON_A_PHONE.has(column.key)) : columns}
            dataSource={rows}
            paginate={false}
            actions={claimButton}
            actionsTitle={t('common.actions')}
            emptyText={<EmptyState description={anyFilter ? t('pool.noMatch') : t('pool.empty')} />}
          />
          {rows.length > 0 && (
            <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
              <Typography.Text type="secondary">
                {t('pool.shown', { count: rows.length })}
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
    </>
  );
}

/** A short text filter, applied once the user pauses typing. */
function FilterText(props: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const phone = Grid.useBreakpoint().md === false;
  const report = useCallback(
    (value: string) => props.onChange(value || undefined),
    [props.onChange],
  );
  return (
    <DebouncedInput
      aria-label={props.label}
      placeholder={props.label}
      style={{ width: phone ? '100%' : 120 }}
      value={props.value ?? ''}
      onChange={report}
    />
  );
}
