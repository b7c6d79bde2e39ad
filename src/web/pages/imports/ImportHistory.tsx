import { Button, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../api/types';
import { EmptyState, ErrorState, ListSkeleton } from '../../components/PageStates';
import { type Column, ResponsiveTable } from '../../components/ResponsiveTable';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { type ImportListItem, useImportHistory } from './api';
import { kindLabel, statusLabel } from './labels';

const STATUS_COLOURS: Record<ImportJob['status'], string> = {
  uploaded: 'default',
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** Past imports, newest first; a row opens its report. */
export function ImportHistory({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const history = useImportHistory();

  if (history.isPending) return <ListSkeleton rows={3} />;
  if (history.isError) {
    return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  }
  const items = history.data.pages.flatMap((page) => page.items);

  const columns: Column<ImportListItem>[] = [
    {
      key: 'fileName',
      title: t('imports.history.file'),
      dataIndex: 'fileName',
      render: (name: string, job) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          aria-label={t('imports.history.open', { name })}
          onClick={() => onOpen(job.id)}
        >
          {name}
        </Button>
      ),
    },
    {
      key: 'kind',
      title: t('imports.history.kind'),
      dataIndex: 'kind',
      render: (kind: ImportJob['kind']) => kindLabel(t, kind),
    },
    {
      key: 'createdAt',
      title: t('imports.history.when'),
      dataIndex: 'createdAt',
      render: (iso: string) => formatDateTime(iso, locale),
    },
    {
      key: 'status',
      title: t('imports.history.status'),
      dataIndex: 'status',
      render: (status: ImportJob['status']) => (
        <Tag color={STATUS_COLOURS[status]}>{statusLabel(t, status)}</Tag>
      ),
    },
    {
      key: 'imported',
      title: t('imports.report.imported'),
      dataIndex: 'imported',
      align: 'right',
    },
    { key: 'skipped', title: t('imports.report.skipped'), dataIndex: 'skipped', align: 'right' },
    { key: 'failed', title: t('imports.report.failed'), dataIndex: 'failed', align: 'right' },
  ];

  return (
    <Flex vertical gap={12}>
      <ResponsiveTable<ImportListItem>
        rowKey="id"
        columns={columns}
        dataSource={items}
        paginate={false}
        emptyText={<EmptyState description={t('imports.history.empty')} />}
      />
      {history.hasNextPage && (
        <Button
          style={{ alignSelf: 'center' }}
          loading={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}
        >
          {t('imports.history.more')}
        </Button>
      )}
    </Flex>
  );
}
