import { sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import { type Db, queryRows } from '../db/client';
import { AppError } from '../http/errors';
import { gradeOrg } from '../modules/grading/gradingRun';
import { readScoringRules, recomputeScores } from '../modules/scoring/scoring.service';
import type { Job, JobSummary } from './scheduler';

/**
 * The nightly qualification pass for one org: finishes a rescoring that a server stopped
 * midway (or scores customers an import created unscored), then grades every customer
 * from its sales records. Idempotent; a grading run already under way is left alone.
 */
export async function gradingForOrg(
  db: Db,
  org: { id: string; timeZone: string },
  now: Date,
): Promise<JobSummary> {
  const rules = await readScoringRules(db, org.id);
  const stale = (rules.appliedVersion ?? 0) < rules.version;
  const scoring = await recomputeScores(db, org.id, { onlyUnscored: !stale });
  try {
    const run = await gradeOrg(db, org.id, { trigger: 'schedule', now });
    return {
      rescored: scoring.changed,
      graded: run.graded,
      gradeChanged: run.changed,
      downgradedForUnpaid: run.downgraded,
      durationMs: run.durationMs,
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'grading_in_progress') {
      return { rescored: scoring.changed, skippedRunInProgress: 1 };
    }
    throw error;
  }
}

/** For the scheduler's list (src/server/jobs/index.ts): once a day per org. */
export const gradingJob: Job = { name: 'grading', runForOrg: gradingForOrg };

/** Runs the pass now for one org, or for every org, outside the daily schedule. */
export async function runGrading(
  ctx: AppContext,
  options: { orgId?: string } = {},
): Promise<{ orgId: string; summary: JobSummary }[]> {
  const db = ctx.database.db;
  const orgs = await queryRows<{ id: string; time_zone: string }>(
    db,
    sql`select id, time_zone from orgs
      ${options.orgId ? sql`where id = ${options.orgId}` : sql``} order by id`,
  );
  const results: { orgId: string; summary: JobSummary }[] = [];
  for (const org of orgs) {
    const summary = await gradingForOrg(
      db,
      { id: org.id, timeZone: org.time_zone },
      ctx.clock.now(),
    );
    results.push({ orgId: org.id, summary });
  }
  return results;
}
