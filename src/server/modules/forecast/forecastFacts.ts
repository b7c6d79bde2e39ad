// The facts a forecast made at an instant `asOf` could have known: the open deals and their
// stages then, the look-back window's stage history, the reps' latest submitted commitments.
// Amounts and expected close dates are today's (they have no history of their own).
import { type SQL, sql } from 'drizzle-orm';
import type { OpenDeal, StageWinRate } from '../../../domain/forecast';
import type { CalendarPeriod } from '../../../domain/forecast/forecastPeriod';
import { zonedDay } from '../../../domain/format/dates';
import { type Db, queryRows } from '../../db/client';
import { managedOwners } from '../customers/customers.access';
import type { Viewer } from '../deals/deals.access';
import type { StageInfo } from '../reports/funnelScope';

export interface ScopeSql {
  viewer: Viewer;
  funnelId: string;
  /** Conditions on deals d: org, funnel, owner or team; who may see them is in `visible`. */
  where: SQL[];
  /** Who may see a deal, as conditions on its customer c whose OR is the whole set. */
  visible: SQL[];
  /**
   * The same as owners: the customer owners whose deals the viewer sees (a rep themself, a
   * manager also their teams'), or null for every held customer (the admin); plus, for a rep
   * or a manager, the held customers shared with them.
   */
  heldBy: string[] | null;
  ownerId?: string;
  teamId?: string;
  timeZone: string;
}

/** An open deal's row as both the history and the kept facts read it, before it is shaped. */
export interface OpenDealRow {
  id: string;
  name: string;
  customer_name: string;
  owner_name: string | null;
  amount_cents: string;
  probability: number;
  stage_key: string;
  stage_then: string;
  entered_then: Date | string;
  expected_close_date: Date | string | null;
}

export interface OpenDealThen extends OpenDeal {
  name: string;
  customerName: string;
  ownerName: string | null;
  probability: number;
}

const and = (conditions: SQL[]) => sql.join(conditions, sql` and `);

/**
 * `scoped(columns)`: the scope's deals that also meet `extra`, with `columns` of d and c, one
 * select per visibility branch merged. A branch starts from the customers it names and reads
 * each one's deals through deals_customer_idx (a lateral fenced by offset 0, so the planner
 * cannot turn a manager's 16,000 deals into a hash join over every deal of the org); the
 * admin's one branch (every held customer) is a plain join, and so is every branch when not
 * `fenced` (a selective `extra` the planner may start from). Materialized and carrying what
 * the query needs, so nothing joins deals again.
 */
function scopedDeals(scope: ScopeSql, extra: SQL, columns: SQL, fenced = true): SQL {
  const orgId = scope.viewer.orgId;
  const branches = scope.visible.map((branch) =>
    scope.viewer.role === 'admin' || !fenced
      ? sql`select ${columns} from deals d
          join customers c on c.org_id = d.org_id and c.id = d.customer_id
          where ${and(scope.where)} and ${branch} and ${extra}`
      : sql`select ${columns} from customers c
          cross join lateral (select * from deals d
            where d.customer_id = c.id and ${and(scope.where)} and ${extra} offset 0) d
          where c.org_id = ${orgId} and ${branch}`,
  );
  return sql`scoped as materialized (${sql.join(branches, sql` union `)})`;
}

/**
 * A report statement's rows with JIT off: a manager's scope costs the planner past
 * jit_above_cost, and compiling took longer (0.2–2.8 s) than running the plan.
 */
async function reportRows<Row>(db: Db, statement: SQL): Promise<Row[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return queryRows<Row>(tx, statement);
  });
}

const day = (value: Date | string | null, timeZone: string) =>
  value === null ? null : zonedDay(new Date(value), timeZone);
/** A date column as YYYY-MM-DD whichever way the driver returns it. */
const dateOnly = (value: Date | string | null) =>
  value === null
    ? null
    : typeof value === 'string'
      ? value.slice(0, 10)
      : value.toISOString().slice(0, 10);

/**
 * Deals open at `asOf`: their last stage entry before it was not a terminal stage. Without
 * `withNames` (the totals alone: My day, the backtest) the customer and owner names are left
 * empty, so the customers are read from their index alone.
 */
