// The funnel report's other views: side by side per owner/team/product/source, flow in a
// period, the monthly trend, velocity, stale deals, won customers by source, lost reasons.
import { type SQL, sql } from 'drizzle-orm';
import { addDays, zonedDay } from '../../../domain/format/dates';
import { type Db, queryRows } from '../../db/client';
import type {
  BreakdownQuery,
  FunnelBreakdown,
  FunnelFlow,
  FunnelReportQuery,
  FunnelTrend,
  FunnelVelocity,
  LostReasons,
  StaleDeals,
  TrendQuery,
  WonBySource,
} from './funnelReport.schema';
import type { ReportContext } from './funnelReport.service';
import {
  checkDays,
  dealConditions,
  dealsFrom,
  periodInstants,
  ratio,
  reportFunnel,
  stageInfos,
  yuan,
} from './funnelScope';

const and = (conditions: SQL[]) => sql.join(conditions, sql` and `);

async function scope(db: Db, context: ReportContext, query: FunnelReportQuery, cohort: boolean) {
  checkDays(query);
  const funnel = await reportFunnel(db, context.viewer.orgId, query.funnelId);
  const stages = stageInfos(funnel, context.locale);
  const where = dealConditions(context.viewer, query, funnel.id, {
    timeZone: context.timeZone,
    cohort,
  });
  return { funnel, stages, where };
}

const DIMENSIONS: Record<BreakdownQuery['by'], { key: SQL; label: SQL; joins: SQL }> = {
  owner: {
    key: sql`d.owner_id::text`,
    label: sql`u.name`,
    joins: sql`left join users u on u.org_id = d.org_id and u.id = d.owner_id`,
  },
  team: {
    key: sql`u.team_id::text`,
    label: sql`tm.name`,
    joins: sql`left join users u on u.org_id = d.org_id and u.id = d.owner_id
      left join teams tm on tm.org_id = u.org_id and tm.id = u.team_id`,
  },
  product: {
    key: sql`p.product`,
    label: sql`p.product`,
    joins: sql`left join lateral unnest(d.products) p(product) on true`,
  },
  source: { key: sql`c.source`, label: sql`c.source`, joins: sql`` },
};

/** Deals now per stage for each owner, team, product (a deal counts for each of its products) or source. */
export async function getFunnelBreakdown(
  db: Db,
  context: ReportContext,
  query: BreakdownQuery,
): Promise<FunnelBreakdown> {
  const { stages, where } = await scope(db, context, query, true);
  const dimension = DIMENSIONS[query.by];
  const rows = await queryRows<{
    key: string | null;
    label: string | null;
    stage_key: string;
    count: number;
    amount: string;
    weighted: string;
  }>(
    db,
    sql`select ${dimension.key} as key, min(${dimension.label}) as label, d.stage_key,
        count(*)::int as count, sum(d.amount_cents)::bigint as amount,
        sum(round(d.amount_cents * d.probability / 100.0))::bigint as weighted
      from ${dealsFrom(context.viewer, query.by === 'source')} ${dimension.joins}
      where ${and(where)}
      group by 1, d.stage_key`,
  );
  const groups = new Map<string, FunnelBreakdown['rows'][number]>();
  for (const row of rows) {
    const id = row.key ?? '';
    let group = groups.get(id);
    if (!group) {
      group = {
        key: row.key,
        label: row.label,
        counts: stages.map(() => 0),
        amounts: stages.map(() => 0),
        deals: 0,
        amount: 0,
        weightedAmount: 0,
        won: 0,
        lost: 0,
        winRate: null,
      };
      groups.set(id, group);
    }
    const stage = stages.find((s) => s.key === row.stage_key);
    if (!stage) continue;
    group.counts[stage.ord] = row.count;
    group.amounts[stage.ord] = yuan(row.amount);
    group.deals += row.count;
    // Sums of cents as yuan: add the cents first so no float error piles up.
    group.amount = (Math.round(group.amount * 100) + Number(row.amount)) / 100;
    group.weightedAmount = (Math.round(group.weightedAmount * 100) + Number(row.weighted)) / 100;
    if (stage.terminal === 'won') group.won += row.count;
    if (stage.terminal === 'lost') group.lost += row.count;
  }
  const result = [...groups.values()].map((group) => ({
    ...group,
    winRate: ratio(group.won, group.won + group.lost),
  }));
  result.sort((a, b) => b.amount - a.amount || String(a.label).localeCompare(String(b.label)));
  return { stages: stages.map(({ key, name }) => ({ key, name })), rows: result };
}

