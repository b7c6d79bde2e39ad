// Sales report rows → sales lines. A line's natural key (customer, order number,
// product, date, amount, and its place among identical lines of the file) makes a
// re-import of the same report a no-op, and a later report that repeats a line can
// only fill in its payment and due date.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { headerAmountUnit } from '../../../domain/imports/amountUnit';
import { isSkippableRow, type SalesField } from '../../../domain/imports/headerMapping';
import { readSalesRow, type SalesRecord } from '../../../domain/imports/salesRecord';
import type { AppContext } from '../../context';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import {
  findCustomersByKeys,
  insertCustomers,
  type MatchedCustomer,
} from '../customers/customers.bulk';
import { recomputeScores } from '../scoring/scoring.service';
import {
  customerStatistics,
  type JobState,
  type Prepared,
  type ProcessorInput,
  type RowProcessor,
} from './importJob';
import { pickCells } from './table';
import { loadUserDirectory, type UserDirectory } from './userDirectory';

interface SalesItem {
  record: SalesRecord;
  naturalKey: string;
}

const MAX_UNKNOWN_OWNERS = 20;
// Serialises customer creation between imports of one org (two reports naming one new customer).
const CREATE_LOCK = 7_214_101;

function keyText(text: string | null): string {
  return (text ?? '').normalize('NFKC').trim().toLowerCase();
}

export function salesProcessor(input: ProcessorInput): RowProcessor<SalesItem> {
  const { ctx, job, viewer, sheet, columns, mapping } = input;
  const options = {
    columns: mapping as Partial<Record<SalesField, string>>,
    amountUnit: mapping.amount ? headerAmountUnit(mapping.amount) : null,
    paidUnit: mapping.paidAmount ? headerAmountUnit(mapping.paidAmount) : null,
    date1904: sheet.date1904,
  };
  const createCustomers = (job.options as { createCustomers?: boolean }).createCustomers !== false;
  // Identical lines within one file are distinct sales: the n-th copy gets sequence n.
  const seen = new Map<string, number>();
  // Customers found or created by earlier batches of this job: not looked up again.
  const known = new Map<string, string>();
  let pending = new Map<string, string>();
  const statistics = customerStatistics();
  let directory: UserDirectory | null = null;

  return {
    prepare(rows) {
      return rows.map((row): Prepared<SalesItem> => {
        const skip = isSkippableRow(row.cells);
        if (skip) return { row, skip };
        const read = readSalesRow(pickCells(row.cells, columns), options);
        if (!read.ok) return { row, problem: read.problems.map((p) => p.message).join('; ') };
        const { record } = read;
        const base = createHash('sha256')
          .update(
            JSON.stringify([
              record.customerKey,
              keyText(record.orderNo),
              keyText(record.product),
              record.orderDate,
              record.amountCents,
            ]),
          )
          .digest('base64url')
          .slice(0, 32);
        const sequence = (seen.get(base) ?? 0) + 1;
        seen.set(base, sequence);
        return { row, item: { record, naturalKey: `s1:${base}:${sequence}` } };
      });
    },

    async apply(tx, items, state) {
      if (items.length === 0) return;
      directory ??= await loadUserDirectory(tx, job.orgId);
      if (createCustomers) {
        await tx.execute(sql`select pg_advisory_xact_lock(${CREATE_LOCK}, hashtext(${job.orgId}))`);
      }
      const customerIds = await resolveCustomers(tx, items, state);
      pending = customerIds;
      const lines = items.flatMap((entry) => {
        const item = entry.item as SalesItem;
        const customerId = customerIds.get(item.record.customerKey);
        return customerId ? [{ entry, item, customerId }] : [];
      });
      const inserted = new Set(
        await insertLines(
          tx,
          job.orgId,
          job.id,
          lines.map(({ item, customerId }) => ({
            ...item,
            customerId,
            ownerId: ownerOf(item.record, directory as UserDirectory, state),
          })),
        ),
      );
      // Lines the database already had (a re-import): only their payment may change.
      const repeated = lines.filter((line) => !inserted.has(line.item.naturalKey));
      const existing = new Map(
        repeated.length === 0
          ? []
          : (
              await queryRows<{
                natural_key: string;
                paid_cents: number | null;
                paid_at: string | null;
                due_date: string | null;
              }>(
                tx,
                sql`select natural_key, paid_cents, paid_at::text as paid_at, due_date::text as due_date
                  from sales_lines where org_id = ${job.orgId}
                    and natural_key = any(${sql.param(repeated.map((line) => line.item.naturalKey))}::text[])`,
              )
            ).map((row) => [row.natural_key, row]),
      );
      for (const { item } of lines) {
        if (inserted.has(item.naturalKey)) {
          state.imported += 1;
          continue;
        }
        const before = existing.get(item.naturalKey);
        if (before && (await fillPayment(tx, job.orgId, item, before))) {
          state.imported += 1;
          state.count('updatedLines');
        } else {
          state.skipped += 1;
          state.count('alreadyImported');
        }
      }
    },

    afterCommit() {
      // The batch's customers exist now: later batches need not look them up.
      for (const [key, id] of pending) known.set(key, id);
      pending = new Map();
    },

    async finish() {
      if (createCustomers) await scoreNewCustomers(ctx, job.orgId);
    },
  };

  /** nameKey → customer id; rows whose customer cannot be used are failed here. */
  async function resolveCustomers(tx: Db, items: readonly Prepared<SalesItem>[], state: JobState) {
    const keys = [...new Set(items.map((entry) => (entry.item as SalesItem).record.customerKey))];
    const matches = await findCustomersByKeys(tx, viewer, {
      nameKeys: keys.filter((key) => !known.has(key)),
    });
    const byKey = new Map<string, MatchedCustomer>();
    for (const match of matches) {
      const current = byKey.get(match.nameKey);
      if (match.nameKey && (!current || (!current.visible && match.visible)))
        byKey.set(match.nameKey, match);
    }
    const ids = new Map<string, string>();
    const created = new Map<string, string>();
    for (const entry of items) {
      const { record } = entry.item as SalesItem;
      const match = byKey.get(record.customerKey);
      const cached = known.get(record.customerKey);
      if (cached) {
        ids.set(record.customerKey, cached);
      } else if (match?.visible) {
        ids.set(record.customerKey, match.id);
      } else if (match) {
        state.fail(
          entry.row.number,
          `customer '${record.customerName}' belongs to a colleague; a manager can import this line`,
        );
      } else if (!createCustomers) {
        state.fail(
          entry.row.number,
          `customer '${record.customerName}' is not in the CRM (creating customers was turned off)`,
        );
      } else if (!created.has(record.customerKey)) {
        const id = newId();
        created.set(record.customerKey, record.customerName);
        ids.set(record.customerKey, id);
      }
    }
    const fresh = [...created.entries()].map(([key, name]) => ({
      id: ids.get(key) as string,
      name,
      industry: null,
      headcount: null,
      province: null,
      city: null,
      address: null,
      country: null,
      website: null,
      phone: null,
      email: null,
      source: null,
      tags: [],
      ownerId: null,
      teamId: null,
    }));
    await insertCustomers(tx, { orgId: job.orgId, userId: viewer.id }, fresh, { importId: job.id });
    await statistics(tx, fresh.length);
    state.count('createdCustomers', fresh.length);
    return ids;
  }
}

