// Stage commands of a deal: move through the gate, preview the gate, tick a checklist item.
import { sql } from 'drizzle-orm';
import type { Locale } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { forbidden, validationFailed, versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { getFunnelRow } from '../funnels/funnels.service';
import { loadGateFacts } from '../funnels/gateFacts';
import {
  checkedCriteria,
  checklistSnapshot,
  loadChecks,
  presentChecklist,
  type SetCheckInput,
  setCheck,
} from '../funnels/stageChecks';
import { decideMove, previewMove } from '../funnels/stageGate';
import { recordStageMove } from '../funnels/stageHistory';
import type { MoveRequest } from '../funnels/stages.schema';
import { type Actor, dealAccess, type Viewer } from './deals.access';
import { type DealRow, dealFieldsOf, staleAtFor } from './deals.presenter';
import { getDealDetail, getDealRow, presentDealDetail } from './deals.service';
import { furthestStageSql } from './furthestStage';
import { resolveLostReason } from './lostReasons.service';

interface Context {
  now: Date;
  locale: Locale;
}

/** Everything the gate reads about one deal. */
async function gateInputs(db: Db, viewer: Viewer, row: DealRow, now: Date) {
  const funnel = await getFunnelRow(db, viewer.orgId, row.funnel_id);
  const subject = {
    orgId: viewer.orgId,
    customerId: row.customer_id,
    funnelId: funnel.id,
    dealId: row.id,
  };
  const checks = await loadChecks(db, subject);
  const facts = await loadGateFacts(db, {
    ...subject,
    deal: dealFieldsOf(row),
    stageEnteredAt: new Date(row.stage_entered_at),
    now,
    stages: funnel.stages,
  });
  return { funnel, checks, facts };
}

/**
 * Moves a deal to another stage (moveDealStage): the gate decides, a manager's override is
 * recorded with its reason and what it bypassed, lost needs a reason from the org's list. The
 * update is conditional on the stage and version the gate was evaluated on, so of two racing
 * moves one wins and the other gets 409; history and audit commit with it or not at all.
 */
export async function moveDealStage(
  db: Db,
  actor: Actor,
  dealId: string,
  input: MoveRequest,
  context: Context,
) {
  const { now, locale } = context;
  return db.transaction(async (tx) => {
    const access = await dealAccess(tx, actor, dealId);
    if (!access.editable) throw forbidden('Claim this customer before working its deals');
    const row = await getDealRow(tx, actor, dealId);
    if (input.version !== undefined && input.version !== row.version) {
      throw versionConflict(await getDealDetail(tx, actor, dealId, context));
    }
    const { funnel, checks, facts } = await gateInputs(tx, actor, row, now);
    const target = funnel.stages.find((stage) => stage.key === input.toStageKey);
    if (target && target.terminal !== 'lost' && input.lostReason !== undefined) {
      throw validationFailed([
        { field: 'body.lostReason', message: 'only a move to the lost stage takes a reason' },
      ]);
    }
    const outcome = decideMove({
      stages: funnel.stages,
      fromKey: row.stage_key,
      toKey: input.toStageKey,
      checkedCriteria: checkedCriteria(checks),
      facts,
      role: actor.role,
      overrideReason: input.overrideReason,
      locale,
    });
    if (!target) throw new Error('decideMove accepted an unknown stage');
    if (outcome.direction === 'same') return presentDealDetail(tx, row, funnel, context);
    const lostReason =
      target.terminal === 'lost'
        ? await resolveLostReason(tx, actor.orgId, input.lostReason)
        : null;

    const keepsOverride = row.probability_overridden && target.terminal === null;
    const updated = await queryRows<{ id: string }>(
      tx,
      sql`update deals set stage_key = ${target.key}, stage_entered_at = ${now},
          furthest_stage_key = ${furthestStageSql(funnel.stages, [
            sql`furthest_stage_key`,
            sql`stage_key`,
            sql`${target.key}::text`,
          ])},
          stale_at = ${staleAtFor(target, now)},
          probability = ${keepsOverride ? row.probability : target.probability},
          probability_overridden = ${keepsOverride},
          status = ${target.terminal ?? 'open'},
          closed_at = ${target.terminal ? now : null},
          lost_reason_id = ${lostReason?.id ?? null},
          version = version + 1, updated_at = ${now}
        where org_id = ${actor.orgId} and id = ${dealId}
          and stage_key = ${row.stage_key} and version = ${row.version}
        returning id`,
    );
    if (updated.length === 0) {
      throw versionConflict(await getDealDetail(tx, actor, dealId, context));
    }
    const overrideReason = outcome.overridden ? (input.overrideReason ?? null) : null;
    await recordStageMove(tx, {
      orgId: actor.orgId,
      customerId: row.customer_id,
      dealId,
      funnelId: funnel.id,
      fromStageKey: row.stage_key,
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
      action: outcome.overridden ? 'stage_override' : 'stage_move',
      entity: 'deal',
      entityId: dealId,
      changes: {
        stageKey: { from: row.stage_key, to: target.key },
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
    return getDealDetail(tx, { ...actor, role: 'admin' }, dealId, context);
  });
}

/** What a move to `toStageKey` would lack right now, for the board's dialog; changes nothing. */
export async function previewDealGate(
  db: Db,
  viewer: Viewer,
  dealId: string,
  toStageKey: string,
  context: Context,
) {
  const row = await getDealRow(db, viewer, dealId);
  const { funnel, checks, facts } = await gateInputs(db, viewer, row, context.now);
  return previewMove(
    {
      stages: funnel.stages,
      fromKey: row.stage_key,
      toKey: toStageKey,
      checkedCriteria: checkedCriteria(checks),
      facts,
    },
    viewer.role,
    context.locale,
  );
}

/** Ticks or unticks an entry criterion of the deal; answers that stage's checklist. */
export async function setDealCheck(
  db: Db,
  actor: Actor,
  dealId: string,
  input: SetCheckInput,
  context: Context,
) {
  return db.transaction(async (tx) => {
    const access = await dealAccess(tx, actor, dealId);
    if (!access.editable) throw forbidden('Claim this customer before working its deals');
    const row = await getDealRow(tx, actor, dealId);
    const funnel = await getFunnelRow(tx, actor.orgId, row.funnel_id);
    const subject = {
      orgId: actor.orgId,
      customerId: row.customer_id,
      funnelId: funnel.id,
      dealId,
    };
    await setCheck(tx, actor, subject, funnel.stages, input, context.now);
    const stage = funnel.stages.find((candidate) => candidate.key === input.stageKey);
    const checklist = presentChecklist(stage, await loadChecks(tx, subject), context.locale);
    if (!checklist) throw new Error('checked stage vanished');
    return checklist;
  });
}
