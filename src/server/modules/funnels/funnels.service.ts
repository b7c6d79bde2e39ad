import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  FUNNEL_TEMPLATES,
  type FunnelStage,
  getFunnelTemplate,
  localizeTemplate,
} from '../../../domain/funnels';
import { LOCALES, type Locale, type Localized } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { funnels, orgs } from '../../db/schema';
import type { AuthContext } from '../../http/auth';
import { AppError, notFound, validationFailed, versionConflict } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { recordAudit } from '../audit/audit.service';
import { furthestOrderChanged, recomputeFurthestStages } from '../deals/furthestStage';
import { stagesFromInput, toLocalized } from './funnelInput';
import type {
  CreateFunnelRequest,
  Funnel,
  FunnelTemplateOut,
  Stage,
  UpdateFunnelRequest,
} from './funnels.schema';

export type FunnelRow = typeof funnels.$inferSelect;
type Actor = Pick<AuthContext, 'id' | 'orgId' | 'role'> & { ip?: string | null };

/** The language of an answer: the one asked for, else the user's, else the org's default. */
export async function resolveLocale(
  db: Db,
  viewer: Pick<AuthContext, 'orgId' | 'locale'>,
  requested?: Locale,
): Promise<Locale> {
  if (requested) return requested;
  const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
  if (isLocale(viewer.locale)) return viewer.locale;
  const [org] = await db
    .select({ locale: orgs.defaultLocale })
    .from(orgs)
    .where(eq(orgs.id, viewer.orgId));
  return isLocale(org?.locale) ? org.locale : 'zh-CN';
}

export function localizeStages(stages: readonly FunnelStage[], locale: Locale): Stage[] {
  const empty: Localized = { 'zh-CN': '', en: '' };
  return localizeTemplate({ key: '', name: empty, description: empty, stages }, locale)
    .stages as Stage[];
}

