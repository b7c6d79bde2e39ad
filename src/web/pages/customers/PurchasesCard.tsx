import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../domain/format/dates';
import type { CustomerSales } from '../../../server/modules/sales/sales.schema';
import { ApiError, api, query } from '../../api/client';
import { Money } from '../../components/Money';
import { ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';

type Line = CustomerSales['items'][number];

function useCustomerSales(customerId: string) {
  return useInfiniteQuery({
    queryKey: ['customers', 'sales', customerId],
    queryFn: ({ pageParam }) =>
      api.get<CustomerSales>(
        `/customers/${customerId}/sales${query({ limit: 20, cursor: pageParam })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A rep sees a pool customer's history once they claim it: nothing to retry.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** Purchase history (购买记录) from the imported sales records: totals, product lines, orders. */
export function PurchasesCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const sales = useCustomerSales(customerId);
  if (sales.error instanceof ApiError && sales.error.status === 403) return null;
  const title = t('purchases.title');
  if (sales.isPending) {
    return (
      <Card size="small" title={title}>
        <ListSkeleton rows={3} />
      </Card>
    );
  }
  if (sales.isError) {
    return (
      <Card size="small" title={title}>
        <ErrorState error={sales.error} onRetry={() => void sales.refetch()} />
      </Card>
    );
  }
  const [first] = sales.data.pages;
  const summary = first?.summary;
  if (!summary || summary.lines === 0) {
    return (
      <Card size="small" title={title}>
        <Typography.Text type="secondary">{t('purchases.none')}</Typography.Text>
      </Card>
    );
  }
  const lines = sales.data.pages.flatMap((page) => page.items);
  return (
    <Card size="small" title={title}>
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('purchases.total')}>
          <Money amount={summary.total} />
        </Descriptions.Item>
        <Descriptions.Item label={t('purchases.outstanding')}>
          <Money amount={summary.outstanding} />
          {summary.overdue > 0 && (
            <Tag color="error" style={{ marginInlineStart: 6 }}>
              {t('purchases.overdue')} <Money amount={summary.overdue} />
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('purchases.orders')}>{summary.lines}</Descriptions.Item>
        <Descriptions.Item label={t('purchases.lastOrder')}>
          {summary.lastOrderDate ? formatDate(summary.lastOrderDate, locale) : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">{t('purchases.products')}</Typography.Text>
      <Flex wrap gap={4} style={{ margin: '4px 0 8px' }}>
        {summary.products.map((product) => (
          <Tag key={product.product ?? ''}>
            {product.product ?? t('purchases.noProduct')} · <Money amount={product.amount} />
          </Tag>
        ))}
      </Flex>
      <Table<Line>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={lines}
        scroll={{ x: true }}
        columns={[
          {
            key: 'date',
            title: t('purchases.date'),
            render: (_, line) => formatDate(line.orderDate, locale),
          },
          { key: 'product', title: t('purchases.product'), dataIndex: 'product' },
          {
            key: 'amount',
            title: t('purchases.amount'),
            align: 'right',
            render: (_, line) => <Money amount={line.amount} exact />,
          },
          {
            key: 'paid',
            title: t('purchases.paid'),
            render: (_, line) =>
              line.overdue ? (
                <Tag color="error">{t('purchases.overdue')}</Tag>
              ) : line.paid !== null && line.paid >= line.amount ? (
                <Tag color="success">{t('purchases.paidInFull')}</Tag>
              ) : (
                <Tag>{t('purchases.unpaid')}</Tag>
              ),
          },
        ]}
      />
      {sales.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 8 }}>
          <Button loading={sales.isFetchingNextPage} onClick={() => void sales.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