export async function openDealsAt(
  db: Db,
  scope: ScopeSql,
  stages: readonly StageInfo[],
  asOf: Date,
  withNames = true,
): Promise<OpenDealThen[]> {
  const open = stages.filter((stage) => stage.terminal === null).map((stage) => stage.key);
  if (open.length === 0) return [];
  // A lookup by key per deal (a join sized by the planner's guess of the users filtered 3M rows).
  const ownerName = sql`(select u.name from users u
    where u.org_id = ${scope.viewer.orgId} and u.id = s.owner_id)`;
  const rows = await reportRows<OpenDealRow>(
    db,
    // From the scope's deals that could be open at asOf (a deal closed before it had ended
    // then), each one's last stage entry before asOf through the (org_id, deal_id, at) index:
    // a rep's few thousand deals, not the funnel's whole history (45 s at 1M deals).
    sql`with ${scopedDeals(
      scope,
      sql`(d.status = 'open' or d.closed_at is null or d.closed_at >= ${asOf})`,
      sql`d.id, d.name, ${withNames ? sql`c.name` : sql`''`} as customer_name, d.owner_id,
        d.amount_cents, d.probability, d.stage_key, d.expected_close_date`,
    )}
      select s.id, s.name, s.customer_name, ${withNames ? ownerName : sql`null`} as owner_name,
        s.amount_cents,
        s.probability, s.stage_key, cur.to_stage_key as stage_then, cur.at as entered_then,
        s.expected_close_date
      from scoped s
      cross join lateral (
        select h.to_stage_key, h.at from stage_history h
        where h.org_id = ${scope.viewer.orgId} and h.deal_id = s.id
          and h.funnel_id = ${scope.funnelId} and h.at < ${asOf}
        order by h.at desc, h.id desc limit 1
      ) cur
      where cur.to_stage_key in ${open}
      order by s.amount_cents desc, s.id`,
  );
  return rows.map((row) => {
    const stage = stages.find((s) => s.key === row.stage_then);
    // The deal's own (maybe overridden) probability while it is still in that stage.
    const probability =
      row.stage_then === row.stage_key ? row.probability : (stage?.probability ?? 0);
    return {
      id: row.id,
      name: row.name,
      customerName: row.customer_name,
      ownerName: row.owner_name,
      amountCents: Number(row.amount_cents),
      stageKey: row.stage_then,
      stageEnteredAt: day(row.entered_then, scope.timeZone) as string,
      expectedCloseDate: dateOnly(row.expected_close_date),
      stageProbability: stage?.probability ?? null,
      probability,
    };
  });
}

/**
 * The history method's facts per open stage, counted set-based in SQL over the look-back
 * window (a manager's tens of thousands of deals return a row per stage, not per entry).
 * The same rules as historicalStageWinRates in domain/forecast, on days in the org's time
 * zone: a deal counts once per stage it entered in [windowStart, asOf), from its last entry
 * that day-wise is not after its close; its outcome is how it had ended by asOf (open if not
 * yet closed then); days to close run from that entry to the win; the median is nearest-rank
 * (percentile_disc).
 */
