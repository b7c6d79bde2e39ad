import { and, asc, eq, sql } from 'drizzle-orm';
import { DEFAULT_SOURCE_CHANNELS } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { sourceChannels } from '../../db/schema';
import { AppError, notFound, validationFailed, versionConflict } from '../../http/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import type { SourceChannel, UpdateSourceChannelRequest } from './settings.schema';

type Actor = { orgId: string; id: string; ip?: string | null };
type ChannelRow = typeof sourceChannels.$inferSelect;

const present = (row: ChannelRow): SourceChannel => ({
  id: row.id,
  name: row.name,
  sort: row.sort,
  active: row.active,
  version: row.version,
});

/** Seeds the seeds' channels in zh-CN (the org's data language), once: an org with channels keeps its own list. */
export async function seedDefaultSourceChannels(tx: Db, orgId: string): Promise<void> {
  const [existing] = await tx
    .select({ id: sourceChannels.id })
    .from(sourceChannels)
    .where(eq(sourceChannels.orgId, orgId))
    .limit(1);
  if (existing) return;
  await tx.insert(sourceChannels).values(
    DEFAULT_SOURCE_CHANNELS.map((channel, index) => ({
      orgId,
      id: newId(),
      name: channel['zh-CN'],
      sort: (index + 1) * 10,
    })),
  );
}

/** A customer's source must be one of the org's active channels (empty clears it). */
export async function assertActiveSource(db: Db, orgId: string, source: string | null | undefined) {
  if (!source) return;
  const [found] = await db
    .select({ id: sourceChannels.id })
    .from(sourceChannels)
    .where(
      and(
        eq(sourceChannels.orgId, orgId),
        eq(sourceChannels.name, source),
        eq(sourceChannels.active, true),
      ),
    );
  if (!found) {
    throw validationFailed([{ field: 'source', message: 'is not an active source channel' }]);
  }
}

export async function findSourceChannels(
  db: Db,
  orgId: string,
  onlyActive: boolean,
): Promise<SourceChannel[]> {
  const rows = await db
    .select()
    .from(sourceChannels)
    .where(
      and(
        eq(sourceChannels.orgId, orgId),
        onlyActive ? eq(sourceChannels.active, true) : undefined,
      ),
    )
    .orderBy(asc(sourceChannels.sort), asc(sourceChannels.name));
  return rows.map(present);
}

async function assertNameFree(tx: Db, orgId: string, name: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: sourceChannels.id })
    .from(sourceChannels)
    .where(and(eq(sourceChannels.orgId, orgId), eq(sourceChannels.name, name)));
  if (taken && taken.id !== exceptId) {
    throw new AppError('conflict', 'A source channel with this name already exists', [
      { field: 'name', message: 'is already used' },
    ]);
  }
}

export async function createSourceChannel(
  db: Db,
  actor: Actor,
  name: string,
): Promise<SourceChannel> {
  return db.transaction(async (tx) => {
    await assertNameFree(tx, actor.orgId, name);
    const [last] = await tx
      .select({ sort: sql<number>`coalesce(max(${sourceChannels.sort}), 0)::int` })
      .from(sourceChannels)
      .where(eq(sourceChannels.orgId, actor.orgId));
    const [row] = await tx
      .insert(sourceChannels)
      .values({ orgId: actor.orgId, id: newId(), name, sort: (last?.sort ?? 0) + 10 })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'source_channel',
      entityId: row.id,
      changes: { name },
    });
    return present(row);
  });
}

export async function updateSourceChannel(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateSourceChannelRequest,
): Promise<SourceChannel> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(sourceChannels)
      .where(and(eq(sourceChannels.orgId, actor.orgId), eq(sourceChannels.id, id)))
      .for('update');
    if (!before) throw notFound('Source channel');
    if (before.version !== input.version) throw versionConflict(present(before));
    const { version: _version, ...fields } = input;
    if (fields.name && fields.name !== before.name) {
      await assertNameFree(tx, actor.orgId, fields.name, id);
    }
    const [row] = await tx
      .update(sourceChannels)
      .set({ ...fields, version: sql`${sourceChannels.version} + 1` })
      .where(and(eq(sourceChannels.orgId, actor.orgId), eq(sourceChannels.id, id)))
      .returning();
    if (!row) throw notFound('Source channel');
    const changes: Record<string, unknown> = diffFields(present(before), fields);
    if (fields.name && fields.name !== before.name) {
      // customers.source holds the channel's name, so a rename carries over to them, each
      // with its own audit line (their timelines show it) in the same statement.
      const [renamed] = await queryRows<{ count: number }>(
        tx,
        sql`with renamed as (
            update customers set source = ${fields.name}, version = version + 1, updated_at = now()
            where org_id = ${actor.orgId} and source = ${before.name} returning id),
          logged as (
            insert into audit_log (org_id, id, user_id, action, entity, entity_id, changes, ip)
            select ${actor.orgId}, gen_random_uuid(), ${actor.id}, 'update', 'customer', r.id::text,
              ${JSON.stringify({ source: { from: before.name, to: fields.name } })}::jsonb, ${actor.ip ?? null}
            from renamed r returning 1)
          select count(*)::int as count from logged`,
      );
      changes.customersRenamed = renamed?.count ?? 0;
    }
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'update',
      entity: 'source_channel',
      entityId: id,
      changes,
    });
    return present(row);
  });
}

/** Puts the channels in the given order; the list must name every channel of the org once. */
export async function reorderSourceChannels(
  db: Db,
  actor: Actor,
  ids: string[],
): Promise<SourceChannel[]> {
  return db.transaction(async (tx) => {
    const current = await tx
      .select({ id: sourceChannels.id })
      .from(sourceChannels)
      .where(eq(sourceChannels.orgId, actor.orgId))
      .for('update');
    const known = new Set(current.map((row) => row.id));
    if (
      new Set(ids).size !== ids.length ||
      ids.length !== known.size ||
      ids.some((id) => !known.has(id))
    ) {
      throw validationFailed([
        { field: 'ids', message: 'must list every source channel of the organisation once' },
      ]);
    }
    for (const [index, id] of ids.entries()) {
      await tx
        .update(sourceChannels)
        .set({ sort: (index + 1) * 10, version: sql`${sourceChannels.version} + 1` })
        .where(and(eq(sourceChannels.orgId, actor.orgId), eq(sourceChannels.id, id)));
    }
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'reorder',
      entity: 'source_channel',
      changes: { order: ids },
    });
    return findSourceChannels(tx, actor.orgId, false);
  });
}
