import { Button, Card, Col, Flex, Row, Select, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../domain/format';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { type ChurnCode, type ChurnReport, useChurnWarnings } from './api';
import { WarningList } from './ChurnWarningTags';
import { churnCodeLabel, severityLabel } from './labels';

type Flagged = ChurnReport['items'][number];
export const CHURN_CODES: ChurnCode[] = [
  'no_order_overdue',
  'revenue_drop',
  'payment_overdue',
  'contract_ending',
];

/** 预警: active customers with churn flags, most urgent first, each one task away from a call. */
export default function ChurnWarningsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const locale = currentLocale();
  const [code, setCode] = useState<ChurnCode | undefined>();
  const [severity, setSeverity] = useState<string | undefined>();
  const filters: Record<string, string> = {};
  if (code) filters.code = code;
  if (severity) filters.severity = severity;
  const report = useChurnWarnings('report', filters);

  const columns: Column<Flagged>[] = [
    {
      key: 'customer',
      title: t('customers.fields.name'),
      dataIndex: 'customerName',
      render: (_, row) => (
        <Link to={`/customers/${row.customerId}`} onClick={(event) => event.stopPropagation()}>
          {row.customerName}
        </Link>
      ),
    },
    {
      key: 'owner',
      title: t('customers.fields.owner'),
      dataIndex: 'ownerName',
      render: (_, row) => row.ownerName ?? t('customers.pool'),
    },
    {
      key: 'grade',
      title: t('customers.fields.grade'),
      dataIndex: 'grade',
      render: (_, row) => (row.grade ? <Tag color="gold">{row.grade}</Tag> : '—'),
    },
    {
      key: 'warnings',
      title: t('qualification.churn.flags'),
      dataIndex: 'warnings',
      render: (_, row) => <WarningList customerId={row.customerId} warnings={row.warnings} />,
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('nav.churnWarnings')}
          </Typography.Title>
          {report.data?.pages[0] && (
            <Typography.Text type="secondary">
              {t('qualification.churn.asOf', {
                date: formatDate(report.data.pages[0].asOf, locale),
              })}
            </Typography.Text>
          )}
        </Flex>
        <Flex gap={8} wrap>
          <Select
            aria-label={t('qualification.churn.code')}
            placeholder={t('qualification.churn.code')}
            allowClear
            value={code}
            options={CHURN_CODES.map((value) => ({
              value,
              label: churnCodeLabel(t, value),
            }))}
            onChange={(value?: ChurnCode) => setCode(value)}
            style={{ width: 180 }}
          />
          <Select
            aria-label={t('qualification.churn.severity')}
            placeholder={t('qualification.churn.severity')}
            allowClear
            value={severity}
            options={['critical', 'warning'].map((value) => ({
              value,
              label: severityLabel(t, value as 'critical' | 'warning'),
            }))}
            onChange={(value?: string) => setSeverity(value)}
            style={{ width: 140 }}
          />
        </Flex>
      </Flex>
      {report.isPending ? (
        <ListSkeleton rows={8} />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            {CHURN_CODES.map((value) => (
              <Col key={value} xs={12} md={6}>
                <Card size="small">
                  <Statistic
                    title={churnCodeLabel(t, value)}
                    value={report.data.pages[0]?.counts[value] ?? 0}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <ResponsiveTable<Flagged>
            rowKey="customerId"
            columns={columns}
            dataSource={report.data.pages.flatMap((page) => page.items)}
            paginate={false}
            onRowClick={(row) => navigate(`/customers/${row.customerId}`)}
            emptyText={<EmptyState description={t('qualification.churn.empty')} />}
          />
          {report.hasNextPage && (
            <Flex justify="center">
              <Button
                loading={report.isFetchingNextPage}
                onClick={() => void report.fetchNextPage()}
              >
                {t('common.loadMore')}
              </Button>
            </Flex>
          )}
        </Flex>
      )}
    </>
  );
}
