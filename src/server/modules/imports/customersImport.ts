// Customer list rows → customers and their first contact. A row that matches an
// existing customer (or an earlier row) by normalised name, phone or company domain
// is skipped, merged into it, or created anyway, as the user chose.
import { and, eq, sql } from 'drizzle-orm';
import { type CustomerRecord, readCustomerRow } from '../../../domain/imports/customerRecord';
import type { CustomerField } from '../../../domain/imports/headerMapping';
import { isSkippableRow } from '../../../domain/imports/headerMapping';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { sourceChannels } from '../../db/schema';
import { managedOwners } from '../customers/customers.access';
import {
  type ContactDraft,
  type CustomerDraft,
  type CustomerUpdate,
  contactNamesOf,
  customerKeys,
  findCustomersByKeys,
  insertContacts,
  insertCustomers,
  type MatchedCustomer,
  type NewCustomer,
  updateCustomers,
} from '../customers/customers.bulk';
import {
  customerStatistics,
  type JobState,
  type Prepared,
  type ProcessorInput,
  type RowProcessor,
} from './importJob';
import type { DuplicateMode } from './imports.schema';
import { scoreNewCustomers } from './salesImport';
import { pickCells } from './table';
import { loadUserDirectory } from './userDirectory';

interface CustomerItem {
  record: CustomerRecord;
  keys: ReturnType<typeof customerKeys>;
}

interface Pending extends NewCustomer {
  row: number;
  contacts: CustomerRecord['contact'][];
}

const MAX_DUPLICATE_ROWS = 200;
// The same lock as sales imports: both create customers.
const CREATE_LOCK = 7_214_101;

function draftOf(record: CustomerRecord | MatchedCustomer): CustomerDraft {
  return {
    name: record.name,
    industry: record.industry,
    headcount: record.headcount,
    province: record.province,
    city: record.city,
    address: record.address,
    country: record.country,
    website: record.website,
    phone: record.phone,
    email: record.email,
    source: record.source,
    tags: record.tags,
  };
}

/**
 * Non-empty imported values over the stored ones; tags are added, not replaced. The
 * name stays: the row matched it, perhaps spelled differently ('XX有限公司' / 'XX').
 */
function merged(before: CustomerDraft, record: CustomerRecord): CustomerDraft {
  const next = { ...before };
  for (const [field, value] of Object.entries(draftOf(record)) as [
    keyof CustomerDraft,
    unknown,
  ][]) {
    if (field === 'tags') next.tags = [...new Set([...before.tags, ...record.tags])];
    else if (field !== 'name' && value !== null) (next as Record<string, unknown>)[field] = value;
  }
  return next;
}

