import { Button, Drawer, Flex, Grid } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney, yuanToCents } from '../../../domain/format';
import type { BucketCustomer } from '../../api/types';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { type BucketRange, type RevenueFilters, useBucketCustomers } from './revenueApi';

/** The customers of one bucket, as the server lists them. */
export function BucketCustomersDrawer({
  filters,
  range,
  title,
  onClose,
}: {
  filters: RevenueFilters;
  /** The open bucket's bounds; null when the drawer is closed. */
  range: BucketRange | null;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const phone = Grid.useBreakpoint().md === false;
  const customers = useBucketCustomers(filters, range);

  const columns: Column<BucketCustomer>[] = [
    {
      key: 'name',
      title: t('revenueFunnel.customer'),
      dataIndex: 'name',
      render: (name: string, customer) => (
        <Link to={`/customers/${customer.customerId}`}>{name}</Link>
      ),
    },
    {
      key: 'amount',
      title: t('revenueFunnel.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (amount: number) => formatMoney(yuanToCents(amount), locale),
    },
    {
      key: 'lines',
      title: t('revenueFunnel.lines'),
      dataIndex: 'lines',
      align: 'right',
    },
    {
      key: 'owner',
      title: t('revenueFunnel.owner'),
      dataIndex: 'ownerName',
      render: (name: string | null) => name ?? t('revenueFunnel.inPool'),
    },
  ];

  let body: ReactNode;
  if (customers.isPending) body = <ListSkeleton />;
  else if (customers.isError) {
    body = <ErrorState error={customers.error} onRetry={() => void customers.refetch()} />;
  } else {
    body = (
      <Flex vertical gap={12}>
        <ResponsiveTable<BucketCustomer>
          rowKey="customerId"
          columns={columns}
          dataSource={customers.data.pages.flatMap((page) => page.items)}
          paginate={false}
          emptyText={<EmptyState description={t('revenueFunnel.noCustomers')} />}
        />
        {customers.hasNextPage && (
          <Button
            style={{ alignSelf: 'center' }}
            loading={customers.isFetchingNextPage}
            onClick={() => void customers.fetchNextPage()}
          >
            {t('revenueFunnel.moreCustomers')}
          </Button>
        )}
      </Flex>
    );
  }

  return (
    <Drawer
      open={range !== null}
      onClose={onClose}
      title={title}
      size={phone ? '100%' : 520}
      destroyOnHidden
    >
      {body}
    </Drawer>
  );
}
