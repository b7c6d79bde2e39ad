// The facts a forecast made at an instant `asOf` could have known: the open deals and their
// stages then, the look-back window's stage history, the reps' latest submitted commitments.
// Amounts and expected close dates are today's (they have no history of their own).
import { type SQL, sql } from 'drizzle-orm';
import type { DealStageFacts, OpenDeal } from '../../../domain/forecast';
import type { CalendarPeriod } from '../../../domain/forecast/forecastPeriod';
import { zonedDay } from '../../../domain/format/dates';
import { type Db, queryRows } from '../../db/client';
import { managedOwners } from '../customers/customers.access';
import type { Viewer } from '../deals/deals.access';
import type { StageInfo } from '../reports/funnelScope';

export interface ScopeSql {
  viewer: Viewer;
  funnelId: string;
  /** Conditions on deals d (joined to customers c). */
  where: SQL[];
  ownerId?: string;
  teamId?: string;
  timeZone: string;
}

export interface OpenDealThen extends OpenDeal {
  name: string;
  customerName: string;
  ownerName: string | null;
  probability: number;
}

const and = (conditions: SQL[]) => sql.join(conditions, sql` and `);
const day = (value: Date | string | null, timeZone: string) =>
  value === null ? null : zonedDay(new Date(value), timeZone);
/** A date column as YYYY-MM-DD whichever way the driver returns it. */
const dateOnly = (value: Date | string | null) =>
  value === null
    ? null
    : typeof value === 'string'
      ? value.slice(0, 10)
      : value.toISOString().slice(0, 10);

/** Deals open at `asOf`: their last stage entry before it was not a terminal stage. */
export async function openDealsAt(
  db: Db,
  scope: ScopeSql,
  stages: readonly StageInfo[],
  asOf: Date,
): Promise<OpenDealThen[]> {
  const open = stages.filter((stage) => stage.terminal === null).map((stage) => stage.key);
  if (open.length === 0) return [];
  const rows = await queryRows<{
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
  }>(
    db,
    sql`with cur as (
        select distinct on (h.deal_id) h.deal_id, h.to_stage_key, h.at
        from stage_history h
        where h.org_id = ${scope.viewer.orgId} and h.funnel_id = ${scope.funnelId}
          and h.deal_id is not null and h.at < ${asOf}
        order by h.deal_id, h.at desc, h.id desc
      )
      select d.id, d.name, c.name as customer_name, u.name as owner_name, d.amount_cents,
        d.probability, d.stage_key, cur.to_stage_key as stage_then, cur.at as entered_then,
        d.expected_close_date
      from deals d join customers c on c.org_id = d.org_id and c.id = d.customer_id
      join cur on cur.deal_id = d.id
      left join users u on u.org_id = d.org_id and u.id = d.owner_id
      where ${and(scope.where)} and cur.to_stage_key in ${open}
      order by d.amount_cents desc, d.id`,
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
 * The look-back window's history: deals of the scope that entered an open stage in
 * [windowStart, asOf), their entries in the window and how they had ended by asOf.
 */
export async function historyFactsAt(
  db: Db,
  scope: ScopeSql,
  stages: readonly StageInfo[],
  windowStart: Date,
  asOf: Date,
): Promise<DealStageFacts[]> {
  const open = stages.filter((stage) => stage.terminal === null).map((stage) => stage.key);
  if (open.length === 0) return [];
  const rows = await queryRows<{
    deal_id: string;
    key: string;
    at: Date | string;
    status: 'open' | 'won' | 'lost';
    closed_at: Date | string | null;
  }>(
    db,
    sql`select h.deal_id, h.to_stage_key as key, h.at, d.status, d.closed_at
      from stage_history h
      join deals d on d.org_id = h.org_id and d.id = h.deal_id
      join customers c on c.org_id = d.org_id and c.id = d.customer_id
      where h.org_id = ${scope.viewer.orgId} and h.funnel_id = ${scope.funnelId}
        and h.at >= ${windowStart} and h.at < ${asOf} and h.to_stage_key in ${open}
        and ${and(scope.where)}
      order by h.deal_id, h.at`,
  );
  const facts = new Map<
    string,
    DealStageFacts & { visits: { stageKey: string; enteredAt: string }[] }
  >();
  for (const row of rows) {
    let deal = facts.get(row.deal_id);
    if (!deal) {
      const closedBefore = row.closed_at !== null && new Date(row.closed_at) < asOf;
      deal = {
        dealId: row.deal_id,
        outcome: closedBefore && row.status !== 'open' ? row.status : 'open',
        closedAt: closedBefore ? day(row.closed_at, scope.timeZone) : null,
        visits: [],
      };
      facts.set(row.deal_id, deal);
    }
    deal.visits.push({ stageKey: row.key, enteredAt: day(row.at, scope.timeZone) as string });
  }
  return [...facts.values()];
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

/** Won in [start, end): status won and closed inside. */
export async function wonBetween(db: Db, scope: ScopeSql, start: Date, end: Date): Promise<number> {
  const [row] = await queryRows<{ won: string | null }>(
    db,
    sql`select sum(d.amount_cents)::bigint as won
      from deals d join customers c on c.org_id = d.org_id and c.id = d.customer_id
      where ${and(scope.where)} and d.status = 'won'
        and d.closed_at >= ${start} and d.closed_at < ${end}`,
  );
  return Number(row?.won ?? 0);
}
