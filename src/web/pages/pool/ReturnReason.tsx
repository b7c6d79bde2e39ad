import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { formatDateTime, formatDayOf } from '../../lib/format';
import type { PoolCustomer } from './api';

type Rule = NonNullable<NonNullable<PoolCustomer['returned']>['rule']>;

/** "30 天无有效沟通" / "no progress for 60 days": the trigger that fired, with its days. */
export function describeTriggers(t: TFunction, rule: Rule): string {
  const parts: string[] = [];
  if (rule.triggers.includes('no_activity') && rule.noActivityDays !== null) {
    parts.push(t('pool.trigger.noActivity', { count: rule.noActivityDays }));
  }
  if (rule.triggers.includes('no_progress') && rule.noProgressDays !== null) {
    parts.push(t('pool.trigger.noProgress', { count: rule.noProgressDays }));
  }
  return parts.join(t('pool.trigger.and'));
}

/** Why a pool customer is in the pool: lapsed under a rule, released with a reason, or new. */
export function ReturnReason({ customer }: { customer: PoolCustomer }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const back = customer.returned;
  if (!back) return <Tag>{t('pool.returned.new')}</Tag>;
  const when = (
    <Tooltip title={formatDateTime(back.at, locale)}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDayOf(back.at, locale)}
        {back.fromOwnerName && ` · ${t('pool.returned.from', { name: back.fromOwnerName })}`}
      </Typography.Text>
    </Tooltip>
  );
  if (back.kind === 'lapsed') {
    return (
      <Flex vertical gap={2}>
        <span>
          <Tag color="red">{t('pool.returned.lapsed')}</Tag>
          {back.rule
            ? t('pool.returned.lapsedBy', {
                rule: back.rule.name,
                trigger: describeTriggers(t, back.rule),
              })
            : null}
        </span>
        {when}
      </Flex>
    );
  }
  if (back.kind === 'released') {
    return (
      <Flex vertical gap={2}>
        <span>
          <Tag color="orange">{t('pool.returned.released')}</Tag>
          {back.reason ?? t('pool.returned.noReason')}
        </span>
        {when}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={2}>
      <span>
        <Tag color="blue">{t('pool.returned.spilled')}</Tag>
      </span>
      {when}
    </Flex>
  );
}
