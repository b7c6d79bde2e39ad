import { type SQL, sql } from 'drizzle-orm';
import { addDays, zonedDay, zonedDayStart } from '../../../domain/format/dates';
import { type Db, queryRows, queryRowsPrepared } from '../../db/client';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { customerGradeSql } from '../grading/customerGradeSql';
import { searchMatches, visibilityBranches, visibleCustomers } from './customers.access';
import type { CustomerFilters, CustomerListQuery, CustomerSort } from './customers.schema';
import { searchGram, searchShape } from './customers.search';
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
  context: { now: Date; timeZone: string; searchByCandidates?: boolean },
  /** false: the caller applies visibility itself (the list, branch by branch). */
  withVisibility = true,
): SQL[] {
  const where: SQL[] = [sql`c.org_id = ${viewer.orgId}`];
  if (withVisibility) where.push(visibleCustomers(viewer));
  if (filters.archived === 'true') where.push(sql`c.archived_at is not null`);
  else if (filters.archived !== 'all') where.push(sql`c.archived_at is null`);
  if (filters.q) {
    where.push(searchMatches(viewer, filters.q, 'c', context.searchByCandidates));
  }
  if (filters.ownerId) where.push(sql`c.owner_id = ${filters.ownerId}`);
  if (filters.inPool === 'true') where.push(sql`c.owner_id is null`);
  if (filters.inPool === 'false') where.push(sql`c.owner_id is not null`);
  if (filters.teamId) where.push(sql`c.team_id = ${filters.teamId}`);
  if (filters.grade?.length) where.push(sql`${customerGradeSql('c')} in ${filters.grade}`);
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
function afterCursor(
  sort: (typeof SORTS)[CustomerSort],
  cursor: unknown[],
  /** The sort column and the id, as the statement names them (customer_search's own). */
  names = { column: `c.${sort.column}`, id: 'c.id' },
): SQL {
  const [value, id] = cursor as [string | number | null, string];
  const column = sql.raw(names.column);
  const idColumn = sql.raw(names.id);
  const cmp = sql.raw(sort.desc ? '<' : '>');
  const cast = sql.raw(sort.cast);
  if (value === null) return sql`(${column} is null and ${idColumn} ${cmp} ${id})`;
  return sql`(${column} ${cmp} ${value}::${cast}
    or (${column} = ${value}::${cast} and ${idColumn} ${cmp} ${id})
    or ${column} is null)`;
}

/** Rows of the list a middling term's page reads in order before sorting its matches instead. */
export const SORTED_WALK_BUDGET = 2000;

/**
 * A page of a middling short term (searchShape 'sorted') for a viewer who sees the
 * whole org: the term's matches sorted in customer_search (which keeps next_follow_up_at and
 * the archived flag), then each checked against the customer in that order until the page is
 * full. `offset 0` keeps the sorted matches a subquery of their own, so the join walks them in
 * order instead of fetching every match's wide row first; the like condition and every filter
 * still decide on the customer's own row.
 */
function sortedMatchesPage(
  orgId: string,
  gram: string,
  query: CustomerListQuery,
  where: SQL[],
  limit: number,
): SQL {
  const matches: SQL[] = [
    sql`s.org_id = ${orgId}`,
    sql`customer_search_grams(s.search_text) @> array[${gram}]::text[]`,
  ];
  if (query.archived === 'true') matches.push(sql`s.archived`);
  else if (query.archived !== 'all') matches.push(sql`not s.archived`);
  if (query.cursor) {
    const names = { column: 's.next_follow_up_at', id: 's.customer_id' };
    matches.push(afterCursor(SORTS.nextFollowUpAt, decodeCursor(query.cursor, 2), names));
  }
  return sql`select ${CUSTOMER_COLUMNS} from (select s.customer_id, s.next_follow_up_at
      from customer_search s where ${sql.join(matches, sql` and `)}
      order by s.next_follow_up_at asc nulls last, s.customer_id asc offset 0) s
    join customers c on c.org_id = ${orgId} and c.id = s.customer_id
    left join users u on u.org_id = c.org_id and u.id = c.owner_id
    where ${sql.join(where, sql` and `)}
    order by s.next_follow_up_at asc nulls last, s.customer_id asc limit ${limit}`;
}

/**
 * A list with no search term and no filter but archived (any sort, any page): its statements
 * are few, and one plan suits every viewer, page and org, so it may be a prepared statement.
 * A filter's or a term's best plan depends on its value (a rare city, a common tag).
 */
function isPlainList(query: CustomerListQuery): boolean {
  return (
    !query.q &&
    !query.ownerId &&
    !query.inPool &&
    !query.grade?.length &&
    !query.source?.length &&
    !query.tag?.length &&
    !query.province &&
    !query.city &&
    !query.teamId &&
    !query.followUp &&
    !query.qualified &&
    query.minScore === undefined
  );
}

export async function findCustomers(
  db: Db,
  viewer: Viewer,
  query: CustomerListQuery,
  context: { now: Date; timeZone: string },
  /** How a short term is found; by default as searchShape decides (tests try each). */
  shape?: Awaited<ReturnType<typeof searchShape>>,
) {
  const sort = SORTS[query.sort];
  if (shape === undefined) shape = await searchShape(db, viewer.orgId, query.q);
  const searchByCandidates = shape === 'candidates';
  const where = customerFilterConditions(viewer, query, { ...context, searchByCandidates }, false);
  const branches = visibilityBranches(viewer);
  const gram = query.q ? searchGram(query.q.toLowerCase()) : null;
  // A middling term's matches sorted in customer_search: only the default order is kept there,
  // and only a viewer with one visibility branch (the whole org) gets every match it sorts.
  const sorted =
    shape === 'sorted' && gram !== null && query.sort === 'nextFollowUpAt' && branches.length === 1
      ? sortedMatchesPage(viewer.orgId, gram, query, [...where, ...branches], query.limit + 1)
      : null;
  if (query.cursor) where.push(afterCursor(sort, decodeCursor(query.cursor, 2)));
  const direction = sql.raw(sort.desc ? 'desc' : 'asc');
  const column = sql.raw(`c.${sort.column}`);
  const order = sql`${column} ${direction} nulls last, c.id ${direction}`;
  const limit = query.limit + 1;
  // The plain list's limit is written into its text (a validated integer), so its prepared
  // statement's generic plan is costed for the real page: a parameter is costed as a tenth of
  // the rows, and PostgreSQL would then keep planning every call.
  const pageLimit = sql.raw(String(limit));
  // One visibility condition (admin): read the org in sort order. Several (a rep's own, the
  // pools, shares …): take each one's first page from its own index and merge; filtering the
  // whole org in sort order for a rep's 1,600 of a million rows read it all (16 s at 1M).
  const pageIds =
    branches.length === 1
      ? null
      : sql.join(
          branches.map(
            (branch) => sql`(select c.id, ${column} as sort_value from customers c
              where ${sql.join([...where, branch], sql` and `)} order by ${order} limit ${pageLimit})`,
          ),
          sql` union `,
        );
  let rows: CustomerRow[] | null = null;
  if (sorted && query.q) {
    // Sorting every match costs the same wherever they sit; walking the list costs little when
    // they come early (科技, 5%: 51 within ~1,000 rows). So the walk goes first, on a budget:
    // its page is exact when full, as the first SORTED_WALK_BUDGET rows are a prefix of the list.
    const unsearched = customerFilterConditions(viewer, { ...query, q: undefined }, context, false);
    if (query.cursor) unsearched.push(afterCursor(sort, decodeCursor(query.cursor, 2)));
    const walked = await queryRows<CustomerRow>(
      db,
      sql`select ${CUSTOMER_COLUMNS} from (select c.* from customers c
          where ${sql.join([...unsearched, ...branches], sql` and `)}
          order by ${order} limit ${SORTED_WALK_BUDGET}) c
        left join users u on u.org_id = c.org_id and u.id = c.owner_id
        where ${searchMatches(viewer, query.q)}
        order by ${order} limit ${limit}`,
    );
    rows = walked.length === limit ? walked : await queryRows<CustomerRow>(db, sorted);
  }
  const statement =
    pageIds === null
      ? sql`select ${CUSTOMER_COLUMNS} from customers c
          left join users u on u.org_id = c.org_id and u.id = c.owner_id
          where ${sql.join([...where, ...branches], sql` and `)}
          order by ${order} limit ${pageLimit}`
      : sql`with page as (select id, sort_value from (${pageIds}) b
            order by sort_value ${direction} nulls last, id ${direction} limit ${pageLimit})
          select ${CUSTOMER_COLUMNS} from page p
          join customers c on c.org_id = ${viewer.orgId} and c.id = p.id
          left join users u on u.org_id = c.org_id and u.id = c.owner_id
          order by ${order}`;
  // The busiest call, the list without a search or filter, is planned once per connection.
  rows ??= isPlainList(query)
    ? await queryRowsPrepared<CustomerRow>(db, statement, 'customers_list')
    : await queryRows<CustomerRow>(db, statement);
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