export function presentFunnel(row: FunnelRow, locale: Locale): Funnel {
  return {
    id: row.id,
    name: row.name[locale],
    purpose: row.purpose,
    templateKey: row.templateKey,
    locale,
    stages: localizeStages(row.stages, locale),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function listTemplates(locale: Locale): z.infer<typeof FunnelTemplateOut>[] {
  return FUNNEL_TEMPLATES.map((template) => {
    const localized = localizeTemplate(template, locale);
    return { ...localized, stages: localized.stages as Stage[] };
  });
}

/** The funnel row with its bilingual stages, for the deal and lifecycle commands. */
export async function getFunnelRow(db: Db, orgId: string, id: string): Promise<FunnelRow> {
  const [row] = await db
    .select()
    .from(funnels)
    .where(and(eq(funnels.orgId, orgId), eq(funnels.id, id)));
  if (!row) throw notFound('Funnel');
  return row;
}

export async function getFunnel(db: Db, orgId: string, id: string, locale: Locale) {
  return presentFunnel(await getFunnelRow(db, orgId, id), locale);
}

export async function findFunnels(
  db: Db,
  orgId: string,
  query: { limit: number; cursor?: string; purpose?: FunnelRow['purpose'] },
  locale: Locale,
) {
  const after = query.cursor ? String(decodeCursor(query.cursor, 1)[0]) : null;
  const rows = await db
    .select()
    .from(funnels)
    .where(
      and(
        eq(funnels.orgId, orgId),
        query.purpose ? eq(funnels.purpose, query.purpose) : undefined,
        after ? gt(funnels.id, after) : undefined,
      ),
    )
    .orderBy(asc(funnels.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => presentFunnel(row, locale)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
  };
}

async function assertNoLifecycleFunnel(tx: Db, orgId: string) {
  const [existing] = await tx
    .select({ id: funnels.id })
    .from(funnels)
    .where(and(eq(funnels.orgId, orgId), eq(funnels.purpose, 'customers')));
  if (existing) {
    throw new AppError('conflict', 'The organisation already has a customer-lifecycle funnel', [
      { field: 'body.purpose', message: `funnel ${existing.id} is the lifecycle funnel` },
    ]);
  }
}

export async function createFunnel(
  db: Db,
  actor: Actor,
  input: CreateFunnelRequest,
  locale: Locale,
): Promise<FunnelRow> {
  const template = input.template ? getFunnelTemplate(input.template) : undefined;
  const stages = template
    ? [...template.stages]
    : stagesFromInput(input.stages ?? [], null, locale);
  const name = toLocalized(input.name, template?.name, locale);
  if (name['zh-CN'] === '' || name.en === '') {
    throw validationFailed([{ field: 'body.name', message: 'is required' }]);
  }
  return db.transaction(async (tx) => {
    if (input.purpose === 'customers') await assertNoLifecycleFunnel(tx, actor.orgId);
    const [row] = await tx
      .insert(funnels)
      .values({
        orgId: actor.orgId,
        id: newId(),
        name,
        purpose: input.purpose,
        templateKey: template?.key ?? null,
        stages,
        createdBy: actor.id,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'funnel',
      entityId: row.id,
      changes: {
        name,
        purpose: input.purpose,
        template: template?.key ?? null,
        stages: stages.map((s) => s.key),
      },
    });
    return row;
  });
}

/** How many deals (or lifecycle customers) sit in each of the given stages. */
async function occupiedStages(tx: Db, funnel: FunnelRow, keys: string[]) {
  if (keys.length === 0) return [];
  const statement =
    funnel.purpose === 'deals'
      ? sql`select stage_key as key, count(*)::int as n from deals
          where org_id = ${funnel.orgId} and funnel_id = ${funnel.id} and stage_key in ${keys}
          group by stage_key`
      : sql`select lifecycle_stage_key as key, count(*)::int as n from customers
          where org_id = ${funnel.orgId} and lifecycle_funnel_id = ${funnel.id}
            and lifecycle_stage_key in ${keys}
          group by lifecycle_stage_key`;
  return queryRows<{ key: string; n: number }>(tx, statement);
}

/** Deals keep an effective probability and a stale time; follow a stage's new settings. */
async function followStageSettings(tx: Db, funnel: FunnelRow, next: readonly FunnelStage[]) {
  if (funnel.purpose !== 'deals') return;
  for (const stage of next) {
    const before = funnel.stages.find((item) => item.key === stage.key);
    if (!before || stage.terminal) continue;
    const where = sql`org_id = ${funnel.orgId} and funnel_id = ${funnel.id}
      and stage_key = ${stage.key} and status = 'open'`;
    if (before.probability !== stage.probability) {
      await tx.execute(sql`update deals set probability = ${stage.probability}
        where ${where} and not probability_overridden`);
    }
    if (before.staleAfterDays !== stage.staleAfterDays) {
      await tx.execute(
        sql`update deals set stale_at = ${
          stage.staleAfterDays === null
            ? sql`null`
            : sql`stage_entered_at + make_interval(days => ${stage.staleAfterDays})`
        } where ${where}`,
      );
    }
  }
}

export async function updateFunnel(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateFunnelRequest,
  locale: Locale,
): Promise<FunnelRow> {
  return db.transaction(async (tx) => {
    const [funnel] = await tx
      .select()
      .from(funnels)
      .where(and(eq(funnels.orgId, actor.orgId), eq(funnels.id, id)))
      .for('update');
    if (!funnel) throw notFound('Funnel');
    if (funnel.version !== input.version) throw versionConflict(presentFunnel(funnel, locale));
    const stages = input.stages ? stagesFromInput(input.stages, funnel.stages, locale) : null;
    const name =
      input.name === undefined ? funnel.name : toLocalized(input.name, funnel.name, locale);
    if (name['zh-CN'] === '' || name.en === '') {
      throw validationFailed([{ field: 'body.name', message: 'must not be empty' }]);
    }
    const removed = stages
      ? funnel.stages.filter((old) => !stages.some((stage) => stage.key === old.key))
      : [];
    const occupied = await occupiedStages(
      tx,
      funnel,
      removed.map((stage) => stage.key),
    );
    if (occupied.length > 0) {
      const what = funnel.purpose === 'deals' ? 'deals' : 'customers';
      throw validationFailed(
        occupied.map(({ key, n }) => ({
          field: 'body.stages',
          message: `stage '${key}' still holds ${n} ${what}; move them before removing it`,
          stageKey: key,
          count: n,
        })),
      );
    }
    if (stages) await followStageSettings(tx, funnel, stages);
    if (stages && funnel.purpose === 'deals' && furthestOrderChanged(funnel.stages, stages)) {
      await recomputeFurthestStages(tx, actor.orgId, id, stages);
    }
    const [row] = await tx
      .update(funnels)
      .set({
        name,
        stages: stages ?? funnel.stages,
        version: sql`${funnels.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(funnels.orgId, actor.orgId), eq(funnels.id, id)))
      .returning();
    if (!row) throw new Error('update returned no row');
    const changed = (stages ?? []).filter((stage) => {
      const before = funnel.stages.find((old) => old.key === stage.key);
      return before && JSON.stringify(before) !== JSON.stringify(stage);
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'update',
      entity: 'funnel',
      entityId: id,
      changes: {
        ...(input.name !== undefined ? { name: { from: funnel.name, to: name } } : {}),
        ...(stages
          ? {
              stagesAdded: stages
                .filter((stage) => !funnel.stages.some((old) => old.key === stage.key))
                .map((stage) => stage.key),
              stagesRemoved: removed.map((stage) => stage.key),
              stagesChanged: changed.map((stage) => stage.key),
            }
          : {}),
      },
    });
    return row;
  });
}

/**
 * The org's customer-lifecycle funnel, created from the six-step template on first use:
 * the seeds' customer types (目标→清单→潜在→意向→订单→在网) are the default way customers move.
 */
export async function ensureLifecycleFunnel(db: Db, actor: Actor): Promise<FunnelRow> {
  const find = () =>
    db
      .select()
      .from(funnels)
      .where(and(eq(funnels.orgId, actor.orgId), eq(funnels.purpose, 'customers')));
  const [existing] = await find();
  if (existing) return existing;
  const template = getFunnelTemplate('six-step');
  if (!template) throw new Error('six-step template missing');
  await db.transaction(async (tx) => {
    const id = newId();
    const inserted = await tx
      .insert(funnels)
      .values({
        orgId: actor.orgId,
        id,
        name: template.name,
        purpose: 'customers',
        templateKey: template.key,
        stages: [...template.stages],
        createdBy: actor.id,
      })
      .onConflictDoNothing()
      .returning({ id: funnels.id });
    if (inserted.length === 0) return;
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'funnel',
      entityId: id,
      changes: { purpose: 'customers', template: template.key, createdOnFirstUse: true },
    });
  });
  const [created] = await find();
  if (!created) throw new Error('lifecycle funnel missing after creation');
  return created;
}
