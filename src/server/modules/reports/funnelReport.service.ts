// GET /reports/funnel (fields fixed in API.md): per stage the deals there now, their amount and
// weighted amount, how many ever reached the stage or a later one, and the conversion onwards.
import { type SQL, sql } from 'drizzle-orm';
import type { Locale } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import type { Viewer } from '../deals/deals.access';
import { groupedForPeriod } from './funnelPeriod';
import type { FunnelReport, FunnelReportQuery } from './funnelReport.schema';
import {
  checkDays,
  ratio,
  reportFunnel,
  type ScopedFunnel,
  type StageInfo,
  stageInfos,
  stageRows,
  yuan,
} from './funnelScope';
import { groupedFromTotals } from './funnelTotals';

/** A stage key's place in the funnel as a CASE. */
function ordOf(stages: readonly StageInfo[], key: SQL): SQL {
  if (stages.length === 0) return sql`null::int`;
  return sql`(case ${key} ${sql.join(
    stages.map((stage) => sql`when ${stage.key} then ${stage.ord}::int`),
    sql` `,
  )} end)`;
}

export interface ReportContext {
  viewer: Viewer;
  locale: Locale;
  timeZone: string;
}

interface StageAggregate {
  kind: 'now' | 'reach' | 'closed';
  key: string;
  count: number;
  amount: string | number;
  weighted: string | number;
}

/**
 * The funnel's deals grouped by stage, status and the furthest open stage each entered
 * (deals.furthest_stage_key, kept at every move: deals/furthestStage.ts): a few dozen groups,
 * from which the stages now, "reached" and the closed counts are read. A won deal reached
 * every open stage; a deal with nothing recorded reached its current stage. The groups are
 * summed from deal_stage_totals (funnelTotals.ts); a creation period takes its whole months
 * from there and its partial months at the edges from the deals (funnelPeriod.ts).
 */
export async function getFunnelReport(
  db: Db,
  context: ReportContext,
  query: FunnelReportQuery,
): Promise<FunnelReport> {
  checkDays(query);
  const funnel: ScopedFunnel = await reportFunnel(db, context.viewer.orgId, query.funnelId);
  const stages = stageInfos(funnel, context.locale);
  const grouped =
    query.from || query.to
      ? groupedForPeriod(context.viewer, query, funnel.id, context.timeZone)
      : groupedFromTotals(context.viewer, query, funnel.id);
  const open = stages.filter((stage) => stage.terminal === null);
  const lastOpen = open.length === 0 ? -1 : Math.max(...open.map((stage) => stage.ord));
  // A manager's ragged period hashes ~160,000 visible customer ids at 1M customers: kept in
  // memory, and not JIT-compiled (its estimate crosses the JIT threshold; compiling took
  // 100–500 ms of a statement that runs in less).
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '32MB'`);
    return queryRows<StageAggregate>(
      tx,
      sql`with topped as (
        select g.*, case when g.status = 'won' then ${lastOpen}::int
            else greatest(${ordOf(open, sql`g.stage_key`)}, ${ordOf(open, sql`g.furthest_stage_key`)})
          end as top
        from (select g.stage_key, g.status, g.furthest_stage_key, sum(g.n)::int as n,
            sum(g.amount)::bigint as amount, sum(g.weighted)::bigint as weighted
          from (${grouped}) g group by 1, 2, 3) g
      )
      select 'now' as kind, stage_key as key, sum(n)::int as count, sum(amount)::bigint as amount,
        sum(weighted)::bigint as weighted
      from topped group by stage_key
      union all
      select 'reach', st.key, coalesce(sum(g.n), 0)::int, 0, 0
      from ${stageRows(open)} as st(key, ord)
      left join topped g on g.top >= st.ord group by st.key
      union all
      select 'closed', status, sum(n)::int, 0, 0 from topped
      where status in ('won', 'lost') group by status`,
    );
  });
  const of = (kind: StageAggregate['kind'], key: string) =>
    rows.find((row) => row.kind === kind && row.key === key);
  const reachedOf = (stage: StageInfo) =>
    Number((stage.terminal ? of('closed', stage.terminal) : of('reach', stage.key))?.count ?? 0);
  const won = Number(of('closed', 'won')?.count ?? 0);
  const lost = Number(of('closed', 'lost')?.count ?? 0);
  return {
    stages: stages.map((stage, index) => {
      const row = of('now', stage.key);
      const reached = reachedOf(stage);
      const next = stages[index + 1];
      // The last open stage converts into won; won and lost convert into nothing.
      const conversionToNext =
        stage.terminal !== null || !next ? null : ratio(reachedOf(next), reached);
      return {
        key: stage.key,
        name: stage.name,
        count: Number(row?.count ?? 0),
        amount: yuan(row?.amount),
        weightedAmount: yuan(row?.weighted),
        reached,
        conversionToNext,
      };
    }),
    winRate: ratio(won, won + lost),
  };
}