/** Inserts lines (one array per column); returns the natural keys actually inserted. */
async function insertLines(
  tx: Db,
  orgId: string,
  importId: string,
  lines: readonly (SalesItem & { customerId: string; ownerId: string | null })[],
): Promise<string[]> {
  if (lines.length === 0) return [];
  const column = <T>(pick: (line: (typeof lines)[number]) => T) => sql.param(lines.map(pick));
  const rows = await queryRows<{ natural_key: string }>(
    tx,
    sql`insert into sales_lines (org_id, id, customer_id, product, quantity, amount_cents,
        order_date, order_no, paid_cents, paid_at, due_date, owner_id, import_id, natural_key)
      select ${orgId}::uuid, v.id, v.customer_id, v.product, v.quantity, v.amount_cents,
        v.order_date, v.order_no, v.paid_cents, v.paid_at, v.due_date, v.owner_id,
        ${importId}::uuid, v.natural_key
      from unnest(${sql.param(lines.map(() => newId()))}::uuid[],
        ${column((line) => line.customerId)}::uuid[],
        ${column((line) => line.record.product)}::text[],
        ${column((line) => line.record.quantity)}::numeric[],
        ${column((line) => line.record.amountCents)}::bigint[],
        ${column((line) => line.record.orderDate)}::date[],
        ${column((line) => line.record.orderNo)}::text[],
        ${column((line) => line.record.paidCents)}::bigint[],
        ${column((line) => line.record.paidAt)}::date[],
        ${column((line) => line.record.dueDate)}::date[],
        ${column((line) => line.ownerId)}::uuid[],
        ${column((line) => line.naturalKey)}::text[])
        as v(id, customer_id, product, quantity, amount_cents, order_date, order_no, paid_cents,
          paid_at, due_date, owner_id, natural_key)
      on conflict (org_id, natural_key) do nothing
      returning natural_key`,
  );
  return rows.map((row) => row.natural_key);
}

function ownerOf(record: SalesRecord, directory: UserDirectory, state: JobState): string | null {
  if (record.owner === null) return null;
  const match = directory.find(record.owner);
  if (typeof match === 'object') return match.id;
  const unknown = state.summary.unknownOwners ?? [];
  if (!unknown.includes(record.owner) && unknown.length < MAX_UNKNOWN_OWNERS) {
    state.summary.unknownOwners = [...unknown, record.owner];
  }
  return null;
}

/** A repeated line may add the payment and due date a later report knows; nothing else changes. */
async function fillPayment(
  tx: Db,
  orgId: string,
  item: SalesItem,
  before: { paid_cents: number | null; paid_at: string | null; due_date: string | null },
): Promise<boolean> {
  const next = {
    paidCents: item.record.paidCents ?? before.paid_cents,
    paidAt: item.record.paidAt ?? before.paid_at,
    dueDate: item.record.dueDate ?? before.due_date,
  };
  if (
    next.paidCents === before.paid_cents &&
    next.paidAt === before.paid_at &&
    next.dueDate === before.due_date
  ) {
    return false;
  }
  await tx.execute(
    sql`update sales_lines set paid_cents = ${next.paidCents}, paid_at = ${next.paidAt},
      due_date = ${next.dueDate}
      where org_id = ${orgId} and natural_key = ${item.naturalKey}`,
  );
  return true;
}

/** Imported customers get their lead score like customers made one by one. */
export async function scoreNewCustomers(ctx: AppContext, orgId: string): Promise<void> {
  await recomputeScores(ctx.database.db, orgId, { onlyUnscored: true }).catch((error: unknown) =>
    ctx.log.warn({ err: error }, 'scoring imported customers failed'),
  );
}
