import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../domain/format';
import { currentLocale } from '../../i18n';
import type { LapseWarning } from './api';

export function describeWarningTriggers(t: TFunction, warning: LapseWarning): string {
  return warning.triggers
    .map((trigger) =>
      trigger === 'no_activity' ? t('myList.warning.noActivity') : t('myList.warning.noProgress'),
    )
    .join(t('pool.trigger.and'));
}

/** "Returns to the pool on 12 Jun (3 days left) — rule 30 天未跟进": one line per customer. */
export function LapseDeadline({ warning }: { warning: LapseWarning }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const lapsing = warning.status === 'lapsed' || warning.daysLeft <= 0;
  return (
    <Tooltip
      title={t('myList.warning.rule', {
        rule: warning.ruleName,
        trigger: describeWarningTriggers(t, warning),
      })}
    >
      <Typography.Text type={lapsing ? 'danger' : 'warning'}>
        {lapsing
          ? t('myList.warning.next')
          : t('myList.warning.deadline', {
              date: formatDate(warning.deadline, locale),
              count: warning.daysLeft,
            })}
      </Typography.Text>
    </Tooltip>
  );
}

/** My customers nearing their lapse deadline, soonest first (My day and My list). */
export function LapseWarningList({ items }: { items: LapseWarning[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      {items.map((warning) => (
        <Flex key={warning.customerId} justify="space-between" gap={8} wrap>
          <Flex vertical style={{ minWidth: 0 }}>
            <Link to={`/customers/${warning.customerId}`}>{warning.customerName}</Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <Tag color="orange" style={{ marginInlineEnd: 4 }}>
                {warning.ruleName}
              </Tag>
              {describeWarningTriggers(t, warning)}
            </Typography.Text>
          </Flex>
          <LapseDeadline warning={warning} />
        </Flex>
      ))}
    </Flex>
  );
}
