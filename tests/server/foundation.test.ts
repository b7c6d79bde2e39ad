import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../setup/factories';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../setup/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('health and docs', () => {
  it('reports ok with the database kind', async () => {
    const response = await t.call('GET', '/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', db: t.database.kind });
  });

  it('serves the OpenAPI document listing the fixed paths', async () => {
    const response = await t.call('GET', '/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/users',
        '/api/v1/teams',
      ]),
    );
  });

  it('serves the docs page', async () => {
    const response = await t.call('GET', '/api/docs/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const response = await t.call('GET', '/api/v1/no-such-thing', { token: t.adminToken });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('login and sessions', () => {
  it('refuses a wrong password with 401 and sets no session', async () => {
    const response = await t.call('POST', '/api/v1/auth/login', {
      body: { email: ADMIN_EMAIL, password: 'wrong-password' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('invalid_credentials');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('refuses calls without a session', async () => {
    const response = await t.call('GET', '/api/v1/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('unauthenticated');
  });

  it('logs in with a cookie and a token, and logs out', async () => {
    const response = await t.call('POST', '/api/v1/auth/login', {
      body: { email: ADMIN_EMAIL.toUpperCase(), password: ADMIN_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const { token, user } = response.json();
    expect(user).toMatchObject({ email: ADMIN_EMAIL, role: 'admin' });
    expect(user.passwordHash).toBeUndefined();
    const cookie = response.cookies.find((c) => c.name === 'crm_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', value: token });

    const me = await t.call('GET', '/api/v1/me', { headers: { cookie: `crm_session=${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(ADMIN_EMAIL);

    const out = await t.call('POST', '/api/v1/auth/logout', {
      headers: {
        cookie: `crm_session=${token}`,
        origin: 'http://localhost:3000',
        host: 'localhost:3000',
      },
    });
    expect(out.statusCode).toBe(204);
    expect((await t.call('GET', '/api/v1/me', { token })).statusCode).toBe(401);
  });

  it('gives a new session at every login (no fixation)', async () => {
    const first = await t.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const second = await t.call('POST', '/api/v1/auth/login', {
      body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      headers: {
        cookie: `crm_session=${first}`,
        origin: 'http://localhost:3000',
        host: 'localhost:3000',
      },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().token).not.toBe(first);
    expect((await t.call('GET', '/api/v1/me', { token: first })).statusCode).toBe(401);
  });

  it('rejects a cookie-authenticated change from another origin', async () => {
    const response = await t.call('PATCH', '/api/v1/me', {
      headers: { cookie: `crm_session=${t.adminToken}`, origin: 'https://evil.example' },
      body: { locale: 'en' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('csrf_rejected');
  });

  it('remembers the language per user', async () => {
    const rep = await buildUser(t);
    const response = await t.call('PATCH', '/api/v1/me', {
      token: rep.token,
      body: { locale: 'en' },
    });
    expect(response.statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/me', { token: rep.token })).json().locale).toBe('en');
    const bad = await t.call('PATCH', '/api/v1/me', { token: rep.token, body: { locale: 'fr' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.locale');
  });
});

describe('users and teams', () => {
  it('forbids a rep from creating users', async () => {
    const rep = await buildUser(t);
    const response = await t.call('POST', '/api/v1/users', {
      token: rep.token,
      body: { email: 'x@test.local', name: 'X', password: 'long-enough-1', role: 'admin' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
  });

  it('refuses a malformed body, names the field, and writes nothing', async () => {
    const before = (await t.call('GET', '/api/v1/users?limit=500', { token: t.adminToken })).json()
      .items.length;
    const response = await t.call('POST', '/api/v1/users', {
      token: t.adminToken,
      body: { email: 'not-an-email', name: 'X', password: 'long-enough-1', role: 'rep' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'body.email', message: 'must be an email address' }),
    ]);
    const after = (await t.call('GET', '/api/v1/users?limit=500', { token: t.adminToken })).json()
      .items.length;
    expect(after).toBe(before);
  });

  it('refuses invalid JSON', async () => {
    const response = await t.call('POST', '/api/v1/teams', {
      token: t.adminToken,
      body: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
  });

  it('creates a team with a manager and users of each role who can log in', async () => {
    const manager = await buildUser(t, { role: 'manager' });
    const team = await buildTeam(t, { name: '华东网格', managerId: manager.id });
    expect(team).toMatchObject({ name: '华东网格', managerId: manager.id });
    const rep = await buildUser(t, { role: 'rep', teamId: team.id });
    expect(rep.teamId).toBe(team.id);
    const teams = (await t.call('GET', '/api/v1/teams', { token: rep.token })).json();
    expect(teams.items.find((x: { id: string }) => x.id === team.id).memberCount).toBe(1);
    const me = await t.call('GET', '/api/v1/me', { token: rep.token });
    expect(me.json()).toMatchObject({ id: rep.id, role: 'rep' });
  });

  it('refuses a duplicate email and a duplicate team name with 409', async () => {
    const rep = await buildUser(t);
    const again = await t.call('POST', '/api/v1/users', {
      token: t.adminToken,
      body: { email: rep.email.toUpperCase(), name: 'Dup', password: 'long-enough-1', role: 'rep' },
    });
    expect(again.statusCode).toBe(409);
    const team = await buildTeam(t);
    const dupTeam = await t.call('POST', '/api/v1/teams', {
      token: t.adminToken,
      body: { name: team.name.toLowerCase() },
    });
    expect(dupTeam.statusCode).toBe(409);
    expect(dupTeam.json().errors[0].field).toBe('name');
  });

  it('refuses a team manager who is a rep', async () => {
    const rep = await buildUser(t);
    const response = await t.call('POST', '/api/v1/teams', {
      token: t.adminToken,
      body: { name: 'Reps lead', managerId: rep.id },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('managerId');
  });

  it('updates a user with its version and refuses a stale version', async () => {
    const rep = await buildUser(t);
    const ok = await t.call('PATCH', `/api/v1/users/${rep.id}`, {
      token: t.adminToken,
      body: { version: rep.version, name: 'Renamed' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Renamed', version: rep.version + 1 });
    const stale = await t.call('PATCH', `/api/v1/users/${rep.id}`, {
      token: t.adminToken,
      body: { version: rep.version, name: 'Again' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { name: 'Renamed' } });
  });

  it('deactivating a user ends their sessions', async () => {
    const rep = await buildUser(t);
    await t.call('PATCH', `/api/v1/users/${rep.id}`, {
      token: t.adminToken,
      body: { version: rep.version, active: false },
    });
    expect((await t.call('GET', '/api/v1/me', { token: rep.token })).statusCode).toBe(401);
    const relogin = await t.call('POST', '/api/v1/auth/login', {
      body: { email: rep.email, password: rep.password },
    });
    expect(relogin.statusCode).toBe(401);
  });

  it('lets a user change their own password only with the current one', async () => {
    const rep = await buildUser(t);
    const wrong = await t.call('POST', `/api/v1/users/${rep.id}/password`, {
      token: rep.token,
      body: { password: 'new-password-1', currentPassword: 'nope' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const ok = await t.call('POST', `/api/v1/users/${rep.id}/password`, {
      token: rep.token,
      body: { password: 'new-password-1', currentPassword: rep.password },
    });
    expect(ok.statusCode).toBe(204);
    await expect(t.login(rep.email, 'new-password-1')).resolves.toBeTruthy();
  });

  it('shows a user of another org as not found', async () => {
    const response = await t.call('GET', '/api/v1/users/00000000-0000-7000-8000-000000000000', {
      token: t.adminToken,
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('audit log', () => {
  it('records logins and changes, searchable by admins only', async () => {
    const rep = await buildUser(t);
    const list = await t.call('GET', `/api/v1/audit?entity=user&entityId=${rep.id}`, {
      token: t.adminToken,
    });
    expect(list.statusCode).toBe(200);
    const actions = list.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'login']));
    const forbidden = await t.call('GET', '/api/v1/audit', { token: rep.token });
    expect(forbidden.statusCode).toBe(403);
  });

  it('is append-only in the database', async () => {
    const failure = (statement: ReturnType<typeof sql>) =>
      t.database.query(statement).then(
        () => 'no error',
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(await failure(sql`delete from audit_log`)).toMatch(/append-only/);
    expect(await failure(sql`update audit_log set action = 'x'`)).toMatch(/append-only/);
    const count = await t.database.query<{ n: number }>(
      sql`select count(*)::int as n from audit_log`,
    );
    expect(count[0]?.n).toBeGreaterThan(0);
  });
});

describe('own account', () => {
  it('lets an admin resend their unchanged role but not demote themselves', async () => {
    const me = (await t.call('GET', '/api/v1/me', { token: t.adminToken })).json();
    const same = await t.call('PATCH', `/api/v1/users/${me.id}`, {
      token: t.adminToken,
      body: { version: me.version, role: 'admin', name: 'Admin' },
    });
    expect(same.statusCode).toBe(200);
    const demote = await t.call('PATCH', `/api/v1/users/${me.id}`, {
      token: t.adminToken,
      body: { version: same.json().version, role: 'rep' },
    });
    expect(demote.statusCode).toBe(403);
  });

  it('asks an admin for the current password when changing their own', async () => {
    const me = (await t.call('GET', '/api/v1/me', { token: t.adminToken })).json();
    const response = await t.call('POST', `/api/v1/users/${me.id}/password`, {
      token: t.adminToken,
      body: { password: 'another-password-1' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('currentPassword');
  });

  it('answers a stale team edit with the team as the API shows it', async () => {
    const team = await buildTeam(t);
    await t.call('PATCH', `/api/v1/teams/${team.id}`, {
      token: t.adminToken,
      body: { version: team.version, name: `${team.name} renamed` },
    });
    const stale = await t.call('PATCH', `/api/v1/teams/${team.id}`, {
      token: t.adminToken,
      body: { version: team.version, name: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toEqual(
      expect.objectContaining({ name: `${team.name} renamed`, memberCount: 0, version: 2 }),
    );
    expect(stale.json().current.orgId).toBeUndefined();
  });
});
