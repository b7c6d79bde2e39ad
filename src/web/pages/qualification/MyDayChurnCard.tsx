import { Badge, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useChurnWarnings } from './api';
import { WarningList } from './ChurnWarningTags';

/** My day: churn flags (预警) on my own customers, each with its follow-up task button. */
export function MyDayChurnCard() {
  const { t } = useTranslation();
  const mine = useChurnWarnings('mine');
  const items = mine.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <span>{t('qualification.churn.myDay')}</span>
          <Badge count={items.length} color={items.length > 0 ? '#fa541c' : '#d9d9d9'} showZero />
        </Flex>
      }
      extra={<Link to="/reports/churn-warnings">{t('qualification.churn.all')}</Link>}
      loading={mine.isPending}
    >
      {mine.isError ? (
        <Typography.Text type="danger">{t('qualification.card.failed')}</Typography.Text>
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">{t('qualification.churn.noneMine')}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          {items.map((item) => (
            <Flex key={item.customerId} vertical gap={4}>
              <Link to={`/customers/${item.customerId}`}>{item.customerName}</Link>
              <WarningList customerId={item.customerId} warnings={item.warnings} />
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
