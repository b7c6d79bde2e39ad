import { and, eq, lt, sql } from 'drizzle-orm';
import { zonedDay } from '../../../domain/format/dates';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { gradingRuns } from '../../db/schema';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { getOrg } from '../orgs/orgs.service';
import { sqlNewId } from '../pool/poolEvents';
import { gradeIndexSql, gradeKeySql, metricsJsonSql } from './gradeSql';
import type { GradingRun } from './grading.schema';
import { type GradingConfig, readGradingConfig } from './grading.service';
import { metricsQuery } from './gradingMetrics';

const BATCH = 5000;
// A run that has not finished in this long died with its server; the next run takes over.
const STALE_RUN_MS = 30 * 60_000;

async function startRun(
  db: Db,
  orgId: string,
  run: {
    id: string;
    trigger: GradingRun['trigger'];
    ruleSetId: string;
    config: GradingConfig;
    startedBy: string | null;
  },
  now: Date,
): Promise<void> {
  await db
    .update(gradingRuns)
    .set({ status: 'failed', finishedAt: now, error: 'abandoned: no progress for 30 minutes' })
    .where(
      and(
        eq(gradingRuns.orgId, orgId),
        eq(gradingRuns.status, 'running'),
        lt(gradingRuns.startedAt, new Date(now.getTime() - STALE_RUN_MS)),
      ),
    );
  const inserted = await db
    .insert(gradingRuns)
    .values({ orgId, ...run, status: 'running', startedAt: now })
    .onConflictDoNothing()
    .returning({ id: gradingRuns.id });
  if (inserted.length === 0) {
    throw new AppError('conflict', 'A grading run for this organisation is already in progress');
  }
}

type Range = { after: string | null; upTo: string | null };

function inRange(column: string, range: Range) {
  const col = sql.raw(column);
  return sql`${range.after ? sql`${col} > ${range.after}` : sql`true`}
    and ${range.upTo ? sql`${col} <= ${range.upTo}` : sql`true`}`;
}

/**
 * Grades one id range of customers in one statement: metrics, grade (gradeSql.ts, the rule
 * set compiled from gradeCustomer's definition), the customers whose grade changed updated and
 * their history inserted. Reasons are not stored per row: they are gradeCustomer's over the
 * stored metrics and the run's config (grading_runs.config), derived when history is read.
 */
async function gradeRange(
  db: Db,
  orgId: string,
  config: GradingConfig,
  today: string,
  range: Range,
  run: { id: string; now: Date },
): Promise<{ graded: number; changed: number; downgraded: number }> {
  const { index, downgraded } = gradeIndexSql(config);
  const [counts] = await queryRows<{ graded: number; changed: number; downgraded: number }>(
    db,
    sql`with graded as (
        select c.id as customer_id, c.grade as from_grade,
          ${gradeKeySql(config, index)} as to_grade, ${downgraded} as downgraded,
          ${metricsJsonSql(config.trailingMonths)} as metrics
        from (${metricsQuery(orgId, today, config.trailingMonths, inRange('s.customer_id', range))}) m
        join customers c on c.org_id = ${orgId} and c.id = m.customer_id
        where c.archived_at is null and ${inRange('c.id', range)}
      ), changed as (
        update customers c set grade = g.to_grade from graded g
        where c.org_id = ${orgId} and c.id = g.customer_id and ${inRange('c.id', range)}
          and c.grade is distinct from g.to_grade
        returning g.customer_id, g.from_grade, g.to_grade, g.downgraded, g.metrics
      ), history as (
        insert into grade_history (org_id, id, customer_id, from_grade, to_grade, rule_set_id,
          metrics, downgraded_for_unpaid, run_id, changed_at)
        select ${orgId}, ${sqlNewId(run.now)}, customer_id, from_grade, to_grade,
          ${config.ruleSet.id}, metrics, downgraded, ${run.id}, ${run.now}
        from changed
      )
      select (select count(*) from graded)::int as graded,
        (select count(*) from changed)::int as changed,
        (select count(*) from changed where downgraded)::int as downgraded`,
  );
  return counts ?? { graded: 0, changed: 0, downgraded: 0 };
}

/**
 * Grades every active customer of the org with sales records (客户分级): metrics per customer
 * and their grades in SQL, one statement per id range of customers writing the changed grades
 * and their history.
 * Customers without sales records keep their grade. Idempotent: a second run changes nothing.
 */
export async function gradeOrg(
  db: Db,
  orgId: string,
  options: {
    trigger: GradingRun['trigger'];
    now: Date;
    startedBy?: string | null;
    ip?: string | null;
    batchSize?: number;
  },
): Promise<GradingRun> {
  const started = Date.now();
  const { now } = options;
  const org = await getOrg(db, orgId);
  const config = (await readGradingConfig(db, orgId)).value;
  const today = zonedDay(now, org.timeZone);
  const runId = newId();
  await startRun(
    db,
    orgId,
    {
      id: runId,
      trigger: options.trigger,
      ruleSetId: config.ruleSet.id,
      config,
      startedBy: options.startedBy ?? null,
    },
    now,
  );
  const totals = { graded: 0, changed: 0, downgraded: 0 };
  const size = options.batchSize ?? BATCH;
  try {
    // Id ranges of `size` customers; two are graded at a time (a core each on PostgreSQL).
    const bounds = await queryRows<{ id: string }>(
      db,
      sql`select id from (select id, row_number() over (order by id) as n from customers
          where org_id = ${orgId}) x where n % ${size} = 0 order by id`,
    );
    const ranges: Range[] = [...bounds, null].map((bound, index) => ({
      after: bounds[index - 1]?.id ?? null,
      upTo: bound?.id ?? null,
    }));
    let next = 0;
    const worker = async () => {
      for (let range = ranges[next++]; range; range = ranges[next++]) {
        const batch = await gradeRange(db, orgId, config, today, range, {
          id: runId,
          now,
        }).catch((error: unknown) => {
          next = ranges.length; // the other worker stops after its current range
          throw error;
        });
        totals.graded += batch.graded;
        totals.changed += batch.changed;
        totals.downgraded += batch.downgraded;
      }
    };
    const workers = [worker(), worker()];
    const failed = (await Promise.allSettled(workers)).find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (error) {
    await db
      .update(gradingRuns)
      .set({ status: 'failed', finishedAt: new Date(), error: String(error).slice(0, 1000) })
      .where(and(eq(gradingRuns.orgId, orgId), eq(gradingRuns.id, runId)));
    throw error;
  }
  const finishedAt = new Date(now.getTime() + (Date.now() - started));
  await db.transaction(async (tx) => {
    await tx
      .update(gradingRuns)
      .set({ status: 'done', finishedAt, ...totals })
      .where(and(eq(gradingRuns.orgId, orgId), eq(gradingRuns.id, runId)));
    await recordAudit(tx, {
      orgId,
      userId: options.startedBy ?? null,
      ip: options.ip ?? null,
      action: 'grade',
      entity: 'grading_run',
      entityId: runId,
      changes: { trigger: options.trigger, ruleSetId: config.ruleSet.id, ...totals },
    });
  });
  return {
    id: runId,
    trigger: options.trigger,
    ruleSetId: config.ruleSet.id,
    ...totals,
    startedAt: now.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: Date.now() - started,
  };
}
