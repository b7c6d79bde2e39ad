import { sql } from 'drizzle-orm';
import { addDays, zonedDay } from '../../../domain/format/dates';
import { evaluateLapse, type LapseReason } from '../../../domain/pool';
import { type Db, queryRows } from '../../db/client';
import { validationFailed } from '../../http/errors';
import { getOrg } from '../orgs/orgs.service';
import {
  dueForLapseCtes,
  type EvaluableRule,
  type RuleForDay,
  rulesForDay,
  tuneForOrgScan,
} from './lapseEvaluation';
import type { LapseWarning, PreviewRequest, PreviewResult } from './lapseRules.schema';
import { activeRulesForEvaluation, assertValidRule } from './lapseRules.service';

type Timestamp = Date | string | null;
const iso = (value: Timestamp) => (value === null ? null : new Date(value).toISOString());

/** Draft rules from the settings page, checked like saved ones, errors named by position. */
function draftRules(drafts: NonNullable<PreviewRequest['rules']>) {
  return drafts.map((draft, index) => {
    const rule = {
      savedId: null,
      id: `draft-${index}`,
      name: draft.name,
      teamId: draft.teamId ?? null,
      funnelId: draft.funnelId ?? null,
      noActivityDays: draft.noActivityDays ?? null,
      noProgressDays: draft.noProgressDays ?? null,
      warnDays: draft.warnDays ?? 3,
      exemptWon: draft.exemptWon ?? true,
      exemptStageKeys: draft.exemptStageKeys ?? [],
      exemptGrades: draft.exemptGrades ?? [],
      index,
    };
    try {
      assertValidRule(rule);
    } catch {
      throw validationFailed([
        { field: `body.rules.${index}`, message: 'has invalid days (see the rule form)' },
      ]);
    }
    return rule;
  });
}

/**
 * "With these rules, 37 customers would lapse tomorrow": the same evaluation as the daily
 * job, for the saved or draft rules, on `day` (tomorrow by default), changing nothing.
 */
export async function previewLapses(
  db: Db,
  orgId: string,
  input: PreviewRequest,
  now: Date,
): Promise<PreviewResult> {
  const org = await getOrg(db, orgId);
  const day = input.day ?? addDays(zonedDay(now, org.timeZone), 1);
  const rules: (EvaluableRule & { index: number })[] = input.rules
    ? draftRules(input.rules)
    : (await activeRulesForEvaluation(db, orgId)).map((rule, index) => ({ ...rule, index }));
  const empty = { day, lapsing: 0, warning: 0, byRule: [], byOwner: [], sample: [] };
  if (rules.length === 0) return empty;
  const ranked = rulesForDay(rules, day, org.timeZone);
  const groups = await db.transaction(async (tx) => {
    await tuneForOrgScan(tx);
    return queryRows<{
      position: number;
      owner_id: string;
      owner_name: string;
      status: 'lapsed' | 'warning';
      customers: number;
      sample: SampleJson[];
    }>(
      tx,
      sql`with ${dueForLapseCtes({ orgId, timeZone: org.timeZone }, ranked)}
      select d.position, d.owner_id, u.name as owner_name, d.status, count(*)::int as customers,
        (array_agg(jsonb_build_object('customerId', d.customer_id, 'triggers', d.triggers,
          'deadline', d.deadline::text) order by d.deadline, d.customer_id))[1:5] as sample
      from due d join users u on u.org_id = ${orgId} and u.id = d.owner_id
      group by d.position, d.owner_id, u.name, d.status`,
    );
  });
  const count = (rows: typeof groups, status: string) =>
    rows.filter((row) => row.status === status).reduce((sum, row) => sum + row.customers, 0);
  const byRule = ranked.map((rule) => {
    const rows = groups.filter((row) => row.position === rule.position);
    return {
      index: rule.index,
      name: rule.name,
      lapsing: count(rows, 'lapsed'),
      warning: count(rows, 'warning'),
    };
  });
  const owners = [...new Set(groups.map((row) => row.owner_id))];
  const byOwner = owners
    .map((userId) => {
      const rows = groups.filter((row) => row.owner_id === userId);
      return {
        userId,
        name: rows[0]?.owner_name ?? '',
        lapsing: count(rows, 'lapsed'),
        warning: count(rows, 'warning'),
      };
    })
    .sort((a, b) => b.lapsing - a.lapsing || b.warning - a.warning);
  const sample = groups
    .filter((row) => row.status === 'lapsed')
    .flatMap((row) =>
      row.sample.map((item) => ({ ...item, ownerId: row.owner_id, position: row.position })),
    )
    .sort(
      (a, b) => a.deadline.localeCompare(b.deadline) || a.customerId.localeCompare(b.customerId),
    )
    .slice(0, 20);
  return {
    day,
    lapsing: count(groups, 'lapsed'),
    warning: count(groups, 'warning'),
    byRule: byRule.sort((a, b) => a.index - b.index),
    byOwner: byOwner.slice(0, 50),
    sample: await withNames(db, orgId, ranked, sample),
  };
}

