// The forecast made now, read from the facts the triggers keep (migration 0029) instead of
// each deal's stage history: deal_stage_visits (per deal and stage, the last entry not after
// the close, the outcome, the days to win), their per-org sums for held customers
// (stage_visit_totals) and forecast_open_deals (each deal not closed with its last entry).
// Those rows are what forecastFacts.ts computes for an instant after every fact, so they
// answer a forecast made at `asOf` exactly when nothing in the org happened at or after it
// (nowFactsHold); otherwise the service reads the history as of asOf (forecastFacts.ts).
import { type SQL, sql } from 'drizzle-orm';
import type { StageWinRate } from '../../../domain/forecast';
import type { CalendarPeriod } from '../../../domain/forecast/forecastPeriod';
import { zonedDay } from '../../../domain/format/dates';
import { type Db, queryRows } from '../../db/client';
import type { StageInfo } from '../reports/funnelScope';
import type { OpenDealRow, OpenDealThen, ScopeSql } from './forecastFacts';

/** True when no stage move of a deal and no close in the org is at or after asOf. */
export async function nowFactsHold(db: Db, orgId: string, asOf: Date): Promise<boolean> {
  const [row] = await queryRows<{ later: boolean }>(
    db,
    sql`select exists (select 1 from stage_history h
        where h.org_id = ${orgId} and h.at >= ${asOf} and h.deal_id is not null)
      or exists (select 1 from deals d where d.org_id = ${orgId} and d.closed_at >= ${asOf})
      as later`,
  );
  return row?.later === false;
}

const and = (conditions: SQL[]) => sql.join(conditions, sql` and `);

/**
 * The scope on a fact table aliased f (org, funnel, deal owner or team), and who may see the
 * rows as disjoint branches: the customers the viewer's owners hold, then those shared with
 * the viewer that someone else holds (heldDealBranches, by the customer's owner on the row).
 */
function factScope(scope: ScopeSql): { where: SQL[]; branches: SQL[] } {
  const viewer = scope.viewer;
  const where = [sql`f.org_id = ${viewer.orgId}`, sql`f.funnel_id = ${scope.funnelId}`];
  if (scope.ownerId) where.push(sql`f.deal_owner_id = ${scope.ownerId}`);
  if (scope.teamId) {
    where.push(sql`f.deal_owner_id in (select u.id from users u
      where u.org_id = ${viewer.orgId} and u.team_id = ${scope.teamId})`);
  }
  if (scope.heldBy === null) return { where, branches: [sql`f.owner_id is not null`] };
  const shared = sql`f.customer_id in (select cc.customer_id from customer_collaborators cc
    where cc.org_id = ${viewer.orgId} and cc.user_id = ${viewer.id})`;
  return {
    where,
    branches: [
      sql`f.owner_id in ${scope.heldBy}`,
      sql`f.owner_id is not null and f.owner_id not in ${scope.heldBy} and ${shared}`,
    ],
  };
}

