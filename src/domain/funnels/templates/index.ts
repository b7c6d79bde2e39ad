import type { FunnelTemplate } from '../types';
import { ABCD_TEMPLATE } from './abcd';
import { AIDA_TEMPLATE } from './aida';
import { LEAD_GRADE_TEMPLATE } from './lead-grade';
import { SEVEN_STAGE_TEMPLATE } from './seven-stage';
import { SIX_STEP_TEMPLATE } from './six-step';

/** The funnels from the seeds that an organisation can start from, in both UI languages. */
export const FUNNEL_TEMPLATES: readonly FunnelTemplate[] = [
  SIX_STEP_TEMPLATE,
  SEVEN_STAGE_TEMPLATE,
  LEAD_GRADE_TEMPLATE,
  ABCD_TEMPLATE,
  AIDA_TEMPLATE,
];

export const FUNNEL_TEMPLATE_KEYS = [
  'six-step',
  'seven-stage',
  'lead-grade',
  'abcd',
  'aida',
] as const;
export type FunnelTemplateKey = (typeof FUNNEL_TEMPLATE_KEYS)[number];

/** The template with this key, or undefined when there is none. */
export function getFunnelTemplate(key: string): FunnelTemplate | undefined {
  return FUNNEL_TEMPLATES.find((template) => template.key === key);
}

export {
  ABCD_TEMPLATE,
  AIDA_TEMPLATE,
  LEAD_GRADE_TEMPLATE,
  SEVEN_STAGE_TEMPLATE,
  SIX_STEP_TEMPLATE,
};
