import { and, eq, sql } from 'drizzle-orm';
import { countKeyActions } from '../../../domain/funnels';
import type { Locale } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { deals, users } from '../../db/schema';
import { forbidden, notFound, validationFailed, versionConflict } from '../../http/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import { editableCustomers, managedOwners, visibleCustomers } from '../customers/customers.access';
import { type FunnelRow, getFunnelRow, localizeStages } from '../funnels/funnels.service';
import { loadGateFacts } from '../funnels/gateFacts';
import { loadChecks, presentChecklist } from '../funnels/stageChecks';
import { recordStageMove } from '../funnels/stageHistory';
import { type Actor, dealAccess, type Viewer, visibleDeals } from './deals.access';
import {
  DEAL_COLUMNS,
  DEAL_JOINS,
  type DealRow,
  dealFieldsOf,
  nextStageOf,
  presentDeal,
  staleAtFor,
} from './deals.presenter';
import type { CreateDealRequest, DealDetail, UpdateDealRequest } from './deals.schema';

/** The deal as the viewer may see it; 404 otherwise. */
export async function getDealRow(db: Db, viewer: Viewer, id: string): Promise<DealRow> {
  const [row] = await queryRows<DealRow>(
    db,
    sql`select ${DEAL_COLUMNS} from deals d ${DEAL_JOINS}
      where d.org_id = ${viewer.orgId} and d.id = ${id} and ${visibleDeals(viewer)}`,
  );
  if (!row) throw notFound('Deal');
  return row;
}

/** A deal with its stage, key-action progress and the current and next stage's checklists. */
export async function presentDealDetail(
  db: Db,
  row: DealRow,
  funnel: FunnelRow,
  context: { now: Date; locale: Locale },
): Promise<DealDetail> {
  const { now, locale } = context;
  const stage = funnel.stages.find((candidate) => candidate.key === row.stage_key);
  if (!stage) throw new Error(`deal ${row.id} is in unknown stage ${row.stage_key}`);
  const next = row.status === 'open' ? nextStageOf(funnel.stages, stage.key) : undefined;
  const checks = await loadChecks(db, {
    orgId: funnel.orgId,
    customerId: row.customer_id,
    funnelId: funnel.id,
    dealId: row.id,
  });
  const facts = await loadGateFacts(db, {
    orgId: funnel.orgId,
    customerId: row.customer_id,
    dealId: row.id,
    deal: dealFieldsOf(row),
    stageEnteredAt: new Date(row.stage_entered_at),
    now,
    stages: [stage],
  });
  const [localized] = localizeStages([stage], locale);
  if (!localized) throw new Error('stage lost in localisation');
  return {
    ...presentDeal(row, funnel.stages, locale, now),
    funnelName: funnel.name[locale],
    stage: localized,
    nextStage: next ? { key: next.key, name: next.name[locale] } : null,
    keyActions: countKeyActions(stage.keyActions, facts).map((progress, index) => ({
      id: progress.id,
      label: progress.label[locale],
      kind: stage.keyActions[index]?.kind ?? 'activity',
      have: progress.have,
      need: progress.need,
      met: progress.met,
    })),
    checklist: {
      current: presentChecklist(stage, checks, locale) ?? {
        stageKey: stage.key,
        stageName: stage.name[locale],
        items: [],
      },
      next: presentChecklist(next, checks, locale),
    },
  };
}

export async function getDealDetail(
  db: Db,
  viewer: Viewer,
  id: string,
  context: { now: Date; locale: Locale },
): Promise<DealDetail> {
  const row = await getDealRow(db, viewer, id);
  const funnel = await getFunnelRow(db, viewer.orgId, row.funnel_id);
  return presentDealDetail(db, row, funnel, context);
}

/**
 * Who owns a deal: the one asked for (a rep only themselves, a manager their team), else the
 * customer's owner, else the creator.
 */
async function resolveOwner(
  tx: Db,
  actor: Actor,
  requested: string | undefined,
  fallback: string,
): Promise<string> {
  if (!requested || requested === fallback) return fallback;
  if (actor.role === 'rep' && requested !== actor.id) {
    throw forbidden('A rep can only own deals themselves');
  }
  const [owner] = await tx
    .select({ active: users.active })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, requested)));
  if (!owner?.active)
    throw validationFailed([{ field: 'body.ownerId', message: 'no such active user' }]);
  if (actor.role === 'manager' && requested !== actor.id) {
    const [inTeam] = await queryRows(
      tx,
      sql`select 1 where ${requested}::uuid in ${managedOwners(actor)}`,
    );
    if (!inTeam) throw forbidden('A manager can only give deals to their own team');
  }
  return requested;
}

