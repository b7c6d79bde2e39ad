// Distinct customers contacted in a period, and those of them won after the contact, without
// reading the period's activities: customer_contact_blocks (migration 0023) holds, per rep and
// for the org as a whole, each contact day with the subject's previous contact day. A subject
// (rep–customer pair, or customer) was contacted in [F, T] iff it has a contact day in [F, T]
// whose previous one is before F, and exactly one: its first in the period. Whole months of the
// period are read as month blocks (only days whose previous contact is before the month), the
// loose days at either end as day blocks.
import { type SQL, sql } from 'drizzle-orm';
import { splitWholeMonths } from '../../../domain/format/dates';
import { type Db, queryRows } from '../../db/client';
import { occurredIn, type ReportPeriod } from './workData.scope';

/** The blocks (alias b) that cover the period's local days once, as a condition. */
export function contactBlocksIn(period: Pick<ReportPeriod, 'from' | 'to'>): SQL {
  const { months, days } = splitWholeMonths(period.from, period.to);
  const range = (block: 'day' | 'month', lo: string | null, hi: string | null) =>
    sql`(b.block = ${sql.raw(`'${block}'`)} and ${lo === null ? sql`true` : sql`b.block_start >= ${lo}::date`}
      and ${hi === null ? sql`true` : sql`b.block_start < ${hi}::date`})`;
  const parts = [
    ...(months ? [range('month', months.from, months.until)] : []),
    ...days.map((run) => range('day', run.from, run.until)),
  ];
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** The subject's first contact in the period: no contact day since the period began before it. */
function firstInPeriod(period: Pick<ReportPeriod, 'from'>): SQL {
  return period.from === null
    ? sql`b.prev_day = '-infinity'::date`
    : sql`b.prev_day < ${period.from}::date`;
}

/**
 * Per user in scope (alias u), the subjects of a blocks table (customer_contact_blocks or
 * customer_forward_blocks) in the period: the distinct customers each one contacted, or moved
 * forward; with `wholeOrg`, also the org's own (user_id null), a customer counting once.
 */
export function subjectsFromBlocks(
  db: Db,
  table: 'customer_contact_blocks' | 'customer_forward_blocks',
  orgId: string,
  users: SQL,
  period: Pick<ReportPeriod, 'from' | 'to'>,
  wholeOrg: boolean,
): Promise<{ user_id: string | null; n: number }[]> {
  const wholeOrgToo = wholeOrg ? sql`p.user_id is null or` : sql``;
  // The period's blocks summed once, then narrowed to the scope: joined to users first, the
  // planner ran one index scan of the whole period per user (3.5 s a quarter at 551 reps).
  return queryRows<{ user_id: string | null; n: number }>(
    db,
    sql`with per_user as materialized (
        select b.user_id, sum(b.subjects)::int as n
        from ${sql.identifier(table)} b
        where b.org_id = ${orgId} and ${contactBlocksIn(period)} and ${firstInPeriod(period)}
        group by b.user_id)
      select p.user_id, p.n from per_user p
      where p.n > 0
        and (${wholeOrgToo} p.user_id in (select u.id from users u where ${users}))`,
  );
}

/**
 * Per user in scope (alias u), the distinct customers they contacted in the period; with
 * `total`, also the scope's own (user_id null), a customer counting once. The whole org's
 * total is a block read too; a narrower scope's is counted from its activities (one team).
 */
export async function customersContacted(
  db: Db,
  orgId: string,
  users: SQL,
  period: ReportPeriod,
  total: 'none' | 'wholeOrg' | 'scope',
): Promise<{ user_id: string | null; n: number }[]> {
  const [fromBlocks, scopeTotal] = await Promise.all([
    subjectsFromBlocks(db, 'customer_contact_blocks', orgId, users, period, total === 'wholeOrg'),
    total === 'scope'
      ? queryRows<{ user_id: string | null; n: number }>(
          db,
          sql`select null as user_id, count(distinct a.customer_id)::int as n
            from activities a
            where a.org_id = ${orgId} and ${occurredIn(period)}
              and a.user_id in (select u.id from users u where ${users})`,
        )
      : Promise.resolve([]),
  ]);
  return [...fromBlocks, ...scopeTotal];
}

/**
 * Per user, the customers they contacted in the period with a deal won at or after such a
 * contact; the row with user_id null is the scope's (once per customer, won when any contact
 * in scope preceded a win). Won deals closed since the period began are few: each one's
 * customer is probed in activities_customer_idx (which carries the rep) for a contact in the
 * period up to the last win.
 */
export function contactedThenWon(
  db: Db,
  orgId: string,
  users: SQL,
  period: { start: Date; end: Date },
) {
  return queryRows<{ user_id: string | null; n: number }>(
    db,
    sql`with won as (
        select d.customer_id, max(d.closed_at) as last_won
        from deals d
        where d.org_id = ${orgId} and d.status = 'won' and d.closed_at >= ${period.start}
        group by d.customer_id),
      contacted as (
        select w.customer_id, r.user_id
        from won w
          -- Per won customer: distinct keeps the planner from hashing the period's activities,
          -- the scope's users are one array (a join to users was planned as a nested loop).
          cross join lateral (select distinct a.user_id from activities a
            where a.org_id = ${orgId} and a.customer_id = w.customer_id
              and a.occurred_at >= ${period.start} and a.occurred_at < ${period.end}
              and a.occurred_at <= w.last_won
              and a.user_id = any (array(select u.id from users u where ${users}))) r)
      select c.user_id, count(distinct c.customer_id)::int as n
      from contacted c
      group by grouping sets ((c.user_id), ())`,
  );
}
