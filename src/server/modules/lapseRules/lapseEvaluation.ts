import { type SQL, sql } from 'drizzle-orm';
import { type LapseRule, rankLapseRules, triggerCutoffs } from '../../../domain/pool';
import type { Db } from '../../db/client';

export interface EvaluableRule extends LapseRule {
  name: string;
  /** Saved rules have an id; draft rules in a preview do not. */
  savedId: string | null;
}

interface Cutoffs {
  lapseBefore: Date;
  warnBefore: Date;
}

/** A rule ready for SQL: its place in the order of precedence and the day's cut-off instants. */
export type RuleForDay<R extends EvaluableRule = EvaluableRule> = R & {
  position: number;
  activity: Cutoffs | null;
  progress: Cutoffs | null;
};

/** Ranks the rules (most specific first) and turns their day counts into cut-offs for `today`. */
export function rulesForDay<R extends EvaluableRule>(
  rules: readonly R[],
  today: string,
  timeZone: string,
): RuleForDay<R>[] {
  return rankLapseRules(rules).map((rule, position) => ({
    ...rule,
    position,
    activity:
      rule.noActivityDays === null
        ? null
        : triggerCutoffs(rule.noActivityDays, rule.warnDays, today, timeZone),
    progress:
      rule.noProgressDays === null
        ? null
        : triggerCutoffs(rule.noProgressDays, rule.warnDays, today, timeZone),
  }));
}

function ruleValues(rules: RuleForDay[]): SQL {
  const rows = rules.map(
    (r) => sql`(${r.position}::int, ${r.savedId}::uuid, ${r.name}::text,
      ${r.noActivityDays}::int, ${r.noProgressDays}::int,
      ${r.activity?.lapseBefore ?? null}::timestamptz, ${r.activity?.warnBefore ?? null}::timestamptz,
      ${r.progress?.lapseBefore ?? null}::timestamptz, ${r.progress?.warnBefore ?? null}::timestamptz,
      ${r.exemptWon}::boolean, ${sql.param([...r.exemptStageKeys])}::text[],
      ${sql.param([...r.exemptGrades])}::text[])`,
  );
  return sql.join(rows, sql`, `);
}

/**
 * The position of the first rule (in precedence order) whose team and funnel match the
 * customer: the same choice as selectLapseRule, as one CASE per row rather than a subquery.
 */
function governingPosition(rules: RuleForDay[]): SQL {
  const branches = rules.map((r) => {
    const team = r.teamId ? sql`g.owner_team = ${r.teamId}::uuid` : sql`true`;
    const funnel = r.funnelId ? sql`${r.funnelId}::uuid = any(g.open_funnels)` : sql`true`;
    return sql`when ${team} and ${funnel} then ${r.position}::int`;
  });
  return sql`case ${sql.join(branches, sql` `)} end`;
}

/**
 * The latest warning cut-off of any rule, or null when no rule has a trigger. A customer claimed
 * at or after it cannot be due under any rule: both baselines are at least its claim (greatest()),
 * and a rule warns only on a baseline before its cut-off.
 */
function latestWarnCutoff(rules: RuleForDay[]): Date | null {
  const cutoffs = rules.flatMap((r) => [r.activity?.warnBefore, r.progress?.warnBefore]);
  const times = cutoffs.filter((c): c is Date => c instanceof Date).map((c) => c.getTime());
  return times.length === 0 ? null : new Date(Math.max(...times));
}

export interface EvaluationScope {
  orgId: string;
  timeZone: string;
  /** Only this owner's customers (the warnings of "My day"). */
  ownerId?: string;
}

/**
 * The customers that lapse or are due a warning under `rules` (non-empty), as CTEs ending in
 * `due`: one set-based pass over the org's owned customers (those claimed too recently for any
 * rule left out first), each fact table read once and aggregated per customer (hash joins, no
 * per-row probes). Per customer the governing rule is
 * the first in precedence whose team and funnel match (rankLapseRules); exemptions spare it; a
 * trigger fires when its baseline (the claim, or the owner's last effective activity / the last
 * forward stage move after it) falls before the rule's cut-off (triggerCutoffs).
 *
 * `due` columns: customer_id, owner_id, position, rule_id, rule_name, act_days, prog_days,
 * status ('lapsed' | 'warning'), triggers (text[]), deadline (date), claimed_at,
 * last_effective_at, last_progress_at.
 */
