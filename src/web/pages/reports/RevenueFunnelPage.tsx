import DownloadOutlined from '@ant-design/icons/es/icons/DownloadOutlined';
import { Button, Card, Col, Flex, Row, Table, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatMoney, yuanToCents } from '../../../domain/format';
import { zonedDay } from '../../../domain/format/dates';
import { bucketLabel, DEFAULT_BUCKET_EDGES_YUAN } from '../../../domain/reports/revenueBuckets';
import { ApiError } from '../../api/client';
import type { Locale } from '../../api/types';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { currentLocale } from '../../i18n';
import { BucketCustomersDrawer } from './BucketCustomersDrawer';
import { downloadBucketsCsv, downloadDataUrl } from './download';
import { RevenueFilters } from './RevenueFilters';
import { type FunnelChartHandle, RevenueFunnelChart } from './RevenueFunnelChart';
import {
  type RevenueFilters as Filters,
  type RevenueBucketRow,
  useRevenueBuckets,
} from './revenueApi';

function labelOf(bucket: RevenueBucketRow, locale: Locale): string {
  return bucketLabel(
    {
      minCents: yuanToCents(bucket.min),
      maxCents: bucket.max === null ? null : yuanToCents(bucket.max),
    },
    locale,
  );
}

/** The server's complaint about `edges`, if that is what it refused. */
function edgesError(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  return error.errors.find((item) => /(^|\.)edges$/.test(item.field))?.message ?? null;
}

function Money({ yuan, locale }: { yuan: number; locale: Locale }) {
  const cents = yuanToCents(yuan);
  return (
    <Tooltip title={formatMoney(cents, locale)}>
      <span>{formatMoney(cents, locale, { compact: true })}</span>
    </Tooltip>
  );
}

function customersText(t: TFunction, count: number) {
  return t('revenueFunnel.customerCount', { count });
}

/**
 * 报表 → 客户漏斗图: customers bucketed by their sales total (half-open [min, max)), as the
 * server counts and sums them; the funnel keeps the buckets' order, the table sits beside it.
 */
export default function RevenueFunnelPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [params, setParams] = useSearchParams();
  const filters: Filters = useMemo(
    () => ({
      edges: params.get('edges') || DEFAULT_BUCKET_EDGES_YUAN,
      product: params.get('product') || undefined,
      from: params.get('from') || undefined,
      to: params.get('to') || undefined,
    }),
    [params],
  );
  const report = useRevenueBuckets(filters);
  const chart = useRef<FunnelChartHandle>(null);
  const [selected, setSelected] = useState<number | null>(null);

  const buckets = report.data?.buckets ?? [];
  const labels = buckets.map((bucket) => labelOf(bucket, locale));
  const segments = useMemo(
    () =>
      (report.data?.buckets ?? []).map((bucket) => ({
        name: labelOf(bucket, locale),
        value: bucket.customers,
        label: t('revenueFunnel.segmentLabel', {
          bucket: labelOf(bucket, locale),
          count: bucket.customers,
        }),
        detail: `${labelOf(bucket, locale)}<br/>${customersText(t, bucket.customers)} · ${formatMoney(yuanToCents(bucket.amount), locale)}`,
      })),
    [report.data, locale, t],
  );

  const applyFilters = (next: Filters) => {
    const search: Record<string, string> = {};
    for (const [key, value] of Object.entries(next)) if (value) search[key] = value;
    setParams(search, { replace: true });
  };
  const fileBase = `${t('nav.revenueFunnel')}-${zonedDay(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone)}`;
  const selectedBucket = selected === null ? undefined : buckets[selected];
  // The first bucket also holds net-negative totals, so its list has no lower bound.
  const selectedRange = selectedBucket
    ? {
        min: selected === 0 ? undefined : selectedBucket.min,
        max: selectedBucket.max ?? undefined,
      }
    : null;

  let content: ReactNode;
  if (report.isPending) content = <ListSkeleton />;
  else if (report.isError) {
    // Edges the server refused are said on the edges field itself.
    content = edgesError(report.error) ? null : (
      <ErrorState error={report.error} onRetry={() => void report.refetch()} />
    );
  } else if (buckets.every((bucket) => bucket.customers === 0)) {
    content = (
      <EmptyState
        description={t('revenueFunnel.empty')}
        action={
          <Link to="/imports">
            <Button type="primary">{t('revenueFunnel.toImports')}</Button>
          </Link>
        }
      />
    );
  } else {
    content = (
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={13}>
          <Card
            size="small"
            title={t('revenueFunnel.chartTitle')}
            extra={
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => {
                  const url = chart.current?.pngDataUrl();
                  if (url) downloadDataUrl(url, `${fileBase}.png`);
                }}
              >
                {t('revenueFunnel.downloadPng')}
              </Button>
            }
          >
            <RevenueFunnelChart
              ref={chart}
              segments={segments}
              ariaLabel={t('revenueFunnel.chartTitle')}
              onSegmentClick={setSelected}
            />
            <Typography.Text type="secondary">{t('revenueFunnel.clickHint')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={11}>
          <Card
            size="small"
            title={t('revenueFunnel.tableTitle')}
            extra={
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => downloadBucketsCsv(t, buckets, labels, `${fileBase}.csv`)}
              >
                {t('revenueFunnel.downloadCsv')}
              </Button>
            }
          >
            <Table<RevenueBucketRow>
              rowKey={(bucket) => String(bucket.min)}
              dataSource={buckets}
              pagination={false}
              size="middle"
              columns={[
                {
                  key: 'bucket',
                  title: t('revenueFunnel.bucket'),
                  render: (_, _bucket, index) => (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0 }}
                      aria-label={t('revenueFunnel.openBucket', { bucket: labels[index] })}
                      onClick={() => setSelected(index)}
                    >
                      {labels[index]}
                    </Button>
                  ),
                },
                {
                  key: 'customers',
                  title: t('revenueFunnel.customers'),
                  dataIndex: 'customers',
                  align: 'right',
                },
                {
                  key: 'amount',
                  title: t('revenueFunnel.amount'),
                  dataIndex: 'amount',
                  align: 'right',
                  render: (amount: number) => <Money yuan={amount} locale={locale} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    );
  }

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.revenueFunnel')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('revenueFunnel.subtitle')}</Typography.Text>
      </div>
      <Card size="small">
        <RevenueFilters
          value={filters}
          onChange={applyFilters}
          serverEdgesError={report.isError ? edgesError(report.error) : null}
        />
      </Card>
      {content}
      <BucketCustomersDrawer
        filters={filters}
        range={selectedRange}
        title={
          selected === null
            ? ''
            : t('revenueFunnel.bucketCustomers', { bucket: labels[selected] ?? '' })
        }
        onClose={() => setSelected(null)}
      />
    </Flex>
  );
}
