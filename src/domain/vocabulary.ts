// Shared enumerations used by the server, the web client and the domain rules.

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in both UI languages; templates and seed-derived content carry both. */
export type Localized = Record<Locale, string>;

export const ROLES = ['admin', 'manager', 'rep'] as const;
export type Role = (typeof ROLES)[number];

/** Follow-up record (跟进记录) types. */
export const ACTIVITY_TYPES = [
  'call',
  'visit',
  'email',
  'wechat',
  'whatsapp',
  'meeting',
  'demo',
  'quote',
  'other',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Place of a contact in the customer's decision chain (决策链). */
export const CONTACT_ROLES = [
  'decision_maker',
  'approver',
  'influencer',
  'user',
  'technical_evaluator',
  'gatekeeper',
  'champion',
] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const TERMINALS = ['won', 'lost'] as const;
export type Terminal = (typeof TERMINALS)[number];

/** Source channels from seed 001/002; the org's list starts with these and is editable. */
export const DEFAULT_SOURCE_CHANNELS: Localized[] = [
  { 'zh-CN': '互联网', en: 'Internet' },
  { 'zh-CN': '公司领导资源', en: 'Company leadership network' },
  { 'zh-CN': '展会及研讨会', en: 'Trade shows and seminars' },
  { 'zh-CN': '广告', en: 'Advertising' },
  { 'zh-CN': '朋友介绍', en: 'Referral by a friend' },
  { 'zh-CN': '客户介绍', en: 'Referral by a customer' },
  { 'zh-CN': '陌生拜访', en: 'Cold visit' },
  { 'zh-CN': '主动来电', en: 'Inbound call' },
  { 'zh-CN': 'DM直投', en: 'Direct mail' },
];