/** The period a view needs: the asked days, else the current month in the org's zone. */
function periodDays(context: ReportContext, query: { from?: string; to?: string }, now: Date) {
  const today = zonedDay(now, context.timeZone);
  const from = query.from ?? `${today.slice(0, 7)}-01`;
  const to = query.to ?? addDays(`${addDays(`${today.slice(0, 7)}-28`, 4).slice(0, 7)}-01`, -1);
  return { from, to, ...periodInstants({ from, to }, context.timeZone) };
}

/** Flow in the period: distinct deals that entered each stage during it (无论现在在哪). */
export async function getFunnelFlow(
  db: Db,
  context: ReportContext,
  query: FunnelReportQuery,
  now: Date,
): Promise<FunnelFlow> {
  const { funnel, stages, where } = await scope(db, context, query, false);
  const period = periodDays(context, query, now);
  const rows = await queryRows<{ key: string; entered: number; amount: string }>(
    db,
    sql`select e.key, count(*)::int as entered, sum(e.amount_cents)::bigint as amount
      from (
        select distinct h.to_stage_key as key, d.id, d.amount_cents
        from stage_history h join ${dealsFrom(context.viewer)}
          on d.org_id = h.org_id and d.id = h.deal_id
        where h.org_id = ${context.viewer.orgId} and h.funnel_id = ${funnel.id}
          and h.at >= ${period.start} and h.at < ${period.end} and ${and(where)}
      ) e group by e.key`,
  );
  return {
    from: period.from,
    to: period.to,
    stages: stages.map((stage) => {
      const row = rows.find((r) => r.key === stage.key);
      return {
        key: stage.key,
        name: stage.name,
        entered: row?.entered ?? 0,
        amount: yuan(row?.amount),
      };
    }),
  };
}

/** Deals entering each stage per month of a year (org time zone), for a stacked chart. */
export async function getFunnelTrend(
  db: Db,
  context: ReportContext,
  query: TrendQuery,
  now: Date,
): Promise<FunnelTrend> {
  const { funnel, stages, where } = await scope(db, context, query, false);
  const year = query.year ?? Number(zonedDay(now, context.timeZone).slice(0, 4));
  const { start, end } = periodInstants(
    { from: `${year}-01-01`, to: `${year}-12-31` },
    context.timeZone,
  );
  const rows = await queryRows<{ key: string; month: number; entered: number }>(
    db,
    sql`select h.to_stage_key as key,
        extract(month from h.at at time zone ${context.timeZone})::int as month,
        count(distinct h.deal_id)::int as entered
      from stage_history h join ${dealsFrom(context.viewer)}
        on d.org_id = h.org_id and d.id = h.deal_id
      where h.org_id = ${context.viewer.orgId} and h.funnel_id = ${funnel.id}
        and h.at >= ${start} and h.at < ${end} and ${and(where)}
      group by 1, 2`,
  );
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return {
    year,
    months,
    series: stages.map((stage) => ({
      key: stage.key,
      name: stage.name,
      entered: months.map(
        (_, i) => rows.find((r) => r.key === stage.key && r.month === i + 1)?.entered ?? 0,
      ),
    })),
  };
}

/**
 * Days in each stage: every finished stay (entry into the stage until the deal's next move),
 * counted in calendar days of the org's zone, for stays that ended in the period.
 */
export async function getFunnelVelocity(
  db: Db,
  context: ReportContext,
  query: FunnelReportQuery,
): Promise<FunnelVelocity> {
  const { funnel, stages, where } = await scope(db, context, query, false);
  const { start, end } = periodInstants(query, context.timeZone);
  const ended: SQL[] = [sql`s.left_at is not null`];
  if (start) ended.push(sql`s.left_at >= ${start}`);
  if (end) ended.push(sql`s.left_at < ${end}`);
  const tz = context.timeZone;
  const rows = await queryRows<{ key: string; stays: number; median: number; p80: number }>(
    db,
    sql`with stays as (
        select h.to_stage_key as key, h.at,
          lead(h.at) over (partition by h.deal_id order by h.at, h.id) as left_at
        from stage_history h join ${dealsFrom(context.viewer)}
          on d.org_id = h.org_id and d.id = h.deal_id
        where h.org_id = ${context.viewer.orgId} and h.funnel_id = ${funnel.id} and ${and(where)}
      )
      select s.key, count(*)::int as stays,
        percentile_disc(0.5) within group (order by days) as median,
        percentile_disc(0.8) within group (order by days) as p80
      from (select key, left_at,
          ((left_at at time zone ${tz})::date - (at at time zone ${tz})::date) as days
        from stays) s
      where ${and(ended)}
      group by s.key`,
  );
  return {
    stages: stages
      .filter((stage) => stage.terminal === null)
      .map((stage) => {
        const row = rows.find((r) => r.key === stage.key);
        return {
          key: stage.key,
          name: stage.name,
          stays: row?.stays ?? 0,
          medianDays: row ? Number(row.median) : null,
          p80Days: row ? Number(row.p80) : null,
        };
      }),
  };
}

