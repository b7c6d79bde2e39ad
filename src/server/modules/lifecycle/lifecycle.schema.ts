import { z } from 'zod';
import { TERMINALS } from '../../../domain/vocabulary';
import { Stage } from '../funnels/funnels.schema';
import { Checklist, KeyActionProgress, MoveRequest } from '../funnels/stages.schema';

export const LifecycleMoveRequest = MoveRequest.omit({ version: true });

export const Lifecycle = z.object({
  customerId: z.string(),
  funnel: z.object({ id: z.string(), name: z.string(), version: z.number().int() }),
  /** The funnel's stages in order, for a stepper. */
  stages: z.array(
    z.object({ key: z.string(), name: z.string(), terminal: z.enum(TERMINALS).nullable() }),
  ),
  /** null: the customer has not entered the lifecycle funnel yet. */
  stageKey: z.string().nullable(),
  stageName: z.string().nullable(),
  enteredAt: z.string().nullable(),
  daysInStage: z.number().int().nullable(),
  stale: z.boolean(),
  stage: Stage.nullable(),
  nextStage: z.object({ key: z.string(), name: z.string() }).nullable(),
  keyActions: z.array(KeyActionProgress),
  checklist: z.object({ current: Checklist.nullable(), next: Checklist.nullable() }),
});
export type Lifecycle = z.infer<typeof Lifecycle>;