export async function createDeal(
  db: Db,
  actor: Actor,
  input: CreateDealRequest,
  context: { now: Date; locale: Locale },
): Promise<DealDetail> {
  return db.transaction(async (tx) => {
    const [customer] = await queryRows<{ owner_id: string | null; editable: boolean }>(
      tx,
      sql`select c.owner_id, ${editableCustomers(actor, 'c')} as editable from customers c
        where c.org_id = ${actor.orgId} and c.id = ${input.customerId} and ${visibleCustomers(actor, 'c')}`,
    );
    if (!customer) {
      throw validationFailed([{ field: 'body.customerId', message: 'no such customer' }]);
    }
    if (!customer.editable) throw forbidden('Claim this customer before opening a deal');
    const [funnel] = await queryRows<FunnelRow>(
      tx,
      sql`select id, stages, purpose from funnels where org_id = ${actor.orgId} and id = ${input.funnelId}`,
    );
    if (funnel?.purpose !== 'deals') {
      throw validationFailed([{ field: 'body.funnelId', message: 'no such deal funnel' }]);
    }
    const first = funnel.stages.find((stage) => stage.terminal === null);
    const stage = input.stageKey
      ? funnel.stages.find((candidate) => candidate.key === input.stageKey)
      : first;
    if (!stage || stage.terminal !== null || !first) {
      throw validationFailed([
        { field: 'body.stageKey', message: 'must be an open stage of the funnel' },
      ]);
    }
    // Starting past the first stage skips its gates: a manager's call, as with an override.
    if (stage.key !== first.key && actor.role === 'rep') {
      throw forbidden('A rep opens deals in the first stage and moves them through the gates');
    }
    const ownerId = await resolveOwner(tx, actor, input.ownerId, customer.owner_id ?? actor.id);
    const id = newId();
    const { now } = context;
    await tx.insert(deals).values({
      orgId: actor.orgId,
      id,
      customerId: input.customerId,
      funnelId: input.funnelId,
      name: input.name,
      amountCents: input.amount,
      budgetCents: input.budget ?? null,
      expectedCloseDate: input.expectedCloseDate ?? null,
      products: input.products ?? [],
      competitors: input.competitors ?? [],
      nextStep: input.nextStep ?? null,
      stageKey: stage.key,
      furthestStageKey: stage.key,
      stageEnteredAt: now,
      staleAt: staleAtFor(stage, now),
      probability: input.probability ?? stage.probability,
      probabilityOverridden: input.probability != null,
      ownerId,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await recordStageMove(tx, {
      orgId: actor.orgId,
      customerId: input.customerId,
      dealId: id,
      funnelId: input.funnelId,
      fromStageKey: null,
      toStageKey: stage.key,
      direction: 'initial',
      at: now,
      byUserId: actor.id,
      overrideReason: null,
      unmet: [],
      lostReason: null,
      checklist: {},
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'deal',
      entityId: id,
      changes: {
        name: input.name,
        customerId: input.customerId,
        funnelId: input.funnelId,
        stageKey: stage.key,
        amountCents: input.amount,
        ownerId,
      },
    });
    return getDealDetail(tx, { ...actor, role: 'admin' }, id, context);
  });
}

export async function updateDeal(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateDealRequest,
  context: { now: Date; locale: Locale },
): Promise<DealDetail> {
  return db.transaction(async (tx) => {
    const access = await dealAccess(tx, actor, id);
    const [before] = await tx
      .select()
      .from(deals)
      .where(and(eq(deals.orgId, actor.orgId), eq(deals.id, id)))
      .for('update');
    if (!before) throw notFound('Deal');
    if (!access.editable) throw forbidden('Claim this customer before working its deals');
    if (before.version !== input.version) {
      throw versionConflict(await getDealDetail(tx, actor, id, context));
    }
    const funnel = await getFunnelRow(tx, actor.orgId, before.funnelId);
    if (input.probability !== undefined && before.status !== 'open') {
      throw validationFailed([
        { field: 'body.probability', message: 'a won or lost deal keeps its probability' },
      ]);
    }
    const stage = funnel.stages.find((candidate) => candidate.key === before.stageKey);
    const ownerId =
      input.ownerId === undefined
        ? before.ownerId
        : await resolveOwner(tx, actor, input.ownerId, before.ownerId);
    if (ownerId !== before.ownerId && actor.role === 'rep') {
      throw forbidden('Only a manager or an admin may hand a deal to someone else');
    }
    const fields = {
      name: input.name,
      amountCents: input.amount,
      budgetCents: input.budget,
      expectedCloseDate: input.expectedCloseDate,
      products: input.products,
      competitors: input.competitors,
      nextStep: input.nextStep,
      ownerId: input.ownerId === undefined ? undefined : ownerId,
      ...(input.probability === undefined
        ? {}
        : input.probability === null
          ? { probability: stage?.probability ?? before.probability, probabilityOverridden: false }
          : { probability: input.probability, probabilityOverridden: true }),
    };
    const defined = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    ) as Partial<typeof deals.$inferInsert>;
    await tx
      .update(deals)
      .set({ ...defined, version: sql`${deals.version} + 1`, updatedAt: context.now })
      .where(and(eq(deals.orgId, actor.orgId), eq(deals.id, id)));
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'update',
      entity: 'deal',
      entityId: id,
      changes: diffFields(before as unknown as Record<string, unknown>, defined),
    });
    return getDealDetail(tx, { ...actor, role: 'admin' }, id, context);
  });
}

/** Whether `dealId` is a deal of `customerId` (for features that link rows to a deal). */
export async function isDealOfCustomer(
  db: Db,
  orgId: string,
  dealId: string,
  customerId: string,
): Promise<boolean> {
  const [row] = await queryRows(
    db,
    sql`select 1 from deals where org_id = ${orgId} and id = ${dealId} and customer_id = ${customerId}`,
  );
  return row !== undefined;
}