export async function customersProcessor(
  input: ProcessorInput,
): Promise<RowProcessor<CustomerItem>> {
  const { ctx, job, viewer, columns, mapping } = input;
  const db = ctx.database.db;
  const mode = ((job.options as { onDuplicate?: DuplicateMode }).onDuplicate ??
    'skip') as DuplicateMode;
  const directory = await loadUserDirectory(db, job.orgId);
  const activeSources = new Set(
    (
      await db
        .select({ name: sourceChannels.name })
        .from(sourceChannels)
        .where(and(eq(sourceChannels.orgId, job.orgId), eq(sourceChannels.active, true)))
    ).map((row) => row.name),
  );
  const managed =
    viewer.role === 'manager'
      ? new Set(
          (
            await queryRows<{ id: string }>(db, sql`select m.id from ${managedOwners(viewer)} m`)
          ).map((row) => row.id),
        )
      : null;
  const columnNames = mapping as Partial<Record<CustomerField, string>>;
  const actor = { orgId: job.orgId, userId: viewer.id };
  const statistics = customerStatistics();
  const context = { importId: job.id };

  /** Who owns a new customer, or why the row cannot say. */
  function ownerOf(
    record: CustomerRecord,
  ): { ownerId: string | null; teamId: string | null } | string {
    const label = columnNames.owner ?? 'owner';
    if (record.owner === null) {
      return viewer.role === 'rep'
        ? { ownerId: viewer.id, teamId: viewer.teamId }
        : { ownerId: null, teamId: null };
    }
    const match = directory.find(record.owner);
    if (match === 'unknown')
      return `${label} '${record.owner}': no active user by that name or email`;
    if (match === 'ambiguous')
      return `${label} '${record.owner}': several users have that name; use the email`;
    if (viewer.role === 'rep' && match.id !== viewer.id) {
      return `${label} '${record.owner}': a rep can only import customers for themselves`;
    }
    if (managed && match.id !== viewer.id && !managed.has(match.id)) {
      return `${label} '${record.owner}': a manager can only assign customers to their own team`;
    }
    return { ownerId: match.id, teamId: match.teamId };
  }

  return {
    prepare(rows) {
      return rows.map((row): Prepared<CustomerItem> => {
        const skip = isSkippableRow(row.cells);
        if (skip) return { row, skip };
        const read = readCustomerRow(pickCells(row.cells, columns), columnNames);
        if (!read.ok) return { row, problem: read.problems.map((p) => p.message).join('; ') };
        const { record } = read;
        if (record.source !== null && !activeSources.has(record.source)) {
          return {
            row,
            problem: `${columnNames.source ?? 'source'} '${record.source}': not an active source channel`,
          };
        }
        return { row, item: { record, keys: customerKeys(record) } };
      });
    },

    async apply(tx, items, state) {
      if (items.length === 0) return;
      await tx.execute(sql`select pg_advisory_xact_lock(${CREATE_LOCK}, hashtext(${job.orgId}))`);
      const found = await findExisting(tx, items);
      const pending: Pending[] = [];
      const pendingByKey = new Map<string, Pending>();
      const updates = new Map<string, CustomerUpdate & { contacts: CustomerRecord['contact'][] }>();

      for (const entry of items) {
        const { record, keys } = entry.item as CustomerItem;
        const keyList = [
          `n:${keys.nameKey}`,
          keys.phoneKey && `p:${keys.phoneKey}`,
          keys.domainKey && `d:${keys.domainKey}`,
        ].filter((key): key is string => Boolean(key));
        if (mode !== 'create') {
          const existing = keyList.map((key) => found.get(key)).find(Boolean);
          const earlier = keyList.map((key) => pendingByKey.get(key)).find(Boolean);
          if (existing || earlier) {
            if (mode === 'skip') {
              skipDuplicate(
                state,
                entry.row.number,
                existing?.id ?? earlier?.id ?? null,
                existing?.name ?? earlier?.name ?? '',
              );
            } else if (earlier) {
              Object.assign(earlier, merged(earlier, record));
              earlier.contacts.push(record.contact);
              state.imported += 1;
            } else if (existing && !existing.editable) {
              state.fail(
                entry.row.number,
                `matches customer '${existing.name}', which you may not change`,
              );
            } else if (existing) {
              const update = updates.get(existing.id) ?? {
                id: existing.id,
                before: draftOf(existing),
                after: draftOf(existing),
                contacts: [],
              };
              update.after = merged(update.after, record);
              update.contacts.push(record.contact);
              updates.set(existing.id, update);
              state.imported += 1;
            }
            continue;
          }
        }
        const owner = ownerOf(record);
        if (typeof owner === 'string') {
          state.fail(entry.row.number, owner);
          continue;
        }
        const created: Pending = {
          ...draftOf(record),
          ...owner,
          id: newId(),
          row: entry.row.number,
          contacts: [record.contact],
        };
        pending.push(created);
        for (const key of keyList) if (!pendingByKey.has(key)) pendingByKey.set(key, created);
        state.imported += 1;
      }

      await insertCustomers(tx, actor, pending, context);
      await statistics(tx, pending.length);
      state.count('createdCustomers', pending.length);
      await updateCustomers(tx, actor, [...updates.values()], context, ctx.clock.now());
      state.count('updatedCustomers', updates.size);
      const contacts = await contactsToAdd(tx, pending, [...updates.values()]);
      await insertContacts(tx, actor, contacts);
      state.count('createdContacts', contacts.length);
    },

    async finish() {
      await scoreNewCustomers(ctx, job.orgId);
    },
  };

  /** Existing customers by 'n:'/'p:'/'d:' key; the oldest wins, name before phone before domain. */
  async function findExisting(tx: Db, items: readonly Prepared<CustomerItem>[]) {
    const keys = items.map((entry) => (entry.item as CustomerItem).keys);
    const matches = await findCustomersByKeys(tx, viewer, {
      nameKeys: [...new Set(keys.map((k) => k.nameKey).filter(Boolean))],
      phoneKeys: [...new Set(keys.flatMap((k) => (k.phoneKey ? [k.phoneKey] : [])))],
      domainKeys: [...new Set(keys.flatMap((k) => (k.domainKey ? [k.domainKey] : [])))],
    });
    const byKey = new Map<string, MatchedCustomer>();
    for (const match of matches) {
      for (const key of [`n:${match.nameKey}`, `p:${match.phoneKey}`, `d:${match.domainKey}`]) {
        if (!byKey.has(key)) byKey.set(key, match);
      }
    }
    return byKey;
  }

  function skipDuplicate(state: JobState, row: number, customerId: string | null, name: string) {
    state.skipped += 1;
    state.count('duplicates');
    const list = state.summary.duplicateRows ?? [];
    if (list.length < MAX_DUPLICATE_ROWS)
      state.summary.duplicateRows = [...list, { row, customerId, name }];
  }

  /** First contacts of new customers; on updated ones only contacts not already there by name. */
  async function contactsToAdd(
    tx: Db,
    created: readonly Pending[],
    updated: readonly (CustomerUpdate & { contacts: CustomerRecord['contact'][] })[],
  ): Promise<ContactDraft[]> {
    const drafts: ContactDraft[] = [];
    const add = (customerId: string, list: CustomerRecord['contact'][], known: Set<string>) => {
      // A customer without contacts gets its first one as the primary contact.
      let primary = known.size === 0;
      for (const contact of list) {
        if (!contact || known.has(contact.name.toLowerCase())) continue;
        known.add(contact.name.toLowerCase());
        drafts.push({ customerId, ...contact, isPrimary: primary });
        primary = false;
      }
    };
    for (const customer of created) add(customer.id, customer.contacts, new Set());
    const existingNames = await contactNamesOf(
      tx,
      job.orgId,
      updated.map((update) => update.id),
    );
    for (const update of updated) {
      add(update.id, update.contacts, new Set(existingNames.get(update.id) ?? []));
    }
    return drafts;
  }
}
