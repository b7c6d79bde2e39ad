import {
  Alert,
  Button,
  Col,
  Descriptions,
  Flex,
  Progress,
  Result,
  Row,
  Statistic,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportJob } from '../../api/types';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { isRunning, useImport } from './api';
import { kindLabel, rowMessage } from './labels';

type RowError = ImportJob['errors'][number];

/** The lines under the three counts: what "skipped" was, and what else the import did. */
function details(t: TFunction, job: ImportJob): { key: string; label: string; value: number }[] {
  const s = job.summary;
  const lines = [
    { key: 'blank', label: t('imports.report.skippedBlank'), value: s.skippedBlank },
    { key: 'subtotal', label: t('imports.report.skippedSubtotal'), value: s.skippedSubtotal },
    { key: 'already', label: t('imports.report.alreadyImported'), value: s.alreadyImported ?? 0 },
    { key: 'duplicates', label: t('imports.report.duplicates'), value: s.duplicates ?? 0 },
    { key: 'updatedLines', label: t('imports.report.updatedLines'), value: s.updatedLines ?? 0 },
    {
      key: 'createdCustomers',
      // Sales imports create unknown customers in the pool; a customer list sets owners itself.
      label:
        job.kind === 'sales'
          ? t('imports.report.createdCustomers')
          : t('imports.report.createdCustomersPlain'),
      value: s.createdCustomers ?? 0,
    },
    {
      key: 'updatedCustomers',
      label: t('imports.report.updatedCustomers'),
      value: s.updatedCustomers ?? 0,
    },
    { key: 'contacts', label: t('imports.report.createdContacts'), value: s.createdContacts ?? 0 },
  ];
  return lines.filter((line) => line.value > 0);
}

/** Step 3: progress while the job runs in the background, then what it did, row by row. */
export function ImportReport({ id, onNew }: { id: string; onNew: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const job = useImport(id);

  if (job.isPending) return <ListSkeleton />;
  if (job.isError) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  const data = job.data;
  const newButton = <Button onClick={onNew}>{t('imports.another')}</Button>;

  if (isRunning(data)) {
    const percent =
      data.total > 0 ? Math.min(99, Math.floor((data.processed / data.total) * 100)) : 0;
    return (
      <Flex vertical gap={16} align="center" style={{ padding: '24px 0' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('imports.report.running', { file: data.fileName })}
        </Typography.Title>
        <Progress type="circle" percent={percent} aria-label={t('imports.report.progress')} />
        <Typography.Text>
          {t('imports.report.processed', { processed: data.processed, total: data.total })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('imports.report.background')}</Typography.Text>
      </Flex>
    );
  }

  const columns: Column<RowError>[] = [
    {
      key: 'row',
      title: t('imports.preview.row'),
      dataIndex: 'row',
      render: (row: number) => t('imports.preview.rowNumber', { row }),
    },
    {
      key: 'message',
      title: t('imports.report.reason'),
      dataIndex: 'message',
      render: (message: string) => rowMessage(t, message),
    },
  ];
  const status = data.status === 'failed' ? 'error' : data.failed > 0 ? 'warning' : 'success';
  const title =
    data.status === 'failed'
      ? t('imports.report.jobFailed')
      : data.status === 'cancelled'
        ? t('imports.status.cancelled')
        : data.failed > 0
          ? t('imports.report.finishedWithFailures', { count: data.failed })
          : t('imports.report.finished');

  return (
    <Flex vertical gap={16}>
      <Result
        status={status}
        title={title}
        subTitle={`${data.fileName} · ${kindLabel(t, data.kind)} · ${formatDateTime(data.createdAt, locale)}`}
        style={{ paddingBottom: 0 }}
        extra={[
          data.kind === 'sales' && data.status === 'done' && (
            <Link key="funnel" to="/reports/revenue-funnel">
              <Button type="primary">{t('imports.report.toFunnel')}</Button>
            </Link>
          ),
          data.kind === 'customers' && data.status === 'done' && (
            <Link key="customers" to="/customers">
              <Button type="primary">{t('imports.report.toCustomers')}</Button>
            </Link>
          ),
          <span key="new">{newButton}</span>,
        ]}
      />
      {data.summary.error && <Alert type="error" showIcon title={data.summary.error} />}
      {data.summary.sameFileImportedBefore && (
        <Alert
          type="info"
          showIcon
          title={t('imports.report.sameFile', {
            time: formatDateTime(data.summary.sameFileImportedBefore.createdAt, locale),
          })}
        />
      )}
      <Row gutter={16} role="group" aria-label={t('imports.report.counts')}>
        <Col span={8}>
          <Statistic title={t('imports.report.imported')} value={data.imported} />
        </Col>
        <Col span={8}>
          <Statistic title={t('imports.report.skipped')} value={data.skipped} />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('imports.report.failed')}
            value={data.failed}
            styles={{ content: data.failed > 0 ? { color: '#cf1322' } : undefined }}
          />
        </Col>
      </Row>
      {details(t, data).length > 0 && (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={details(t, data).map((line) => ({
            key: line.key,
            label: line.label,
            children: line.value,
          }))}
        />
      )}
      {data.summary.duplicateRows && data.summary.duplicateRows.length > 0 && (
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('imports.report.duplicateRows')}
          {data.summary.duplicateRows.map((duplicate, index) => (
            <span key={duplicate.row}>
              {index > 0 && '；'}
              {t('imports.preview.rowNumber', { row: duplicate.row })} →{' '}
              {duplicate.customerId ? (
                <Link to={`/customers/${duplicate.customerId}`}>{duplicate.name}</Link>
              ) : (
                duplicate.name
              )}
            </span>
          ))}
        </Typography.Paragraph>
      )}
      {data.summary.unknownOwners && data.summary.unknownOwners.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('imports.report.unknownOwners', {
            names: data.summary.unknownOwners.join('、'),
          })}
        />
      )}
      {data.errors.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('imports.report.failedRows')}
            {data.failed > data.errors.length &&
              ` ${t('imports.report.firstErrors', { count: data.errors.length })}`}
          </Typography.Title>
          <ResponsiveTable<RowError>
            rowKey="row"
            columns={columns}
            dataSource={data.errors}
            emptyText={<EmptyState description={t('imports.report.noErrors')} />}
          />
        </>
      )}
    </Flex>
  );
}
