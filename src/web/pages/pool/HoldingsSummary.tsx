import { Flex, Progress, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyHoldings } from './api';

/** "我的清单 48 / 50" with today's claims against the quota; the seeds' 30–70 as the tooltip. */
export function HoldingsSummary({ holdings }: { holdings: MyHoldings }) {
  const { t } = useTranslation();
  const full = holdings.count >= holdings.limit;
  const percent = holdings.limit > 0 ? Math.min(100, (holdings.count / holdings.limit) * 100) : 100;
  return (
    <Flex gap={16} align="center" wrap>
      <Tooltip title={t('pool.holdings.guidance')}>
        <Flex vertical style={{ minWidth: 180 }}>
          <Typography.Text>
            {t('pool.holdings.label')}{' '}
            <Typography.Text strong type={full ? 'danger' : undefined}>
              {t('pool.holdings.count', { count: holdings.count, limit: holdings.limit })}
            </Typography.Text>
          </Typography.Text>
          <Progress
            percent={percent}
            showInfo={false}
            size="small"
            status={full ? 'exception' : 'normal'}
            aria-label={t('pool.holdings.label')}
          />
        </Flex>
      </Tooltip>
      {holdings.dailyClaimQuota !== null && (
        <Typography.Text type="secondary">
          {t('pool.holdings.claimsToday', {
            count: holdings.claimsToday,
            quota: holdings.dailyClaimQuota,
          })}
        </Typography.Text>
      )}
      {holdings.wonDealsExempt && (
        <Typography.Text type="secondary">{t('pool.holdings.wonExempt')}</Typography.Text>
      )}
    </Flex>
  );
}
