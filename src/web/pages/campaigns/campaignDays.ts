import { formatDate } from '../../../domain/format';
import { currentLocale } from '../../i18n';
import type { Campaign } from './api';

/** The dates of a campaign, one day or a span. */
export function campaignDays(campaign: Pick<Campaign, 'startsOn' | 'endsOn'>): string {
  const locale = currentLocale();
  const start = formatDate(campaign.startsOn, locale);
  return campaign.endsOn === campaign.startsOn
    ? start
    : `${start} – ${formatDate(campaign.endsOn, locale)}`;
}
