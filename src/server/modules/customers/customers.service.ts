import { and, eq, sql } from 'drizzle-orm';
import { duplicateKeys } from '../../../domain/customers/normalizeCustomerName';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { customers, users } from '../../db/schema';
import { isoTimestamp } from '../../db/timestamps';
import type { AuthContext } from '../../http/auth';
import {
  AppError,
  forbidden,
  notFound,
  validationFailed,
  versionConflict,
} from '../../http/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import { customerGradeSql } from '../grading/customerGradeSql';
import { checkNewCustomerOwner, recordNewCustomerOwner } from '../pool/newCustomers';
import { refreshCustomerScore } from '../scoring/scoring.service';
import { assertActiveSource } from '../settings/sourceChannels.service';
import {
  editableCustomers,
  limitForViewer,
  managedOwners,
  ownedCustomers,
  visibleCustomers,
} from './customers.access';
import type {
  CreateCustomerRequest,
  Customer,
  DuplicateMatch,
  UpdateCustomerRequest,
} from './customers.schema';
import { validateCustomValues } from './customFields.service';

export type Viewer = Pick<AuthContext, 'id' | 'orgId' | 'role' | 'teamId'>;
type Actor = Viewer & { ip?: string | null };

/** Columns every customer read selects, aliased c, with the owner's name from u. */
export const CUSTOMER_COLUMNS = sql`c.id, c.name, c.industry, c.headcount, c.province, c.city,
  c.address, c.country, c.website, c.phone, c.email, c.source, c.tags, c.owner_id, u.name as owner_name,
  c.team_id, ${customerGradeSql('c')} as grade, c.score, c.qualified, c.last_contact_at, c.next_follow_up_at, c.custom, c.archived_at,
  c.version, c.created_at, c.updated_at`;

export interface CustomerRow {
  id: string;
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
  owner_id: string | null;
  owner_name: string | null;
  team_id: string | null;
  grade: string | null;
  score: number | null;
  qualified: boolean | null;
  last_contact_at: Date | string | null;
  next_follow_up_at: Date | string | null;
  custom: Record<string, string | number | boolean | null>;
  archived_at: Date | string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (value: Date | string | null) => (value === null ? null : isoTimestamp(value));

/** With a viewer, a pool customer shows a rep only its limited fields (customers.access). */
export function presentCustomer(row: CustomerRow, viewer?: Viewer): Customer {
  const customer: Customer = {
    id: row.id,
    name: row.name,
    industry: row.industry,
    headcount: row.headcount,
    province: row.province,
    city: row.city,
    address: row.address,
    country: row.country,
    website: row.website,
    phone: row.phone,
    email: row.email,
    source: row.source,
    tags: row.tags ?? [],
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    teamId: row.team_id,
    inPool: row.owner_id === null,
    grade: row.grade,
    score: row.score,
    qualified: row.qualified ?? null,
    lastContactAt: iso(row.last_contact_at),
    nextFollowUpAt: iso(row.next_follow_up_at),
    custom: row.custom ?? {},
    archived: row.archived_at !== null,
    version: row.version,
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
  };
  return viewer ? limitForViewer(viewer, customer) : customer;
}

export async function getCustomer(db: Db, viewer: Viewer, id: string): Promise<Customer> {
  const [row] = await queryRows<CustomerRow>(
    db,
    sql`select ${CUSTOMER_COLUMNS} from customers c
      left join users u on u.org_id = c.org_id and u.id = c.owner_id
      where c.org_id = ${viewer.orgId} and c.id = ${id} and ${visibleCustomers(viewer)}`,
  );
  if (!row) throw notFound('Customer');
  return presentCustomer(row, viewer);
}

/** Customers of the org that share a normalised name, phone or company email domain. */
export async function findDuplicates(
  db: Db,
  orgId: string,
  fields: {
    name?: string | null;
    phone?: string | null;
    email?: string | null;
    website?: string | null;
  },
  excludeId?: string,
): Promise<DuplicateMatch[]> {
  const keys = duplicateKeys({
    name: fields.name ?? '',
    phone: fields.phone ?? null,
    email: fields.email ?? null,
    website: fields.website ?? null,
  });
  const nameKey = fields.name ? keys.nameKey : null;
  if (!nameKey && !keys.phoneKey && !keys.domainKey) return [];
  const rows = await queryRows<{
    id: string;
    name: string;
    owner_id: string | null;
    owner_name: string | null;
    by_name: boolean;
    by_phone: boolean;
    by_domain: boolean;
  }>(
    db,
    sql`select c.id, c.name, c.owner_id, u.name as owner_name,
        coalesce(c.name_key = ${nameKey}, false) as by_name,
        coalesce(c.phone_key = ${keys.phoneKey}, false) as by_phone,
        coalesce(c.domain_key = ${keys.domainKey}, false) as by_domain
      from customers c
      left join users u on u.org_id = c.org_id and u.id = c.owner_id
      where c.org_id = ${orgId} and c.archived_at is null
        and (c.name_key = ${nameKey} or c.phone_key = ${keys.phoneKey} or c.domain_key = ${keys.domainKey})
        ${excludeId ? sql`and c.id <> ${excludeId}` : sql``}
      order by c.created_at limit 5`,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    matchedOn: [
      ...(row.by_name ? (['name'] as const) : []),
      ...(row.by_phone ? (['phone'] as const) : []),
      ...(row.by_domain ? (['domain'] as const) : []),
    ],
  }));
}