/** stageWinRatesAt for a forecast made now: the window is the rows' last_day from its day. */
export async function stageWinRatesNow(
  db: Db,
  scope: ScopeSql,
  stages: readonly StageInfo[],
  windowStart: Date,
): Promise<StageWinRate[]> {
  const open = stages.filter((stage) => stage.terminal === null).map((stage) => stage.key);
  if (open.length === 0) return [];
  const fromDay = zonedDay(windowStart, scope.timeZone);
  const { where, branches } = factScope(scope);
  // The admin's whole org: its per-day sums, a few thousand rows instead of every visit.
  // The rows counted per stage, outcome and days to win as they are read (a few hundred
  // groups), so the steps after read those groups, not a manager's ~90,000 visits twice.
  const facts =
    scope.heldBy === null && !scope.ownerId && !scope.teamId
      ? sql`select f.stage_key, f.outcome, f.won_days, sum(f.deals) as n from stage_visit_totals f
          where f.org_id = ${scope.viewer.orgId} and f.funnel_id = ${scope.funnelId}
            and f.last_day >= ${fromDay}::date and f.stage_key in ${open} and f.deals > 0
          group by 1, 2, 3`
      : sql`select x.stage_key, x.outcome, x.won_days, count(*) as n from (${sql.join(
          branches.map(
            (branch) => sql`select f.stage_key, f.outcome, f.won_days
              from deal_stage_visits f
              where ${and(where)} and ${branch}
                and f.last_day >= ${fromDay}::date and f.stage_key in ${open}`,
          ),
          sql` union all `,
        )}) x group by 1, 2, 3`;
  const rows = await queryRows<{
    key: string;
    won: number;
    lost: number;
    open: number;
    median: number | null;
  }>(
    db,
    // The median is nearest-rank, as percentile_disc(0.5): the least days whose running count
    // reaches half the stage's wins (one row per stage and days among the won groups).
    sql`with facts as (${facts}),
      per_stage as (
        select stage_key, coalesce(sum(n) filter (where outcome = 'won'), 0)::int as won,
          coalesce(sum(n) filter (where outcome = 'lost'), 0)::int as lost,
          coalesce(sum(n) filter (where outcome = 'open'), 0)::int as open
        from facts group by stage_key
      ),
      running as (
        select stage_key, won_days,
          sum(n) over (partition by stage_key order by won_days) as reached,
          sum(n) over (partition by stage_key) as total
        from facts where outcome = 'won'
      )
      select p.stage_key as key, p.won, p.lost, p.open,
        (select min(r.won_days) from running r
          where r.stage_key = p.stage_key and 2 * r.reached >= r.total) as median
      from per_stage p`,
  );
  return rows.map((row) => {
    const won = Number(row.won);
    const lost = Number(row.lost);
    return {
      stageKey: row.key,
      entered: won + lost + Number(row.open),
      won,
      lost,
      open: Number(row.open),
      winProbability: won + lost === 0 ? null : won / (won + lost),
      medianDaysToClose: row.median === null ? null : Number(row.median),
    };
  });
}

/** The scope's rows of forecast_open_deals in an open stage, one select per branch. */
function openRows(scope: ScopeSql, stages: readonly StageInfo[], columns: SQL): SQL {
  const open = stages.filter((stage) => stage.terminal === null).map((stage) => stage.key);
  const { where, branches } = factScope(scope);
  return sql.join(
    branches.map(
      (branch) => sql`select ${columns} from forecast_open_deals f
        where ${and(where)} and ${branch} and f.stage_key in ${open}`,
    ),
    sql` union all `,
  );
}

/** How a list of open deals is ordered; ties end on the deal id, so pages never overlap. */
export interface DealOrder {
  sort: 'amount' | 'expectedCloseDate';
  order: 'asc' | 'desc';
}

/** A page of a list: `limit` rows after the first `offset`. */
export interface DealPage {
  limit: number;
  offset: number;
}

/** `order by` over rows with amount_cents, expected_close_date and deal_id. */
function orderBy(alias: SQL, { sort, order }: DealOrder): SQL {
  const dir = order === 'asc' ? sql`asc` : sql`desc`;
  return sort === 'amount'
    ? sql`${alias}.amount_cents ${dir}, ${alias}.deal_id`
    : sql`${alias}.expected_close_date ${dir} nulls last, ${alias}.amount_cents desc, ${alias}.deal_id`;
}

/**
 * openDealsAt for a forecast made now, names included: the scope's open deals in `order`,
 * one page of them (or all when `page` is null, for the export), and how many there are.
 * Only the page's rows read their deal, customer and owner.
 */
