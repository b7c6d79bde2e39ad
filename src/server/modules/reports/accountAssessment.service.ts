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
import { customerGradeSql } from '../grading/customerGradeSql';
import type { AccountAssessment, AssessmentQuery } from './accountAssessment.schema';
import type { ReportContext } from './funnelReport.service';
import { checkDays, yuan } from './funnelScope';
import { periodSalesPipeline } from './salesMonths';

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
  const org = viewer.orgId;
  // Visibility and the owner/team filters apply to customer_sales_pipeline's owner and pool
  // team (c.id, c.owner_id, c.pool_team_id), so no pass over the wide customers table.
  const conditions: SQL[] = viewer.role === 'admin' ? [] : [visibleCustomers(viewer)];
  if (query.ownerId) conditions.push(sql`c.owner_id = ${query.ownerId}`);
  if (query.teamId) {
    conditions.push(sql`c.owner_id in (select u.id from users u
      where u.org_id = ${org} and u.team_id = ${query.teamId})`);
  }
  const base = sql`assessed as (
      select a.id, a.current, a.potential, a.open_deals
      from (${periodSalesPipeline(org, from, to, conditions, { withOpenDeals: true })}) a
    ),
    bench as (
      select coalesce(${query.currentBenchmark ?? null}::bigint, round(avg(current))::bigint, 0) as current,
        coalesce(${query.potentialBenchmark ?? null}::bigint, round(avg(potential))::bigint, 0) as potential
      from assessed
    )`;
  // The quadrant of a row `a` against the benchmarks `b`: domain/reports/accountQuadrant in SQL.
  const quadrantOf = sql`case
      when a.current > 0 and a.current >= b.current
        and a.potential > 0 and a.potential >= b.potential then 'strategic'
      when a.current > 0 and a.current >= b.current then 'key'
      when a.potential > 0 and a.potential >= b.potential then 'potential'
      else 'general' end`;
  // One statement: the quadrants, the top customers and the benchmarks all read the assessed
  // set, which PostgreSQL then builds once (a CTE read more than once is materialised). As
  // three statements it was built three times, one after another on PGlite's single thread.
  // The quadrant is worked out in the one aggregate and for the top rows only (not kept per
  // row), the total is the quadrants' sum, and names, owners and grades are looked up for the
  // top rows only.
  const [answer] = await db.transaction(async (tx) => {
    // The assessed set (one row per customer with sales or open deals) kept in memory.
    await tx.execute(sql`set local work_mem = '32MB'`);
    return queryRows<{
      quadrants: {
        quadrant: AccountQuadrant;
        customers: number;
        current: string;
        potential: string;
      }[];
      rows: {
        id: string;
        name: string;
        owner_name: string | null;
        score: number | null;
        grade: string | null;
        current: string;
        potential: string;
        open_deals: number;
        quadrant: AccountQuadrant;
      }[];
      bench: { current: string; potential: string } | null;
    }>(
      tx,
      sql`with ${base},
      top as (
        select a.id, a.current, a.potential, a.open_deals, ${quadrantOf} as quadrant,
          a.current + a.potential as sort_value
        from assessed a cross join bench b
        order by a.current + a.potential desc, a.id limit ${LIMIT}
      ),
      named as (
        select t.id, c.name, u.name as owner_name, c.score, ${customerGradeSql('c')} as grade,
          t.current::text as current, t.potential::text as potential, t.open_deals, t.quadrant,
          t.sort_value
        from top t join customers c on c.org_id = ${org} and c.id = t.id
          left join users u on u.org_id = ${org} and u.id = c.owner_id
      )
      select
        (select coalesce(json_agg(q), '[]') from (select ${quadrantOf} as quadrant,
            count(*)::int as customers, sum(a.current)::text as current,
            sum(a.potential)::text as potential
          from assessed a cross join bench b group by 1) q) as quadrants,
        (select coalesce(json_agg(n order by n.sort_value desc, n.id), '[]') from named n) as rows,
        (select json_build_object('current', b.current::text, 'potential', b.potential::text)
          from bench b) as bench`,
    );
  });
  const quadrants = answer?.quadrants ?? [];
  const rows = answer?.rows ?? [];
  const bench = answer?.bench;
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
    total: quadrants.reduce((sum, q) => sum + q.customers, 0),
  };
}
