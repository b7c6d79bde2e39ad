// The customer lifecycle (目标→清单→潜在→意向→订单→在网): a customer moves through the org's
// lifecycle funnel under the same gates as a deal, with the customer's activities as facts.
import { sql } from 'drizzle-orm';
import { countKeyActions, type FunnelStage } from '../../../domain/funnels';
import type { Locale } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import type { AuthContext } from '../../http/auth';
import { forbidden, notFound, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { detailVisibleCustomers, editableCustomers } from '../customers/customers.access';
import { nextStageOf } from '../deals/deals.presenter';
import { resolveLostReason } from '../deals/lostReasons.service';
import {
  ensureLifecycleFunnel,
  type FunnelRow,
  getFunnelRow,
  localizeStages,
} from '../funnels/funnels.service';
import { loadGateFacts } from '../funnels/gateFacts';
import {
  type CheckSubject,
  checkedCriteria,
  checklistSnapshot,
  loadChecks,
  presentChecklist,
  type SetCheckInput,
  setCheck,
} from '../funnels/stageChecks';
import { decideMove, previewMove } from '../funnels/stageGate';
import { findStageHistory, recordStageMove } from '../funnels/stageHistory';
import type { MoveRequest } from '../funnels/stages.schema';
import type { Lifecycle } from './lifecycle.schema';

type Actor = Pick<AuthContext, 'id' | 'orgId' | 'role' | 'teamId'> & { ip?: string | null };
interface Context {
  now: Date;
  locale: Locale;
}

const DAY_MS = 24 * 60 * 60 * 1000;

interface CustomerLifecycleRow {
  id: string;
  lifecycle_funnel_id: string | null;
  lifecycle_stage_key: string | null;
  lifecycle_entered_at: Date | string | null;
  created_at: Date | string;
  editable: boolean;
}

/** The customer (404 when invisible), its lifecycle funnel and what the gate reads. */
async function loadLifecycle(db: Db, actor: Actor, customerId: string, now: Date) {
  const [customer] = await queryRows<CustomerLifecycleRow>(
    db,
    sql`select c.id, c.lifecycle_funnel_id, c.lifecycle_stage_key, c.lifecycle_entered_at,
        c.created_at, ${editableCustomers(actor, 'c')} as editable
      from customers c
      where c.org_id = ${actor.orgId} and c.id = ${customerId} and ${detailVisibleCustomers(actor, 'c')}`,
  );
  if (!customer) throw notFound('Customer');
  const funnel: FunnelRow = customer.lifecycle_funnel_id
    ? await getFunnelRow(db, actor.orgId, customer.lifecycle_funnel_id)
    : await ensureLifecycleFunnel(db, actor);
  const subject: CheckSubject = {
    orgId: actor.orgId,
    customerId,
    funnelId: funnel.id,
    dealId: null,
  };
  // Not in the funnel yet: the work counted is everything since the customer was registered.
  const enteredAt = new Date(customer.lifecycle_entered_at ?? customer.created_at);
  const checks = await loadChecks(db, subject);
  const facts = await loadGateFacts(db, {
    ...subject,
    deal: null,
    stageEnteredAt: enteredAt,
    now,
    stages: funnel.stages,
  });
  return { customer, funnel, subject, enteredAt, checks, facts };
}

type Loaded = Awaited<ReturnType<typeof loadLifecycle>>;

function firstStage(stages: readonly FunnelStage[]) {
  return stages.find((stage) => stage.terminal === null);
}

function presentLifecycle(loaded: Loaded, context: Context): Lifecycle {
  const { customer, funnel, checks, facts, enteredAt } = loaded;
  const { now, locale } = context;
  const key = customer.lifecycle_stage_key;
  const stage = key === null ? undefined : funnel.stages.find((s) => s.key === key);
  const next = key === null ? firstStage(funnel.stages) : nextStageOf(funnel.stages, key);
  const stale =
    stage?.staleAfterDays != null &&
    now.getTime() - enteredAt.getTime() > stage.staleAfterDays * DAY_MS;
  return {
    customerId: customer.id,
    funnel: { id: funnel.id, name: funnel.name[locale], version: funnel.version },
    stages: funnel.stages.map((s) => ({ key: s.key, name: s.name[locale], terminal: s.terminal })),
    stageKey: stage?.key ?? null,
    stageName: stage?.name[locale] ?? null,
    enteredAt: customer.lifecycle_entered_at === null ? null : enteredAt.toISOString(),
    daysInStage:
      stage === undefined ? null : Math.floor((now.getTime() - enteredAt.getTime()) / DAY_MS),
    stale,
    stage: stage ? (localizeStages([stage], locale)[0] ?? null) : null,
    nextStage: next ? { key: next.key, name: next.name[locale] } : null,
    keyActions: stage
      ? countKeyActions(stage.keyActions, facts).map((progress, index) => ({
          id: progress.id,
          label: progress.label[locale],
          kind: stage.keyActions[index]?.kind ?? 'activity',
          have: progress.have,
          need: progress.need,
          met: progress.met,
        }))
      : [],
    checklist: {
      current: presentChecklist(stage, checks, locale),
      next: presentChecklist(next, checks, locale),
    },
  };
}

export async function getLifecycle(db: Db, actor: Actor, customerId: string, context: Context) {
  return presentLifecycle(await loadLifecycle(db, actor, customerId, context.now), context);
}

/** Moves the customer to another lifecycle stage under the funnel's gates. */
export async function moveLifecycle(
  db: Db,
  actor: Actor,
  customerId: string,
  input: Omit<MoveRequest, 'version'>,
  context: Context,
): Promise<Lifecycle> {
  const { now, locale } = context;
  // The lifecycle funnel is created outside the move so a refused move leaves nothing behind.
  await loadLifecycle(db, actor, customerId, now);
  return db.transaction(async (tx) => {
    const loaded = await loadLifecycle(tx, actor, customerId, now);
    const { customer, funnel, checks, facts } = loaded;
    if (!customer.editable) throw forbidden('Claim this customer before working it');
    const outcome = decideMove({
      stages: funnel.stages,
      fromKey: customer.lifecycle_stage_key,
      toKey: input.toStageKey,
      checkedCriteria: checkedCriteria(checks),
      facts,
      role: actor.role,
      overrideReason: input.overrideReason,
      locale,
    });
    const target = funnel.stages.find((stage) => stage.key === input.toStageKey);
    if (!target) throw new Error('decideMove accepted an unknown stage');
    if (outcome.direction === 'same') return presentLifecycle(loaded, context);
    const lostReason =
      target.terminal === 'lost'
        ? await resolveLostReason(tx, actor.orgId, input.lostReason)
        : null;
    const enteredBefore =
      customer.lifecycle_entered_at === null ? null : new Date(customer.lifecycle_entered_at);
    const updated = await queryRows<{ id: string }>(
      tx,
      sql`update customers set lifecycle_funnel_id = ${funnel.id},
          lifecycle_stage_key = ${target.key}, lifecycle_entered_at = ${now}, updated_at = ${now}
        where org_id = ${actor.orgId} and id = ${customerId}
          and lifecycle_stage_key is not distinct from ${customer.lifecycle_stage_key}
          and lifecycle_entered_at is not distinct from ${enteredBefore}::timestamptz
        returning id`,
    );
    if (updated.length === 0) throw versionConflict(presentLifecycle(loaded, context));
    const overrideReason = outcome.overridden ? (input.overrideReason ?? null) : null;
    await recordStageMove(tx, {
      orgId: actor.orgId,
      customerId,
      dealId: null,
      funnelId: funnel.id,
      fromStageKey: customer.lifecycle_stage_key,
      toStageKey: target.key,
      direction: outcome.direction,
      at: now,
      byUserId: actor.id,
      overrideReason,
      unmet: outcome.unmet,
      lostReason,
      checklist: checklistSnapshot(checks),
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: outcome.overridden ? 'lifecycle_override' : 'lifecycle_move',
      entity: 'customer',
      entityId: customerId,
      changes: {
        lifecycleStage: { from: customer.lifecycle_stage_key, to: target.key },
        direction: outcome.direction,
        ...(overrideReason
          ? {
              overrideReason,
              bypassed: outcome.unmet.map((item) => `${item.kind}:${item.stageKey}.${item.id}`),
            }
          : {}),
        ...(lostReason ? { lostReason: lostReason.name } : {}),
      },
    });
    return presentLifecycle(await loadLifecycle(tx, actor, customerId, now), context);
  });
}

export async function previewLifecycleGate(
  db: Db,
  actor: Actor,
  customerId: string,
  toStageKey: string,
  context: Context,
) {
  const { customer, funnel, checks, facts } = await loadLifecycle(
    db,
    actor,
    customerId,
    context.now,
  );
  return previewMove(
    {
      stages: funnel.stages,
      fromKey: customer.lifecycle_stage_key,
      toKey: toStageKey,
      checkedCriteria: checkedCriteria(checks),
      facts,
    },
    actor.role,
    context.locale,
  );
}

export async function setLifecycleCheck(
  db: Db,
  actor: Actor,
  customerId: string,
  input: SetCheckInput,
  context: Context,
) {
  await loadLifecycle(db, actor, customerId, context.now);
  return db.transaction(async (tx) => {
    const { customer, funnel, subject } = await loadLifecycle(tx, actor, customerId, context.now);
    if (!customer.editable) throw forbidden('Claim this customer before working it');
    await setCheck(tx, actor, subject, funnel.stages, input, context.now);
    const stage = funnel.stages.find((candidate) => candidate.key === input.stageKey);
    const checklist = presentChecklist(stage, await loadChecks(tx, subject), context.locale);
    if (!checklist) throw new Error('checked stage vanished');
    return checklist;
  });
}

export async function findLifecycleHistory(
  db: Db,
  actor: Actor,
  customerId: string,
  query: { limit: number; cursor?: string },
  context: Context,
) {
  const { funnel } = await loadLifecycle(db, actor, customerId, context.now);
  return findStageHistory(
    db,
    { orgId: actor.orgId, customerId },
    funnel.stages,
    query,
    context.locale,
  );
}
