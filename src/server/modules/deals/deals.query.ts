import { type SQL, sql } from 'drizzle-orm';
import type { FunnelStage } from '../../../domain/funnels';
import type { Locale } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { getFunnelRow } from '../funnels/funnels.service';
import { type Viewer, visibleDeals } from './deals.access';
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

/** WHERE conditions shared by the list, the board's cards and its aggregates. */
function dealConditions(
  viewer: Viewer,
  filters: DealFilters & { stageKey?: string; status?: string },
  now: Date,
): SQL[] {
  const where: SQL[] = [sql`d.org_id = ${viewer.orgId}`, visibleDeals(viewer)];
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
  return sql`order by ${sql.raw(`d.${sort.column}`)} ${direction} nulls last, d.id ${direction}`;
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

interface StageTotals {
  stage_key: string;
  count: number;
  amount_cents: number;
  weighted_cents: number;
  stale_count: number;
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
  const where = dealConditions(viewer, query, now);
  const conditions = sql.join(where, sql` and `);
  // Weighted per deal and rounded half away from zero, like weightedAmountCents.
  const totals = await queryRows<StageTotals>(
    db,
    sql`select d.stage_key, count(*)::int as count,
        coalesce(sum(d.amount_cents), 0)::bigint as amount_cents,
        coalesce(sum(round(d.amount_cents * d.probability / 100.0)), 0)::bigint as weighted_cents,
        (count(*) filter (where d.status = 'open' and d.stale_at <= ${now}))::int as stale_count
      from deals d join customers c on c.org_id = d.org_id and c.id = d.customer_id
      where ${conditions}
      group by d.stage_key`,
  );
  const sort = SORTS[query.sort];
  const keys = funnel.stages.map((stage) => stage.key);
  // One round trip: each column's first cards through the (funnel, stage, sort) index.
  const cards = await queryRows<DealRow & { column_key: string }>(
    db,
    sql`select s.key as column_key, x.* from unnest(${sql.param(keys)}::text[]) as s(key)
      cross join lateral (
        select ${DEAL_COLUMNS} from deals d ${DEAL_JOINS}
        where ${conditions} and d.stage_key = s.key
        ${orderBy(sort)} limit ${query.limit + 1}
      ) x`,
  );
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
