import type { TFunction } from 'i18next';
import type { DocumentKind } from '../../../domain/funnels/types';
import type { ActivityType, ContactRole } from '../../../domain/vocabulary';
import {
  activityTypeLabel as archiveActivityType,
  contactRoleLabel as archiveContactRole,
  customerFieldLabel,
} from '../../lib/archiveLabels';

/** The customer archive's names, also for values stored before a type was known. */
export function activityTypeLabel(t: TFunction, type: ActivityType | string): string {
  return archiveActivityType(t, type as ActivityType) ?? type;
}

export function contactRoleLabel(t: TFunction, role: ContactRole | string): string {
  return archiveContactRole(t, role as ContactRole) ?? role;
}

// Names of the funnel vocabulary in the user's language; keys written out for the catalogue test.

export function documentKindLabel(t: TFunction, kind: DocumentKind | string): string {
  switch (kind) {
    case 'needs_report':
      return t('funnels.documentKind.needs_report');
    case 'proposal':
      return t('funnels.documentKind.proposal');
    case 'quote':
      return t('funnels.documentKind.quote');
    case 'bid':
      return t('funnels.documentKind.bid');
    case 'contract':
      return t('funnels.documentKind.contract');
    case 'other':
      return t('funnels.documentKind.other');
    default:
      return kind;
  }
}

/** A field a 'field' key action asks for: a deal field, a customer field or custom.<key>. */
export function factFieldLabel(t: TFunction, field: string): string {
  switch (field) {
    case 'amount':
      return t('funnels.field.amount');
    case 'budget':
      return t('funnels.field.budget');
    case 'expectedCloseDate':
      return t('funnels.field.expectedCloseDate');
    case 'products':
      return t('funnels.field.products');
    case 'competitors':
      return t('funnels.field.competitors');
    case 'nextStep':
      return t('funnels.field.nextStep');
    default:
      return field.startsWith('custom.')
        ? t('funnels.field.custom', { key: field.slice('custom.'.length) })
        : customerFieldLabel(t, field);
  }
}

export function keyActionKindLabel(t: TFunction, kind: 'activity' | 'document' | 'field'): string {
  switch (kind) {
    case 'activity':
      return t('funnels.kind.activity');
    case 'document':
      return t('funnels.kind.document');
    case 'field':
      return t('funnels.kind.field');
  }
}

export function purposeLabel(t: TFunction, purpose: 'deals' | 'customers'): string {
  return purpose === 'deals' ? t('funnels.purpose.deals') : t('funnels.purpose.customers');
}
