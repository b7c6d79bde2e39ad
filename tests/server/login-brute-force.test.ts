import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../setup/factories';
import { createTestApp, type TestApp } from '../setup/test-app';

// Login brute force (issue 10): ten wrong passwords lock the account for 15 minutes with a
// clear message, even against the right password; and one address gets only so many login
// attempts a minute, whoever it tries.

const loginAs = (t: TestApp, email: string, password: string) =>
  t.call('POST', '/api/v1/auth/login', { body: { email, password } });

describe('account lockout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('locks after ten wrong passwords, says until when, and opens again after 15 minutes', async () => {
    const rep = await buildUser(t);
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const wrong = await loginAs(t, rep.email, `wrong-password-${attempt}`);
      expect(wrong.statusCode, `attempt ${attempt}`).toBe(401);
    }
    const locked = await loginAs(t, rep.email, rep.password);
    expect(locked.statusCode).toBe(423);
    const problem = locked.json();
    expect(problem).toMatchObject({ status: 423, code: 'account_locked' });
    expect(problem.detail).toMatch(/^Too many failed logins; try again after /);
    const until = new Date(problem.lockedUntil).getTime();
    // The clock runs: the lock started at the tenth failure, a moment ago.
    const left = until - t.clock.now().getTime();
    expect(left).toBeGreaterThan(14 * 60_000);
    expect(left).toBeLessThanOrEqual(15 * 60_000);
    // The lock set no session, and every failure is in the audit log with the address.
    expect(locked.headers['set-cookie']).toBeUndefined();
    const [failures] = await t.database.query<{ n: number; ips: number }>(
      sql`select count(*)::int as n, count(*) filter (where ip = '127.0.0.1')::int as ips
        from audit_log where org_id = ${t.orgId} and action = 'login_failed'
          and entity_id = ${rep.id}`,
    );
    expect(failures).toEqual({ n: 10, ips: 10 });

    t.clock.advance(14 * 60_000);
    expect((await loginAs(t, rep.email, rep.password)).statusCode).toBe(423);
    t.clock.advance(2 * 60_000);
    expect((await loginAs(t, rep.email, rep.password)).statusCode).toBe(200);
    // A success starts the count again: one wrong password later does not lock.
    expect((await loginAs(t, rep.email, 'wrong-again')).statusCode).toBe(401);
    expect((await loginAs(t, rep.email, rep.password)).statusCode).toBe(200);
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ loginRateLimitPerMinute: 5 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 rate_limited once an address passes the attempts allowed a minute', async () => {
    const statuses: number[] = [];
    let limited: ReturnType<typeof JSON.parse> | null = null;
    for (let attempt = 1; attempt <= 6 && !limited; attempt += 1) {
      const response = await loginAs(t, `nobody${attempt}@test.local`, 'guess-password');
      statuses.push(response.statusCode);
      if (response.statusCode === 429) limited = response.json();
    }
    // The app's own admin login at start-up may have used one of the five.
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    expect(limited).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(limited?.detail).toMatch(/rate limit/i);
  });
});
