// Turns the stages of a request into the domain's bilingual FunnelStage list, keeping the
// other language's texts of stages and items that already existed (matched by key and id).
import {
  type FunnelStage,
  type KeyAction,
  type Objection,
  type StageCriterion,
  validateFunnelStages,
} from '../../../domain/funnels';
import { LOST_STAGE, text } from '../../../domain/funnels/templates/common';
import type { Locale, Localized } from '../../../domain/vocabulary';
import { type FieldError, validationFailed } from '../../http/errors';
import type { KeyActionInput, StageInput, TextInput } from './funnels.schema';

const EMPTY: Localized = { 'zh-CN': '', en: '' };

/** Appended to a funnel given without a won stage; lost is the templates' common LOST_STAGE. */
const DEFAULT_WON_STAGE: FunnelStage = {
  key: 'won',
  name: text('赢单', 'Won'),
  definition: text('商机已成交,客户已签约。', 'The deal is closed and the customer has signed.'),
  signatureOutput: text('签订的合同', 'Signed contract'),
  probability: 100,
  goalMetric: text('赢单率', 'Win rate'),
  keyActions: [],
  criteria: [],
  staleAfterDays: null,
  terminal: 'won',
  scripts: [],
  objections: [],
};

export function toLocalized(
  input: TextInput | undefined,
  previous: Localized | undefined,
  locale: Locale,
): Localized {
  if (input === undefined) return previous ?? EMPTY;
  const given: Partial<Localized> = typeof input === 'string' ? { [locale]: input } : input;
  const fallback = given[locale] ?? given['zh-CN'] ?? given.en ?? '';
  // A language given wins; one not given keeps its earlier text, or takes the given one.
  const pick = (language: Locale) => given[language] ?? (previous?.[language] || fallback);
  return { 'zh-CN': pick('zh-CN'), en: pick('en') };
}

/** An id not yet used in the list: prefix1, prefix2, … */
function freshId(used: Set<string>, prefix: string): string {
  let n = 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  const id = `${prefix}${n}`;
  used.add(id);
  return id;
}

function withIds<T extends { id?: string }>(items: readonly T[], prefix: string) {
  const used = new Set(items.map((item) => item.id).filter((id): id is string => Boolean(id)));
  return items.map((item) => ({ ...item, id: item.id ?? freshId(used, prefix) }));
}

function keyActionFrom(
  input: KeyActionInput & { id: string },
  previous: KeyAction | undefined,
  locale: Locale,
): KeyAction {
  const label = toLocalized(input.label, previous?.label, locale);
  const base = { id: input.id, label, minCount: input.minCount, windowDays: input.windowDays };
  const action: KeyAction =
    input.kind === 'activity'
      ? {
          ...base,
          kind: 'activity',
          activityTypes: input.activityTypes,
          effectiveOnly: input.effectiveOnly,
          contactRoles: input.contactRoles,
        }
      : input.kind === 'document'
        ? { ...base, kind: 'document', documentKind: input.documentKind }
        : { ...base, kind: 'field', field: input.field };
  // JSON keeps no undefined members; drop them so stored and presented stages match.
  return Object.fromEntries(
    Object.entries(action).filter(([, value]) => value !== undefined),
  ) as KeyAction;
}

