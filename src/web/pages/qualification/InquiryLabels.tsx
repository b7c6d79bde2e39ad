import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { InquiryListItem } from './api';

/** 95 → '1 小时 35 分' / '1 h 35 min'; under an hour, minutes only. */
export function formatMinutes(t: TFunction, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  if (hours === 0) return t('inquiries.minutes', { count: rest });
  if (hours >= 48) return t('inquiries.days', { count: Math.round(hours / 24) });
  return t('inquiries.hoursMinutes', { hours, minutes: rest });
}

/** How long the first reply took, or that there is none yet. */
export function ResponseTime({
  inquiry,
}: {
  inquiry: Pick<InquiryListItem, 'firstResponseMinutes' | 'status'>;
}) {
  const { t } = useTranslation();
  if (inquiry.firstResponseMinutes === null) {
    return (
      <Typography.Text type={inquiry.status === 'new' ? 'warning' : 'secondary'}>
        {t('inquiries.unanswered')}
      </Typography.Text>
    );
  }
  return <Typography.Text>{formatMinutes(t, inquiry.firstResponseMinutes)}</Typography.Text>;
}