export function dueForLapseCtes(scope: EvaluationScope, rules: RuleForDay[]): SQL {
  const { orgId, timeZone, ownerId } = scope;
  const mine = ownerId ? sql`and c.owner_id = ${ownerId}` : sql``;
  const ofOwned = ownerId ? sql`and x.customer_id in (select o.id from owned o)` : sql``;
  // Customers claimed too recently for any rule are left out before the joins (a normal day's
  // run then joins about half the owned customers to their facts, not all of them).
  const cutoff = latestWarnCutoff(rules);
  const claimedInTime = cutoff
    ? sql`and coalesce(c.claimed_at, c.created_at) < ${cutoff}::timestamptz`
    : sql`and false`;
  return sql`
    rules (position, rule_id, rule_name, act_days, prog_days, act_lapse, act_warn, prog_lapse,
      prog_warn, exempt_won, exempt_stages, exempt_grades) as (values ${ruleValues(rules)}),
    owned as (
      select c.id, c.owner_id, c.lifecycle_stage_key, c.lifecycle_entered_at,
        coalesce(c.claimed_at, c.created_at) as claimed_at, u.team_id as owner_team
      from customers c join users u on u.org_id = c.org_id and u.id = c.owner_id
      where c.org_id = ${orgId} and c.owner_id is not null and c.archived_at is null ${mine}
        ${claimedInTime}),
    -- Per customer with deals: a won deal ever, and the funnels and stages of its open deals.
    deal_facts as (
      select x.customer_id, bool_or(x.status = 'won') as has_won,
        array_agg(x.funnel_id) filter (where x.status = 'open') as open_funnels,
        array_agg(x.stage_key) filter (where x.status = 'open') as open_stages
      from deals x where x.org_id = ${orgId} ${ofOwned}
      group by x.customer_id),
    -- Per customer and user: the last effective communication (有效沟通). For one owner all
    -- their activities, from their index alone, hashed by customer; limited to the owned
    -- customers first the planner expected a few dozen rows and sorted 11,000 (My day, 100k).
    effective as (
      select x.customer_id, x.user_id, max(x.occurred_at) as last_at
      from activities x where x.org_id = ${orgId} and x.effective
        ${ownerId ? sql`and x.user_id = ${ownerId}` : sql``}
      group by x.customer_id, x.user_id),
    -- Per customer: the last stage move that was not a step back (deal or lifecycle).
    progress as (
      select x.customer_id, max(x.at) as last_at
      from stage_history x where x.org_id = ${orgId} and x.direction <> 'backward' ${ofOwned}
      group by x.customer_id),
    governed as (
      select o.*, coalesce(df.has_won, false) as has_won, df.open_funnels,
        array_remove(coalesce(df.open_stages, '{}'::text[]) || o.lifecycle_stage_key, null) as stage_keys,
        e.last_at as last_effective_at, greatest(p.last_at, o.lifecycle_entered_at) as last_progress_at
      from owned o left join deal_facts df on df.customer_id = o.id
      left join effective e on e.customer_id = o.id and e.user_id = o.owner_id
      left join progress p on p.customer_id = o.id),
    judged as (
      select g.id, g.owner_id, g.claimed_at, g.last_effective_at, g.last_progress_at, r.*,
        greatest(g.claimed_at, g.last_effective_at) as act_base,
        greatest(g.claimed_at, g.last_progress_at) as prog_base
      from governed g join rules r on r.position = ${governingPosition(rules)}
      where not ((r.exempt_won and g.has_won) or g.stage_keys && r.exempt_stages)),
    -- The grade exemption is looked up only for the customers past a cut-off, not joined to
    -- every owned customer (grades live in customer_grades).
    flagged as (
      select j.*, j.act_base < j.act_lapse as act_lapsed, j.act_base < j.act_warn as act_due,
        j.prog_base < j.prog_lapse as prog_lapsed, j.prog_base < j.prog_warn as prog_due
      from judged j
      where (j.act_base < j.act_warn or j.prog_base < j.prog_warn)
        and not (cardinality(j.exempt_grades) > 0 and coalesce((select cg.grade
          from customer_grades cg where cg.org_id = ${orgId} and cg.customer_id = j.id)
          = any(j.exempt_grades), false))),
    due as (
      select j.id as customer_id, j.owner_id, j.position, j.rule_id, j.rule_name, j.act_days,
        j.prog_days, j.claimed_at, j.last_effective_at, j.last_progress_at,
        case when j.act_lapsed or j.prog_lapsed then 'lapsed' else 'warning' end as status,
        case when j.act_lapsed or j.prog_lapsed
          then array_remove(array[case when j.act_lapsed then 'no_activity' end,
            case when j.prog_lapsed then 'no_progress' end], null)
          else array_remove(array[case when j.act_due then 'no_activity' end,
            case when j.prog_due then 'no_progress' end], null) end as triggers,
        least(
          case when j.act_days is not null
            then (j.act_base at time zone ${timeZone})::date + j.act_days end,
          case when j.prog_days is not null
            then (j.prog_base at time zone ${timeZone})::date + j.prog_days end) as deadline
      from flagged j)`;
}

/**
 * Settings for one evaluation over a whole org, inside its transaction: enough memory for the
 * per-customer hash aggregates (the 4 MB default spills a million rows to disk), and no JIT,
 * whose compile time outweighs its gain on a statement that runs once a day.
 */
export async function tuneForOrgScan(tx: Db): Promise<void> {
  await tx.execute(sql`set local work_mem = '256MB'`);
  await tx.execute(sql`set local jit = off`);
}
