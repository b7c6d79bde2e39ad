import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { newId } from '../../db/ids';
import { customFieldDefs } from '../../db/schema';
import { AppError, notFound, validationFailed, versionConflict } from '../../http/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import type {
  CreateCustomFieldDefRequest,
  CustomFieldDef,
  UpdateCustomFieldDefRequest,
} from './settings.schema';

type Actor = { orgId: string; id: string; ip?: string | null };
type DefRow = typeof customFieldDefs.$inferSelect;

const present = (row: DefRow): CustomFieldDef => ({
  id: row.id,
  key: row.key,
  label: row.label,
  type: row.type,
  options: row.options,
  sort: row.sort,
  active: row.active,
  version: row.version,
});

const ofCustomers = (orgId: string) =>
  and(eq(customFieldDefs.orgId, orgId), eq(customFieldDefs.entity, 'customer'));

export async function findCustomFieldDefinitions(
  db: Db,
  orgId: string,
  onlyActive: boolean,
): Promise<CustomFieldDef[]> {
  const rows = await db
    .select()
    .from(customFieldDefs)
    .where(and(ofCustomers(orgId), onlyActive ? eq(customFieldDefs.active, true) : undefined))
    .orderBy(asc(customFieldDefs.sort), asc(customFieldDefs.key));
  return rows.map(present);
}

export async function createCustomFieldDef(
  db: Db,
  actor: Actor,
  input: CreateCustomFieldDefRequest,
): Promise<CustomFieldDef> {
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: customFieldDefs.id })
      .from(customFieldDefs)
      .where(and(ofCustomers(actor.orgId), eq(customFieldDefs.key, input.key)));
    if (taken) {
      throw new AppError('conflict', 'A custom field with this key already exists', [
        { field: 'key', message: 'is already used' },
      ]);
    }
    const [last] = await tx
      .select({ sort: sql<number>`coalesce(max(${customFieldDefs.sort}), 0)::int` })
      .from(customFieldDefs)
      .where(ofCustomers(actor.orgId));
    const [row] = await tx
      .insert(customFieldDefs)
      .values({
        orgId: actor.orgId,
        id: newId(),
        entity: 'customer',
        key: input.key,
        label: input.label,
        type: input.type,
        options: input.type === 'select' ? (input.options ?? []) : [],
        sort: input.sort ?? (last?.sort ?? 0) + 10,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'custom_field_def',
      entityId: row.id,
      changes: { key: row.key, label: row.label, type: row.type, options: row.options },
    });
    return present(row);
  });
}

export async function updateCustomFieldDef(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateCustomFieldDefRequest,
): Promise<CustomFieldDef> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(customFieldDefs)
      .where(and(ofCustomers(actor.orgId), eq(customFieldDefs.id, id)));
    if (!before) throw notFound('Custom field');
    const { version, ...fields } = input;
    if (fields.options !== undefined && before.type !== 'select') {
      throw validationFailed([{ field: 'options', message: 'only a select field has options' }]);
    }
    if (fields.options !== undefined && fields.options.length === 0) {
      throw validationFailed([{ field: 'options', message: 'a select field needs options' }]);
    }
    const [row] = await tx
      .update(customFieldDefs)
      .set({ ...fields, version: sql`${customFieldDefs.version} + 1` })
      .where(
        and(
          ofCustomers(actor.orgId),
          eq(customFieldDefs.id, id),
          eq(customFieldDefs.version, version),
        ),
      )
      .returning();
    if (!row) throw versionConflict(present(before));
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'update',
      entity: 'custom_field_def',
      entityId: id,
      changes: diffFields(present(before), fields),
    });
    return present(row);
  });
}
