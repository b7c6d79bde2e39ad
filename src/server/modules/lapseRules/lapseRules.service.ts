import { sql } from 'drizzle-orm';
import { type LapseRule as DomainRule, validateLapseRule } from '../../../domain/pool';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { AppError, notFound, validationFailed, versionConflict } from '../../http/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import type {
  CreateLapseRuleRequest,
  LapseRule,
  UpdateLapseRuleRequest,
} from './lapseRules.schema';

export interface Actor {
  orgId: string;
  id: string;
  ip?: string | null;
}

interface RuleRow {
  id: string;
  name: string;
  team_id: string | null;
  funnel_id: string | null;
  no_activity_days: number | null;
  no_progress_days: number | null;
  warn_days: number;
  exempt_won: boolean;
  exempt_stage_keys: string[];
  exempt_grades: string[];
  active: boolean;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS = sql`id, name, team_id, funnel_id, no_activity_days, no_progress_days, warn_days,
  exempt_won, exempt_stage_keys, exempt_grades, active, version, created_at, updated_at`;

function present(row: RuleRow): LapseRule {
  return {
    id: row.id,
    name: row.name,
    teamId: row.team_id,
    funnelId: row.funnel_id,
    noActivityDays: row.no_activity_days,
    noProgressDays: row.no_progress_days,
    warnDays: row.warn_days,
    exemptWon: row.exempt_won,
    exemptStageKeys: row.exempt_stage_keys ?? [],
    exemptGrades: row.exempt_grades ?? [],
    active: row.active,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The org's rules, oldest first (the tie-break between equally specific rules). */
export async function findLapseRules(db: Db, orgId: string): Promise<LapseRule[]> {
  const rows = await queryRows<RuleRow>(
    db,
    sql`select ${COLUMNS} from lapse_rules where org_id = ${orgId} order by created_at, id`,
  );
  return rows.map(present);
}

/** The active rules in the shape the evaluation takes. */
export async function activeRulesForEvaluation(
  db: Db,
  orgId: string,
): Promise<(DomainRule & { name: string; savedId: string })[]> {
  const rules = await findLapseRules(db, orgId);
  return rules.filter((rule) => rule.active).map((rule) => ({ ...rule, savedId: rule.id }));
}

/** The domain's checks, reported on the request's fields. */
export function assertValidRule(rule: {
  noActivityDays: number | null;
  noProgressDays: number | null;
  warnDays: number;
}): void {
  const problems = validateLapseRule(rule);
  if (problems.length > 0) {
    throw validationFailed(problems.map((p) => ({ field: `body.${p.field}`, message: p.message })));
  }
}

async function assertScope(tx: Db, orgId: string, teamId: string | null, funnelId: string | null) {
  if (teamId) {
    const [team] = await queryRows(
      tx,
      sql`select 1 from teams where org_id = ${orgId} and id = ${teamId}`,
    );
    if (!team) throw validationFailed([{ field: 'body.teamId', message: 'no such team' }]);
  }
  if (funnelId) {
    const [funnel] = await queryRows(
      tx,
      sql`select 1 from funnels where org_id = ${orgId} and id = ${funnelId}`,
    );
    if (!funnel) throw validationFailed([{ field: 'body.funnelId', message: 'no such funnel' }]);
  }
  const [taken] = await queryRows(
    tx,
    sql`select 1 from lapse_rules where org_id = ${orgId}
      and team_id is not distinct from ${teamId}::uuid and funnel_id is not distinct from ${funnelId}::uuid`,
  );
  if (taken) {
    throw new AppError('conflict', 'There is already a rule for this team and funnel', [
      { field: 'body.teamId', message: 'has a rule for this funnel already' },
    ]);
  }
}

export async function createLapseRule(
  db: Db,
  actor: Actor,
  input: CreateLapseRuleRequest,
  now: Date,
): Promise<LapseRule> {
  const fields = {
    noActivityDays: input.noActivityDays ?? null,
    noProgressDays: input.noProgressDays ?? null,
    warnDays: input.warnDays ?? 3,
  };
  assertValidRule(fields);
  return db.transaction(async (tx) => {
    await assertScope(tx, actor.orgId, input.teamId ?? null, input.funnelId ?? null);
    const [row] = await queryRows<RuleRow>(
      tx,
      sql`insert into lapse_rules (org_id, id, name, team_id, funnel_id, no_activity_days,
          no_progress_days, warn_days, exempt_won, exempt_stage_keys, exempt_grades, active,
          created_by, created_at, updated_at)
        values (${actor.orgId}, ${newId(now.getTime())}, ${input.name}, ${input.teamId ?? null},
          ${input.funnelId ?? null}, ${fields.noActivityDays}, ${fields.noProgressDays},
          ${fields.warnDays}, ${input.exemptWon ?? true},
          ${sql.param(input.exemptStageKeys ?? [])}::text[],
          ${sql.param(input.exemptGrades ?? [])}::text[], ${input.active ?? true}, ${actor.id},
          ${now}, ${now})
        returning ${COLUMNS}`,
    );
    if (!row) throw new Error('insert returned no row');
    const rule = present(row);
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'lapse_rule',
      entityId: rule.id,
      changes: { ...rule },
    });
    return rule;
  });
}

async function lockRule(tx: Db, orgId: string, id: string): Promise<LapseRule> {
  const [row] = await queryRows<RuleRow>(
    tx,
    sql`select ${COLUMNS} from lapse_rules where org_id = ${orgId} and id = ${id} for update`,
  );
  if (!row) throw notFound('Lapse rule');
  return present(row);
}

export async function updateLapseRule(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateLapseRuleRequest,
  now: Date,
): Promise<LapseRule> {
  return db.transaction(async (tx) => {
    const before = await lockRule(tx, actor.orgId, id);
    if (before.version !== input.version) throw versionConflict(before);
    const { version: _version, ...changes } = input;
    const next = {
      ...before,
      ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
    } as LapseRule;
    assertValidRule(next);
    const [row] = await queryRows<RuleRow>(
      tx,
      sql`update lapse_rules set name = ${next.name}, no_activity_days = ${next.noActivityDays},
          no_progress_days = ${next.noProgressDays}, warn_days = ${next.warnDays},
          exempt_won = ${next.exemptWon},
          exempt_stage_keys = ${sql.param([...next.exemptStageKeys])}::text[],
          exempt_grades = ${sql.param([...next.exemptGrades])}::text[], active = ${next.active},
          version = version + 1, updated_at = ${now}
        where org_id = ${actor.orgId} and id = ${id}
        returning ${COLUMNS}`,
    );
    if (!row) throw notFound('Lapse rule');
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'update',
      entity: 'lapse_rule',
      entityId: id,
      changes: diffFields(before, changes),
    });
    return present(row);
  });
}

export async function deleteLapseRule(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockRule(tx, actor.orgId, id);
    await tx.execute(sql`delete from lapse_rules where org_id = ${actor.orgId} and id = ${id}`);
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'delete',
      entity: 'lapse_rule',
      entityId: id,
      changes: { ...before },
    });
  });
}
