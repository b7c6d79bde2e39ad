import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../tests/setup/factories';
import {
  buildCustomer,
  dayFromNow,
  insertSalesLines,
} from '../../../tests/setup/factories-qualification';
import { createTestApp, type TestApp } from '../../../tests/setup/test-app';
import type { AppContext } from '../context';
import { gradingJob, runGrading } from './gradingJob';
import { JOBS } from './index';
import { runJob } from './scheduler';

let t: TestApp;
let ctx: AppContext;

beforeAll(async () => {
  t = await createTestApp();
  ctx = { database: t.database, clock: t.clock, config: t.config, log: pino({ level: 'silent' }) };
});
afterAll(async () => {
  await t.close();
});

const rowOf = async (id: string) => {
  const [row] = await t.database.query<{ grade: string | null; score: number | null }>(
    sql`select g.grade, c.score from customers c
      left join customer_grades g on g.org_id = c.org_id and g.customer_id = c.id where c.id = ${id}`,
  );
  return row;
};

describe('runGrading', () => {
  it('grades from sales, finishes an interrupted rescoring, and is idempotent', async () => {
    const rep = await buildUser(t);
    const customer = await buildCustomer(t, rep.token, { headcount: 80 });
    await insertSalesLines(t, customer.id, [
      { amountCents: 40_000_000, orderDate: dayFromNow(t, -20), paidCents: 40_000_000 },
    ]);
    // New rules were saved, then the server stopped before rescoring anyone.
    const put = await t.call('PUT', '/api/v1/settings/scoring', {
      token: t.adminToken,
      body: {
        version: 1,
        threshold: 5,
        criteria: [
          {
            id: 'size',
            label: { 'zh-CN': '规模', en: 'Size' },
            field: 'headcount',
            op: 'gte',
            value: 50,
            points: 7,
          },
        ],
      },
    });
    expect(put.statusCode).toBe(200);
    await t.database.query(sql`update qualification_settings set applied_version = 1
      where kind = 'scoring'`);
    await t.database.query(sql`update customers set score = 20 where id = ${customer.id}`);

    const [first] = await runGrading(ctx, { orgId: t.orgId });
    expect(first?.summary).toMatchObject({ rescored: 1, graded: 1, gradeChanged: 1 });
    expect(await rowOf(customer.id)).toEqual({ grade: 'A', score: 7 });
    const settings = await t.call('GET', '/api/v1/settings/scoring', { token: t.adminToken });
    expect(settings.json().recomputing).toBe(false);

    const [second] = await runGrading(ctx);
    expect(second?.summary).toMatchObject({ rescored: 0, graded: 1, gradeChanged: 0 });
  });

  it('runs once per org day under the scheduler', async () => {
    const first = await runJob(ctx, gradingJob);
    expect(first.ran).toBe(true);
    expect(first.orgs[0]).toMatchObject({ skipped: false, summary: { graded: 1 } });
    const again = await runJob(ctx, gradingJob);
    expect(again.orgs[0]?.skipped).toBe(true);
  });

  it('leaves a grading run already under way alone, rescoring only', async () => {
    const running = sql`insert into grading_runs (org_id, id, trigger, status, rule_set_id, started_at)
      values (${t.orgId}, gen_random_uuid(), 'manual', 'running', 'vip-abc', ${t.clock.now()})`;
    await t.database.query(running);
    try {
      const [result] = await runGrading(ctx, { orgId: t.orgId });
      expect(result?.summary).toEqual({ rescored: 0, skippedRunInProgress: 1 });
    } finally {
      await t.database.query(sql`update grading_runs set status = 'failed', finished_at = now()
        where org_id = ${t.orgId} and status = 'running'`);
    }
  });

  it('is one of the scheduled jobs, and runs by name', async () => {
    expect(JOBS.map((job) => job.name)).toContain('grading');
    const run = await t.call('POST', '/api/v1/test/jobs/grading/run', { token: t.adminToken });
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ job: 'grading', ran: true });
    expect(run.json().orgs[0]).toMatchObject({ skipped: false, summary: { graded: 1 } });
  });
});

describe('a new org', () => {
  it("starts with the seeds' scoring criteria, grading table and churn thresholds stored", async () => {
    const fresh = await createTestApp();
    try {
      const rows = await fresh.database.query<{ kind: string; version: number }>(
        sql`select kind, version from qualification_settings where org_id = ${fresh.orgId}
          order by kind`,
      );
      expect(rows).toEqual([
        { kind: 'churn', version: 1 },
        { kind: 'grading', version: 1 },
        { kind: 'scoring', version: 1 },
      ]);
      const grading = await fresh.call('GET', '/api/v1/settings/grading', {
        token: fresh.adminToken,
      });
      expect(grading.json().ruleSet.id).toBe('vip-abc');
      const scoring = await fresh.call('GET', '/api/v1/settings/scoring', {
        token: fresh.adminToken,
      });
      expect(scoring.json().criteria.length).toBeGreaterThanOrEqual(7);
    } finally {
      await fresh.close();
    }
  });
});