/** Open deals past their stage's stale threshold, longest overdue first (at most 200). */
export async function getStaleDeals(
  db: Db,
  context: ReportContext,
  query: FunnelReportQuery,
  now: Date,
): Promise<StaleDeals> {
  const { stages, where } = await scope(db, context, query, false);
  const conditions = [...where, sql`d.status = 'open'`, sql`d.stale_at <= ${now}`];
  const tz = context.timeZone;
  const rows = await queryRows<{
    id: string;
    name: string;
    customer_id: string;
    customer_name: string;
    owner_id: string;
    owner_name: string | null;
    stage_key: string;
    amount_cents: string;
    stage_entered_at: Date | string;
    stale_at: Date | string;
    days: number;
    total: number;
  }>(
    db,
    sql`select d.id, d.name, d.customer_id, c.name as customer_name, d.owner_id,
        u.name as owner_name, d.stage_key, d.amount_cents, d.stage_entered_at, d.stale_at,
        ((${now}::timestamptz at time zone ${tz})::date
          - (d.stage_entered_at at time zone ${tz})::date) as days,
        count(*) over ()::int as total
      from ${dealsFrom(context.viewer, true)}
      left join users u on u.org_id = d.org_id and u.id = d.owner_id
      where ${and(conditions)}
      order by d.stale_at, d.id limit 200`,
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      customerId: row.customer_id,
      customerName: row.customer_name,
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      stageKey: row.stage_key,
      stageName: stages.find((s) => s.key === row.stage_key)?.name ?? row.stage_key,
      amount: yuan(row.amount_cents),
      stageEnteredAt: new Date(row.stage_entered_at).toISOString(),
      staleAt: new Date(row.stale_at).toISOString(),
      daysInStage: Number(row.days),
    })),
  };
}

function closedIn(context: ReportContext, query: FunnelReportQuery): SQL[] {
  const { start, end } = periodInstants(query, context.timeZone);
  const conditions: SQL[] = [];
  if (start) conditions.push(sql`d.closed_at >= ${start}`);
  if (end) conditions.push(sql`d.closed_at < ${end}`);
  return conditions;
}

/** Deals won in the period by their customer's source channel (签约客户资料来源). */
export async function getWonBySource(
  db: Db,
  context: ReportContext,
  query: FunnelReportQuery,
): Promise<WonBySource> {
  const { where } = await scope(db, context, query, false);
  const rows = await queryRows<{
    source: string | null;
    customers: number;
    deals: number;
    amount: string;
  }>(
    db,
    sql`select c.source, count(distinct d.customer_id)::int as customers, count(*)::int as deals,
        sum(d.amount_cents)::bigint as amount
      from ${dealsFrom(context.viewer, true)}
      where ${and([...where, sql`d.status = 'won'`, ...closedIn(context, query)])}
      group by c.source order by customers desc, amount desc, c.source`,
  );
  return {
    rows: rows.map((row) => ({
      source: row.source,
      customers: row.customers,
      deals: row.deals,
      amount: yuan(row.amount),
    })),
  };
}

/** Deals lost in the period by reason (丢单原因), as recorded at the move to lost. */
export async function getLostReasons(
  db: Db,
  context: ReportContext,
  query: FunnelReportQuery,
): Promise<LostReasons> {
  const { where } = await scope(db, context, query, false);
  const rows = await queryRows<{ reason: string | null; deals: number; amount: string }>(
    db,
    sql`select r.name as reason, count(*)::int as deals, sum(d.amount_cents)::bigint as amount
      from ${dealsFrom(context.viewer)}
      left join lost_reasons r on r.org_id = d.org_id and r.id = d.lost_reason_id
      where ${and([...where, sql`d.status = 'lost'`, ...closedIn(context, query)])}
      group by r.name order by deals desc, amount desc, r.name`,
  );
  return {
    rows: rows.map((row) => ({ reason: row.reason, deals: row.deals, amount: yuan(row.amount) })),
  };
}
