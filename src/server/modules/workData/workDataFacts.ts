// The work data report's SQL beyond the activity counts: channels and types, stage moves,
// conversion of contacted customers, follow-ups before a win, inquiry replies, the calendar
// and the trend. Each takes the scoped users (alias u) and the period (days and instants).
// Counts of activities read activity_day_counts; distinct customers contacted and contacted
// then won are in customersContacted.ts.
// Figures about customers come per user and, in the row with user_id null, for the scope as a
// whole (grouping sets), since a customer two reps worked on counts once in the totals.
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { subjectsFromBlocks } from './customersContacted';
import { dayIn, firstActivityIn } from './workData.scope';

type Period = { start: Date; end: Date; from: string; to: string };

const inScope = (column: SQL, users: SQL) =>
  sql`${column} in (select u.id from users u where ${users})`;

export function typeAndChannelCounts(db: Db, orgId: string, users: SQL, period: Period) {
  return queryRows<{ user_id: string; type: string; channel: string; n: number }>(
    db,
    sql`select d.user_id, d.type, case d.channel when '' then 'none' else d.channel end as channel,
        sum(d.activities)::int as n
      from activity_day_counts d
      where d.org_id = ${orgId} and ${dayIn(period)} and ${inScope(sql`d.user_id`, users)}
      group by d.user_id, d.type, d.channel
      having sum(d.activities) > 0`,
  );
}

/**
 * Customers whose lifecycle or deals the user moved forward (won counts, lost does not). A
 * move into won counts while its deal is still won there (closed_at is set at each close, so
 * such a deal's closed_at is at or after the move). The whole org's are read from
 * customer_forward_blocks (migration 0028), kept by triggers to the same rule: its quarter
 * counted 363,736 moves here (0.6–2.5 s at 10 M activities). A team's or a rep's moves are
 * read through stage_history_by_user_idx, each move into won checking its deal by primary key
 * (a team's quarter has a few hundred; hashing the org's 24,000 deals won since the period
 * began took 260 ms of its 364).
 */
export function customersMovedForward(
  db: Db,
  orgId: string,
  users: SQL,
  period: Period,
  wholeOrg: boolean,
) {
  if (wholeOrg) {
    return subjectsFromBlocks(db, 'customer_forward_blocks', orgId, users, period, true);
  }
  return queryRows<{ user_id: string | null; n: number }>(
    db,
    sql`select h.by_user_id as user_id, count(distinct h.customer_id)::int as n
      from stage_history h
      where h.org_id = ${orgId} and h.at >= ${period.start} and h.at < ${period.end}
        and ${inScope(sql`h.by_user_id`, users)}
        and (h.direction = 'forward' or (h.direction = 'terminal' and exists (
          select 1 from deals d where d.org_id = h.org_id and d.id = h.deal_id
            and d.status = 'won' and d.stage_key = h.to_stage_key
            and d.closed_at >= ${period.start})))
      group by grouping sets ((h.by_user_id), ())`,
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

export function activityCalendar(db: Db, orgId: string, users: SQL, period: Period) {
  return queryRows<{ user_id: string; day: string; n: number }>(
    db,
    sql`select d.user_id, to_char(d.day, 'YYYY-MM-DD') as day, sum(d.activities)::int as n
      from activity_day_counts d
      where d.org_id = ${orgId} and ${dayIn(period)} and ${inScope(sql`d.user_id`, users)}
      group by d.user_id, d.day
      having sum(d.activities) > 0
      order by d.day, d.user_id`,
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
  const bucket = sql`date_trunc(${granularity}, d.day::timestamp)::date`;
  const firstBucket = sql`date_trunc(${granularity}, c.first_activity_at at time zone ${timeZone})::date`;
  const step = granularity === 'day' ? sql`interval '1 day'` : sql`interval '1 week'`;
  return queryRows<TrendRow>(
    db,
    sql`with counts as (
        select ${bucket} as bucket,
          sum(d.activities)::int as activities,
          sum(d.effective)::int as effective,
          coalesce(sum(d.activities) filter (where d.type = 'visit'), 0)::int as visits,
          coalesce(sum(d.activities) filter (where d.type = 'call'), 0)::int as calls,
          coalesce(sum(d.activities) filter (where d.type = 'quote'), 0)::int as proposals
        from activity_day_counts d
        where d.org_id = ${orgId} and ${dayIn(period)} and ${inScope(sql`d.user_id`, users)}
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

/**
 * Per metric, the target of one bucket of this size for the scope: each team in it counts with
 * its own team target where it has one, otherwise with its members' own targets; users outside
 * such teams with their own. `withTeams` false (one rep's view) counts own targets only.
 */
export function bucketTargets(
  db: Db,
  orgId: string,
  users: SQL,
  granularity: 'day' | 'week',
  withTeams: boolean,
) {
  return queryRows<{ metric: string; total: number }>(
    db,
    sql`with scoped as (select u.id, u.team_id from users u where ${users}),
      team_targets as (
        select t.team_id, t.metric, t.target from activity_targets t
        where ${withTeams} and t.org_id = ${orgId} and t.period = ${granularity}
          and t.team_id in (select s.team_id from scoped s)),
      own_targets as (
        select t.metric, t.target from activity_targets t join scoped s on s.id = t.user_id
        where t.org_id = ${orgId} and t.period = ${granularity}
          and not exists (select 1 from team_targets tt
            where tt.team_id = s.team_id and tt.metric = t.metric))
      select metric, sum(target)::int as total
      from (select metric, target from team_targets
        union all select metric, target from own_targets) both_kinds
      group by metric`,
  );
}
