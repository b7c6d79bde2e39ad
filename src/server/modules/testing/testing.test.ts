import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApiToken, buildMember } from '../../../../tests/setup/factories-pool';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  // Survives the clock moves below (a session would expire).
  admin = await adminApiToken(t);
});
afterAll(async () => {
  await t.close();
});

describe('POST /test/clock', () => {
  it('needs a session and an admin', async () => {
    expect(
      (await t.call('POST', '/api/v1/test/clock', { body: { advanceDays: 1 } })).statusCode,
    ).toBe(401);
    const rep = await buildMember(t);
    expect(
      (await t.call('POST', '/api/v1/test/clock', { token: rep.token, body: { advanceDays: 1 } }))
        .statusCode,
    ).toBe(403);
  });

  it('wants exactly one of advanceDays, advanceMs or to', async () => {
    const before = t.clock.now().getTime();
    const none = await t.call('POST', '/api/v1/test/clock', { token: admin, body: {} });
    expect(none.statusCode).toBe(400);
    const both = await t.call('POST', '/api/v1/test/clock', {
      token: admin,
      body: { advanceDays: 1, to: '2030-01-01T00:00:00Z' },
    });
    expect(both.statusCode).toBe(400);
    expect(t.clock.now().getTime() - before).toBeLessThan(60_000);
  });

  it("moves the server's clock by days or to an instant", async () => {
    const before = t.clock.now().getTime();
    const forward = await t.call('POST', '/api/v1/test/clock', {
      token: admin,
      body: { advanceDays: 2 },
    });
    expect(forward.statusCode).toBe(200);
    expect(new Date(forward.json().now).getTime() - before).toBeGreaterThanOrEqual(2 * 86_400_000);
    const to = await t.call('POST', '/api/v1/test/clock', {
      token: admin,
      body: { to: '2031-02-03T04:05:06Z' },
    });
    expect(to.json().now.slice(0, 16)).toBe('2031-02-03T04:05');
  });
});

describe('POST /test/jobs/:name/run', () => {
  it('answers 404 for an unknown job', async () => {
    const response = await t.call('POST', '/api/v1/test/jobs/nightly-magic/run', {
      token: admin,
    });
    expect(response.statusCode).toBe(404);
  });

  it('runs a job now, for every org, even if it already ran today', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await t.call('POST', '/api/v1/test/jobs/lapse/run', { token: admin });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        job: 'lapse',
        ran: true,
        orgs: [
          {
            orgId: t.orgId,
            day: expect.any(String),
            skipped: false,
            summary: { lapsed: 0, warned: 0, tasksCancelled: 0 },
          },
        ],
      });
    }
  });
});

describe('outside test mode', () => {
  it('has no test endpoints at all', async () => {
    const production = await createTestApp({ testMode: false });
    try {
      const clock = await production.call('POST', '/api/v1/test/clock', {
        token: production.adminToken,
        body: { advanceDays: 30 },
      });
      expect(clock.statusCode).toBe(404);
      const job = await production.call('POST', '/api/v1/test/jobs/lapse/run', {
        token: production.adminToken,
      });
      expect(job.statusCode).toBe(404);
    } finally {
      await production.close();
    }
  });
});
