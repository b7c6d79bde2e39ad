export { countKeyAction, countKeyActions, type KeyActionProgress } from './countKeyActions';
export {
  evaluateStageGate,
  type StageGateInput,
  type StageGateResult,
  type StageMoveDirection,
  UnknownStageError,
  type UnmetRequirement,
} from './evaluateStageGate';
export {
  FUNNEL_TEMPLATE_KEYS,
  FUNNEL_TEMPLATES,
  type FunnelTemplateKey,
  getFunnelTemplate,
} from './templates';
export {
  type ActivityFact,
  type ActivityKeyAction,
  type DealFacts,
  DOCUMENT_KINDS,
  type DocumentFact,
  type DocumentKeyAction,
  type DocumentKind,
  type FieldKeyAction,
  type FunnelStage,
  type FunnelTemplate,
  type KeyAction,
  type KeyActionKind,
  localizeTemplate,
  type Objection,
  type StageCriterion,
} from './types';
export { validateFunnelStages } from './validateFunnelStages';