function stageFrom(
  input: StageInput & { key: string },
  previous: FunnelStage | undefined,
  locale: Locale,
): { stage: FunnelStage; problems: FieldError[] } {
  const terminal =
    input.terminal !== undefined
      ? input.terminal
      : input.key === 'won' || input.key === 'lost'
        ? input.key
        : (previous?.terminal ?? null);
  const probability =
    input.probability ??
    (terminal === 'won' ? 100 : terminal === 'lost' ? 0 : previous?.probability);
  const problems: FieldError[] =
    probability === undefined ? [{ field: 'probability', message: 'is required' }] : [];
  const criteria: StageCriterion[] = input.criteria
    ? withIds(input.criteria, 'c').map((criterion) => ({
        id: criterion.id,
        label: toLocalized(
          criterion.label,
          previous?.criteria.find((item) => item.id === criterion.id)?.label,
          locale,
        ),
        required: criterion.required,
      }))
    : [...(previous?.criteria ?? [])];
  const keyActions = input.keyActions
    ? withIds(input.keyActions, 'ka').map((action) =>
        keyActionFrom(
          action,
          previous?.keyActions.find((item) => item.id === action.id),
          locale,
        ),
      )
    : (previous?.keyActions ?? []);
  const scripts = input.scripts
    ? input.scripts.map((script, index) => toLocalized(script, previous?.scripts[index], locale))
    : (previous?.scripts ?? []);
  const objections: Objection[] = input.objections
    ? input.objections.map((item, index) => ({
        objection: toLocalized(item.objection, previous?.objections[index]?.objection, locale),
        answer: toLocalized(item.answer, previous?.objections[index]?.answer, locale),
      }))
    : [...(previous?.objections ?? [])];
  const stage: FunnelStage = {
    key: input.key,
    name: toLocalized(input.name, previous?.name, locale),
    definition: toLocalized(input.definition, previous?.definition, locale),
    signatureOutput: toLocalized(input.signatureOutput, previous?.signatureOutput, locale),
    probability: probability ?? 0,
    goalMetric: toLocalized(input.goalMetric, previous?.goalMetric, locale),
    keyActions,
    criteria,
    staleAfterDays:
      input.staleAfterDays !== undefined
        ? input.staleAfterDays
        : terminal
          ? null
          : (previous?.staleAfterDays ?? null),
    terminal,
    scripts,
    objections,
  };
  return { stage, problems };
}

/** `stages[2].criteria[0].label.en: must …` → {field: 'body.stages.2.criteria.0.label', …}. */
function fieldErrorOf(problem: string, stages: readonly FunnelStage[]): FieldError {
  const split = problem.indexOf(': ');
  let path = split === -1 ? 'stages' : problem.slice(0, split);
  const message = split === -1 ? problem : problem.slice(split + 2);
  const byKey = /^stages\.([a-z0-9-]+)\.(.*)$/.exec(path);
  if (byKey) {
    const index = stages.findIndex((stage) => stage.key === byKey[1]);
    path = `stages[${index}].${byKey[2]}`;
  }
  const locale = /\.(zh-CN|en)$/.exec(path);
  const field = path.replace(/\.(zh-CN|en)$/, '').replace(/\[(\d+)\]/g, '.$1');
  return { field: `body.${field}`, message: locale ? `${locale[1]}: ${message}` : message };
}

/**
 * Definition, signature output and goal metric may be left empty when a funnel is built from
 * scratch; the domain validator asks for them, so an empty one is checked as if it said the name.
 */
function forValidation(stage: FunnelStage): FunnelStage {
  const orName = (value: Localized) =>
    value['zh-CN'] === '' && value.en === '' ? stage.name : value;
  return {
    ...stage,
    definition: orName(stage.definition),
    signatureOutput: orName(stage.signatureOutput),
    goalMetric: orName(stage.goalMetric),
  };
}

/**
 * The request's stages as a valid funnel: keys generated where missing, won and lost appended
 * when absent (the previous ones when editing), texts merged per language. Throws 400 naming
 * every problem.
 */
export function stagesFromInput(
  inputs: readonly StageInput[],
  previous: readonly FunnelStage[] | null,
  locale: Locale,
): FunnelStage[] {
  const usedKeys = new Set(inputs.map((input) => input.key).filter(Boolean) as string[]);
  const errors: FieldError[] = [];
  const stages = inputs.map((input, index) => {
    const key =
      input.key ??
      (input.terminal && !usedKeys.has(input.terminal) ? input.terminal : undefined) ??
      freshId(usedKeys, 'stage-');
    usedKeys.add(key);
    const built = stageFrom(
      { ...input, key },
      previous?.find((stage) => stage.key === key),
      locale,
    );
    for (const problem of built.problems) {
      errors.push({ ...problem, field: `body.stages.${index}.${problem.field}` });
    }
    return built.stage;
  });
  for (const terminal of ['won', 'lost'] as const) {
    if (!stages.some((stage) => stage.terminal === terminal || stage.key === terminal)) {
      const kept = previous?.find((stage) => stage.terminal === terminal);
      stages.push(kept ?? (terminal === 'won' ? DEFAULT_WON_STAGE : LOST_STAGE));
    }
  }
  if (errors.length === 0) {
    errors.push(
      ...validateFunnelStages(stages.map(forValidation)).map((problem) =>
        fieldErrorOf(problem, stages),
      ),
    );
  }
  if (errors.length > 0) throw validationFailed(errors);
  return stages;
}
