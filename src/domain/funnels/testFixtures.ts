// Builders shared by the funnel tests only.
import { criterion, LOST_STAGE, openStage, text, wonStage } from './templates/common';
import type { ActivityFact, DealFacts, DocumentFact, FunnelStage } from './types';

export const ENTERED_AT = new Date('2025-03-01T00:00:00Z');
export const NOW = new Date('2025-03-20T00:00:00Z');

export function daysAfterEntry(days: number): Date {
  return new Date(ENTERED_AT.getTime() + days * 24 * 60 * 60 * 1000);
}

export function buildFacts(overrides: Partial<DealFacts> = {}): DealFacts {
  return {
    activities: [],
    documents: [],
    fieldsPresent: new Set(),
    stageEnteredAt: ENTERED_AT,
    now: NOW,
    ...overrides,
  };
}

export function buildActivity(overrides: Partial<ActivityFact> = {}): ActivityFact {
  return {
    type: 'call',
    effective: true,
    occurredAt: daysAfterEntry(1),
    contactRole: null,
    ...overrides,
  };
}

export function buildDocument(overrides: Partial<DocumentFact> = {}): DocumentFact {
  return { kind: 'proposal', addedAt: daysAfterEntry(1), ...overrides };
}

/**
 * qualify → propose → negotiate → won | lost.
 * Leaving qualify needs 2 effective calls; leaving propose a proposal; leaving negotiate a budget.
 */
export const SMALL_FUNNEL: readonly FunnelStage[] = [
  openStage({
    key: 'qualify',
    name: text('资格确认', 'Qualify'),
    definition: text('定义', 'Definition'),
    signatureOutput: text('输出', 'Output'),
    probability: 10,
    goalMetric: text('指标', 'Metric'),
    keyActions: [
      {
        id: 'calls',
        label: text('两次有效电话', 'Two effective calls'),
        kind: 'activity',
        activityTypes: ['call'],
        effectiveOnly: true,
        minCount: 2,
      },
    ],
    staleAfterDays: 30,
  }),
  openStage({
    key: 'propose',
    name: text('方案', 'Propose'),
    definition: text('定义', 'Definition'),
    signatureOutput: text('输出', 'Output'),
    probability: 40,
    goalMetric: text('指标', 'Metric'),
    criteria: [
      criterion('need_confirmed', text('需求已确认', 'Need confirmed')),
      criterion('nice_to_have', text('可选项', 'Optional item'), false),
    ],
    keyActions: [
      {
        id: 'proposal',
        label: text('提交方案', 'Proposal submitted'),
        kind: 'document',
        documentKind: 'proposal',
        minCount: 1,
      },
    ],
    staleAfterDays: 21,
  }),
  openStage({
    key: 'negotiate',
    name: text('谈判', 'Negotiate'),
    definition: text('定义', 'Definition'),
    signatureOutput: text('输出', 'Output'),
    probability: 70,
    goalMetric: text('指标', 'Metric'),
    criteria: [criterion('shortlisted', text('已入围', 'Shortlisted'))],
    keyActions: [
      {
        id: 'budget',
        label: text('预算已填写', 'Budget filled in'),
        kind: 'field',
        field: 'budget',
        minCount: 1,
      },
    ],
    staleAfterDays: 14,
  }),
  wonStage({
    name: text('成交', 'Won'),
    definition: text('定义', 'Definition'),
    signatureOutput: text('合同', 'Contract'),
    goalMetric: text('指标', 'Metric'),
    criteria: [criterion('signed', text('合同已签订', 'Contract signed'))],
  }),
  LOST_STAGE,
];
