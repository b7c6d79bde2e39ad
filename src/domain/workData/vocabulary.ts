// Work data (工作数据) vocabulary: seed 001's contact methods, its opportunity signals and the
// activity metrics a manager sets targets for.

/** How a rep reached the customer (接触方式): 电话拜访、扫楼/扫街、扫社区、路演、摆台展卖. */
export const CONTACT_CHANNELS = ['phone', 'cold_visit', 'community', 'roadshow', 'stand'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/**
 * Opportunity signals (商机信号) seed 001 names as the moment a list customer (清单客户)
 * becomes a potential one: a complaint about the current supplier, a new need, asking about
 * our products, the competitor's contract ending soon, a move or reorganisation.
 */
export const OPPORTUNITY_SIGNALS = [
  'supplier_complaint',
  'new_need',
  'product_interest',
  'contract_ending',
  'relocation',
] as const;
export type OpportunitySignal = (typeof OPPORTUNITY_SIGNALS)[number];

/**
 * What an activity target counts, for the user in the period:
 * - new_customers: customers whose first activity ever (by anyone) is the user's, in the period;
 * - effective: activities marked 有效沟通;
 * - visits / calls: activities of type visit / call;
 * - proposals: activities of type quote (报价/方案 sent): the proposal is a logged follow-up,
 *   so a rep counts it the moment it goes out, deal or not. Documents attached to a deal
 *   (deal_documents, kind proposal/quote) are not counted: seed 000's 提交定制化方案 and seed
 *   001's 提交项目建议书 are acts towards the customer, while a document is filed whenever it
 *   is written (drafts, internal versions, the signed contract), and counting both would count
 *   one proposal twice. The targets card says so to the user.
 */
export const TARGET_METRICS = [
  'new_customers',
  'effective',
  'visits',
  'calls',
  'proposals',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const TARGET_PERIODS = ['day', 'week', 'month'] as const;
export type TargetPeriod = (typeof TARGET_PERIODS)[number];

/** Seed 001: fewer than 15% of the customers contacted buy. */
export const CONVERSION_BENCHMARK = 0.15;
