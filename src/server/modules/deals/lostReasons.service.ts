import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { LOCALES, type Locale, type Localized } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { lostReasons, orgs } from '../../db/schema';
import { AppError, notFound, validationFailed, versionConflict } from '../../http/errors';
import { diffFields, recordAudit } from '../audit/audit.service';

/** The list an org starts with; admins rename, reorder, add and deactivate. */
const DEFAULT_LOST_REASONS: Localized[] = [
  { 'zh-CN': '价格过高', en: 'Price too high' },
  { 'zh-CN': '输给竞争对手', en: 'Lost to a competitor' },
  { 'zh-CN': '客户无预算', en: 'No budget' },
  { 'zh-CN': '项目取消或搁置', en: 'Project cancelled or on hold' },
  { 'zh-CN': '产品不满足需求', en: 'Our product does not meet the need' },
  { 'zh-CN': '客户失去联系', en: 'Customer stopped responding' },
  { 'zh-CN': '其他', en: 'Other' },
];

export const LostReason = z.object({
  id: z.string(),
  name: z.string(),
  sort: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type LostReason = z.infer<typeof LostReason>;

export const CreateLostReasonRequest = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  sort: z.number().int().min(0).max(10_000).optional(),
});
export const UpdateLostReasonRequest = z.object({
  version: z.number().int(),
  name: z.string().trim().min(1, 'is required').max(200).optional(),
  sort: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});

type Actor = { orgId: string; id: string; ip?: string | null };
type Row = typeof lostReasons.$inferSelect;

const present = (row: Row): LostReason => ({
  id: row.id,
  name: row.name,
  sort: row.sort,
  active: row.active,
  version: row.version,
});

/** Seeds the default reasons, in the org's language, the first time the list is needed. */
export async function ensureLostReasons(db: Db, orgId: string): Promise<void> {
  const [any] = await db
    .select({ id: lostReasons.id })
    .from(lostReasons)
    .where(eq(lostReasons.orgId, orgId))
    .limit(1);
  if (any) return;
  const [org] = await db
    .select({ locale: orgs.defaultLocale })
    .from(orgs)
    .where(eq(orgs.id, orgId));
  const locale: Locale = LOCALES.includes(org?.locale as Locale)
    ? (org?.locale as Locale)
    : 'zh-CN';
  await db
    .insert(lostReasons)
    .values(
      DEFAULT_LOST_REASONS.map((name, index) => ({
        orgId,
        id: newId(),
        name: name[locale],
        sort: (index + 1) * 10,
      })),
    )
    .onConflictDoNothing();
}

export async function findLostReasons(db: Db, orgId: string, includeInactive: boolean) {
  await ensureLostReasons(db, orgId);
  const rows = await db
    .select()
    .from(lostReasons)
    .where(
      and(eq(lostReasons.orgId, orgId), includeInactive ? undefined : eq(lostReasons.active, true)),
    )
    .orderBy(asc(lostReasons.sort), asc(lostReasons.name));
  return { items: rows.map(present), nextCursor: null };
}

/** An active reason of the org by id or by name (case-insensitive); 400 naming lostReason otherwise. */
export async function resolveLostReason(
  tx: Db,
  orgId: string,
  value: string | undefined,
): Promise<{ id: string; name: string }> {
  if (!value) {
    throw validationFailed([
      { field: 'body.lostReason', message: 'is required when moving to the lost stage' },
    ]);
  }
  await ensureLostReasons(tx, orgId);
  const isId = /^[0-9a-f-]{36}$/i.test(value);
  const [row] = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, name from lost_reasons where org_id = ${orgId} and active
      and ${isId ? sql`id = ${value}::uuid` : sql`lower(name) = ${value.toLowerCase()}`}`,
  );
  if (!row) {
    throw validationFailed([
      { field: 'body.lostReason', message: 'is not one of the organisation’s lost reasons' },
    ]);
  }
  return row;
}

async function assertNameFree(tx: Db, orgId: string, name: string, exceptId?: string) {
  const [taken] = await queryRows<{ id: string }>(
    tx,
    sql`select id from lost_reasons where org_id = ${orgId} and lower(name) = ${name.toLowerCase()}`,
  );
  if (taken && taken.id !== exceptId) {
    throw new AppError('conflict', 'This lost reason already exists', [
      { field: 'body.name', message: 'is already used' },
    ]);
  }
}

export async function createLostReason(
  db: Db,
  actor: Actor,
  input: z.infer<typeof CreateLostReasonRequest>,
): Promise<LostReason> {
  return db.transaction(async (tx) => {
    await ensureLostReasons(tx, actor.orgId);
    await assertNameFree(tx, actor.orgId, input.name);
    const [row] = await tx
      .insert(lostReasons)
      .values({ orgId: actor.orgId, id: newId(), name: input.name, sort: input.sort ?? 1000 })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'lost_reason',
      entityId: row.id,
      changes: { name: row.name, sort: row.sort },
    });
    return present(row);
  });
}

export async function updateLostReason(
  db: Db,
  actor: Actor,
  id: string,
  input: z.infer<typeof UpdateLostReasonRequest>,
): Promise<LostReason> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(lostReasons)
      .where(and(eq(lostReasons.orgId, actor.orgId), eq(lostReasons.id, id)))
      .for('update');
    if (!before) throw notFound('Lost reason');
    if (before.version !== input.version) throw versionConflict(present(before));
    if (input.name !== undefined) await assertNameFree(tx, actor.orgId, input.name, id);
    const { version: _version, ...fields } = input;
    const [row] = await tx
      .update(lostReasons)
      .set({ ...fields, version: sql`${lostReasons.version} + 1` })
      .where(and(eq(lostReasons.orgId, actor.orgId), eq(lostReasons.id, id)))
      .returning();
    if (!row) throw new Error('update returned no row');
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'update',
      entity: 'lost_reason',
      entityId: id,
      changes: diffFields(present(before), fields),
    });
    return present(row);
  });
}
