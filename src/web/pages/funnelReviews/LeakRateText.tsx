import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../domain/format/dates';
import { currentLocale } from '../../i18n';
import type { TeamRow } from './api';

/**
 * A leak figure of the team overview. A report that is not due yet and not filed (pending)
 * has no leak rate: its contacts so far are not missing yet, so it shows "—" and says why.
 */
export function LeakRateText({
  value,
  leakRateStatus,
  dueDate,
}: {
  value: string | number;
  leakRateStatus: TeamRow['leakRateStatus'];
  dueDate: string;
}) {
  const { t } = useTranslation();
  if (leakRateStatus !== 'notDue') return <>{value}</>;
  return (
    <Tooltip title={t('funnelReviews.leakNotDue', { date: formatDate(dueDate, currentLocale()) })}>
      <span>—</span>
    </Tooltip>
  );
}
