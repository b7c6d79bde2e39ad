import type { TFunction } from 'i18next';
import type { ChurnCode, InquiryClass, InquiryListItem } from './api';

// Each key written out, so the catalogue test can check every one of them.

export function classLabel(t: TFunction, value: InquiryClass): string {
  switch (value) {
    case 'scam':
      return t('inquiries.class.scam');
    case 'broad':
      return t('inquiries.class.broad');
    case 'precise':
      return t('inquiries.class.precise');
  }
}

export function statusLabel(t: TFunction, value: InquiryListItem['status']): string {
  switch (value) {
    case 'new':
      return t('inquiries.status.new');
    case 'replied':
      return t('inquiries.status.replied');
    case 'converted':
      return t('inquiries.status.converted');
    case 'archived':
      return t('inquiries.status.archived');
  }
}

/** The usual channels by name; another channel (posted by API) shows as given. */
export function channelLabel(t: TFunction, value: string): string {
  switch (value) {
    case 'email':
      return t('inquiries.channels.email');
    case 'website':
      return t('inquiries.channels.website');
    case 'alibaba':
      return t('inquiries.channels.alibaba');
    case 'whatsapp':
      return t('inquiries.channels.whatsapp');
    case 'wechat':
      return t('inquiries.channels.wechat');
    case 'phone':
      return t('inquiries.channels.phone');
    default:
      return value;
  }
}

export function churnCodeLabel(t: TFunction, value: ChurnCode): string {
  switch (value) {
    case 'no_order_overdue':
      return t('qualification.churn.codes.noOrder');
    case 'revenue_drop':
      return t('qualification.churn.codes.revenueDrop');
    case 'payment_overdue':
      return t('qualification.churn.codes.paymentOverdue');
    case 'contract_ending':
      return t('qualification.churn.codes.contractEnding');
  }
}

export function severityLabel(t: TFunction, value: 'critical' | 'warning'): string {
  return value === 'critical'
    ? t('qualification.churn.severities.critical')
    : t('qualification.churn.severities.warning');
}

export function opLabel(t: TFunction, value: string): string {
  switch (value) {
    case 'eq':
      return t('qualification.scoring.ops.eq');
    case 'in':
      return t('qualification.scoring.ops.in');
    case 'gte':
      return t('qualification.scoring.ops.gte');
    case 'lte':
      return t('qualification.scoring.ops.lte');
    case 'present':
      return t('qualification.scoring.ops.present');
    case 'tag':
      return t('qualification.scoring.ops.tag');
    default:
      return value;
  }
}

/** Customer fields a criterion may read (custom fields carry their own labels). */
export function scoringFieldLabel(t: TFunction, value: string): string {
  switch (value) {
    case 'headcount':
      return t('customers.fields.headcount');
    case 'industry':
      return t('customers.fields.industry');
    case 'province':
      return t('customers.fields.province');
    case 'city':
      return t('customers.fields.city');
    case 'country':
      return t('customers.fields.country');
    case 'source':
      return t('customers.fields.source');
    case 'tags':
      return t('customers.fields.tags');
    case 'grade':
      return t('customers.fields.grade');
    default:
      return value;
  }
}

export function metricLabel(t: TFunction, value: string): string {
  switch (value) {
    case 'trailingMonthlyRevenueCents':
      return t('qualification.grading.metrics.monthlyRevenue');
    case 'trailing12mRevenueCents':
      return t('qualification.grading.metrics.revenue12m');
    case 'paidCents':
      return t('qualification.grading.metrics.paid');
    case 'outstandingCents':
      return t('qualification.grading.metrics.outstanding');
    case 'oldestUnpaidDays':
      return t('qualification.grading.metrics.oldestUnpaidDays');
    case 'productLines':
      return t('qualification.grading.metrics.productLines');
    case 'ordersLast12m':
      return t('qualification.grading.metrics.orders12m');
    case 'onTimePaymentRatio':
      return t('qualification.grading.metrics.onTime');
    default:
      return value;
  }
}
