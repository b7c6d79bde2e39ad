// Customers written many at a time, for imports: the same columns, keys and audit
// entries as createCustomer and updateCustomer, in a few statements per batch.
import { and, eq, sql } from 'drizzle-orm';
import { duplicateKeys } from '../../../domain/customers/normalizeCustomerName';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { customers } from '../../db/schema';
import { diffFields } from '../audit/audit.service';
import { editableCustomers, visibleCustomers } from './customers.access';
import type { Viewer } from './customers.service';

export interface CustomerDraft {
  name: string;
  industry: string | null;
  headcount: number | null;
  province: string | null;
  city: string | null;
  address: string | null;
  country: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  source: string | null;
  tags: string[];
}

export interface NewCustomer extends CustomerDraft {
  id: string;
  ownerId: string | null;
  teamId: string | null;
}

export interface ContactDraft {
  customerId: string;
  name: string;
  title: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  isPrimary: boolean;
}

interface BulkActor {
  orgId: string;
  userId: string;
}

/** The duplicate keys createCustomer stores, computed the same way. */
export function customerKeys(draft: Pick<CustomerDraft, 'name' | 'phone' | 'email' | 'website'>) {
  return duplicateKeys({
    name: draft.name,
    phone: draft.phone ?? null,
    email: draft.email || null,
    website: draft.website ?? null,
  });
}

// Rows go in as one array per column through unnest(): a handful of parameters
// instead of one per cell, which keeps a 1,000-row batch cheap to send and plan.

interface AuditRow {
  action: 'create' | 'update';
  entity: 'customer' | 'contact';
  entityId: string;
  changes: Record<string, unknown>;
}

async function insertAuditRows(tx: Db, actor: BulkActor, rows: readonly AuditRow[]) {
  if (rows.length === 0) return;
  await tx.execute(
    sql`insert into audit_log (org_id, id, user_id, action, entity, entity_id, changes)
      select ${actor.orgId}::uuid, v.id, ${actor.userId}::uuid, v.action, v.entity, v.entity_id, v.changes
      from unnest(${sql.param(rows.map(() => newId()))}::uuid[],
        ${sql.param(rows.map((row) => row.action))}::text[],
        ${sql.param(rows.map((row) => row.entity))}::text[],
        ${sql.param(rows.map((row) => row.entityId))}::text[],
        ${sql.param(rows.map((row) => JSON.stringify(row.changes)))}::jsonb[])
        as v(id, action, entity, entity_id, changes)`,
  );
}

/** Inserts new customers with one audit entry each; `context` goes into every entry. */
export async function insertCustomers(
  tx: Db,
  actor: BulkActor,
  rows: readonly NewCustomer[],
  context: Record<string, unknown>,
): Promise<void> {
  if (rows.length === 0) return;
  const keys = rows.map((row) => customerKeys(row));
  const column = <T>(pick: (row: NewCustomer) => T) => sql.param(rows.map(pick));
  await tx.execute(
    sql`insert into customers (org_id, id, name, name_key, industry, headcount, province, city,
        address, country, website, phone, phone_key, email, domain_key, source, tags, owner_id,
        team_id, created_by)
      select ${actor.orgId}::uuid, v.id, v.name, v.name_key, v.industry, v.headcount, v.province,
        v.city, v.address, v.country, v.website, v.phone, v.phone_key, v.email, v.domain_key,
        v.source, array(select jsonb_array_elements_text(v.tags)), v.owner_id, v.team_id,
        ${actor.userId}::uuid
      from unnest(${column((row) => row.id)}::uuid[], ${column((row) => row.name)}::text[],
        ${sql.param(keys.map((key) => key.nameKey))}::text[],
        ${column((row) => row.industry)}::text[], ${column((row) => row.headcount)}::int[],
        ${column((row) => row.province)}::text[], ${column((row) => row.city)}::text[],
        ${column((row) => row.address)}::text[], ${column((row) => row.country)}::text[],
        ${column((row) => row.website)}::text[], ${column((row) => row.phone)}::text[],
        ${sql.param(keys.map((key) => key.phoneKey))}::text[],
        ${column((row) => row.email || null)}::text[],
        ${sql.param(keys.map((key) => key.domainKey))}::text[],
        ${column((row) => row.source)}::text[],
        ${column((row) => JSON.stringify(row.tags))}::jsonb[],
        ${column((row) => row.ownerId)}::uuid[], ${column((row) => row.teamId)}::uuid[])
        as v(id, name, name_key, industry, headcount, province, city, address, country, website,
          phone, phone_key, email, domain_key, source, tags, owner_id, team_id)`,
  );
  await insertAuditRows(
    tx,
    actor,
    rows.map((row) => ({
      action: 'create',
      entity: 'customer',
      entityId: row.id,
      changes: { name: row.name, ownerId: row.ownerId, ...context },
    })),
  );
}

export interface CustomerUpdate {
  id: string;
  before: CustomerDraft;
  after: CustomerDraft;
}

