// A session resolved a moment ago is reused without asking the database; whatever the app
// changes about a user's sessions takes effect on the next request, on this server and on
// another one on the same PostgreSQL (announced with NOTIFY).
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildUser } from '../../../tests/setup/factories';
import { createTestApp, type TestApp } from '../../../tests/setup/test-app';
import { buildApp } from '../app';
import { openDatabase } from '../db/client';
import { sessionCacheOf } from './sessionCache';

const CACHE_MS = 60_000;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ sessionCacheMs: CACHE_MS });
  await sessionCacheOf(t).ready();
});
afterAll(async () => {
  await t.close();
});

const me = (token: string) => t.call('GET', '/api/v1/me', { token });

describe('the session cache', () => {
  it('reuses a session resolved within SESSION_CACHE_MS, and asks the database after it', async () => {
    const rep = await buildUser(t);
    expect((await me(rep.token)).statusCode).toBe(200);
    // Deleted behind the app's back (no announcement): the cached session still answers …
    await t.database.query(sql`delete from sessions where user_id = ${rep.id}`);
    expect((await me(rep.token)).statusCode).toBe(200);
    // … until the cache time has passed.
    t.clock.advance(CACHE_MS);
    expect((await me(rep.token)).statusCode).toBe(401);
  });

  it('ends a cached session at once on logout and on deactivation', async () => {
    const loggedOut = await buildUser(t);
    expect((await me(loggedOut.token)).statusCode).toBe(200);
    const logout = await t.call('POST', '/api/v1/auth/logout', { token: loggedOut.token });
    expect(logout.statusCode).toBe(204);
    expect((await me(loggedOut.token)).statusCode).toBe(401);

    const deactivated = await buildUser(t);
    expect((await me(deactivated.token)).statusCode).toBe(200);
    const patched = await t.call('PATCH', `/api/v1/users/${deactivated.id}`, {
      token: t.adminToken,
      body: { version: deactivated.version, active: false },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await me(deactivated.token)).statusCode).toBe(401);
  });

  it('applies a role change to a cached session at once', async () => {
    const rep = await buildUser(t);
    expect((await t.call('GET', '/api/v1/audit', { token: rep.token })).statusCode).toBe(403);
    const patched = await t.call('PATCH', `/api/v1/users/${rep.id}`, {
      token: t.adminToken,
      body: { version: rep.version, role: 'admin' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await t.call('GET', '/api/v1/audit', { token: rep.token })).statusCode).toBe(200);
  });

  it('does not outlive the session’s own expiry', async () => {
    const rep = await buildUser(t);
    const expiresAt = new Date(t.clock.now().getTime() + 1000);
    await t.database.query(
      sql`update sessions set expires_at = ${expiresAt} where user_id = ${rep.id}`,
    );
    expect((await me(rep.token)).statusCode).toBe(200);
    t.clock.advance(1000);
    expect((await me(rep.token)).statusCode).toBe(401);
  });
});

const onPostgres = Boolean(process.env.TEST_DATABASE_URL) && inject('dbKind') === 'postgres';

describe.runIf(onPostgres)('the session cache with two servers on one PostgreSQL', () => {
  it('forgets a session logged out on the other server as the notification arrives', async () => {
    const pool = t.database.pool as unknown as { options: { connectionString: string } };
    const database = await openDatabase({
      databaseUrl: pool.options.connectionString,
      poolSize: 2,
    });
    const other = await buildApp({
      database,
      clock: t.clock,
      config: t.config,
      log: pino({ level: 'silent' }),
    });
    try {
      await sessionCacheOf({ database, config: t.config }).ready();
      const rep = await buildUser(t);
      const onOther = () =>
        other.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${rep.token}` },
        });
      expect((await onOther()).statusCode).toBe(200);
      await t.call('POST', '/api/v1/auth/logout', { token: rep.token });
      // Cached for a minute on the other server unless the announcement reaches it.
      let status = 200;
      for (let attempt = 0; attempt < 50 && status === 200; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await onOther()).statusCode;
      }
      expect(status).toBe(401);
    } finally {
      await other.close();
      await database.close();
    }
  });
});
