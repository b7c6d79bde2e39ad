import { Table } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { methodLabel, ratioText, Yuan } from './format';
import { type ForecastDeals, useForecastDeals } from './reportsApi';

type ForecastDeal = ForecastDeals['items'][number];
type Sort = 'amount' | 'expectedCloseDate';
type Order = 'asc' | 'desc';

const PAGE_SIZES = [20, 50, 100];

/**
 * The forecast's open deals, paged and sorted by the server (amount or expected close date):
 * a team's thousands of deals arrive a page at a time, the totals above stay over all of them.
 * `params` is the forecast's scope and period; a new scope starts again at page 1 (the parent
 * keys this table by it).
 */
export function ForecastDealsTable({
  params,
}: {
  params: Record<string, string | number | undefined>;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [sort, setSort] = useState<{ sort: Sort; order: Order }>({
    sort: 'amount',
    order: 'desc',
  });
  const deals = useForecastDeals({
    ...params,
    ...sort,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  });
  const sortOrder = (column: Sort) =>
    sort.sort === column ? (sort.order === 'asc' ? 'ascend' : 'descend') : null;
  if (deals.isError) return <ErrorState error={deals.error} onRetry={() => void deals.refetch()} />;
  const total = deals.data?.total ?? 0;
  return (
    <Table<ForecastDeal>
      aria-label={t('forecast.tabs.deals')}
      size="small"
      rowKey="id"
      scroll={{ x: 960 }}
      loading={deals.isFetching}
      dataSource={deals.data?.items ?? []}
      pagination={{
        current: page.current,
        pageSize: page.pageSize,
        total,
        pageSizeOptions: PAGE_SIZES,
        showSizeChanger: true,
        showTotal: () => t('forecast.dealsTotal', { count: total }),
      }}
      onChange={(pagination, _filters, sorter) => {
        const one = (Array.isArray(sorter) ? sorter[0] : sorter) as
          | SorterResult<ForecastDeal>
          | undefined;
        const column = one?.columnKey === 'close' ? 'expectedCloseDate' : 'amount';
        // A third click clears antd's sort: back to the default, largest amount first.
        const next: { sort: Sort; order: Order } = one?.order
          ? { sort: column, order: one.order === 'ascend' ? 'asc' : 'desc' }
          : { sort: 'amount', order: 'desc' };
        const resorted = next.sort !== sort.sort || next.order !== sort.order;
        setSort(next);
        setPage({
          current: resorted ? 1 : (pagination.current ?? 1),
          pageSize: pagination.pageSize ?? page.pageSize,
        });
      }}
      columns={[
        { key: 'name', title: t('funnelReport.deal'), dataIndex: 'name' },
        { key: 'customer', title: t('funnelReport.customer'), dataIndex: 'customerName' },
        { key: 'owner', title: t('funnelReport.owner'), dataIndex: 'ownerName' },
        { key: 'stage', title: t('funnelReport.stage'), dataIndex: 'stageName' },
        {
          key: 'amount',
          title: t('funnelReport.amount'),
          dataIndex: 'amount',
          align: 'right',
          // The server sorts; the arrows say which way and toggle it.
          sorter: true,
          sortOrder: sortOrder('amount'),
          sortDirections: ['descend', 'ascend'],
          render: (v: number) => <Yuan value={v} locale={locale} />,
        },
        {
          key: 'close',
          title: t('forecast.expectedClose'),
          dataIndex: 'expectedCloseDate',
          sorter: true,
          sortOrder: sortOrder('expectedCloseDate'),
          sortDirections: ['ascend', 'descend'],
          render: (v: string | null) => v ?? '—',
        },
        {
          key: 'weighted',
          title: methodLabel(t, 'weighted'),
          dataIndex: 'weighted',
          align: 'right',
          render: (v: number) => <Yuan value={v} locale={locale} />,
        },
        {
          key: 'historyP',
          title: t('forecast.historyProbability'),
          dataIndex: 'historyProbability',
          align: 'right',
          render: (v: number | null) => ratioText(v),
        },
        {
          key: 'history',
          title: methodLabel(t, 'history'),
          dataIndex: 'historyExpected',
          align: 'right',
          render: (v: number) => <Yuan value={v} locale={locale} />,
        },
      ]}
    />
  );
}
