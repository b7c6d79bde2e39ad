// The work data report's SQL beyond the activity counts: channels and types, stage moves,
// conversion of contacted customers, follow-ups before a win, inquiry replies, the calendar
// and the trend. Each takes the scoped users (alias u) and the period's instants.
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { firstActivityIn, occurredIn } from './workData.scope';

type Period = { start: Date; end: Date };

const inScope = (column: SQL, users: SQL) =>
  sql`${column} in (select u.id from users u where ${users})`;

export function typeAndChannelCounts(db: Db, orgId: string, users: SQL, period: Period) {
  return queryRows<{ user_id: string; type: string; channel: string; n: number }>(
    db,
    sql`select a.user_id, a.type, coalesce(a.channel, 'none') as channel, count(*)::int as n
      from activities a
      where a.org_id = ${orgId} and ${occurredIn(period)} and ${inScope(sql`a.user_id`, users)}
      group by a.user_id, a.type, coalesce(a.channel, 'none')`,
  );
}

/** Customers whose lifecycle or deals the user moved forward (won counts, lost does not). */
export function customersMovedForward(db: Db, orgId: string, users: SQL, period: Period) {
  return queryRows<{ user_id: string; n: number }>(
    db,
    sql`select h.by_user_id as user_id, count(distinct h.customer_id)::int as n
      from stage_history h
      where h.org_id = ${orgId} and h.at >= ${period.start} and h.at < ${period.end}
        and ${inScope(sql`h.by_user_id`, users)}
        and (h.direction = 'forward' or (h.direction = 'terminal' and exists (
          select 1 from deals d where d.org_id = h.org_id and d.id = h.deal_id
            and d.status = 'won' and d.stage_key = h.to_stage_key)))
      group by h.by_user_id`,
  );
}

/** Of the customers the user contacted in the period, those with a deal won since that contact. */
export function contactedThenWon(db: Db, orgId: string, users: SQL, period: Period) {
  return queryRows<{ user_id: string; n: number }>(
    db,
    sql`select c.user_id, count(*)::int as n
      from (select a.user_id, a.customer_id, min(a.occurred_at) as first_at
        from activities a
        where a.org_id = ${orgId} and ${occurredIn(period)} and ${inScope(sql`a.user_id`, users)}
        group by a.user_id, a.customer_id) c
      where exists (select 1 from deals d where d.org_id = ${orgId}
        and d.customer_id = c.customer_id and d.status = 'won' and d.closed_at >= c.first_at)
      group by c.user_id`,
  );
}

/** Deals the user won in the period and the mean activities on the customer up to each win. */
export function followUpsBeforeWin(db: Db, orgId: string, users: SQL, period: Period) {
  return queryRows<{ user_id: string; won: number; follow_ups: number }>(
    db,
    sql`select d.owner_id as user_id, count(*)::int as won,
        sum((select count(*) from activities a where a.org_id = d.org_id
          and a.customer_id = d.customer_id and a.occurred_at <= d.closed_at))::int as follow_ups
      from deals d
      where d.org_id = ${orgId} and d.status = 'won'
        and d.closed_at >= ${period.start} and d.closed_at < ${period.end}
        and ${inScope(sql`d.owner_id`, users)}
      group by d.owner_id`,
  );
}

/** Inquiries received in the period that the user answered first, and the total wait. */
export function inquiryReplies(db: Db, orgId: string, users: SQL, period: Period) {
  return queryRows<{ user_id: string; answered: number; minutes: number }>(
    db,
    sql`select i.first_response_by as user_id, count(*)::int as answered,
        sum(extract(epoch from (i.first_response_at - i.received_at)) / 60)::float8 as minutes
      from inquiries i
      where i.org_id = ${orgId} and i.first_response_at is not null
        and i.received_at >= ${period.start} and i.received_at < ${period.end}
        and ${inScope(sql`i.first_response_by`, users)}
      group by i.first_response_by`,
  );
}

export function activityCalendar(
  db: Db,
  orgId: string,
  users: SQL,
  period: Period,
  timeZone: string,
) {
  return queryRows<{ user_id: string; day: string; n: number }>(
    db,
    sql`select a.user_id, to_char(a.occurred_at at time zone ${timeZone}, 'YYYY-MM-DD') as day,
        count(*)::int as n
      from activities a
      where a.org_id = ${orgId} and ${occurredIn(period)} and ${inScope(sql`a.user_id`, users)}
      group by 1, 2 order by 2, 1`,
  );
}

export interface TrendRow {
  bucket: string;
  activities: number;
  effective: number;
  new_customers: number;
  visits: number;
  calls: number;
  proposals: number;
}

/**
 * The scope's counts per day or ISO week (local dates), the same rules as the facts (new
 * customers by their first activity); every
 * bucket of the period is there, the quiet ones with zeros.
 */
export function activityTrend(
  db: Db,
  orgId: string,
  users: SQL,
  period: Period & { from: string; to: string },
  timeZone: string,
  granularity: 'day' | 'week',
) {
  const bucket = sql`date_trunc(${granularity}, a.occurred_at at time zone ${timeZone})::date`;
  const firstBucket = sql`date_trunc(${granularity}, c.first_activity_at at time zone ${timeZone})::date`;
  const step = granularity === 'day' ? sql`interval '1 day'` : sql`interval '1 week'`;
  return queryRows<TrendRow>(
    db,
    sql`with counts as (
        select ${bucket} as bucket,
          count(*)::int as activities,
          count(*) filter (where a.effective)::int as effective,
          count(*) filter (where a.type = 'visit')::int as visits,
          count(*) filter (where a.type = 'call')::int as calls,
          count(*) filter (where a.type = 'quote')::int as proposals
        from activities a
        where a.org_id = ${orgId} and ${occurredIn(period)} and ${inScope(sql`a.user_id`, users)}
        group by 1),
      firsts as (
        select ${firstBucket} as bucket, count(*)::int as new_customers
        from customers c
        where c.org_id = ${orgId} and ${firstActivityIn(period)}
          and ${inScope(sql`c.first_activity_user_id`, users)}
        group by 1)
      select to_char(b.bucket, 'YYYY-MM-DD') as bucket,
        coalesce(c.activities, 0) as activities, coalesce(c.effective, 0) as effective,
        coalesce(f.new_customers, 0) as new_customers, coalesce(c.visits, 0) as visits,
        coalesce(c.calls, 0) as calls, coalesce(c.proposals, 0) as proposals
      from (select generate_series(date_trunc(${granularity}, ${period.from}::date),
          ${period.to}::date, ${step})::date as bucket) b
      left join counts c on c.bucket = b.bucket
      left join firsts f on f.bucket = b.bucket
      order by b.bucket`,
  );
}

/** Per metric, the sum of the scoped users' own targets for one bucket of this size. */
export function bucketTargets(db: Db, orgId: string, users: SQL, granularity: 'day' | 'week') {
  return queryRows<{ metric: string; total: number }>(
    db,
    sql`select t.metric, sum(t.target)::int as total from activity_targets t
      where t.org_id = ${orgId} and t.period = ${granularity} and ${inScope(sql`t.user_id`, users)}
      group by t.metric`,
  );
}
