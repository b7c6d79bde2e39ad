import type { TFunction } from 'i18next';
import type { CampaignType } from '../../../domain/campaigns/campaignTypes';

// Names of the campaign enumerations, each key written out so the catalogue test
// can see it.

export function campaignTypeLabel(t: TFunction, type: CampaignType): string {
  switch (type) {
    case 'seminar':
      return t('campaigns.types.seminar');
    case 'exhibition':
      return t('campaigns.types.exhibition');
    case 'user_conference':
      return t('campaigns.types.user_conference');
    case 'roadshow':
      return t('campaigns.types.roadshow');
    case 'other':
      return t('campaigns.types.other');
  }
}
