import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Grid,
  Row,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Customer } from '../../api/types';
import { useCurrentUser } from '../../components/CurrentUser';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { formatDateTime, formatRelative } from '../../lib/format';
import { AssignModal } from './AssignModal';
import { useHeldCustomers, useHoldings, useLapseWarnings, useMyHoldings } from './api';
import { HoldingsSummary } from './HoldingsSummary';
import { LapseDeadline, LapseWarningList } from './LapseWarningList';
import { ReleaseModal } from './ReleaseModal';

/** 我的清单: the customers I hold against my limit, which are about to lapse, release and assign. */
export default function MyListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const locale = currentLocale();
  const phone = Grid.useBreakpoint().md === false;
  const manages = me.role !== 'rep';
  const [ownerId, setOwnerId] = useState(me.id);
  const mine = ownerId === me.id;
  const myHoldings = useMyHoldings();
  const team = useHoldings(manages);
  const warnings = useLapseWarnings();
  const held = useHeldCustomers(ownerId);
  const [releasing, setReleasing] = useState<Customer | null>(null);
  const [assigning, setAssigning] = useState<Customer | null>(null);

  const warningOf = useMemo(
    () => new Map((mine ? (warnings.data ?? []) : []).map((w) => [w.customerId, w])),
    [mine, warnings.data],
  );
  const other = team.data?.find((row) => row.userId === ownerId);
  const rows = held.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: Column<Customer>[] = [
    {
      key: 'name',
      title: t('customers.fields.name'),
      dataIndex: 'name',
      render: (_, customer) => <Link to={`/customers/${customer.id}`}>{customer.name}</Link>,
    },
    {
      key: 'grade',
      title: t('customers.fields.grade'),
      dataIndex: 'grade',
      render: (_, customer) => (customer.grade ? <Tag color="gold">{customer.grade}</Tag> : '—'),
    },
    {
      key: 'region',
      title: t('customers.fields.region'),
      dataIndex: 'province',
      render: (_, customer) =>
        [customer.province, customer.city].filter(Boolean).join(' · ') || '—',
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
    ...(mine
      ? [
          {
            key: 'lapse',
            title: t('myList.fields.lapse'),
            dataIndex: 'id',
            render: (_: unknown, customer: Customer) => {
              const warning = warningOf.get(customer.id);
              return warning ? <LapseDeadline warning={warning} /> : '—';
            },
          } satisfies Column<Customer>,
        ]
      : []),
  ];

  const actions = (customer: Customer) => (
    <Space size={4} wrap>
      <Button
        size="small"
        danger
        aria-label={t('myList.releaseNamed', { name: customer.name })}
        onClick={() => setReleasing(customer)}
      >
        {t('myList.release.button')}
      </Button>
      {manages && (
        <Button
          size="small"
          aria-label={t('myList.assignNamed', { name: customer.name })}
          onClick={() => setAssigning(customer)}
        >
          {t('myList.assign.button')}
        </Button>
      )}
    </Space>
  );

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {mine ? t('nav.myList') : t('myList.titleOf', { name: other?.name ?? '' })}
          </Typography.Title>
          <Typography.Text type="secondary">{t('myList.intro')}</Typography.Text>
        </Flex>
        {manages && (
          <Select
            aria-label={t('myList.whose')}
            style={{ width: phone ? '100%' : 260 }}
            value={ownerId}
            onChange={setOwnerId}
            showSearch
            optionFilterProp="label"
            options={(team.data ?? []).map((row) => ({
              value: row.userId,
              label: `${row.name}（${t('pool.holdings.count', { count: row.count, limit: row.limit })}）`,
            }))}
          />
        )}
      </Flex>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={mine ? 10 : 24}>
          <Card size="small" title={t('myList.holdingTitle')} style={{ height: '100%' }}>
            {mine && myHoldings.data ? (
              <Flex vertical gap={8}>
                <HoldingsSummary holdings={myHoldings.data} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('myList.guidance', {
                    limit: myHoldings.data.limit,
                    source:
                      myHoldings.data.limitSource === 'rep'
                        ? t('myList.limitSource.rep')
                        : myHoldings.data.limitSource === 'team'
                          ? t('myList.limitSource.team')
                          : t('myList.limitSource.org'),
                  })}
                </Typography.Text>
              </Flex>
            ) : other ? (
              <Typography.Text>
                {t('pool.holdings.label')}{' '}
                <Typography.Text strong type={other.remaining === 0 ? 'danger' : undefined}>
                  {t('pool.holdings.count', { count: other.count, limit: other.limit })}
                </Typography.Text>
              </Typography.Text>
            ) : null}
          </Card>
        </Col>
        {mine && (
          <Col xs={24} lg={14}>
            <Card
              size="small"
              title={t('myList.warningsTitle', { count: warnings.data?.length ?? 0 })}
              style={{ height: '100%' }}
            >
              {warnings.isError ? (
                <ErrorState error={warnings.error} onRetry={() => void warnings.refetch()} />
              ) : (warnings.data ?? []).length === 0 ? (
                <Typography.Text type="secondary">{t('myList.noWarnings')}</Typography.Text>
              ) : (
                <LapseWarningList items={warnings.data ?? []} />
              )}
            </Card>
          </Col>
        )}
      </Row>
      {held.isPending ? (
        <ListSkeleton rows={8} />
      ) : held.isError ? (
        <ErrorState error={held.error} onRetry={() => void held.refetch()} />
      ) : (
        <>
          <ResponsiveTable<Customer>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            paginate={false}
            actions={actions}
            actionsTitle={t('common.actions')}
            emptyText={
              <EmptyState
                description={t('myList.empty')}
                action={
                  <Link to="/pool">
                    <Button type="primary">{t('myList.toPool')}</Button>
                  </Link>
                }
              />
            }
          />
          {held.hasNextPage && (
            <Flex justify="center" style={{ marginTop: 16 }}>
              <Button loading={held.isFetchingNextPage} onClick={() => void held.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            </Flex>
          )}
        </>
      )}
      {releasing && (
        <ReleaseModal
          customer={releasing}
          onClose={(released) => {
            if (released) void message.success(t('myList.released', { name: releasing.name }));
            setReleasing(null);
          }}
        />
      )}
      {assigning && (
        <AssignModal
          customer={assigning}
          onClose={(moved) => {
            if (moved) {
              void message.success(
                t('myList.assigned', {
                  name: assigning.name,
                  tasks: moved.tasks,
                  deals: moved.deals,
                }),
              );
            }
            setAssigning(null);
          }}
        />
      )}
    </>
  );
}
