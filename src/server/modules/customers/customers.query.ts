import { type SQL, sql } from 'drizzle-orm';
import { addDays, zonedDay, zonedDayStart } from '../../../domain/format/dates';
import { type Db, queryRows } from '../../db/client';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { searchMatches, visibilityBranches, visibleCustomers } from './customers.access';
import type { CustomerFilters, CustomerListQuery, CustomerSort } from './customers.schema';
import {
  CUSTOMER_COLUMNS,
  type CustomerRow,
  presentCustomer,
  type Viewer,
} from './customers.service';

/** Sortable columns: only these reach SQL, so a sort parameter can never inject. */
const SORTS: Record<CustomerSort, { column: string; desc: boolean; cast: string }> = {
  nextFollowUpAt: { column: 'next_follow_up_at', desc: false, cast: 'timestamptz' },
  '-lastContactAt': { column: 'last_contact_at', desc: true, cast: 'timestamptz' },
  '-createdAt': { column: 'created_at', desc: true, cast: 'timestamptz' },
  name: { column: 'name', desc: false, cast: 'text' },
  '-score': { column: 'score', desc: true, cast: 'int' },
  score: { column: 'score', desc: false, cast: 'int' },
  '-updatedAt': { column: 'updated_at', desc: true, cast: 'timestamptz' },
};

/** The WHERE conditions of the list filters (shared by the list, the export and bulk actions). */
export function customerFilterConditions(
  viewer: Viewer,
  filters: CustomerFilters,
  context: { now: Date; timeZone: string },
  /** false: the caller applies visibility itself (the list, branch by branch). */
  withVisibility = true,
): SQL[] {
  const where: SQL[] = [sql`c.org_id = ${viewer.orgId}`];
  if (withVisibility) where.push(visibleCustomers(viewer));
  if (filters.archived === 'true') where.push(sql`c.archived_at is not null`);
  else if (filters.archived !== 'all') where.push(sql`c.archived_at is null`);
  if (filters.q) {
    const pattern = `%${filters.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(searchMatches(viewer, pattern));
  }
  if (filters.ownerId) where.push(sql`c.owner_id = ${filters.ownerId}`);
  if (filters.inPool === 'true') where.push(sql`c.owner_id is null`);
  if (filters.inPool === 'false') where.push(sql`c.owner_id is not null`);
  if (filters.teamId) where.push(sql`c.team_id = ${filters.teamId}`);
  if (filters.grade?.length) where.push(sql`c.grade in ${filters.grade}`);
  if (filters.source?.length) where.push(sql`c.source in ${filters.source}`);
  if (filters.tag?.length) where.push(sql`c.tags && ${sql.param(filters.tag)}::text[]`);
  if (filters.province) where.push(sql`c.province = ${filters.province}`);
  if (filters.city) where.push(sql`c.city = ${filters.city}`);
  if (filters.qualified === 'true') where.push(sql`c.qualified`);
  if (filters.qualified === 'false') where.push(sql`c.qualified is not true`);
  if (filters.minScore !== undefined) where.push(sql`c.score >= ${filters.minScore}`);
  if (filters.followUp) {
    const today = zonedDay(context.now, context.timeZone);
    const endOfToday = zonedDayStart(addDays(today, 1), context.timeZone);
    if (filters.followUp === 'overdue') where.push(sql`c.next_follow_up_at < ${context.now}`);
    if (filters.followUp === 'today') where.push(sql`c.next_follow_up_at < ${endOfToday}`);
    if (filters.followUp === 'week') {
      where.push(sql`c.next_follow_up_at < ${zonedDayStart(addDays(today, 7), context.timeZone)}`);
    }
    if (filters.followUp === 'none') where.push(sql`c.next_follow_up_at is null`);
  }
  return where;
}

/**
 * Keyset pagination over (sort column, id), nulls last in either direction,
 * so page N costs the same as page 1 at a million rows.
 */
function afterCursor(sort: (typeof SORTS)[CustomerSort], cursor: unknown[]): SQL {
  const [value, id] = cursor as [string | number | null, string];
  const column = sql.raw(`c.${sort.column}`);
  const cmp = sql.raw(sort.desc ? '<' : '>');
  const cast = sql.raw(sort.cast);
  if (value === null) return sql`(${column} is null and c.id ${cmp} ${id})`;
  return sql`(${column} ${cmp} ${value}::${cast}
    or (${column} = ${value}::${cast} and c.id ${cmp} ${id})
    or ${column} is null)`;
}

export async function findCustomers(
  db: Db,
  viewer: Viewer,
  query: CustomerListQuery,
  context: { now: Date; timeZone: string },
) {
  const sort = SORTS[query.sort];
  const where = customerFilterConditions(viewer, query, context, false);
  if (query.cursor) where.push(afterCursor(sort, decodeCursor(query.cursor, 2)));
  const direction = sql.raw(sort.desc ? 'desc' : 'asc');
  const column = sql.raw(`c.${sort.column}`);
  const order = sql`${column} ${direction} nulls last, c.id ${direction}`;
  const limit = query.limit + 1;
  const branches = visibilityBranches(viewer);
  // One visibility condition (admin): read the org in sort order. Several (a rep's own, the
  // pools, shares …): take each one's first page from its own index and merge; filtering the
  // whole org in sort order for a rep's 1,600 of a million rows read it all (16 s at 1M).
  const pageIds =
    branches.length === 1
      ? null
      : sql.join(
          branches.map(
            (branch) => sql`(select c.id, ${column} as sort_value from customers c
              where ${sql.join([...where, branch], sql` and `)} order by ${order} limit ${limit})`,
          ),
          sql` union `,
        );
  const rows = await queryRows<CustomerRow>(
    db,
    pageIds === null
      ? sql`select ${CUSTOMER_COLUMNS} from customers c
          left join users u on u.org_id = c.org_id and u.id = c.owner_id
          where ${sql.join([...where, ...branches], sql` and `)}
          order by ${order} limit ${limit}`
      : sql`with page as (select id, sort_value from (${pageIds}) b
            order by sort_value ${direction} nulls last, id ${direction} limit ${limit})
          select ${CUSTOMER_COLUMNS} from page p
          join customers c on c.org_id = ${viewer.orgId} and c.id = p.id
          left join users u on u.org_id = c.org_id and u.id = c.owner_id
          order by ${order}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const lastValue = (row: CustomerRow) => {
    const value = (row as unknown as Record<string, unknown>)[sort.column];
    return value instanceof Date ? value.toISOString() : (value ?? null);
  };
  return {
    items: page.map((row) => presentCustomer(row, viewer)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([lastValue(last), last.id]) : null,
  };
}
