/** Kinds of marketing event (市场活动) seed 001 names: 研讨会, 展会, 用户大会, 路演, and others. */
export const CAMPAIGN_TYPES = [
  'seminar',
  'exhibition',
  'user_conference',
  'roadshow',
  'other',
] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];
