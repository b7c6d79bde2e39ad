import type { Funnel, FunnelStage, FunnelStageInput, KeyActionInput } from '../../api/types';

export type KeyActionKind = 'activity' | 'document' | 'field';

/** One key action as the editor holds it: every kind's fields, the unused ones left empty. */
export interface KeyActionValues {
  id?: string;
  label: string;
  kind: KeyActionKind;
  minCount: number;
  windowDays?: number | null;
  activityTypes?: string[];
  effectiveOnly?: boolean;
  contactRoles?: string[];
  documentKind?: string;
  field?: string;
}

export interface StageValues {
  /** Absent on a stage added in the editor: the server gives it one. */
  key?: string;
  terminal: 'won' | 'lost' | null;
  name: string;
  definition: string;
  signatureOutput: string;
  probability: number;
  goalMetric: string;
  staleAfterDays?: number | null;
  criteria: { id?: string; label: string; required: boolean }[];
  keyActions: KeyActionValues[];
  scripts: string[];
  objections: { objection: string; answer: string }[];
}

export interface FunnelValues {
  name: string;
  stages: StageValues[];
}

function keyActionValues(action: FunnelStage['keyActions'][number]): KeyActionValues {
  const base = {
    id: action.id,
    label: action.label,
    minCount: action.minCount,
    windowDays: action.windowDays ?? null,
  };
  switch (action.kind) {
    case 'activity':
      return {
        ...base,
        kind: 'activity',
        activityTypes: action.activityTypes ?? [],
        effectiveOnly: action.effectiveOnly ?? false,
        contactRoles: action.contactRoles ?? [],
      };
    case 'document':
      return { ...base, kind: 'document', documentKind: action.documentKind };
    case 'field':
      return { ...base, kind: 'field', field: action.field };
  }
}

export function stageValues(stage: FunnelStage): StageValues {
  return {
    key: stage.key,
    terminal: stage.terminal,
    name: stage.name,
    definition: stage.definition,
    signatureOutput: stage.signatureOutput,
    probability: stage.probability,
    goalMetric: stage.goalMetric,
    staleAfterDays: stage.staleAfterDays,
    criteria: stage.criteria.map(({ id, label, required }) => ({ id, label, required })),
    keyActions: stage.keyActions.map(keyActionValues),
    scripts: [...stage.scripts],
    objections: stage.objections.map(({ objection, answer }) => ({ objection, answer })),
  };
}

export function funnelValues(funnel: Funnel): FunnelValues {
  return { name: funnel.name, stages: funnel.stages.map(stageValues) };
}

export function blankStage(name: string): StageValues {
  return {
    terminal: null,
    name,
    definition: '',
    signatureOutput: '',
    probability: 10,
    goalMetric: '',
    staleAfterDays: 30,
    criteria: [],
    keyActions: [],
    scripts: [],
    objections: [],
  };
}

const trimmed = (text: string | undefined | null) => (text ?? '').trim();
const nonEmpty = <T>(items: T[] | undefined) => (items && items.length > 0 ? items : undefined);

function keyActionInput(values: KeyActionValues): KeyActionInput {
  const base = {
    id: values.id,
    label: trimmed(values.label),
    minCount: values.minCount,
    windowDays: values.windowDays ?? undefined,
  };
  switch (values.kind) {
    case 'activity':
      return {
        ...base,
        kind: 'activity',
        activityTypes: nonEmpty(values.activityTypes) as KeyActionActivityTypes,
        effectiveOnly: values.effectiveOnly || undefined,
        contactRoles: nonEmpty(values.contactRoles) as KeyActionContactRoles,
      };
    case 'document':
      return { ...base, kind: 'document', documentKind: values.documentKind as DocumentKindInput };
    case 'field':
      return { ...base, kind: 'field', minCount: 1, field: values.field ?? '' };
  }
}

type ActivityKeyActionInput = Extract<KeyActionInput, { kind: 'activity' }>;
type KeyActionActivityTypes = ActivityKeyActionInput['activityTypes'];
type KeyActionContactRoles = ActivityKeyActionInput['contactRoles'];
type DocumentKindInput = Extract<KeyActionInput, { kind: 'document' }>['documentKind'];

/** The editor's stage as the PATCH body wants it; texts as plain strings in the admin's language. */
export function stageInput(values: StageValues): FunnelStageInput {
  return {
    key: values.key,
    terminal: values.terminal,
    name: trimmed(values.name),
    definition: trimmed(values.definition),
    signatureOutput: trimmed(values.signatureOutput),
    probability: values.probability,
    goalMetric: trimmed(values.goalMetric),
    staleAfterDays: values.terminal ? null : (values.staleAfterDays ?? null),
    criteria: (values.criteria ?? []).map((item) => ({
      id: item.id,
      label: trimmed(item.label),
      required: item.required,
    })),
    keyActions: (values.keyActions ?? []).map(keyActionInput),
    scripts: (values.scripts ?? []).map(trimmed).filter(Boolean),
    objections: (values.objections ?? [])
      .map((item) => ({ objection: trimmed(item.objection), answer: trimmed(item.answer) }))
      .filter((item) => item.objection || item.answer),
  };
}

/** `body.stages.2.criteria.0.label` → ['stages', 2, 'criteria', 0, 'label']. */
export function formPathOf(field: string): (string | number)[] {
  return field
    .replace(/^body\.?/, '')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
