import { type SQL, sql } from 'drizzle-orm';
import type { FunnelStage } from '../../../domain/funnels';
import type { Locale } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { getFunnelRow } from '../funnels/funnels.service';
import { boardTotalsFromStageTotals, type StageTotals, totalsAnswer } from './boardTotals';
import { type Viewer, visibleDealBranches, visibleDeals } from './deals.access';
import { DEAL_COLUMNS, DEAL_JOINS, type DealRow, presentDeal, yuan } from './deals.presenter';
import type { BoardQuery, DealFilters, DealListQuery, DealSort } from './deals.schema';
import { keyActionSummaries } from './keyActionSummary';

/** Sortable columns: only these reach SQL. `key` is the DealRow field the cursor carries. */
const SORTS: Record<DealSort, { column: string; key: keyof DealRow; desc: boolean; cast: string }> =
  {
    '-updatedAt': { column: 'updated_at', key: 'updated_at', desc: true, cast: 'timestamptz' },
    '-amount': { column: 'amount_cents', key: 'amount_cents', desc: true, cast: 'bigint' },
    expectedCloseDate: {
      column: 'expected_close_date',
      key: 'expected_close_date',
      desc: false,
      cast: 'date',
    },
    stageEnteredAt: {
      column: 'stage_entered_at',
      key: 'stage_entered_at',
      desc: false,
      cast: 'timestamptz',
    },
    '-createdAt': { column: 'created_at', key: 'created_at', desc: true, cast: 'timestamptz' },
  };

function nextMonth(month: string): string {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  return mm === 12 ? `${year + 1}-01` : `${year}-${String(mm + 1).padStart(2, '0')}`;
}

/**
 * WHERE conditions shared by the list, the board's cards and its aggregates; `visibility` on
 * the customer c (visibleDeals unless the caller reads the visible deals branch by branch).
 */
function dealConditions(
  viewer: Viewer,
  filters: DealFilters & { stageKey?: string; status?: string },
  now: Date,
  visibility: SQL = visibleDeals(viewer),
): SQL[] {
  const where: SQL[] = [sql`d.org_id = ${viewer.orgId}`, visibility];
  if (filters.funnelId) where.push(sql`d.funnel_id = ${filters.funnelId}`);
  if (filters.stageKey) where.push(sql`d.stage_key = ${filters.stageKey}`);
  if (filters.status) where.push(sql`d.status = ${filters.status}`);
  if (filters.ownerId) where.push(sql`d.owner_id = ${filters.ownerId}`);
  if (filters.customerId) where.push(sql`d.customer_id = ${filters.customerId}`);
  // The owner's current team, so a move between teams needs no rewrite of deals.
  if (filters.teamId) {
    where.push(sql`d.owner_id in (select tu.id from users tu
      where tu.org_id = ${viewer.orgId} and tu.team_id = ${filters.teamId})`);
  }
  const stale = sql`(d.status = 'open' and d.stale_at <= ${now})`;
  if (filters.stale === 'true') where.push(stale);
  if (filters.stale === 'false') where.push(sql`not coalesce(${stale}, false)`);
  if (filters.closeMonth) {
    where.push(sql`d.expected_close_date >= ${`${filters.closeMonth}-01`}::date
      and d.expected_close_date < ${`${nextMonth(filters.closeMonth)}-01`}::date`);
  }
  return where;
}

/** Keyset over (sort column, id), nulls last in either direction. */
function afterCursor(sort: (typeof SORTS)[DealSort], cursor: unknown[]): SQL {
  const [value, id] = cursor as [string | number | null, string];
  const column = sql.raw(`d.${sort.column}`);
  const cmp = sql.raw(sort.desc ? '<' : '>');
  const cast = sql.raw(sort.cast);
  if (value === null) return sql`(${column} is null and d.id ${cmp} ${id}::uuid)`;
  return sql`(${column} ${cmp} ${value}::${cast}
    or (${column} = ${value}::${cast} and d.id ${cmp} ${id}::uuid)
    or ${column} is null)`;
}

function orderBy(sort: (typeof SORTS)[DealSort]): SQL {
  const direction = sql.raw(sort.desc ? 'desc' : 'asc');
  // Only expected_close_date may be null. On the others "desc nulls last" would order the
  // same rows but stop PostgreSQL reading an ascending index backwards (deals_funnel_stage_idx
  // for the board's newest first): each column then sorted its whole stage (8 × 12,500 deals
  // joined to customers at 100k) for 21 cards.
  const nulls = sql.raw(sort.column === 'expected_close_date' ? ' nulls last' : '');
  return sql`order by ${sql.raw(`d.${sort.column}`)} ${direction}${nulls}, d.id ${direction}`;
}

