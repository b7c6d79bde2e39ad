import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam } from '../../../../tests/setup/factories';
import {
  buildLapseRule,
  buildMember,
  claim,
  seedPoolCustomers,
} from '../../../../tests/setup/factories-pool';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let team: { id: string };
let rep: Awaited<ReturnType<typeof buildMember>>;
let manager: Awaited<ReturnType<typeof buildMember>>;
const post = (token: string | null, body: unknown) =>
  t.call('POST', '/api/v1/pool/lapse-rules', { token, body });
const ruleCount = async () =>
  (await t.database.query<{ n: number }>(sql`select count(*)::int as n from lapse_rules`))[0]?.n;

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t);
  rep = await buildMember(t, { teamId: team.id });
  manager = await buildMember(t, { role: 'manager', teamId: team.id });
  t.clock.set(new Date('2026-05-01T02:00:00Z'));
});
afterAll(async () => {
  await t.close();
});

describe('POST /pool/lapse-rules', () => {
  it('needs a session and an admin', async () => {
    expect((await post(null, { name: 'x', noActivityDays: 30 })).statusCode).toBe(401);
    expect((await post(manager.token, { name: 'x', noActivityDays: 30 })).statusCode).toBe(403);
  });

  it('refuses a rule without triggers, bad days or a warning as long as the rule, naming the field', async () => {
    const none = await post(t.adminToken, { name: 'Nothing' });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('body.noActivityDays');
    const zero = await post(t.adminToken, { name: 'Zero', noActivityDays: 0 });
    expect(zero.json().errors[0].field).toBe('body.noActivityDays');
    const warn = await post(t.adminToken, { name: 'Warn', noActivityDays: 7, warnDays: 7 });
    expect(warn.statusCode).toBe(400);
    expect(warn.json().errors[0].field).toBe('body.warnDays');
    const team_ = await post(t.adminToken, {
      name: 'Ghost team',
      noActivityDays: 7,
      teamId: '0190c0de-0000-7000-8000-000000000000',
    });
    expect(team_.json().errors[0].field).toBe('body.teamId');
    expect(await ruleCount()).toBe(0);
  });

  it('saves a rule with its defaults, and one rule per scope', async () => {
    const created = await post(t.adminToken, { name: '30 天未有效跟进', noActivityDays: 30 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: '30 天未有效跟进',
      teamId: null,
      funnelId: null,
      noActivityDays: 30,
      noProgressDays: null,
      warnDays: 3,
      exemptWon: true,
      exemptStageKeys: [],
      exemptGrades: [],
      active: true,
      version: 1,
    });
    const twin = await post(t.adminToken, { name: 'Another org rule', noProgressDays: 60 });
    expect(twin.statusCode).toBe(409);
    expect(
      (await post(t.adminToken, { name: 'Team', teamId: team.id, noProgressDays: 60 })).statusCode,
    ).toBe(201);
    const list = (await t.call('GET', '/api/v1/pool/lapse-rules', { token: rep.token })).json();
    expect(list.items.map((rule: { name: string }) => rule.name)).toEqual([
      '30 天未有效跟进',
      'Team',
    ]);
  });
});

describe('PATCH and DELETE /pool/lapse-rules/:id', () => {
  it('edits with the version, refusing a stale one and an invalid result', async () => {
    const rule = await buildLapseRule(t, {
      name: 'Editable',
      teamId: (await buildTeam(t)).id,
      noActivityDays: 20,
    });
    const url = `/api/v1/pool/lapse-rules/${rule.id}`;
    const invalid = await t.call('PATCH', url, {
      token: t.adminToken,
      body: { version: 1, noActivityDays: null },
    });
    expect(invalid.statusCode).toBe(400);
    const ok = await t.call('PATCH', url, {
      token: t.adminToken,
      body: { version: 1, warnDays: 5, exemptGrades: ['A'] },
    });
    expect(ok.json()).toMatchObject({ warnDays: 5, exemptGrades: ['A'], version: 2 });
    const stale = await t.call('PATCH', url, {
      token: t.adminToken,
      body: { version: 1, warnDays: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect((await t.call('DELETE', url, { token: rep.token })).statusCode).toBe(403);
    expect((await t.call('DELETE', url, { token: t.adminToken })).statusCode).toBe(204);
    expect((await t.call('DELETE', url, { token: t.adminToken })).statusCode).toBe(404);
  });
});

describe('POST /pool/lapse-rules/preview', () => {
  it('counts what the saved or draft rules would lapse tomorrow, changing nothing', async () => {
    const fresh = await buildMember(t);
    const ids = await seedPoolCustomers(t, 5, 'Preview');
    for (const id of ids) expect((await claim(t, fresh.token, id)).statusCode).toBe(200);
    // Three of them were claimed 40 days ago, one 28 days ago.
    await t.database.query(
      sql`update customers set claimed_at = ${new Date(t.clock.now().getTime() - 28 * 86_400_000)}
        where id = ${ids[3]}`,
    );
    await t.database.query(
      sql`update customers set claimed_at = ${new Date(t.clock.now().getTime() - 40 * 86_400_000)}
        where id in ${ids.slice(0, 3)}`,
    );
    const saved = await t.call('POST', '/api/v1/pool/lapse-rules/preview', {
      token: manager.token,
      body: {},
    });
    expect(saved.statusCode).toBe(200);
    // The org rule (30 days, warned 3 days ahead) governs this rep, who has no team.
    expect(saved.json()).toMatchObject({ day: '2026-05-02', lapsing: 3, warning: 1 });
    expect(saved.json().byOwner).toEqual([
      expect.objectContaining({ userId: fresh.id, lapsing: 3, warning: 1 }),
    ]);
    expect(saved.json().sample).toHaveLength(3);
    expect(saved.json().sample[0]).toMatchObject({
      status: 'lapsed',
      triggers: ['no_activity'],
      ownerId: fresh.id,
    });

    const draft = await t.call('POST', '/api/v1/pool/lapse-rules/preview', {
      token: t.adminToken,
      body: { rules: [{ name: 'Strict', noActivityDays: 20, warnDays: 0 }], day: '2026-05-02' },
    });
    expect(draft.json()).toMatchObject({
      lapsing: 4,
      warning: 0,
      byRule: [{ index: 0, name: 'Strict', lapsing: 4 }],
    });
    const badDraft = await t.call('POST', '/api/v1/pool/lapse-rules/preview', {
      token: t.adminToken,
      body: { rules: [{ name: 'Bad', noActivityDays: 5, warnDays: 9 }] },
    });
    expect(badDraft.statusCode).toBe(400);
    expect(badDraft.json().errors[0].field).toBe('body.rules.0');
    const owned = await t.database.query(sql`select 1 from customers where owner_id = ${fresh.id}`);
    expect(owned).toHaveLength(5);
  });
});