function duplicateError(matches: DuplicateMatch[]): AppError {
  const first = matches[0];
  return new AppError(
    'duplicate_customer',
    `A similar customer already exists: ${first?.name}${first?.ownerName ? ` (owner ${first.ownerName})` : ' (in the pool)'}`,
    undefined,
    { matches },
  );
}

/** Who will own a new customer: a rep claims it; admins and managers may assign or leave it in the pool. */
async function resolveOwner(
  db: Db,
  actor: Actor,
  requested: string | null | undefined,
): Promise<{ ownerId: string | null; teamId: string | null }> {
  if (actor.role === 'rep') {
    if (requested && requested !== actor.id) {
      throw forbidden('A rep can only register customers for themselves');
    }
    return { ownerId: actor.id, teamId: actor.teamId };
  }
  if (!requested) return { ownerId: null, teamId: null };
  const [owner] = await db
    .select({ id: users.id, teamId: users.teamId, active: users.active })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, requested)));
  if (!owner?.active) {
    throw validationFailed([{ field: 'ownerId', message: 'no such active user' }]);
  }
  if (actor.role === 'manager' && requested !== actor.id) {
    const [inTeam] = await queryRows(
      db,
      sql`select 1 where ${requested}::uuid in ${managedOwners(actor)}`,
    );
    if (!inTeam) throw forbidden('A manager can only assign customers to their own team');
  }
  return { ownerId: owner.id, teamId: owner.teamId };
}

export async function createCustomer(
  db: Db,
  actor: Actor,
  input: CreateCustomerRequest,
  now: Date = new Date(),
): Promise<Customer> {
  return db.transaction(async (tx) => {
    const custom = await validateCustomValues(tx, actor.orgId, input.custom ?? {});
    await assertActiveSource(tx, actor.orgId, input.source);
    if (!input.confirmDuplicate) {
      const matches = await findDuplicates(tx, actor.orgId, input);
      if (matches.length > 0) throw duplicateError(matches);
    }
    const owner = await resolveOwner(tx, actor, input.ownerId);
    await checkNewCustomerOwner(tx, actor, owner.ownerId, input, now);
    const keys = duplicateKeys({
      name: input.name,
      phone: input.phone ?? null,
      email: input.email || null,
      website: input.website ?? null,
    });
    const id = newId();
    await tx.insert(customers).values({
      orgId: actor.orgId,
      id,
      name: input.name,
      nameKey: keys.nameKey,
      industry: input.industry ?? null,
      headcount: input.headcount ?? null,
      province: input.province ?? null,
      city: input.city ?? null,
      address: input.address ?? null,
      country: input.country ?? null,
      website: input.website ?? null,
      phone: input.phone ?? null,
      phoneKey: keys.phoneKey,
      email: input.email || null,
      domainKey: keys.domainKey,
      source: input.source ?? null,
      tags: input.tags ?? [],
      custom,
      ownerId: owner.ownerId,
      teamId: owner.teamId,
      createdBy: actor.id,
    });
    await recordNewCustomerOwner(tx, actor, id, owner.ownerId, now);
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'customer',
      entityId: id,
      changes: {
        name: input.name,
        ownerId: owner.ownerId,
        duplicateConfirmed: input.confirmDuplicate ?? false,
      },
    });
    await refreshCustomerScore(tx, actor.orgId, id);
    return getCustomer(tx, { ...actor, role: 'admin' }, id);
  });
}

