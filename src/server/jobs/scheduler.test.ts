import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/setup/test-app';
import type { AppContext } from '../context';
import { finishInterruptedJobs, type Job, runJob, startScheduler } from './scheduler';

let t: TestApp;
let ctx: AppContext;

/** A job that counts its runs and can be held open until released. */
function countingJob(name: string) {
  let release: () => void = () => {};
  const job = {
    runs: 0,
    gate: Promise.resolve(),
    hold() {
      job.gate = new Promise<void>((resolve) => {
        release = resolve;
      });
    },
    release: () => release(),
    name,
    async runForOrg() {
      job.runs += 1;
      await job.gate;
      return { runs: job.runs };
    },
  };
  return job satisfies Job;
}

beforeAll(async () => {
  t = await createTestApp();
  ctx = { database: t.database, clock: t.clock, config: t.config, log: pino({ level: 'silent' }) };
});
afterAll(async () => {
  await t.close();
});

describe('runJob', () => {
  it("does each org's daily work once per org day, unless forced", async () => {
    const job = countingJob('daily-once');
    t.clock.set(new Date('2026-07-01T15:00:00Z')); // 23:00 in Shanghai
    expect((await runJob(ctx, job)).orgs).toEqual([
      { orgId: t.orgId, day: '2026-07-01', skipped: false, summary: { runs: 1 } },
    ]);
    expect((await runJob(ctx, job)).orgs[0]).toMatchObject({ skipped: true });
    expect((await runJob(ctx, job, { force: true })).orgs[0]).toMatchObject({ skipped: false });
    t.clock.set(new Date('2026-07-01T16:30:00Z')); // 00:30 the next day in Shanghai
    expect((await runJob(ctx, job)).orgs[0]).toMatchObject({ day: '2026-07-02', skipped: false });
    expect(job.runs).toBe(3);
    const rows = await t.database.query<{ day: string }>(
      sql`select day::text as day from job_runs where job = 'daily-once' order by day`,
    );
    expect(rows.map((row) => row.day)).toEqual(['2026-07-01', '2026-07-02']);
  });

  it('never runs the same job twice at once', async () => {
    const job = countingJob('exclusive');
    job.hold();
    const first = runJob(ctx, job, { force: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await runJob(ctx, job, { force: true });
    expect(second).toEqual({ job: 'exclusive', ran: false, orgs: [] });
    job.release();
    expect((await first).ran).toBe(true);
    expect(job.runs).toBe(1);
  });

  it('skips the run while another server holds the advisory lock (PostgreSQL)', async () => {
    const job = countingJob('held-elsewhere');
    const pool = t.database.pool;
    if (!pool) {
      // PGlite is one process's own database: the in-process guard above is the whole story.
      expect(t.database.kind).toBe('pglite');
      return;
    }
    // Another server: its own connection holding the job's lock.
    const other = new pg.Client({
      connectionString: (pool as unknown as { options: { connectionString: string } }).options
        .connectionString,
    });
    await other.connect();
    try {
      await other.query('select pg_advisory_lock($1, hashtext($2))', [7_214_200, 'held-elsewhere']);
      expect((await runJob(ctx, job, { force: true })).ran).toBe(false);
      await other.query('select pg_advisory_unlock($1, hashtext($2))', [
        7_214_200,
        'held-elsewhere',
      ]);
      expect((await runJob(ctx, job, { force: true })).ran).toBe(true);
    } finally {
      await other.end();
    }
  });
});

describe('finishInterruptedJobs', () => {
  const runsOf = (job: string) =>
    t.database.query<{ day: string; finished: boolean; summary: Record<string, number> }>(
      sql`select day::text as day, finished_at is not null as finished, summary from job_runs
        where job = ${job} order by day`,
    );

  it('marks a run unfinished while it works, so a killed run is left without finished_at', async () => {
    const job = countingJob('marked');
    job.hold();
    t.clock.set(new Date('2026-07-05T02:00:00Z'));
    const run = runJob(ctx, job);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await runsOf('marked')).toEqual([{ day: '2026-07-05', finished: false, summary: {} }]);
    job.release();
    await run;
    expect(await runsOf('marked')).toEqual([
      { day: '2026-07-05', finished: true, summary: { runs: 1 } },
    ]);
  });

  it("runs again the jobs a stopped server left unfinished, and closes an earlier day's run", async () => {
    const job = countingJob('interrupted');
    const idle = countingJob('idle');
    t.clock.set(new Date('2026-07-10T02:00:00Z')); // 10:00 on 10 July in Shanghai
    await t.database.db.execute(
      sql`insert into job_runs (org_id, job, day, started_at) values
        (${t.orgId}, 'interrupted', '2026-07-09', '2026-07-09T02:00:00Z'),
        (${t.orgId}, 'interrupted', '2026-07-10', '2026-07-10T01:00:00Z')`,
    );
    await finishInterruptedJobs(ctx, [job, idle]);
    expect(job.runs).toBe(1);
    expect(idle.runs).toBe(0); // nothing of it was left: not run before its schedule
    expect(await runsOf('interrupted')).toEqual([
      { day: '2026-07-09', finished: true, summary: { interrupted: 1 } },
      { day: '2026-07-10', finished: true, summary: { runs: 1 } },
    ]);
    await finishInterruptedJobs(ctx, [job]);
    expect(job.runs).toBe(1);
  });
});

describe('startScheduler', () => {
  it('runs the jobs on its cron pattern until stopped', async () => {
    const job = countingJob('every-second');
    const scheduler = startScheduler(ctx, [job], '* * * * * *');
    try {
      const deadline = Date.now() + 5000;
      while (job.runs === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      scheduler.stop();
    }
    expect(job.runs).toBe(1);
  });
});