export async function openDealsPageNow(
  db: Db,
  scope: ScopeSql,
  stages: readonly StageInfo[],
  order: DealOrder,
  page: DealPage | null,
): Promise<{ total: number; deals: OpenDealThen[] }> {
  if (!stages.some((stage) => stage.terminal === null)) return { total: 0, deals: [] };
  const orgId = scope.viewer.orgId;
  const limit = page ? sql`limit ${page.limit} offset ${page.offset}` : sql``;
  const rows = await queryRows<
    { total: number } & { [K in keyof OpenDealRow]: OpenDealRow[K] | null }
  >(
    db,
    sql`with o as (${openRows(
      scope,
      stages,
      sql`f.deal_id, f.customer_id, f.deal_owner_id, f.amount_cents, f.probability,
        f.deal_stage_key, f.stage_key, f.entered_at, f.expected_close_date`,
    )}),
      p as (select * from o order by ${orderBy(sql`o`, order)} ${limit})
      select n.total, p.deal_id as id, d.name, c.name as customer_name, u.name as owner_name,
        p.amount_cents, p.probability, p.deal_stage_key as stage_key, p.stage_key as stage_then,
        p.entered_at as entered_then, p.expected_close_date
      from (select count(*)::int as total from o) n
      left join p on true
      left join deals d on d.org_id = ${orgId} and d.id = p.deal_id
      left join customers c on c.org_id = ${orgId} and c.id = p.customer_id
      left join users u on u.org_id = ${orgId} and u.id = p.deal_owner_id
      order by ${orderBy(sql`p`, order)}`,
  );
  const deals: OpenDealThen[] = [];
  for (const row of rows) {
    if (row.id === null || row.stage_then === null || row.entered_then === null) continue;
    const stage = stages.find((s) => s.key === row.stage_then);
    const probability =
      row.stage_then === row.stage_key ? Number(row.probability) : (stage?.probability ?? 0);
    const expected = row.expected_close_date;
    deals.push({
      id: row.id,
      name: row.name ?? '',
      customerName: row.customer_name ?? '',
      ownerName: row.owner_name,
      amountCents: Number(row.amount_cents),
      stageKey: row.stage_then,
      stageEnteredAt: zonedDay(new Date(row.entered_then), scope.timeZone),
      expectedCloseDate:
        expected === null
          ? null
          : typeof expected === 'string'
            ? expected.slice(0, 10)
            : expected.toISOString().slice(0, 10),
      stageProbability: stage?.probability ?? null,
      probability,
    });
  }
  return { total: Number(rows[0]?.total ?? 0), deals };
}

/**
 * The weighted and history methods' totals over the open deals, summed in SQL by the rules of
 * weightedForecastCents and historyForecast (domain/forecast): a close day is the expected
 * close date, else (history) the stage entry day plus the stage's median days, never before
 * today; amounts are rounded per deal, half away from zero.
 */
export async function openDealTotalsNow(
  db: Db,
  scope: ScopeSql,
  stages: readonly StageInfo[],
  rates: readonly StageWinRate[],
  period: CalendarPeriod,
  today: string,
): Promise<{ weighted: number; history: number }> {
  const open = stages.filter((stage) => stage.terminal === null);
  if (open.length === 0) return { weighted: 0, history: 0 };
  const rateRows = open.map((stage) => {
    const rate = rates.find((r) => r.stageKey === stage.key);
    return sql`(${stage.key}::text, ${rate?.won ?? 0}::int, ${rate?.lost ?? 0}::int,
      ${rate?.medianDaysToClose ?? null}::int, ${stage.probability}::int)`;
  });
  const [row] = await queryRows<{ weighted: string | null; history: string | null }>(
    db,
    sql`with rates (stage_key, won, lost, median, stage_probability) as (
        values ${sql.join(rateRows, sql`, `)}
      ),
      o as (${openRows(
        scope,
        stages,
        sql`f.amount_cents, f.probability, f.deal_stage_key, f.stage_key, f.entered_at,
          f.expected_close_date`,
      )}),
      deal as (
        select o.amount_cents as amount, r.won, r.lost, r.stage_probability,
          case when o.stage_key = o.deal_stage_key then o.probability
            else r.stage_probability end as probability,
          o.expected_close_date as expected,
          coalesce(o.expected_close_date,
            (o.entered_at at time zone ${scope.timeZone})::date + r.median) as history_close
        from o join rates r on r.stage_key = o.stage_key
      )
      select
        sum(case when expected is not null
            and greatest(expected, ${today}::date) between ${period.from}::date and ${period.to}::date
          then deal_weighted_cents(amount, probability) else 0 end)::bigint as weighted,
        sum(case when history_close is not null
            and greatest(history_close, ${today}::date) between ${period.from}::date and ${period.to}::date
          then case when won + lost > 0
              then sign(amount) * div(2 * abs(amount)::numeric * won + (won + lost), 2 * (won + lost))
              else deal_weighted_cents(amount, stage_probability) end
          else 0 end)::bigint as history
      from deal`,
  );
  return { weighted: Number(row?.weighted ?? 0), history: Number(row?.history ?? 0) };
}
