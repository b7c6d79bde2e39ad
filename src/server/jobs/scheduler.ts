import { Cron } from 'croner';
import { sql } from 'drizzle-orm';
import { zonedDay } from '../../domain/format/dates';
import type { AppContext } from '../context';
import { type Db, queryRows } from '../db/client';

export type JobSummary = Record<string, number>;

/** A daily job: does one org's work for `now`; must be idempotent (a second run changes nothing). */
export interface Job {
  name: string;
  runForOrg(db: Db, org: { id: string; timeZone: string }, now: Date): Promise<JobSummary>;
}

export interface JobRun {
  job: string;
  /** false: another server (or this one) was already running it. */
  ran: boolean;
  orgs: { orgId: string; day: string; skipped: boolean; summary: JobSummary }[];
}

const JOB_LOCK = 7_214_200;
const runningHere = new Set<string>();

/**
 * Runs `fn` only if no other process holds the job's advisory lock (PostgreSQL), and no
 * other run of it is under way in this process (the lock is per session, and PGlite is one).
 */
async function exclusively<T>(
  ctx: AppContext,
  name: string,
  fn: () => Promise<T>,
): Promise<T | null> {
  const key = `${ctx.database.kind}:${name}`;
  if (runningHere.has(key)) return null;
  runningHere.add(key);
  try {
    const pool = ctx.database.pool;
    if (!pool) return await fn();
    const client = await pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        'select pg_try_advisory_lock($1, hashtext($2)) as locked',
        [JOB_LOCK, name],
      );
      if (!rows[0]?.locked) return null;
      try {
        return await fn();
      } finally {
        await client.query('select pg_advisory_unlock($1, hashtext($2))', [JOB_LOCK, name]);
      }
    } finally {
      client.release();
    }
  } finally {
    runningHere.delete(key);
  }
}

/**
 * Runs a job for every org whose day (in its own time zone) it has not finished yet, or for
 * every org when forced. The clock is the context's, so tests and test mode move time.
 */
export async function runJob(
  ctx: AppContext,
  job: Job,
  options: { force?: boolean } = {},
): Promise<JobRun> {
  const result = await exclusively(ctx, job.name, () => runEachOrg(ctx, job, options));
  return { job: job.name, ran: result !== null, orgs: result ?? [] };
}

/** runJob's work, under the job's lock. */
async function runEachOrg(
  ctx: AppContext,
  job: Job,
  options: { force?: boolean },
): Promise<JobRun['orgs']> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const orgs = await queryRows<{ id: string; time_zone: string }>(
    db,
    sql`select id, time_zone from orgs order by id`,
  );
  const runs: JobRun['orgs'] = [];
  for (const org of orgs) {
    const day = zonedDay(now, org.time_zone);
    const [done] = await queryRows(
      db,
      sql`select 1 from job_runs where org_id = ${org.id} and job = ${job.name}
        and day = ${day} and finished_at is not null`,
    );
    if (done && !options.force) {
      runs.push({ orgId: org.id, day, skipped: true, summary: {} });
      continue;
    }
    // Committed before the work starts: a server killed mid-run leaves a row without
    // finished_at, which the next server to start reports and finishes.
    await db.execute(
      sql`insert into job_runs (org_id, job, day, started_at, finished_at)
        values (${org.id}, ${job.name}, ${day}, ${now}, null)
        on conflict (org_id, job, day) do update
          set started_at = excluded.started_at, finished_at = null`,
    );
    const summary = await job.runForOrg(db, { id: org.id, timeZone: org.time_zone }, now);
    await db.execute(
      sql`update job_runs set finished_at = ${ctx.clock.now()}, summary = ${JSON.stringify(summary)}::jsonb
        where org_id = ${org.id} and job = ${job.name} and day = ${day}`,
    );
    runs.push({ orgId: org.id, day, skipped: false, summary });
  }
  return runs;
}

/**
 * At start-up: finds the runs a killed server left without finished_at (under the job's lock,
 * so a run still under way on another server is not one of them), says so, and runs the job
 * again (every job is idempotent). A run left on an earlier day is closed as interrupted:
 * today's run does its work, as the job reads the state as of now.
 */
export async function finishInterruptedJobs(ctx: AppContext, jobs: readonly Job[]): Promise<void> {
  for (const job of jobs) {
    await exclusively(ctx, job.name, async () => {
      const db = ctx.database.db;
      const left = await queryRows<{ org_id: string; day: string; started_at: Date | string }>(
        db,
        sql`select org_id, day::text as day, started_at from job_runs
          where job = ${job.name} and finished_at is null order by day, org_id`,
      );
      if (left.length === 0) return;
      ctx.log.warn(
        { job: job.name, runs: left.map((run) => ({ orgId: run.org_id, day: run.day })) },
        'found a scheduled job left unfinished by a stopped server',
      );
      const orgs = await runEachOrg(ctx, job, {});
      await db.execute(
        sql`update job_runs set finished_at = ${ctx.clock.now()},
            summary = summary || '{"interrupted": 1}'::jsonb
          where job = ${job.name} and finished_at is null`,
      );
      ctx.log.info(
        { job: job.name, orgs },
        'finished a scheduled job a stopped server left unfinished',
      );
    });
  }
}

/**
 * Starts the jobs on a cron pattern (hourly by default: each org's daily work happens in
 * the first run after its local midnight). Returns a stop function for shutdown.
 */
export function startScheduler(
  ctx: AppContext,
  jobs: readonly Job[],
  pattern = '5 * * * *',
): { stop(): void } {
  const cron = new Cron(pattern, { protect: true }, async () => {
    for (const job of jobs) {
      try {
        const run = await runJob(ctx, job);
        ctx.log.info({ job: job.name, ran: run.ran, orgs: run.orgs }, 'job finished');
      } catch (error) {
        ctx.log.error({ err: error, job: job.name }, 'job failed');
      }
    }
  });
  return { stop: () => cron.stop() };
}
