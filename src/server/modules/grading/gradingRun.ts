import { and, eq, lt, sql } from 'drizzle-orm';
import { zonedDay } from '../../../domain/format/dates';
import { type GradingMetrics, gradeCustomer } from '../../../domain/grading';
import type { Localized } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { gradingRuns } from '../../db/schema';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { getOrg } from '../orgs/orgs.service';
import { sqlNewId } from '../pool/poolEvents';
import type { GradingRun } from './grading.schema';
import { type GradingConfig, gradingOptions, readGradingConfig } from './grading.service';
import { type MetricsRow, metricsQuery, toGradingMetrics } from './gradingMetrics';

const BATCH = 5000;
// A run that has not finished in this long died with its server; the next run takes over.
const STALE_RUN_MS = 30 * 60_000;

interface GradeChange {
  customer_id: string;
  from_grade: string | null;
  to_grade: string;
  reasons: Localized[];
  metrics: GradingMetrics;
  downgraded: boolean;
}

async function startRun(
  db: Db,
  orgId: string,
  run: { id: string; trigger: GradingRun['trigger']; ruleSetId: string; startedBy: string | null },
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

/** Grades one id range of customers; returns the grades that changed. */
async function gradeBatch(
  db: Db,
  orgId: string,
  config: GradingConfig,
  today: string,
  range: Range,
): Promise<{ graded: number; downgraded: number; changes: GradeChange[] }> {
  const rows = await queryRows<MetricsRow & { grade: string | null }>(
    db,
    sql`select m.*, c.grade
      from (${metricsQuery(orgId, today, config.trailingMonths, inRange('s.customer_id', range))}) m
      join customers c on c.org_id = ${orgId} and c.id = m.customer_id
      where c.archived_at is null`,
  );
  const options = gradingOptions(config);
  const changes: GradeChange[] = [];
  let downgraded = 0;
  for (const row of rows) {
    const metrics: GradingMetrics = toGradingMetrics(row, config.trailingMonths);
    const result = gradeCustomer(metrics, config.ruleSet, options);
    if (result.grade === row.grade) continue;
    if (result.downgradedForUnpaid) downgraded += 1;
    changes.push({
      customer_id: row.customer_id,
      from_grade: row.grade,
      to_grade: result.grade,
      reasons: result.reasons,
      metrics,
      downgraded: result.downgradedForUnpaid,
    });
  }
  return { graded: rows.length, downgraded, changes };
}

/** Writes a batch's new grades and their history in one statement (one JSON parameter). */
async function writeChanges(
  db: Db,
  orgId: string,
  ruleSetId: string,
  range: Range,
  changes: GradeChange[],
  run: { id: string; now: Date },
): Promise<void> {
  await db.execute(sql`with v as (
      select * from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as v(customer_id uuid, from_grade text, to_grade text, reasons jsonb, metrics jsonb,
        downgraded boolean)
    ), graded as (
      update customers c set grade = v.to_grade from v
      where c.org_id = ${orgId} and c.id = v.customer_id and ${inRange('c.id', range)}
    )
    insert into grade_history (org_id, id, customer_id, from_grade, to_grade, rule_set_id,
      reasons, metrics, downgraded_for_unpaid, run_id, changed_at)
    select ${orgId}, ${sqlNewId(run.now)}, v.customer_id, v.from_grade, v.to_grade, ${ruleSetId},
      v.reasons, v.metrics, v.downgraded, ${run.id}, ${run.now}
    from v`);
}

/**
 * Grades every active customer of the org with sales records (客户分级): metrics per customer
 * in SQL, gradeCustomer per row, changed grades written back in batches with their history.
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
      startedBy: options.startedBy ?? null,
    },
    now,
  );
  const totals = { graded: 0, changed: 0, downgraded: 0 };
  const size = options.batchSize ?? BATCH;
  // The next batch is graded while the previous one is written (a second connection).
  let writing: Promise<unknown> = Promise.resolve();
  let writeError: unknown = null;
  try {
    let after: string | null = null;
    for (;;) {
      const [bound]: { id: string }[] = await queryRows<{ id: string }>(
        db,
        sql`select id from customers where org_id = ${orgId}
          ${after ? sql`and id > ${after}` : sql``} order by id offset ${size - 1} limit 1`,
      );
      const range: Range = { after, upTo: bound?.id ?? null };
      const batch = await gradeBatch(db, orgId, config, today, range);
      totals.graded += batch.graded;
      totals.changed += batch.changes.length;
      totals.downgraded += batch.downgraded;
      await writing;
      if (writeError) throw writeError;
      if (batch.changes.length > 0) {
        writing = writeChanges(db, orgId, config.ruleSet.id, range, batch.changes, {
          id: runId,
          now,
        }).catch((error: unknown) => {
          writeError = error;
        });
      }
      if (!bound) break;
      after = bound.id;
    }
    await writing;
    if (writeError) throw writeError;
  } catch (error) {
    await writing;
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
