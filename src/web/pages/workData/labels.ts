import type { TFunction } from 'i18next';
import type {
  ContactChannel,
  OpportunitySignal,
  TargetMetric,
  TargetPeriod,
} from '../../../domain/workData';

// Names of the work data enumerations; each key written out so the catalogue test sees it.

export function channelLabel(t: TFunction, channel: ContactChannel | 'none'): string {
  switch (channel) {
    case 'phone':
      return t('workData.channels.phone');
    case 'cold_visit':
      return t('workData.channels.cold_visit');
    case 'community':
      return t('workData.channels.community');
    case 'roadshow':
      return t('workData.channels.roadshow');
    case 'stand':
      return t('workData.channels.stand');
    case 'none':
      return t('workData.channels.none');
  }
}

export function signalLabel(t: TFunction, signal: OpportunitySignal): string {
  switch (signal) {
    case 'supplier_complaint':
      return t('workData.signals.supplier_complaint');
    case 'new_need':
      return t('workData.signals.new_need');
    case 'product_interest':
      return t('workData.signals.product_interest');
    case 'contract_ending':
      return t('workData.signals.contract_ending');
    case 'relocation':
      return t('workData.signals.relocation');
  }
}

export function metricLabel(t: TFunction, metric: TargetMetric): string {
  switch (metric) {
    case 'new_customers':
      return t('workData.metrics.new_customers');
    case 'effective':
      return t('workData.metrics.effective');
    case 'visits':
      return t('workData.metrics.visits');
    case 'calls':
      return t('workData.metrics.calls');
    case 'proposals':
      return t('workData.metrics.proposals');
  }
}

export function periodLabel(t: TFunction, period: TargetPeriod): string {
  switch (period) {
    case 'day':
      return t('workData.periods.day');
    case 'week':
      return t('workData.periods.week');
    case 'month':
      return t('workData.periods.month');
  }
}
