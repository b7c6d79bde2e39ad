import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ActivityType, ContactRole } from '../../domain/vocabulary';
import type { TopicCategory } from '../../server/modules/topics/defaultTopics';

// Names of the customer archive's enumerations in the user's language. Each key is written
// out so the catalogue test can see it.

export function activityTypeLabel(t: TFunction, type: ActivityType): string {
  switch (type) {
    case 'call':
      return t('activities.types.call');
    case 'visit':
      return t('activities.types.visit');
    case 'email':
      return t('activities.types.email');
    case 'wechat':
      return t('activities.types.wechat');
    case 'whatsapp':
      return t('activities.types.whatsapp');
    case 'meeting':
      return t('activities.types.meeting');
    case 'demo':
      return t('activities.types.demo');
    case 'quote':
      return t('activities.types.quote');
    case 'other':
      return t('activities.types.other');
  }
}

export function contactRoleLabel(t: TFunction, role: ContactRole): string {
  switch (role) {
    case 'decision_maker':
      return t('contacts.roles.decision_maker');
    case 'approver':
      return t('contacts.roles.approver');
    case 'influencer':
      return t('contacts.roles.influencer');
    case 'user':
      return t('contacts.roles.user');
    case 'technical_evaluator':
      return t('contacts.roles.technical_evaluator');
    case 'gatekeeper':
      return t('contacts.roles.gatekeeper');
    case 'champion':
      return t('contacts.roles.champion');
  }
}

export function topicCategoryLabel(t: TFunction, category: TopicCategory): string {
  switch (category) {
    case 'price_change':
      return t('topics.categories.price_change');
    case 'product_news':
      return t('topics.categories.product_news');
    case 'industry_trend':
      return t('topics.categories.industry_trend');
    case 'material_share':
      return t('topics.categories.material_share');
    case 'company_news':
      return t('topics.categories.company_news');
    case 'holiday_greeting':
      return t('topics.categories.holiday_greeting');
    case 'birthday_greeting':
      return t('topics.categories.birthday_greeting');
  }
}

/** Customer fields as the timeline names them; an unknown field keeps its API name. */
export function customerFieldLabel(t: TFunction, field: string): string {
  switch (field) {
    case 'name':
      return t('customers.fields.name');
    case 'industry':
      return t('customers.fields.industry');
    case 'headcount':
      return t('customers.fields.headcount');
    case 'province':
      return t('customers.fields.province');
    case 'city':
      return t('customers.fields.city');
    case 'address':
      return t('customers.fields.address');
    case 'country':
      return t('customers.fields.country');
    case 'website':
      return t('customers.fields.website');
    case 'phone':
      return t('customers.fields.phone');
    case 'email':
      return t('customers.fields.email');
    case 'source':
      return t('customers.fields.source');
    case 'tags':
      return t('customers.fields.tags');
    case 'ownerId':
      return t('customers.fields.owner');
    case 'teamId':
      return t('customers.fields.team');
    case 'grade':
      return t('customers.fields.grade');
    case 'custom':
      return t('customers.fields.custom');
    case 'archived':
      return t('customers.fields.archived');
    default:
      return field;
  }
}

/** The same, as hooks for components. */
export function useArchiveLabels() {
  const { t } = useTranslation();
  return {
    activityType: (type: ActivityType) => activityTypeLabel(t, type),
    contactRole: (role: ContactRole) => contactRoleLabel(t, role),
    topicCategory: (category: TopicCategory) => topicCategoryLabel(t, category),
    customerField: (field: string) => customerFieldLabel(t, field),
  };
}
