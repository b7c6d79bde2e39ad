// Names for spreadsheet headers written by the server (the web app has its own catalogues).
import type { ActivityType, Localized } from '../vocabulary';
import type { ContactChannel, OpportunitySignal } from './vocabulary';

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, Localized> = {
  call: { 'zh-CN': '电话', en: 'Call' },
  visit: { 'zh-CN': '拜访', en: 'Visit' },
  email: { 'zh-CN': '邮件', en: 'Email' },
  wechat: { 'zh-CN': '微信', en: 'WeChat' },
  whatsapp: { 'zh-CN': 'WhatsApp', en: 'WhatsApp' },
  meeting: { 'zh-CN': '会议', en: 'Meeting' },
  demo: { 'zh-CN': '演示', en: 'Demo' },
  quote: { 'zh-CN': '报价', en: 'Quote' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const CHANNEL_LABELS: Record<ContactChannel | 'none', Localized> = {
  phone: { 'zh-CN': '电话拜访', en: 'Phone' },
  cold_visit: { 'zh-CN': '扫楼/扫街', en: 'Cold visit' },
  community: { 'zh-CN': '扫社区', en: 'Community' },
  roadshow: { 'zh-CN': '路演', en: 'Roadshow' },
  stand: { 'zh-CN': '摆台展卖', en: 'Stand' },
  none: { 'zh-CN': '未填写', en: 'Not given' },
};

export const SIGNAL_LABELS: Record<OpportunitySignal, Localized> = {
  supplier_complaint: { 'zh-CN': '抱怨现有供应商', en: 'Complains about current supplier' },
  new_need: { 'zh-CN': '提出新需求', en: 'New need' },
  product_interest: { 'zh-CN': '主动了解我方产品', en: 'Asks about our products' },
  contract_ending: { 'zh-CN': '竞争对手合同即将到期', en: "Competitor's contract ending" },
  relocation: { 'zh-CN': '搬迁或内部调整', en: 'Relocation or reorganisation' },
};
