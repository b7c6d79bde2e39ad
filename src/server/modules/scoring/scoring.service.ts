import { and, eq, sql } from 'drizzle-orm';
import {
  DEFAULT_SCORING_RULES,
  type ScorableCustomer,
  type ScoringRuleSet,
  scoreCustomer,
  validateScoringRules,
} from '../../../domain/scoring';
import type { Locale } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { customFieldDefs, qualificationSettings } from '../../db/schema';
import type { AuthContext } from '../../http/auth';
import { type FieldError, notFound, validationFailed } from '../../http/errors';
import { visibleCustomers } from '../customers/customers.access';
import { customerGradeSql } from '../grading/customerGradeSql';
import {
  ensureCustomFields,
  markApplied,
  readSetting,
  type StoredSetting,
  writeSetting,
} from './qualificationSettings';
import type { CustomerScore, ScoringSettings, UpdateScoringRulesRequest } from './scoring.schema';

type Viewer = Pick<AuthContext, 'id' | 'orgId' | 'role' | 'teamId'>;
type Actor = Viewer & { ip?: string | null };

/** Customer fields a criterion may read besides custom.<key>. */
export const SCORABLE_FIELDS = [
  'name',
  'industry',
  'headcount',
  'province',
  'city',
  'address',
  'country',
  'website',
  'phone',
  'email',
  'source',
  'tags',
  'grade',
  'ownerId',
  'teamId',
] as const;

const SCORABLE_COLUMNS = sql`c.id, c.name, c.industry, c.headcount, c.province, c.city, c.address,
  c.country, c.website, c.phone, c.email, c.source, c.tags, ${customerGradeSql('c')} as grade, c.owner_id, c.team_id, c.custom`;

interface ScorableRow {
  id: string;
  name: string;
  industry: string | null;
  headcount: number | null;
  province: string | null;
  city: string | null;
  address: string | null;
  country: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  source: string | null;
  tags: string[] | null;
  grade: string | null;
  owner_id: string | null;
  team_id: string | null;
  custom: Record<string, unknown> | null;
}

/** The customer as the rules see it: API field names, custom fields under `custom`. */
function toScorable(row: ScorableRow): ScorableCustomer {
  return {
    name: row.name,
    industry: row.industry,
    headcount: row.headcount,
    province: row.province,
    city: row.city,
    address: row.address,
    country: row.country,
    website: row.website,
    phone: row.phone,
    email: row.email,
    source: row.source,
    tags: row.tags ?? [],
    grade: row.grade,
    ownerId: row.owner_id,
    teamId: row.team_id,
    custom: row.custom ?? {},
  };
}

// The yes/no custom fields the seed's target-customer criteria read (custom.multiSite, …).
async function seedScoringFields(tx: Db, orgId: string): Promise<void> {
  const fields = DEFAULT_SCORING_RULES.criteria
    .filter((criterion) => criterion.field.startsWith('custom.'))
    .map((criterion) => ({
      key: criterion.field.slice('custom.'.length),
      label: criterion.label['zh-CN'],
      type: 'boolean' as const,
    }));
  await ensureCustomFields(tx, orgId, fields);
}

export function readScoringRules(db: Db, orgId: string): Promise<StoredSetting<ScoringRuleSet>> {
  return readSetting(db, orgId, 'scoring', DEFAULT_SCORING_RULES, (tx) =>
    seedScoringFields(tx, orgId),
  );
}

function presentSettings(stored: StoredSetting<ScoringRuleSet>): ScoringSettings {
  return {
    threshold: stored.value.threshold,
    criteria: stored.value.criteria,
    version: stored.version,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
    recomputing: (stored.appliedVersion ?? 0) < stored.version,
  };
}

export async function getScoringSettings(db: Db, orgId: string): Promise<ScoringSettings> {
  return presentSettings(await readScoringRules(db, orgId));
}

// 'criteria[2].points: must be…' → { field: 'body.criteria.2.points', message: 'must be…' }
function toFieldError(problem: string): FieldError {
  const colon = problem.indexOf(': ');
  const path = problem.slice(0, colon).replace(/\[(\d+)\]/g, '.$1');
  return { field: `body.${path}`, message: problem.slice(colon + 2) };
}

async function fieldProblems(tx: Db, orgId: string, rules: ScoringRuleSet): Promise<FieldError[]> {
  const defs = await tx
    .select({ key: customFieldDefs.key })
    .from(customFieldDefs)
    .where(and(eq(customFieldDefs.orgId, orgId), eq(customFieldDefs.entity, 'customer')));
  const customKeys = new Set(defs.map((def) => def.key));
  const known = new Set<string>(SCORABLE_FIELDS);
  const problems: FieldError[] = [];
  rules.criteria.forEach((criterion, index) => {
    const custom = /^custom\.([\w]+)$/.exec(criterion.field);
    if (custom ? customKeys.has(custom[1] ?? '') : known.has(criterion.field)) return;
    problems.push({
      field: `body.criteria.${index}.field`,
      message: custom
        ? `${criterion.field} is not a custom field of this organisation`
        : `must be one of ${SCORABLE_FIELDS.join(', ')} or custom.<key>`,
    });
  });
  return problems;
}

export async function updateScoringRules(
  db: Db,
  actor: Actor,
  input: UpdateScoringRulesRequest,
): Promise<ScoringSettings> {
  const { version, ...rules } = input;
  const problems = validateScoringRules(rules).map(toFieldError);
  if (problems.length > 0) throw validationFailed(problems);
  return db.transaction(async (tx) => {
    const fieldErrors = await fieldProblems(tx, actor.orgId, rules);
    if (fieldErrors.length > 0) throw validationFailed(fieldErrors);
    const stored = await writeSetting(tx, actor, 'scoring', version, rules, DEFAULT_SCORING_RULES);
    return presentSettings(stored);
  });
}

