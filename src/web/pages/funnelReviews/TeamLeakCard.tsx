import { Card, Flex, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDays } from '../../../domain/format/dates';
import { periodContaining } from '../../../domain/reports/leakRate';
import { currentLocale } from '../../i18n';
import { useTeamOverview } from './api';
import { leakText, periodRange } from './periods';

/**
 * For My day (managers and admins): the last finished period's team leak rate and how many of
 * its reports are missing or came late. The current period is left to the report page: before
 * its reports are due, the rate counts only the reports already filed.
 */
export function TeamLeakCard() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const current = useTeamOverview(undefined);
  const previousKey = current.data
    ? periodContaining(addDays(current.data.period.from, -1)).key
    : undefined;
  const previous = useTeamOverview(previousKey, Boolean(previousKey));
  if (!current.data || !previous.data) return null;
  return (
    <Card
      size="small"
      title={t('funnelReviews.cardTitle')}
      extra={<Link to="/reports/funnel-reviews">{t('funnelReviews.cardOpen')}</Link>}
    >
      <Flex gap={24} wrap>
        <Statistic
          title={t('funnelReviews.cardLastLeak')}
          value={leakText(previous.data.total.leakRate)}
        />
        <Statistic
          title={t('funnelReviews.cardLastPeriod')}
          value={`${previous.data.total.missing} / ${previous.data.total.late}`}
        />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {periodRange(previous.data.period, locale)}
      </Typography.Text>
    </Card>
  );
}
