import type { ActivityType, ContactRole, Locale, Localized, Terminal } from '../vocabulary';

/** Kinds of documents attached to a deal that key actions can count. */
export const DOCUMENT_KINDS = [
  'needs_report', // 需求报告
  'proposal', // 方案 / 建议书
  'quote', // 报价单
  'bid', // 标书
  'contract', // 合同
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** An entry-checklist item (清单制): the deal enters the stage only when every required item is checked. */
export interface StageCriterion<Text = Localized> {
  id: string;
  label: Text;
  required: boolean;
}

interface KeyActionBase<Text> {
  id: string;
  label: Text;
  minCount: number;
  /** Count facts of the last N days instead of those since the deal entered its current stage. */
  windowDays?: number;
}

/** Counts logged activities (跟进记录), e.g. "at least 3 effective communications". */
export interface ActivityKeyAction<Text = Localized> extends KeyActionBase<Text> {
  kind: 'activity';
  /** Any type when absent. */
  activityTypes?: readonly ActivityType[];
  /** Only activities marked as effective communication (有效沟通). */
  effectiveOnly?: boolean;
  /** Only activities with a contact in one of these decision-chain roles. */
  contactRoles?: readonly ContactRole[];
}

/** Counts documents of one kind attached to the deal, e.g. "a customised proposal submitted". */
export interface DocumentKeyAction<Text = Localized> extends KeyActionBase<Text> {
  kind: 'document';
  documentKind: DocumentKind;
}

/** A deal or customer field has a value (e.g. `expectedCloseDate`, `headcount`); minCount is 1. */
export interface FieldKeyAction<Text = Localized> extends KeyActionBase<Text> {
  kind: 'field';
  field: string;
}

/** A countable requirement (关键动作) of the work done in a stage before the deal may leave it. */
export type KeyAction<Text = Localized> =
  | ActivityKeyAction<Text>
  | DocumentKeyAction<Text>
  | FieldKeyAction<Text>;
export type KeyActionKind = KeyAction['kind'];

export interface Objection<Text = Localized> {
  objection: Text;
  answer: Text;
}

/**
 * One stage of a funnel. Its `criteria` gate the way in; its `keyActions` are the work done
 * while in it, so they gate the way out to the next stage (see evaluateStageGate).
 */
export interface FunnelStage<Text = Localized> {
  /** Slug, unique within the funnel; terminal stages are `won` and `lost`. */
  key: string;
  name: Text;
  definition: Text;
  /** 标志性输出物: what exists once the stage is reached, e.g. a needs report. */
  signatureOutput: Text;
  /** Default win probability, an integer 0–100. */
  probability: number;
  goalMetric: Text;
  keyActions: readonly KeyAction<Text>[];
  criteria: readonly StageCriterion<Text>[];
  /** Days without progress after which a deal in this stage counts as stale; null = never. */
  staleAfterDays: number | null;
  terminal: Terminal | null;
  /** 话术 shown to reps on deals in this stage. */
  scripts: readonly Text[];
  /** 异议处理 shown to reps on deals in this stage. */
  objections: readonly Objection<Text>[];
}

export interface FunnelTemplate<Text = Localized> {
  key: string;
  name: Text;
  description: Text;
  /** Non-terminal stages in funnel order, then `won` and `lost`. */
  stages: readonly FunnelStage<Text>[];
}

function localizeKeyAction(action: KeyAction, locale: Locale): KeyAction<string> {
  return { ...action, label: action.label[locale] };
}

function localizeStage(stage: FunnelStage, locale: Locale): FunnelStage<string> {
  return {
    ...stage,
    name: stage.name[locale],
    definition: stage.definition[locale],
    signatureOutput: stage.signatureOutput[locale],
    goalMetric: stage.goalMetric[locale],
    keyActions: stage.keyActions.map((action) => localizeKeyAction(action, locale)),
    criteria: stage.criteria.map((criterion) => ({ ...criterion, label: criterion.label[locale] })),
    scripts: stage.scripts.map((script) => script[locale]),
    objections: stage.objections.map(({ objection, answer }) => ({
      objection: objection[locale],
      answer: answer[locale],
    })),
  };
}

/** The template with every text in one language: what the API returns for a user's locale. */
export function localizeTemplate(template: FunnelTemplate, locale: Locale): FunnelTemplate<string> {
  return {
    key: template.key,
    name: template.name[locale],
    description: template.description[locale],
    stages: template.stages.map((stage) => localizeStage(stage, locale)),
  };
}

/** An activity as the gate sees it. */
export interface ActivityFact {
  type: ActivityType;
  effective: boolean;
  occurredAt: Date;
  /** Decision-chain role of the contact the activity was with, if any. */
  contactRole: ContactRole | null;
}

export interface DocumentFact {
  kind: DocumentKind;
  addedAt: Date;
}

/** What is known about a deal when checking key actions and gates. */
export interface DealFacts {
  activities: readonly ActivityFact[];
  documents: readonly DocumentFact[];
  /** Names of deal/customer fields that have a value (e.g. `budget`, `custom.hasLan`). */
  fieldsPresent: ReadonlySet<string>;
  /** When the deal entered its current stage. */
  stageEnteredAt: Date;
  now: Date;
}