/**
 * Recomputes one customer's score and qualified flag; call in the transaction that changed it.
 * Reads the org's rules without seeding them, so a customer write never adds custom fields.
 */
export async function refreshCustomerScore(tx: Db, orgId: string, customerId: string) {
  const [stored] = await tx
    .select({ value: qualificationSettings.value })
    .from(qualificationSettings)
    .where(and(eq(qualificationSettings.orgId, orgId), eq(qualificationSettings.kind, 'scoring')));
  const rules = (stored?.value as ScoringRuleSet | undefined) ?? DEFAULT_SCORING_RULES;
  const [row] = await queryRows<ScorableRow>(
    tx,
    sql`select ${SCORABLE_COLUMNS} from customers c where c.org_id = ${orgId} and c.id = ${customerId}`,
  );
  if (!row) return;
  const result = scoreCustomer(toScorable(row), rules);
  await tx.execute(
    sql`update customers set score = ${result.score}, qualified = ${result.qualified}
      where org_id = ${orgId} and id = ${customerId}
        and (score is distinct from ${result.score} or qualified is distinct from ${result.qualified})`,
  );
}

const RECOMPUTE_BATCH = 2000;

export interface RecomputeResult {
  scored: number;
  changed: number;
  /** The rules changed meanwhile; the newer change's own recompute finishes the work. */
  superseded: boolean;
}

/**
 * Recomputes scores in batches of customers in id order (every customer, or only those never
 * scored, e.g. after a bulk import); each batch writes only the scores that changed.
 */
export async function recomputeScores(
  db: Db,
  orgId: string,
  options: { onlyUnscored?: boolean; batchSize?: number } = {},
): Promise<RecomputeResult> {
  const rules = await readScoringRules(db, orgId);
  const batchSize = options.batchSize ?? RECOMPUTE_BATCH;
  let after: string | null = null;
  let scored = 0;
  let changed = 0;
  for (;;) {
    const rows: ScorableRow[] = await queryRows<ScorableRow>(
      db,
      sql`select ${SCORABLE_COLUMNS} from customers c
        where c.org_id = ${orgId} ${after ? sql`and c.id > ${after}` : sql``}
          ${options.onlyUnscored ? sql`and c.score is null` : sql``}
        order by c.id limit ${batchSize}`,
    );
    if (rows.length === 0) break;
    const results = rows.map((row) => scoreCustomer(toScorable(row), rules.value));
    const updated = await queryRows<{ id: string }>(
      db,
      sql`update customers c set score = v.score, qualified = v.qualified
        from unnest(${sql.param(rows.map((r) => r.id))}::uuid[],
                    ${sql.param(results.map((r) => r.score))}::int[],
                    ${sql.param(results.map((r) => r.qualified))}::boolean[]) as v(id, score, qualified)
        where c.org_id = ${orgId} and c.id = v.id
          and (c.score is distinct from v.score or c.qualified is distinct from v.qualified)
        returning c.id`,
    );
    scored += rows.length;
    changed += updated.length;
    after = rows.at(-1)?.id ?? null;
    const [current] = await db
      .select({ version: qualificationSettings.version })
      .from(qualificationSettings)
      .where(
        and(eq(qualificationSettings.orgId, orgId), eq(qualificationSettings.kind, 'scoring')),
      );
    if (current && current.version !== rules.version) return { scored, changed, superseded: true };
    if (rows.length < batchSize) break;
  }
  if (!options.onlyUnscored) await markApplied(db, orgId, 'scoring', rules.version);
  return { scored, changed, superseded: false };
}

export async function getCustomerScore(
  db: Db,
  viewer: Viewer,
  customerId: string,
  locale: Locale,
): Promise<CustomerScore> {
  const [row] = await queryRows<ScorableRow>(
    db,
    sql`select ${SCORABLE_COLUMNS} from customers c
      where c.org_id = ${viewer.orgId} and c.id = ${customerId} and ${visibleCustomers(viewer)}`,
  );
  if (!row) throw notFound('Customer');
  const rules = await readScoringRules(db, viewer.orgId);
  const result = scoreCustomer(toScorable(row), rules.value);
  return {
    customerId: row.id,
    score: result.score,
    qualified: result.qualified,
    threshold: rules.value.threshold,
    reasons: result.reasons.map((reason) => ({
      criterionId: reason.criterionId,
      label: reason.label[locale],
      points: reason.points,
      matched: reason.matched,
    })),
    rulesVersion: rules.version,
  };
}

/** Orgs up to this many customers get their scores before the answer; larger ones after it. */
export const SYNC_RECOMPUTE_LIMIT = 5000;

/**
 * Brings every score in line with the current rules: at once for a small org, in the
 * background for a large one (the grading job finishes it if the server stops midway).
 */
export async function applyScoringRules(
  db: Db,
  orgId: string,
  onBackgroundError: (error: unknown) => void,
): Promise<'done' | 'background'> {
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from customers where org_id = ${orgId}`,
  );
  if ((count?.n ?? 0) <= SYNC_RECOMPUTE_LIMIT) {
    await recomputeScores(db, orgId);
    return 'done';
  }
  recomputeScores(db, orgId).catch(onBackgroundError);
  return 'background';
}
