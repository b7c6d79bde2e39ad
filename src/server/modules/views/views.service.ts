import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { newId } from '../../db/ids';
import { savedViews } from '../../db/schema';
import { AppError, notFound } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import type { CreateSavedViewRequest, SavedView } from './views.schema';

type Actor = { orgId: string; id: string; ip?: string | null };
type ViewRow = typeof savedViews.$inferSelect;

const present = (row: ViewRow): SavedView => ({
  id: row.id,
  entity: row.entity as SavedView['entity'],
  name: row.name,
  filters: row.filters as Record<string, string>,
  createdAt: row.createdAt.toISOString(),
});

/** Views are personal: each user sees and deletes only their own. */
const ownedBy = (actor: Actor) =>
  and(eq(savedViews.orgId, actor.orgId), eq(savedViews.userId, actor.id));

export async function findSavedViews(db: Db, actor: Actor, entity: string): Promise<SavedView[]> {
  const rows = await db
    .select()
    .from(savedViews)
    .where(and(ownedBy(actor), eq(savedViews.entity, entity)))
    .orderBy(asc(savedViews.name));
  return rows.map(present);
}

export async function createSavedView(
  db: Db,
  actor: Actor,
  input: CreateSavedViewRequest,
): Promise<SavedView> {
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: savedViews.id })
      .from(savedViews)
      .where(
        and(ownedBy(actor), eq(savedViews.entity, input.entity), eq(savedViews.name, input.name)),
      );
    if (taken) {
      throw new AppError('conflict', 'You already have a view with this name', [
        { field: 'name', message: 'is already used' },
      ]);
    }
    const [row] = await tx
      .insert(savedViews)
      .values({
        orgId: actor.orgId,
        id: newId(),
        userId: actor.id,
        entity: input.entity,
        name: input.name,
        filters: input.filters,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'saved_view',
      entityId: row.id,
      changes: { entity: row.entity, name: row.name, filters: input.filters },
    });
    return present(row);
  });
}

export async function deleteSavedView(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(savedViews)
      .where(and(ownedBy(actor), eq(savedViews.id, id)))
      .returning();
    if (!row) throw notFound('View');
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'delete',
      entity: 'saved_view',
      entityId: id,
      changes: { entity: row.entity, name: row.name },
    });
  });
}