/** Applies imported values to existing customers: version + 1 and an audit entry each. */
export async function updateCustomers(
  tx: Db,
  actor: BulkActor,
  updates: readonly CustomerUpdate[],
  context: Record<string, unknown>,
  now: Date,
): Promise<void> {
  for (const { id, after } of updates) {
    const keys = customerKeys(after);
    await tx
      .update(customers)
      .set({
        ...after,
        email: after.email || null,
        nameKey: keys.nameKey,
        phoneKey: keys.phoneKey,
        domainKey: keys.domainKey,
        version: sql`${customers.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(customers.orgId, actor.orgId), eq(customers.id, id)));
  }
  await insertAuditRows(
    tx,
    actor,
    updates.map(({ id, before, after }) => ({
      action: 'update',
      entity: 'customer',
      entityId: id,
      changes: { ...diffFields({ ...before }, { ...after }), ...context },
    })),
  );
}

/** Inserts contacts with one audit entry each, as createContact records them. */
export async function insertContacts(
  tx: Db,
  actor: BulkActor,
  rows: readonly ContactDraft[],
): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map(() => newId());
  const column = <T>(pick: (row: ContactDraft) => T) => sql.param(rows.map(pick));
  await tx.execute(
    sql`insert into contacts (org_id, id, customer_id, name, title, mobile, email, wechat, is_primary)
      select ${actor.orgId}::uuid, v.id, v.customer_id, v.name, v.title, v.mobile, v.email,
        v.wechat, v.is_primary
      from unnest(${sql.param(ids)}::uuid[], ${column((row) => row.customerId)}::uuid[],
        ${column((row) => row.name)}::text[], ${column((row) => row.title)}::text[],
        ${column((row) => row.mobile)}::text[], ${column((row) => row.email || null)}::text[],
        ${column((row) => row.wechat)}::text[], ${column((row) => row.isPrimary)}::boolean[])
        as v(id, customer_id, name, title, mobile, email, wechat, is_primary)`,
  );
  await insertAuditRows(
    tx,
    actor,
    rows.map((row, i) => ({
      action: 'create',
      entity: 'contact',
      entityId: ids[i] as string,
      changes: { customerId: row.customerId, name: row.name, role: null },
    })),
  );
}

export interface MatchedCustomer extends CustomerDraft {
  id: string;
  nameKey: string;
  phoneKey: string | null;
  domainKey: string | null;
  ownerId: string | null;
  /** The viewer may see it (sales lines may be attached to it). */
  visible: boolean;
  /** The viewer may change it (an import may update it). */
  editable: boolean;
}

/**
 * Active customers of the org sharing a name, phone or domain key with the given ones,
 * oldest first, with whether the viewer may see and change each.
 */
export async function findCustomersByKeys(
  tx: Db,
  viewer: Viewer,
  keys: { nameKeys: string[]; phoneKeys?: string[]; domainKeys?: string[] },
): Promise<MatchedCustomer[]> {
  if (keys.nameKeys.length + (keys.phoneKeys?.length ?? 0) + (keys.domainKeys?.length ?? 0) === 0) {
    return [];
  }
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select c.id, c.name, c.name_key, c.phone_key, c.domain_key, c.owner_id, c.industry,
        c.headcount, c.province, c.city, c.address, c.country, c.website, c.phone, c.email,
        c.source, c.tags,
        (${visibleCustomers(viewer)}) as visible, (${editableCustomers(viewer)}) as editable
      from customers c
      where c.org_id = ${viewer.orgId} and c.archived_at is null
        and (c.name_key = any(${sql.param(keys.nameKeys)}::text[])
          or c.phone_key = any(${sql.param(keys.phoneKeys ?? [])}::text[])
          or c.domain_key = any(${sql.param(keys.domainKeys ?? [])}::text[]))
      order by c.created_at, c.id`,
  );
  return rows.map((row) => ({
    id: row.id as string,
    name: row.name as string,
    nameKey: row.name_key as string,
    phoneKey: (row.phone_key as string | null) ?? null,
    domainKey: (row.domain_key as string | null) ?? null,
    ownerId: (row.owner_id as string | null) ?? null,
    industry: (row.industry as string | null) ?? null,
    headcount: (row.headcount as number | null) ?? null,
    province: (row.province as string | null) ?? null,
    city: (row.city as string | null) ?? null,
    address: (row.address as string | null) ?? null,
    country: (row.country as string | null) ?? null,
    website: (row.website as string | null) ?? null,
    phone: (row.phone as string | null) ?? null,
    email: (row.email as string | null) ?? null,
    source: (row.source as string | null) ?? null,
    tags: (row.tags as string[] | null) ?? [],
    visible: row.visible === true,
    editable: row.editable === true,
  }));
}

/** Lower-cased names of the active contacts of these customers, by customer. */
export async function contactNamesOf(
  tx: Db,
  orgId: string,
  customerIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const names = new Map<string, Set<string>>();
  if (customerIds.length === 0) return names;
  const rows = await queryRows<{ customer_id: string; name: string }>(
    tx,
    sql`select customer_id, lower(name) as name from contacts
      where org_id = ${orgId} and archived_at is null
        and customer_id = any(${sql.param([...customerIds])}::uuid[])`,
  );
  for (const row of rows) {
    const set = names.get(row.customer_id) ?? new Set<string>();
    set.add(row.name);
    names.set(row.customer_id, set);
  }
  return names;
}
