import { type SQL, sql } from 'drizzle-orm';
import { type LapseRule, rankLapseRules, triggerCutoffs } from '../../../domain/pool';

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

export interface EvaluationScope {
  orgId: string;
  timeZone: string;
  /** Only this owner's customers (the warnings of "My day"). */
  ownerId?: string;
}

/**
 * The customers that lapse or are due a warning under `rules` (non-empty), as CTEs ending in
 * `due`: one set-based pass over the org's owned customers. Per customer the governing rule is
 * the first in precedence whose team and funnel match (rankLapseRules); exemptions spare it; a
 * trigger fires when its baseline (the claim, or the owner's last effective activity / the last
 * forward stage move after it) falls before the rule's cut-off (triggerCutoffs).
 *
 * A baseline is before a cut-off exactly when the claim is and nothing newer exists, so the
 * bulk of the work is two anti-joins against recent activities and stage moves; the actual
 * last dates are looked up only for the customers found due.
 *
 * `due` columns: customer_id, owner_id, position, rule_id, rule_name, act_days, prog_days,
 * status ('lapsed' | 'warning'), triggers (text[]), deadline (date), claimed_at,
 * last_effective_at, last_progress_at.
 */
export function dueForLapseCtes(scope: EvaluationScope, rules: RuleForDay[]): SQL {
  const { orgId, timeZone, ownerId } = scope;
  const mine = ownerId ? sql`and c.owner_id = ${ownerId}` : sql``;
  const ofOwned = ownerId ? sql`and x.customer_id in (select o.id from owned o)` : sql``;
  // Constant lower bounds let the anti-joins skip all but recent history.
  const earliest = (dates: (Date | undefined)[]) =>
    new Date(
      Math.min(
        ...dates.filter((d): d is Date => d !== undefined).map((d) => d.getTime()),
        Date.now() + 1e12,
      ),
    );
  const actSince = earliest(rules.map((r) => r.activity?.warnBefore));
  const progSince = earliest(rules.map((r) => r.progress?.warnBefore));
  return sql`
    rules (position, rule_id, rule_name, act_days, prog_days, act_lapse, act_warn, prog_lapse,
      prog_warn, exempt_won, exempt_stages, exempt_grades) as (values ${ruleValues(rules)}),
    owned as (
      select c.id, c.owner_id, c.grade, c.lifecycle_stage_key, c.lifecycle_entered_at,
        coalesce(c.claimed_at, c.created_at) as claimed_at, u.team_id as owner_team
      from customers c join users u on u.org_id = c.org_id and u.id = c.owner_id
      where c.org_id = ${orgId} and c.owner_id is not null and c.archived_at is null ${mine}),
    -- Per customer with deals: a won deal ever, and the funnels and stages of its open deals.
    deal_facts as (
      select x.customer_id, bool_or(x.status = 'won') as has_won,
        array_agg(x.funnel_id) filter (where x.status = 'open') as open_funnels,
        array_agg(x.stage_key) filter (where x.status = 'open') as open_stages
      from deals x where x.org_id = ${orgId} ${ofOwned}
      group by x.customer_id),
    governed as (
      select o.*, coalesce(df.has_won, false) as has_won, df.open_funnels,
        array_remove(coalesce(df.open_stages, '{}'::text[]) || o.lifecycle_stage_key, null) as stage_keys
      from owned o left join deal_facts df on df.customer_id = o.id),
    -- Governed, not exempt, and claimed before a warning cut-off of its rule (a newer claim
    -- cannot be due).
    candidates as (
      select g.id, g.owner_id, g.claimed_at, g.lifecycle_entered_at, r.position, r.act_warn,
        r.prog_warn
      from governed g join rules r on r.position = ${governingPosition(rules)}
      where g.claimed_at < greatest(r.act_warn, r.prog_warn)
        and not ((r.exempt_won and g.has_won) or g.stage_keys && r.exempt_stages
          or coalesce(g.grade = any(r.exempt_grades), false))),
    -- No effective communication by the owner since the warning cut-off.
    quiet as (
      select k.id from candidates k
      where k.claimed_at < k.act_warn
        and not exists (select 1 from activities a
          where a.org_id = ${orgId} and a.customer_id = k.id and a.user_id = k.owner_id
            and a.effective and a.occurred_at >= k.act_warn and a.occurred_at >= ${actSince})),
    -- No forward stage move (deal or lifecycle) since the warning cut-off.
    stalled as (
      select k.id from candidates k
      where k.claimed_at < k.prog_warn and coalesce(k.lifecycle_entered_at < k.prog_warn, true)
        and not exists (select 1 from stage_history h
          where h.org_id = ${orgId} and h.customer_id = k.id and h.direction <> 'backward'
            and h.at >= k.prog_warn and h.at >= ${progSince})),
    flagged as (
      select k.id, k.owner_id, k.claimed_at, k.lifecycle_entered_at, k.position,
        q.id is not null as act_due, s.id is not null as prog_due
      from candidates k left join quiet q on q.id = k.id left join stalled s on s.id = k.id
      where q.id is not null or s.id is not null),
    due_facts as (
      select f.*, r.rule_id, r.rule_name, r.act_days, r.prog_days, r.act_lapse, r.prog_lapse,
        (select max(a.occurred_at) from activities a
          where a.org_id = ${orgId} and a.customer_id = f.id and a.user_id = f.owner_id
            and a.effective) as last_effective_at,
        greatest(f.lifecycle_entered_at, (select max(h.at) from stage_history h
          where h.org_id = ${orgId} and h.customer_id = f.id and h.direction <> 'backward'))
          as last_progress_at
      from flagged f join rules r on r.position = f.position),
    judged as (
      select d.*,
        d.act_due and greatest(d.claimed_at, d.last_effective_at) < d.act_lapse as act_lapsed,
        d.prog_due and greatest(d.claimed_at, d.last_progress_at) < d.prog_lapse as prog_lapsed,
        greatest(d.claimed_at, d.last_effective_at) as act_base,
        greatest(d.claimed_at, d.last_progress_at) as prog_base
      from due_facts d),
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
      from judged j)`;
}
