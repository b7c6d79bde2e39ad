// Each bench customer's deal in the seven-stage funnel and the stage history that led there.
// A deal makes m = 1..O+3 moves (O open stages; 5 on average with the seed's six): the first
// enters stage 1, each next one moves forward; m = O+1 ends won; beyond that the deal went
// back a stage and forward again. A third of deals that stopped early were lost there; a pool
// customer's deal is always closed (its owner let it go). The funnel narrows stage by stage.
import { type SQL, sql } from 'drizzle-orm';
import { PRODUCTS } from '../demo/vocabulary';
import { KIND } from './benchPeople';
import { base, type ChunkContext, customerId } from './benchRows';
import { before, below, stableId } from './benchSql';

function funnelFacts(ctx: ChunkContext) {
  const open = ctx.people.stages.filter((stage) => stage.terminal === null);
  const won = ctx.people.stages.find((stage) => stage.terminal === 'won');
  const lost = ctx.people.stages.find((stage) => stage.terminal === 'lost');
  if (open.length < 2 || !won || !lost)
    throw new Error('The bench funnel needs open, won and lost stages');
  return { open, won, lost, O: open.length };
}

/** Per deal: its number of moves m, outcome, and when it started. */
function dealBase(ctx: ChunkContext, lo: number, hi: number): SQL {
  const { O } = funnelFacts(ctx);
  const moves = sql`1 + ${below(sql`s.g`, 40, O + 3)}`;
  return sql`(select s.*, d.m,
      case when d.m = ${O + 1} then 'won'
        when not s.owned or (d.m <= ${O} and d.m > 1 and ${below(sql`s.g`, 41, 3)} = 0) then 'lost'
        else 'open' end as outcome,
      case when s.owned then ${before(ctx.now, sql`100 + ${below(sql`s.g`, 42, 260)}`)}
        else ${before(ctx.now, sql`230 + ${below(sql`s.g`, 42, 130)}`)} end as started
    from ${base(ctx, lo, hi)}, lateral (select case when s.owned then ${moves}
      else greatest(2, ${moves}) end as m) d) s`;
}

/** The stage a deal is in after its k-th move (1-based). */
function stageAfter(ctx: ChunkContext, k: SQL): SQL {
  const { open, O } = funnelFacts(ctx);
  const keys = sql`${sql.param(open.map((stage) => stage.key))}::text[]`;
  return sql`case when ${k} = s.m and s.outcome <> 'open' then s.outcome
    when ${k} <= ${O} then (${keys})[${k}]
    when (${k} - ${O}) % 2 = 1 then (${keys})[${O - 1}] else (${keys})[${O}] end`;
}

const moveAt = (k: SQL) => sql`(s.started + (${k} - 1) * interval '12 days')`;
const lostReasonIndex = below(sql`s.g`, 43, 1000);

export function dealsChunk(ctx: ChunkContext, lo: number, hi: number): SQL {
  const { open, won, lost } = funnelFacts(ctx);
  const stages = [...open, won, lost];
  const at = (list: SQL, key: SQL) =>
    sql`(${list})[array_position(${sql.param(stages.map((s) => s.key))}::text[], ${key})]`;
  const probability = at(sql`${sql.param(stages.map((s) => s.probability))}::int[]`, sql`x.stage`);
  const staleDays = at(
    sql`${sql.param(stages.map((s) => s.staleAfterDays ?? -1))}::int[]`,
    sql`x.stage`,
  );
  const reasons = ctx.people.lostReasons;
  return sql`insert into deals (org_id, id, customer_id, funnel_id, name, amount_cents,
      budget_cents, expected_close_date, products, stage_key, stage_entered_at, stale_at,
      probability, status, closed_at, lost_reason_id, owner_id, created_by, created_at, updated_at)
    select ${ctx.orgId}, ${stableId(KIND.deal, sql`s.g`)}, ${customerId}, ${ctx.people.funnelId},
      x.product || '项目', x.amount, case when s.g % 2 = 0 then x.amount end,
      case when s.outcome <> 'open' then (${moveAt(sql`s.m`)} at time zone 'Asia/Shanghai')::date
        else (${ctx.now}::timestamptz at time zone 'Asia/Shanghai')::date + 10 + s.g % 110 end,
      array[x.product], x.stage, ${moveAt(sql`s.m`)},
      case when s.outcome = 'open' and ${staleDays} >= 0
        then ${moveAt(sql`s.m`)} + ${staleDays} * interval '1 day' end,
      ${probability}, s.outcome,
      case when s.outcome <> 'open' then ${moveAt(sql`s.m`)} end,
      case when s.outcome = 'lost' then (${sql.param(reasons.map((r) => r.id))}::uuid[])[1 + ${lostReasonIndex} % ${reasons.length}] end,
      ${stableId(KIND.rep, sql`s.r`)}, ${stableId(KIND.rep, sql`s.r`)}, s.started, ${moveAt(sql`s.m`)}
    from ${dealBase(ctx, lo, hi)},
      lateral (select ${stageAfter(ctx, sql`s.m`)} as stage,
        (${sql.param(PRODUCTS)}::text[])[1 + s.g % ${PRODUCTS.length}] as product,
        (20 + ${below(sql`s.g`, 44, 480)})::bigint * 100000 as amount) x`;
}

export function stageHistoryChunk(ctx: ChunkContext, lo: number, hi: number): SQL {
  const { O } = funnelFacts(ctx);
  const reasons = ctx.people.lostReasons;
  return sql`insert into stage_history (org_id, id, customer_id, deal_id, funnel_id,
      from_stage_key, to_stage_key, direction, at, by_user_id, lost_reason_id, lost_reason)
    select ${ctx.orgId}, ${stableId(KIND.history, sql`s.g`, sql`k`)}, ${customerId},
      ${stableId(KIND.deal, sql`s.g`)}, ${ctx.people.funnelId},
      case when k > 1 then ${stageAfter(ctx, sql`(k - 1)`)} end, ${stageAfter(ctx, sql`k`)},
      case when k = 1 then 'initial' when k = s.m and s.outcome <> 'open' then 'terminal'
        when k > ${O} and (k - ${O}) % 2 = 1 then 'backward' else 'forward' end,
      ${moveAt(sql`k`)}, ${stableId(KIND.rep, sql`s.r`)},
      case when k = s.m and s.outcome = 'lost' then (${sql.param(reasons.map((r) => r.id))}::uuid[])[1 + ${lostReasonIndex} % ${reasons.length}] end,
      case when k = s.m and s.outcome = 'lost' then (${sql.param(reasons.map((r) => r.name))}::text[])[1 + ${lostReasonIndex} % ${reasons.length}] end
    from ${dealBase(ctx, lo, hi)}, generate_series(1, s.m) k`;
}
