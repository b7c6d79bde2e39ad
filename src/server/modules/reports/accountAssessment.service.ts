// Account assessment (客户价值评估): each visible customer's current revenue (sales records in
// the period) against its potential (weighted open pipeline), split at the benchmarks into the
// four quadrants of domain/reports/accountQuadrant — the same rule, written in SQL.
import { type SQL, sql } from 'drizzle-orm';
import { addDays, zonedDay } from '../../../domain/format/dates';
import {
  ACCOUNT_QUADRANTS,
  type AccountQuadrant,
  QUADRANT_LABELS,
} from '../../../domain/reports/accountQuadrant';
import { type Db, queryRows } from '../../db/client';
import { visibleCustomers } from '../customers/customers.access';
import type { AccountAssessment, AssessmentQuery } from './accountAssessment.schema';
import type { ReportContext } from './funnelReport.service';
import { checkDays, yuan } from './funnelScope';

const LIMIT = 1000;

export async function getAccountAssessment(
  db: Db,
  context: ReportContext,
  query: AssessmentQuery,
  now: Date,
): Promise<AccountAssessment> {
  checkDays(query);
  const viewer = context.viewer;
  const to = query.to ?? zonedDay(now, context.timeZone);
  const from = query.from ?? addDays(`${Number(to.slice(0, 4)) - 1}${to.slice(4)}`, 1);
  const conditions: SQL[] = [sql`c.org_id = ${viewer.orgId}`, visibleCustomers(viewer)];
  if (query.ownerId) conditions.push(sql`c.owner_id = ${query.ownerId}`);
  if (query.teamId) {
    conditions.push(sql`c.owner_id in (select u.id from users u
      where u.org_id = ${viewer.orgId} and u.team_id = ${query.teamId})`);
  }
  const base = sql`cur as (
      select s.customer_id, sum(s.amount_cents)::bigint as current
      from sales_lines s
      where s.org_id = ${viewer.orgId} and s.order_date >= ${from}::date and s.order_date <= ${to}::date
      group by s.customer_id
    ),
    pot as (
      select d.customer_id, sum(round(d.amount_cents * d.probability / 100.0))::bigint as potential,
        count(*)::int as open_deals
      from deals d where d.org_id = ${viewer.orgId} and d.status = 'open'
      group by d.customer_id
    ),
    assessed as (
      select c.id, c.name, c.score, c.grade, c.owner_id,
        coalesce(cur.current, 0) as current, coalesce(pot.potential, 0) as potential,
        coalesce(pot.open_deals, 0) as open_deals
      from customers c
      left join cur on cur.customer_id = c.id
      left join pot on pot.customer_id = c.id
      where ${sql.join(conditions, sql` and `)}
        and (cur.customer_id is not null or pot.customer_id is not null)
    ),
    bench as (
      select coalesce(${query.currentBenchmark ?? null}::bigint, round(avg(current))::bigint, 0) as current,
        coalesce(${query.potentialBenchmark ?? null}::bigint, round(avg(potential))::bigint, 0) as potential
      from assessed
    ),
    placed as (
      select a.*, case
          when a.current >= b.current and a.potential >= b.potential then 'strategic'
          when a.current >= b.current then 'key'
          when a.potential >= b.potential then 'potential'
          else 'general' end as quadrant
      from assessed a cross join bench b
    )`;
  const [quadrants, rows, [bench]] = await Promise.all([
    queryRows<{ quadrant: AccountQuadrant; customers: number; current: string; potential: string }>(
      db,
      sql`with ${base} select quadrant, count(*)::int as customers,
          sum(current)::bigint as current, sum(potential)::bigint as potential
        from placed group by quadrant`,
    ),
    queryRows<{
      id: string;
      name: string;
      owner_name: string | null;
      score: number | null;
      grade: string | null;
      current: string;
      potential: string;
      open_deals: number;
      quadrant: AccountQuadrant;
      total: number;
    }>(
      db,
      sql`with ${base} select p.id, p.name, u.name as owner_name, p.score, p.grade, p.current,
          p.potential, p.open_deals, p.quadrant, count(*) over ()::int as total
        from placed p left join users u on u.org_id = ${viewer.orgId} and u.id = p.owner_id
        order by p.current + p.potential desc, p.id limit ${LIMIT}`,
    ),
    queryRows<{ current: string; potential: string }>(db, sql`with ${base} select * from bench`),
  ]);
  return {
    from,
    to,
    currentBenchmark: yuan(bench?.current),
    potentialBenchmark: yuan(bench?.potential),
    quadrants: ACCOUNT_QUADRANTS.map((quadrant) => {
      const row = quadrants.find((q) => q.quadrant === quadrant);
      const current = Number(row?.current ?? 0);
      const potential = Number(row?.potential ?? 0);
      return {
        quadrant,
        label: QUADRANT_LABELS[quadrant][context.locale],
        customers: row?.customers ?? 0,
        current: current / 100,
        potential: potential / 100,
        value: (current + potential) / 100,
      };
    }),
    customers: rows.map((row) => ({
      customerId: row.id,
      name: row.name,
      ownerName: row.owner_name,
      score: row.score,
      grade: row.grade,
      current: yuan(row.current),
      potential: yuan(row.potential),
      openDeals: row.open_deals,
      value: (Number(row.current) + Number(row.potential)) / 100,
      quadrant: row.quadrant,
    })),
    total: rows[0]?.total ?? 0,
  };
}