export async function stageWinRatesAt(
  db: Db,
  scope: ScopeSql,
  stages: readonly StageInfo[],
  windowStart: Date,
  asOf: Date,
): Promise<StageWinRate[]> {
  const open = stages.filter((stage) => stage.terminal === null).map((stage) => stage.key);
  if (open.length === 0) return [];
  const tz = scope.timeZone;
  const closedBefore = sql`(s.closed_at is not null and s.closed_at < ${asOf})`;
  const closedDay = sql`(s.closed_at at time zone ${tz})::date`;
  const enteredDay = sql`(h.at at time zone ${tz})::date`;
  const rows = await reportRows<{
    key: string;
    won: number;
    lost: number;
    open: number;
    median: number | null;
  }>(
    db,
    // The scope's deals first (a deal closed before the window has no entries in it), then
    // each one's entries by the (org_id, deal_id, at) index (lateral, so never a scan of the
    // funnel's whole window), reduced per deal and stage.
    sql`with ${scopedDeals(
      scope,
      sql`(d.status = 'open' or d.closed_at is null or d.closed_at >= ${windowStart})`,
      sql`d.id, d.status, d.closed_at`,
    )},
      facts as (
        select e.key,
          case when ${closedBefore} and s.status <> 'open' then s.status else 'open' end as outcome,
          case when ${closedBefore} then ${closedDay} end as closed_day, e.last_day
        from scoped s
        cross join lateral (
          select h.to_stage_key as key, max(${enteredDay}) as last_day
          from stage_history h
          where h.org_id = ${scope.viewer.orgId} and h.deal_id = s.id
            and h.funnel_id = ${scope.funnelId} and h.at >= ${windowStart} and h.at < ${asOf}
            and h.to_stage_key in ${open}
            and (not ${closedBefore} or ${enteredDay} <= ${closedDay})
          group by h.to_stage_key
        ) e
      )
      select key, count(*) filter (where outcome = 'won')::int as won,
        count(*) filter (where outcome = 'lost')::int as lost,
        count(*) filter (where outcome = 'open')::int as open,
        percentile_disc(0.5) within group (order by closed_day - last_day)
          filter (where outcome = 'won') as median
      from facts group by key`,
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

/** Owners whose deals the scope covers, as SQL on a user id column. */
function ownersInScope(scope: ScopeSql, column: SQL): SQL[] {
  const conditions: SQL[] = [];
  const viewer = scope.viewer;
  if (viewer.role === 'rep') conditions.push(sql`${column} = ${viewer.id}`);
  if (viewer.role === 'manager') {
    conditions.push(sql`(${column} = ${viewer.id} or ${column} in ${managedOwners(viewer)})`);
  }
  if (scope.ownerId) conditions.push(sql`${column} = ${scope.ownerId}`);
  if (scope.teamId) {
    conditions.push(sql`${column} in (select u.id from users u
      where u.org_id = ${viewer.orgId} and u.team_id = ${scope.teamId})`);
  }
  return conditions;
}

/**
 * Method 3, the reps' own numbers: each rep's latest semi-monthly report submitted before
 * asOf, Σ amount × success rate over its lines expected to close in the period, leaving out
 * lines whose deal had already closed and deals of other funnels.
 */
export async function committedAt(
  db: Db,
  scope: ScopeSql,
  period: CalendarPeriod,
  asOf: Date,
): Promise<number> {
  const [row] = await queryRows<{ committed: string | null }>(
    db,
    sql`with latest as (
        select distinct on (r.user_id) r.id
        from funnel_reviews r
        where ${and([
          sql`r.org_id = ${scope.viewer.orgId}`,
          sql`r.status in ('submitted', 'reviewed')`,
          sql`r.submitted_at < ${asOf}`,
          ...ownersInScope(scope, sql`r.user_id`),
        ])}
        order by r.user_id, r.period_from desc, r.submitted_at desc
      )
      select sum(round(l.amount_cents * l.success_rate / 100.0))::bigint as committed
      from latest
      join funnel_review_lines l on l.org_id = ${scope.viewer.orgId} and l.review_id = latest.id
      left join deals d on d.org_id = l.org_id and d.id = l.deal_id
      where l.expected_close_date >= ${period.from}::date and l.expected_close_date <= ${period.to}::date
        and (l.deal_id is null or (d.funnel_id = ${scope.funnelId}
          and not (d.closed_at is not null and d.closed_at < ${asOf})))`,
  );
  return Number(row?.committed ?? 0);
}

/**
 * Won in [start, end): status won and closed inside. Not fenced: the planner may start from
 * the deals closed in the range (deals_closed_at_idx) and look up each one's customer — a
 * month so far holds a few, where a manager's 16,000 customers each cost an index probe.
 */
export async function wonBetween(db: Db, scope: ScopeSql, start: Date, end: Date): Promise<number> {
  const [row] = await reportRows<{ won: string | null }>(
    db,
    sql`with ${scopedDeals(
      scope,
      sql`d.status = 'won' and d.closed_at >= ${start} and d.closed_at < ${end}`,
      sql`d.id, d.amount_cents`,
      false,
    )}
      select sum(s.amount_cents)::bigint as won from scoped s`,
  );
  return Number(row?.won ?? 0);
}