interface SampleJson {
  customerId: string;
  triggers: LapseReason[];
  deadline: string;
}

/** The sample of customers that would lapse, with their names and the rule that applies. */
async function withNames(
  db: Db,
  orgId: string,
  ranked: RuleForDay[],
  sample: (SampleJson & { ownerId: string; position: number })[],
): Promise<PreviewResult['sample']> {
  if (sample.length === 0) return [];
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from customers
      where org_id = ${orgId} and id in ${sample.map((item) => item.customerId)}`,
  );
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return sample.map((item) => ({
    customerId: item.customerId,
    customerName: names.get(item.customerId) ?? '',
    ownerId: item.ownerId,
    status: 'lapsed' as const,
    ruleName: ranked[item.position]?.name ?? '',
    triggers: item.triggers,
    deadline: item.deadline,
  }));
}

/** "My day": the caller's customers nearing their lapse deadline, soonest first. */
export async function findLapseWarnings(
  db: Db,
  viewer: { orgId: string; id: string },
  now: Date,
): Promise<LapseWarning[]> {
  const org = await getOrg(db, viewer.orgId);
  const today = zonedDay(now, org.timeZone);
  const rules = await activeRulesForEvaluation(db, viewer.orgId);
  if (rules.length === 0) return [];
  const ranked = rulesForDay(rules, today, org.timeZone);
  const rows = await queryRows<{
    customer_id: string;
    name: string;
    position: number;
    claimed_at: Date | string;
    last_effective_at: Timestamp;
    last_progress_at: Timestamp;
  }>(
    db,
    sql`with ${dueForLapseCtes({ orgId: viewer.orgId, timeZone: org.timeZone, ownerId: viewer.id }, ranked)}
      select d.customer_id, c.name, d.position, d.claimed_at, d.last_effective_at, d.last_progress_at
      from due d join customers c on c.org_id = ${viewer.orgId} and c.id = d.customer_id`,
  );
  const warnings: LapseWarning[] = [];
  for (const row of rows) {
    const rule = ranked[row.position];
    if (!rule?.savedId) continue;
    const facts = {
      claimedAt: new Date(row.claimed_at),
      lastEffectiveAt: row.last_effective_at ? new Date(row.last_effective_at) : null,
      lastProgressAt: row.last_progress_at ? new Date(row.last_progress_at) : null,
    };
    const result = evaluateLapse(rule, facts, today, org.timeZone);
    if (result.status === 'ok' || result.deadline === null || result.daysLeft === null) continue;
    warnings.push({
      customerId: row.customer_id,
      customerName: row.name,
      ruleId: rule.savedId,
      ruleName: rule.name,
      status: result.status === 'lapsed' ? 'lapsed' : 'warning',
      triggers: result.reasons,
      deadline: result.deadline,
      daysLeft: result.daysLeft,
      lastEffectiveAt: iso(row.last_effective_at),
      lastProgressAt: iso(row.last_progress_at),
    });
  }
  return warnings.sort(
    (a, b) => a.daysLeft - b.daysLeft || a.customerName.localeCompare(b.customerName),
  );
}