function cursorOf(sort: (typeof SORTS)[DealSort], row: DealRow): string {
  const value = row[sort.key] as unknown;
  return encodeCursor([value instanceof Date ? value.toISOString() : (value ?? null), row.id]);
}

/** Stages of every funnel the rows belong to, to name their stages. */
async function stagesByFunnel(db: Db, orgId: string, funnelIds: string[]) {
  if (funnelIds.length === 0) return () => [];
  const rows = await queryRows<{ id: string; stages: FunnelStage[] }>(
    db,
    sql`select id, stages from funnels where org_id = ${orgId} and id in ${funnelIds}`,
  );
  return (funnelId: string) => rows.find((row) => row.id === funnelId)?.stages ?? [];
}

export async function findDeals(
  db: Db,
  viewer: Viewer,
  query: DealListQuery,
  context: { now: Date; locale: Locale },
) {
  const sort = SORTS[query.sort];
  const where = dealConditions(viewer, query, context.now);
  if (query.cursor) where.push(afterCursor(sort, decodeCursor(query.cursor, 2)));
  const rows = await queryRows<DealRow>(
    db,
    sql`select ${DEAL_COLUMNS} from deals d ${DEAL_JOINS}
      where ${sql.join(where, sql` and `)}
      ${orderBy(sort)} limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const stagesOf = await stagesByFunnel(db, viewer.orgId, [
    ...new Set(page.map((row) => row.funnel_id)),
  ]);
  const progress = await keyActionSummaries(db, viewer.orgId, page, stagesOf, context.now);
  return {
    items: page.map((row) => ({
      ...presentDeal(row, stagesOf(row.funnel_id), context.locale, context.now),
      keyActionProgress: progress.get(row.id) ?? null,
    })),
    nextCursor: rows.length > query.limit && last ? cursorOf(sort, last) : null,
  };
}

type BoardCard = DealRow & { column_key: string };

/** Per stage, weighted per deal and rounded half away from zero, like weightedAmountCents. */
const STAGE_TOTALS = (now: Date) => sql`d.stage_key, count(*)::int as count,
  coalesce(sum(d.amount_cents), 0)::bigint as amount_cents,
  coalesce(sum(round(d.amount_cents * d.probability / 100.0)), 0)::bigint as weighted_cents,
  (count(*) filter (where d.status = 'open' and d.stale_at <= ${now}))::int as stale_count`;

/**
 * The board's totals over every matching deal (from deal_stage_totals where they can answer the
 * filters: boardTotals.ts) and each column's first cards, column by column.
 */
async function boardByColumn(
  db: Db,
  viewer: Viewer,
  query: BoardQuery,
  now: Date,
  keys: string[],
): Promise<{ totals: StageTotals[]; cards: BoardCard[] }> {
  const conditions = sql.join(dealConditions(viewer, query, now), sql` and `);
  // An admin sees every deal: no customer to check (the hash join with 100,000 customers
  // doubled the totals' time at 100k).
  const customersJoin =
    viewer.role === 'admin'
      ? sql``
      : sql`join customers c on c.org_id = d.org_id and c.id = d.customer_id`;
  const totals = totalsAnswer(viewer, query)
    ? await boardTotalsFromStageTotals(db, viewer, query, now, conditions)
    : await queryRows<StageTotals>(
        db,
        sql`select ${STAGE_TOTALS(now)} from deals d ${customersJoin}
          where ${conditions} group by d.stage_key`,
      );
  // One round trip: each column's first cards through the (funnel, stage, sort) index.
  const cards = await queryRows<BoardCard>(
    db,
    sql`select s.key as column_key, x.* from unnest(${sql.param(keys)}::text[]) as s(key)
      cross join lateral (
        select ${DEAL_COLUMNS} from deals d ${DEAL_JOINS}
        where ${conditions} and d.stage_key = s.key
        ${orderBy(SORTS[query.sort])} limit ${query.limit + 1}
      ) x`,
  );
  return { totals, cards };
}

/**
 * The same for a rep, whose deals are those of their own customers and of the ones shared with
 * them: a few thousand of the org's. Those customers are read from their indexes
 * (visibleDealBranches), their deals by customer, into one set; each column's first cards and
 * its totals (window sums over the column's deals) come from it in one statement. With the
 * visibility as one condition the totals read every deal of the funnel, and each column walked
 * its stage newest first until 21 of the rep's turned up (about 1,000 deals a column at 100k
 * customers and 50 reps).
 */
async function boardOfScope(
  db: Db,
  viewer: Viewer,
  query: BoardQuery,
  now: Date,
  keys: string[],
): Promise<{ totals: StageTotals[]; cards: BoardCard[] }> {
  // offset 0 keeps the deals a lookup per customer: flattened, the planner hashed the
  // customers against a scan of every deal (1,600 customers of 100,000 looked cheap to scan).
  const branches = visibleDealBranches(viewer).map(
    (branch) => sql`select d.id, d.stage_key, d.amount_cents, d.probability, d.status,
        d.stale_at, d.updated_at, d.expected_close_date, d.stage_entered_at, d.created_at
      from customers c cross join lateral (select * from deals x
        where x.org_id = c.org_id and x.customer_id = c.id offset 0) d
      where c.org_id = ${viewer.orgId}
        and ${sql.join(dealConditions(viewer, query, now, branch), sql` and `)}`,
  );
  const rows = await queryRows<
    BoardCard & {
      n: number;
      stage_count: number;
      stage_amount_cents: number;
      stage_weighted_cents: number;
      stage_stale_count: number;
    }
  >(
    db,
    // union, not union all: a customer both owned and shared is in both branches.
    sql`with scoped as materialized (${sql.join(branches, sql` union `)}),
      ranked as (select d.id, d.stage_key,
          row_number() over (partition by d.stage_key ${orderBy(SORTS[query.sort])}) as n,
          count(*) over stage as stage_count,
          sum(d.amount_cents) over stage as stage_amount_cents,
          sum(round(d.amount_cents * d.probability / 100.0)) over stage as stage_weighted_cents,
          count(*) filter (where d.status = 'open' and d.stale_at <= ${now}) over stage
            as stage_stale_count
        from scoped d where d.stage_key = any(${sql.param(keys)}::text[])
        window stage as (partition by d.stage_key))
      select r.stage_key as column_key, r.n, r.stage_count::int as stage_count,
        coalesce(r.stage_amount_cents, 0)::bigint as stage_amount_cents,
        coalesce(r.stage_weighted_cents, 0)::bigint as stage_weighted_cents,
        r.stage_stale_count::int as stage_stale_count, ${DEAL_COLUMNS}
      from ranked r join deals d on d.org_id = ${viewer.orgId} and d.id = r.id ${DEAL_JOINS}
      where r.n <= ${query.limit + 1}
      order by r.stage_key, r.n`,
  );
  // A column with deals has its first card; its totals ride on every card of the column.
  const totals = rows
    .filter((row) => Number(row.n) === 1)
    .map((row) => ({
      stage_key: row.column_key,
      count: row.stage_count,
      amount_cents: row.stage_amount_cents,
      weighted_cents: row.stage_weighted_cents,
      stale_count: row.stage_stale_count,
    }));
  return { totals, cards: rows };
}

/**
 * The kanban of one funnel: per stage the count, total and weighted amount of every matching
 * deal (summed in SQL over all of them, not over the cards) and the first `limit` cards; the
 * rest of a column comes from GET /deals with the column's nextCursor.
 */
export async function dealBoard(
  db: Db,
  viewer: Viewer,
  query: BoardQuery,
  context: { now: Date; locale: Locale },
) {
  const { now, locale } = context;
  const funnel = await getFunnelRow(db, viewer.orgId, query.funnelId);
  const sort = SORTS[query.sort];
  const keys = funnel.stages.map((stage) => stage.key);
  const { totals, cards } =
    viewer.role === 'rep'
      ? await boardOfScope(db, viewer, query, now, keys)
      : await boardByColumn(db, viewer, query, now, keys);
  const progress = await keyActionSummaries(db, viewer.orgId, cards, () => funnel.stages, now);
  const open = { count: 0, amountCents: 0, weightedCents: 0 };
  const stages = funnel.stages.map((stage) => {
    const total = totals.find((row) => row.stage_key === stage.key);
    const column = cards.filter((row) => row.column_key === stage.key);
    const page = column.slice(0, query.limit);
    const last = page.at(-1);
    if (stage.terminal === null && total) {
      open.count += total.count;
      open.amountCents += total.amount_cents;
      open.weightedCents += total.weighted_cents;
    }
    return {
      key: stage.key,
      name: stage.name[locale],
      probability: stage.probability,
      terminal: stage.terminal,
      staleAfterDays: stage.staleAfterDays,
      count: total?.count ?? 0,
      amount: yuan(total?.amount_cents ?? 0),
      weightedAmount: yuan(total?.weighted_cents ?? 0),
      staleCount: total?.stale_count ?? 0,
      deals: page.map((row) => ({
        ...presentDeal(row, funnel.stages, locale, now),
        keyActionProgress: progress.get(row.id) ?? null,
      })),
      nextCursor: column.length > query.limit && last ? cursorOf(sort, last) : null,
    };
  });
  return {
    funnel: { id: funnel.id, name: funnel.name[locale], version: funnel.version },
    stages,
    open: {
      count: open.count,
      amount: yuan(open.amountCents),
      weightedAmount: yuan(open.weightedCents),
    },
  };
}
