import { Card, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/PageStates';
import { ProgressLine } from '../../components/ProgressLine';
import { useMyProgress, useSignalSuggestions } from './api';
import { metricLabel, periodLabel, signalLabel } from './labels';

/**
 * My day: the caller's activity targets against the work done so far (新客户接触 3/5 today),
 * then the list customers whose opportunity signals suggest the potential stage.
 */
export function ActivityProgressCard() {
  const { t } = useTranslation();
  const progress = useMyProgress();
  const suggestions = useSignalSuggestions();
  let body: React.ReactNode;
  if (progress.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (progress.isError)
    body = <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />;
  else if (progress.data.items.length === 0)
    body = <Typography.Text type="secondary">{t('workData.noTargets')}</Typography.Text>;
  else
    body = (
      <Flex vertical gap={8}>
        {progress.data.items.map((item) => {
          const done = item.actual >= item.target;
          return (
            <div key={item.targetId} data-testid={`progress-${item.period}-${item.metric}`}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text>
                  {metricLabel(t, item.metric)}
                  <Typography.Text type="secondary">
                    {' · '}
                    {periodLabel(t, item.period)}
                    {item.teamName && ` · ${item.teamName}`}
                  </Typography.Text>
                </Typography.Text>
                <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {item.actual}/{item.target}
                </Typography.Text>
              </Flex>
              <ProgressLine
                percent={Math.min(100, Math.round((item.actual / item.target) * 100))}
                label={metricLabel(t, item.metric)}
                color={done ? '#52c41a' : '#1677ff'}
              />
            </div>
          );
        })}
      </Flex>
    );
  const items = suggestions.data?.items ?? [];
  return (
    <Card size="small" title={t('workData.progressTitle')}>
      {body}
      {items.length > 0 && (
        <Flex vertical gap={4} style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('workData.suggestionsTitle')}</Typography.Text>
          {items.slice(0, 5).map((item) => (
            <Flex key={item.customerId} justify="space-between" gap={8}>
              <Link to={`/customers/${item.customerId}`}>{item.customerName}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.signals.map((signal) => signalLabel(t, signal)).join('、')}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
