import { and, eq, ne, sql } from 'drizzle-orm';
import { decisionChainWarnings, groupDecisionChain } from '../../../domain/customers/decisionChain';
import {
  birthdayKeysInWindow,
  upcomingBirthday,
} from '../../../domain/customers/upcomingBirthdays';
import type { ContactRole } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { contacts } from '../../db/schema';
import { notFound, versionConflict } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { diffFields, recordAudit } from '../audit/audit.service';
import { visibleCustomers } from '../customers/customers.access';
import { guardCustomer } from '../customers/customers.guard';
import type { Viewer } from '../customers/customers.service';
import type {
  Contact,
  ContactListQuery,
  CreateContactRequest,
  DecisionChain,
  UpdateContactRequest,
} from './contacts.schema';

type Actor = Viewer & { ip?: string | null };

const CONTACT_COLUMNS = sql`ct.id, ct.customer_id, ct.name, ct.title, ct.phone, ct.mobile,
  ct.email, ct.wechat, ct.whatsapp, ct.role, ct.decision_weight, ct.personal_style,
  ct.birthday::text as birthday, ct.interests, ct.notes, ct.is_primary, ct.archived_at,
  ct.version, ct.created_at, ct.updated_at`;

interface ContactRow {
  id: string;
  customer_id: string;
  name: string;
  title: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  whatsapp: string | null;
  role: ContactRole | null;
  decision_weight: number | null;
  personal_style: string | null;
  birthday: string | null;
  interests: string | null;
  notes: string | null;
  is_primary: boolean;
  archived_at: Date | string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

function presentContact(row: ContactRow): Contact {
  return {
    id: row.id,
    customerId: row.customer_id,
    name: row.name,
    title: row.title,
    phone: row.phone,
    mobile: row.mobile,
    email: row.email,
    wechat: row.wechat,
    whatsapp: row.whatsapp,
    role: row.role,
    decisionWeight: row.decision_weight,
    personalStyle: row.personal_style,
    birthday: row.birthday,
    interests: row.interests,
    notes: row.notes,
    isPrimary: row.is_primary,
    archived: row.archived_at !== null,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** A contact whose customer the viewer may see (404 otherwise); `forUpdate` locks it. */
async function contactRow(db: Db, viewer: Viewer, id: string, forUpdate = false) {
  const [row] = await queryRows<ContactRow>(
    db,
    sql`select ${CONTACT_COLUMNS} from contacts ct
      join customers c on c.org_id = ct.org_id and c.id = ct.customer_id
      where ct.org_id = ${viewer.orgId} and ct.id = ${id} and ${visibleCustomers(viewer)}
      ${forUpdate ? sql`for update of ct` : sql``}`,
  );
  if (!row) throw notFound('Contact');
  return row;
}

export async function getContact(db: Db, viewer: Viewer, id: string): Promise<Contact> {
  return presentContact(await contactRow(db, viewer, id));
}

/** Only one primary contact per customer: the others lose the mark, each with its own log line. */
async function clearOtherPrimaries(tx: Db, actor: Actor, customerId: string, keepId: string) {
  const cleared = await tx
    .update(contacts)
    .set({ isPrimary: false, version: sql`${contacts.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(contacts.orgId, actor.orgId),
        eq(contacts.customerId, customerId),
        eq(contacts.isPrimary, true),
        ne(contacts.id, keepId),
      ),
    )
    .returning({ id: contacts.id });
  for (const { id } of cleared) {
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'update',
      entity: 'contact',
      entityId: id,
      changes: { isPrimary: { from: true, to: false } },
    });
  }
}

export async function createContact(
  db: Db,
  actor: Actor,
  input: CreateContactRequest,
): Promise<Contact> {
  return db.transaction(async (tx) => {
    await guardCustomer(tx, actor, input.customerId, 'edit');
    const id = newId();
    const { customerId, ...fields } = input;
    await tx.insert(contacts).values({
      orgId: actor.orgId,
      id,
      customerId,
      ...fields,
      email: fields.email || null,
      isPrimary: fields.isPrimary ?? false,
    });
    if (fields.isPrimary) await clearOtherPrimaries(tx, actor, customerId, id);
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'contact',
      entityId: id,
      changes: { customerId, name: fields.name, role: fields.role ?? null },
    });
    return getContact(tx, { ...actor, role: 'admin' }, id);
  });
}

export async function updateContact(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateContactRequest,
): Promise<Contact> {
  return db.transaction(async (tx) => {
    // Customer first, then the contact: the same lock order as creating one.
    const { customer_id: customerId } = await contactRow(tx, actor, id);
    await guardCustomer(tx, actor, customerId, 'edit');
    const row = await contactRow(tx, actor, id, true);
    const before = presentContact(row);
    if (before.version !== input.version) throw versionConflict(before);
    const { version: _version, archived, ...fields } = input;
    const archivedAt =
      archived === undefined || archived === before.archived
        ? undefined
        : archived
          ? new Date()
          : null;
    await tx
      .update(contacts)
      .set({
        ...fields,
        email: fields.email === undefined ? undefined : fields.email || null,
        ...(archivedAt !== undefined ? { archivedAt } : {}),
        version: sql`${contacts.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(contacts.orgId, actor.orgId), eq(contacts.id, id)));
    if (fields.isPrimary) await clearOtherPrimaries(tx, actor, row.customer_id, id);
    const changes: Record<string, unknown> = diffFields(before, {
      ...fields,
      email: fields.email === '' ? null : fields.email,
    });
    if (archivedAt !== undefined) changes.archived = { from: before.archived, to: archived };
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: archivedAt instanceof Date ? 'archive' : 'update',
      entity: 'contact',
      entityId: id,
      changes,
    });
    return getContact(tx, { ...actor, role: 'admin' }, id);
  });
}

