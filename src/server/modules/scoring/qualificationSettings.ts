import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { newId } from '../../db/ids';
import { customFieldDefs, qualificationSettings } from '../../db/schema';
import { versionConflict } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';

export type SettingKind = 'scoring' | 'grading' | 'churn';

export interface StoredSetting<T> {
  value: T;
  version: number;
  appliedVersion: number | null;
  updatedBy: string | null;
  updatedAt: string;
}

type Row = typeof qualificationSettings.$inferSelect;

const present = <T>(row: Row): StoredSetting<T> => ({
  value: row.value as T,
  version: row.version,
  appliedVersion: row.appliedVersion,
  updatedBy: row.updatedBy,
  updatedAt: row.updatedAt.toISOString(),
});

async function selectSetting(db: Db, orgId: string, kind: SettingKind): Promise<Row | undefined> {
  const [row] = await db
    .select()
    .from(qualificationSettings)
    .where(and(eq(qualificationSettings.orgId, orgId), eq(qualificationSettings.kind, kind)));
  return row;
}

/**
 * The org's setting of this kind; on first use the seed default is stored (and `onSeed`
 * runs once, in the same transaction), so later edits are never undone. Customers that
 * exist before the seed and were never scored are picked up by the grading job.
 */
export async function readSetting<T>(
  db: Db,
  orgId: string,
  kind: SettingKind,
  defaults: T,
  onSeed?: (tx: Db) => Promise<void>,
): Promise<StoredSetting<T>> {
  const existing = await selectSetting(db, orgId, kind);
  if (existing) return present<T>(existing);
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(qualificationSettings)
      .values({ orgId, id: newId(), kind, value: defaults, appliedVersion: 1 })
      .onConflictDoNothing()
      .returning({ id: qualificationSettings.id });
    if (inserted.length > 0 && onSeed) await onSeed(tx);
    const row = await selectSetting(tx, orgId, kind);
    if (!row) throw new Error(`qualification setting ${kind} missing after insert`);
    return present<T>(row);
  });
}

/** Replaces a setting when the caller saw the current version; logs the change. */
export async function writeSetting<T>(
  tx: Db,
  actor: { orgId: string; id: string; ip?: string | null },
  kind: SettingKind,
  expectedVersion: number,
  value: T,
  defaults: T,
): Promise<StoredSetting<T>> {
  const before = await readSetting(tx, actor.orgId, kind, defaults);
  const [row] = await tx
    .update(qualificationSettings)
    .set({
      value,
      version: sql`${qualificationSettings.version} + 1`,
      updatedBy: actor.id,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(qualificationSettings.orgId, actor.orgId),
        eq(qualificationSettings.kind, kind),
        eq(qualificationSettings.version, expectedVersion),
      ),
    )
    .returning();
  if (!row) throw versionConflict(before);
  await recordAudit(tx, {
    orgId: actor.orgId,
    userId: actor.id,
    ip: actor.ip,
    action: 'update',
    entity: `${kind}_rules`,
    entityId: row.id,
    changes: { from: before.value, to: value, version: row.version },
  });
  return present<T>(row);
}

/** Marks the version whose results every customer now carries (never moves backwards). */
export async function markApplied(
  db: Db,
  orgId: string,
  kind: SettingKind,
  version: number,
): Promise<void> {
  await db
    .update(qualificationSettings)
    .set({ appliedVersion: version })
    .where(
      and(
        eq(qualificationSettings.orgId, orgId),
        eq(qualificationSettings.kind, kind),
        sql`coalesce(${qualificationSettings.appliedVersion}, 0) < ${version}`,
      ),
    );
}

/** Adds customer custom fields the seed rules read, unless the org already has the key. */
export async function ensureCustomFields(
  tx: Db,
  orgId: string,
  fields: { key: string; label: string; type: 'boolean' | 'date' }[],
): Promise<void> {
  if (fields.length === 0) return;
  const [last] = await tx
    .select({ sort: sql<number>`coalesce(max(${customFieldDefs.sort}), 0)::int` })
    .from(customFieldDefs)
    .where(and(eq(customFieldDefs.orgId, orgId), eq(customFieldDefs.entity, 'customer')));
  const start = (last?.sort ?? 0) + 1;
  await tx
    .insert(customFieldDefs)
    .values(
      fields.map((field, index) => ({
        orgId,
        id: newId(),
        entity: 'customer',
        key: field.key,
        label: field.label,
        type: field.type,
        sort: start + index,
      })),
    )
    .onConflictDoNothing();
}