export async function updateCustomer(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateCustomerRequest,
): Promise<Customer> {
  return db.transaction(async (tx) => {
    const [row] = await queryRows<CustomerRow>(
      tx,
      sql`select ${CUSTOMER_COLUMNS} from customers c
        left join users u on u.org_id = c.org_id and u.id = c.owner_id
        where c.org_id = ${actor.orgId} and c.id = ${id} and ${visibleCustomers(actor)}
        for update of c`,
    );
    if (!row) throw notFound('Customer');
    const before = presentCustomer(row);
    const [editable] = await queryRows(
      tx,
      sql`select 1 from customers c where c.org_id = ${actor.orgId} and c.id = ${id} and ${editableCustomers(actor)}`,
    );
    if (!editable) throw forbidden('Claim this customer before editing it');
    if (input.archived !== undefined && input.archived !== before.archived) {
      // A collaborator may work the customer but not take it out of everyone's lists.
      const [owned] = await queryRows(
        tx,
        sql`select 1 from customers c where c.org_id = ${actor.orgId} and c.id = ${id} and ${ownedCustomers(actor)}`,
      );
      if (!owned) throw forbidden('Only the owner or their manager may archive this customer');
    }
    if (before.version !== input.version) throw versionConflict(before);

    const { version: _version, archived, confirmDuplicate, ...fields } = input;
    if (fields.source !== before.source) await assertActiveSource(tx, actor.orgId, fields.source);
    const next = { ...before, ...definedOnly(fields) };
    const identityChanged =
      fields.name !== undefined ||
      fields.phone !== undefined ||
      fields.email !== undefined ||
      fields.website !== undefined;
    if (identityChanged && !confirmDuplicate) {
      const matches = await findDuplicates(tx, actor.orgId, next, id);
      if (matches.length > 0) throw duplicateError(matches);
    }
    const custom =
      fields.custom !== undefined
        ? await validateCustomValues(tx, actor.orgId, { ...before.custom, ...fields.custom })
        : undefined;
    const keys = duplicateKeys({
      name: next.name,
      phone: next.phone,
      email: next.email || null,
      website: next.website,
    });
    const archivedAt =
      archived === undefined
        ? undefined
        : archived
          ? row.archived_at
            ? undefined
            : new Date()
          : null;
    await tx
      .update(customers)
      .set({
        ...definedOnly(fields),
        email: fields.email === undefined ? undefined : fields.email || null,
        custom,
        nameKey: keys.nameKey,
        phoneKey: keys.phoneKey,
        domainKey: keys.domainKey,
        ...(archivedAt !== undefined ? { archivedAt } : {}),
        version: sql`${customers.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(customers.orgId, actor.orgId), eq(customers.id, id)));
    const changes: Record<string, unknown> = diffFields(before, { ...definedOnly(fields), custom });
    if (archived !== undefined && archived !== before.archived) {
      changes.archived = { from: before.archived, to: archived };
    }
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: archived === true && !before.archived ? 'archive' : 'update',
      entity: 'customer',
      entityId: id,
      changes,
    });
    await refreshCustomerScore(tx, actor.orgId, id);
    return getCustomer(tx, { ...actor, role: 'admin' }, id);
  });
}

function definedOnly<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