/** A customer's contacts: the primary first, then in the order they were added (ids are time-ordered). */
export async function findContacts(
  db: Db,
  viewer: Viewer,
  customerId: string,
  query: ContactListQuery,
) {
  await guardCustomer(db, viewer, customerId, 'see');
  const where = [sql`ct.org_id = ${viewer.orgId}`, sql`ct.customer_id = ${customerId}`];
  if (query.archived === 'false') where.push(sql`ct.archived_at is null`);
  if (query.archived === 'true') where.push(sql`ct.archived_at is not null`);
  if (query.cursor) {
    const [notPrimary, id] = decodeCursor(query.cursor, 2) as [boolean, string];
    where.push(sql`(not ct.is_primary, ct.id) > (${notPrimary}::boolean, ${id}::uuid)`);
  }
  const rows = await queryRows<ContactRow>(
    db,
    sql`select ${CONTACT_COLUMNS} from contacts ct
      where ${sql.join(where, sql` and `)}
      order by not ct.is_primary, ct.id limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentContact),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([!last.is_primary, last.id]) : null,
  };
}

export async function getDecisionChain(
  db: Db,
  viewer: Viewer,
  customerId: string,
): Promise<DecisionChain> {
  await guardCustomer(db, viewer, customerId, 'see');
  const rows = await queryRows<ContactRow>(
    db,
    sql`select ${CONTACT_COLUMNS} from contacts ct
      where ct.org_id = ${viewer.orgId} and ct.customer_id = ${customerId} and ct.archived_at is null
      order by ct.id`,
  );
  const members = rows.map((row) => {
    const { id, name, title, role, decisionWeight, personalStyle, isPrimary } = presentContact(row);
    return { id, name, title, role, decisionWeight, personalStyle, isPrimary };
  });
  return { customerId, ...groupDecisionChain(members), warnings: decisionChainWarnings(members) };
}

/** Birthdays within `days` days from `today` of the contacts of customers `ownerId` owns. */
export async function findUpcomingBirthdays(
  db: Db,
  orgId: string,
  ownerId: string,
  today: string,
  days: number,
) {
  const keys = birthdayKeysInWindow(today, days);
  const rows = await queryRows<{
    contact_id: string;
    contact_name: string;
    customer_id: string;
    customer_name: string;
    birthday: string;
  }>(
    db,
    // The owner's customers first, then each one's contacts (lateral): guessing few birthdays
    // in the window, the planner otherwise read every contact of the org (300,000 at 100k).
    sql`select ct.id as contact_id, ct.name as contact_name, c.id as customer_id,
        c.name as customer_name, ct.birthday::text as birthday
      from customers c
      cross join lateral (select ct.id, ct.name, ct.birthday from contacts ct
        where ct.org_id = c.org_id and ct.customer_id = c.id
          and ct.archived_at is null and ct.birthday is not null
          and to_char(ct.birthday, 'MM-DD') in ${keys}
        offset 0) ct
      where c.org_id = ${orgId} and c.owner_id = ${ownerId} and c.archived_at is null`,
  );
  return rows
    .flatMap((row) => {
      const upcoming = upcomingBirthday(row.birthday, today, days);
      return upcoming
        ? [
            {
              contactId: row.contact_id,
              contactName: row.contact_name,
              customerId: row.customer_id,
              customerName: row.customer_name,
              birthday: row.birthday,
              ...upcoming,
            },
          ]
        : [];
    })
    .sort((a, b) => a.daysAway - b.daysAway || a.contactName.localeCompare(b.contactName));
}
