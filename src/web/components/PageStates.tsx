import ReloadOutlined from '@ant-design/icons/es/icons/ReloadOutlined';
import { Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';
import { Result } from './LazyResult';

/** What a list shows while its first page loads. */
export function ListSkeleton({ rows = 6 }: { rows?: number }) {
  return <Skeleton active title={false} paragraph={{ rows }} />;
}

/** A failed call, said plainly, with a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('states.loadFailed')}
      subTitle={describeError(t, error)}
      extra={
        <Button icon={<ReloadOutlined />} onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}

/** Nothing here yet: say so, and what to do next. */
export function EmptyState({
  description,
  action,
}: {
  description: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>
      {action}
    </Empty>
  );
}
