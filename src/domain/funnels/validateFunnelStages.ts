import { LOCALES, type Localized } from '../vocabulary';
import type { FunnelStage, KeyAction } from './types';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}

function textProblems(text: Localized, path: string): string[] {
  return LOCALES.filter((locale) => text[locale].trim() === '').map(
    (locale) => `${path}.${locale}: must be a non-empty string`,
  );
}

function duplicateIds(items: readonly { id: string }[], path: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const { id } of items) {
    if (id.trim() === '') problems.push(`${path}: ids must be non-empty`);
    else if (seen.has(id)) problems.push(`${path}: duplicate id '${id}'`);
    seen.add(id);
  }
  return problems;
}

function keyActionProblems(action: KeyAction, path: string): string[] {
  const problems = textProblems(action.label, `${path}.label`);
  if (!isPositiveInteger(action.minCount))
    problems.push(`${path}.minCount: must be a positive integer`);
  if (action.kind === 'field' && action.minCount !== 1) {
    problems.push(`${path}.minCount: must be 1 for a field`);
  }
  if (action.windowDays !== undefined && !isPositiveInteger(action.windowDays)) {
    problems.push(`${path}.windowDays: must be a positive integer`);
  }
  return problems;
}

function stageProblems(stage: FunnelStage, path: string): string[] {
  const problems: string[] = [];
  if (!SLUG.test(stage.key)) problems.push(`${path}.key: must be a lowercase slug`);
  for (const field of ['name', 'definition', 'signatureOutput', 'goalMetric'] as const) {
    problems.push(...textProblems(stage[field], `${path}.${field}`));
  }
  if (!Number.isInteger(stage.probability) || stage.probability < 0 || stage.probability > 100) {
    problems.push(`${path}.probability: must be an integer from 0 to 100`);
  }
  if (stage.staleAfterDays !== null && !isPositiveInteger(stage.staleAfterDays)) {
    problems.push(`${path}.staleAfterDays: must be a positive integer or null`);
  }
  problems.push(...duplicateIds(stage.criteria, `${path}.criteria`));
  stage.criteria.forEach((criterion, index) => {
    problems.push(...textProblems(criterion.label, `${path}.criteria[${index}].label`));
  });
  problems.push(...duplicateIds(stage.keyActions, `${path}.keyActions`));
  stage.keyActions.forEach((action, index) => {
    problems.push(...keyActionProblems(action, `${path}.keyActions[${index}]`));
  });
  stage.scripts.forEach((script, index) => {
    problems.push(...textProblems(script, `${path}.scripts[${index}]`));
  });
  stage.objections.forEach(({ objection, answer }, index) => {
    problems.push(...textProblems(objection, `${path}.objections[${index}].objection`));
    problems.push(...textProblems(answer, `${path}.objections[${index}].answer`));
  });
  return problems;
}

function terminalProblems(stage: FunnelStage, path: string): string[] {
  const problems: string[] = [];
  if (stage.key !== stage.terminal) problems.push(`${path}.key: must be '${stage.terminal}'`);
  const probability = stage.terminal === 'won' ? 100 : 0;
  if (stage.probability !== probability) {
    problems.push(`${path}.probability: must be ${probability} for ${stage.terminal}`);
  }
  // A closed deal is never left forwards, so work or staleness there would never be checked.
  if (stage.keyActions.length > 0) problems.push(`${path}.keyActions: must be empty`);
  if (stage.staleAfterDays !== null) problems.push(`${path}.staleAfterDays: must be null`);
  return problems;
}

/**
 * Lists what is wrong with a funnel's stages, each problem prefixed with its path
 * (`stages[2].probability: …`); an empty list means the funnel is usable: unique slugs, at
 * least one open stage, open stages with non-decreasing probabilities, then `won` and `lost`.
 */
export function validateFunnelStages(stages: readonly FunnelStage[]): string[] {
  const problems = duplicateIds(
    stages.map((stage) => ({ id: stage.key })),
    'stages',
  );
  const open = stages.filter((stage) => stage.terminal === null);
  if (open.length === 0) problems.push('stages: must have at least one non-terminal stage');
  for (const terminal of ['won', 'lost'] as const) {
    const count = stages.filter((stage) => stage.terminal === terminal).length;
    if (count !== 1) problems.push(`stages: must have exactly one ${terminal} stage`);
  }
  const firstTerminal = stages.findIndex((stage) => stage.terminal !== null);
  if (
    firstTerminal !== -1 &&
    stages.slice(firstTerminal).some((stage) => stage.terminal === null)
  ) {
    problems.push('stages: terminal stages must come after every non-terminal stage');
  }

  stages.forEach((stage, index) => {
    const path = `stages[${index}]`;
    problems.push(...stageProblems(stage, path));
    if (stage.terminal !== null) problems.push(...terminalProblems(stage, path));
  });

  open.forEach((stage, index) => {
    const previous = open[index - 1];
    if (previous && stage.probability < previous.probability) {
      problems.push(`stages.${stage.key}.probability: must not be below ${previous.key}'s`);
    }
  });
  return problems;
}
