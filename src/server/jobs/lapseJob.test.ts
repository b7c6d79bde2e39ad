import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam } from '../../../tests/setup/factories';
import {
  adminApiToken,
  buildLapseRule,
  buildMember,
  claim,
  eventsOf,
  ownerOf,
  seedActivity,
  seedDeal,
  seedFunnel,
  seedPoolCustomers,
} from '../../../tests/setup/factories-pool';
import { createTestApp, type TestApp } from '../../../tests/setup/test-app';

// The org's zone is Asia/Shanghai (UTC+8): local midnight is 16:00 UTC the day before.
let t: TestApp;
let admin: string;
let teamB: { id: string };
let rep: Awaited<ReturnType<typeof buildMember>>;
let repB: Awaited<ReturnType<typeof buildMember>>;

const at = (iso: string) => t.clock.set(new Date(iso));
const runLapse = async () => {
  const response = await t.call('POST', '/api/v1/test/jobs/lapse/run', { token: admin });
  expect(response.statusCode).toBe(200);
  return response.json().orgs[0].summary as {
    lapsed: number;
    warned: number;
    tasksCancelled: number;
  };
};
const claimed = async (member: { token: string }) => {
  const [id] = await seedPoolCustomers(t, 1, 'Lapse');
  expect((await claim(t, member.token, id as string)).statusCode).toBe(200);
  return id as string;
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await adminApiToken(t);
  const teamA = await buildTeam(t);
  teamB = await buildTeam(t);
  rep = await buildMember(t, { teamId: teamA.id });
  repB = await buildMember(t, { teamId: teamB.id });
  // 10:00 in Shanghai on 1 March.
  at('2026-03-01T02:00:00Z');
});
afterAll(async () => {
  await t.close();
});

describe('the lapse job', () => {
  let quiet: string;
  let worked: string;
  let chatty: string;

  it('does nothing without rules', async () => {
    quiet = await claimed(rep);
    expect(await runLapse()).toEqual({ lapsed: 0, warned: 0, tasksCancelled: 0 });
  });

  it('warns K days before the deadline, from the first minute of that org day, once', async () => {
    await buildLapseRule(t, { name: '两周未有效沟通', noActivityDays: 14, warnDays: 3 });
    worked = await claimed(rep);
    chatty = await claimed(rep);
    // Claimed on 1 March: the deadline is 15 March, the warning starts on 12 March.
    at('2026-03-11T15:59:00Z'); // 23:59 on 11 March in Shanghai
    expect(await runLapse()).toMatchObject({ warned: 0, lapsed: 0 });
    at('2026-03-11T16:00:30Z'); // 00:00:30 on 12 March
    // An effective call by the owner on 10 March restarts the clock; a note that was not
    // effective, or a colleague's call, does not.
    await seedActivity(t, {
      customerId: worked,
      userId: rep.id,
      at: new Date('2026-03-10T01:00:00Z'),
      effective: true,
    });
    await seedActivity(t, {
      customerId: chatty,
      userId: rep.id,
      at: new Date('2026-03-10T01:00:00Z'),
      effective: false,
    });
    await seedActivity(t, {
      customerId: chatty,
      userId: repB.id,
      at: new Date('2026-03-10T01:00:00Z'),
      effective: true,
    });
    expect(await runLapse()).toMatchObject({ warned: 2, lapsed: 0 });
    expect(await runLapse()).toMatchObject({ warned: 0, lapsed: 0 });
    const warnings = await t.call('GET', '/api/v1/me/lapse-warnings', { token: rep.token });
    expect(warnings.statusCode).toBe(200);
    expect(warnings.json().items).toEqual([
      expect.objectContaining({
        customerId: expect.any(String),
        status: 'warning',
        deadline: '2026-03-15',
        daysLeft: 3,
        triggers: ['no_activity'],
        ruleName: '两周未有效沟通',
      }),
      expect.objectContaining({ status: 'warning', deadline: '2026-03-15', daysLeft: 3 }),
    ]);
    expect(
      warnings
        .json()
        .items.map((w: { customerId: string }) => w.customerId)
        .sort(),
    ).toEqual([quiet, chatty].sort());
  });

  it('keeps the customer through the deadline day and lapses it in the first minute after', async () => {
    await t.database.query(
      sql`insert into tasks (org_id, id, title, customer_id, assignee_id, due_at)
        values (${t.orgId}, gen_random_uuid(), 'Visit', ${quiet}, ${rep.id}, now())`,
    );
    at('2026-03-15T15:59:00Z'); // 23:59 on 15 March
    expect(await runLapse()).toMatchObject({ lapsed: 0 });
    expect(await ownerOf(t, quiet)).toBe(rep.id);
    at('2026-03-15T16:00:30Z'); // 00:00:30 on 16 March
    expect(await runLapse()).toEqual({ lapsed: 2, warned: 0, tasksCancelled: 1 });
    expect(await ownerOf(t, quiet)).toBeNull();
    expect(await ownerOf(t, chatty)).toBeNull();
    expect(await ownerOf(t, worked)).toBe(rep.id);
    const [lapse] = await t.database.query<{
      rule: { name: string; triggers: string[] };
      deadline: string;
    }>(
      sql`select rule, deadline::text as deadline from ownership_events
        where customer_id = ${quiet} and kind = 'lapsed'`,
    );
    expect(lapse).toMatchObject({
      rule: { name: '两周未有效沟通', triggers: ['no_activity'], noActivityDays: 14 },
      deadline: '2026-03-15',
    });
  });

  it('changes nothing when run twice', async () => {
    const snapshot = () =>
      t.database.query(sql`select id, owner_id, version, pooled_at from customers order by id`);
    const before = await snapshot();
    const events = await t.database.query(sql`select count(*)::int as n from ownership_events`);
    expect(await runLapse()).toEqual({ lapsed: 0, warned: 0, tasksCancelled: 0 });
    expect(await snapshot()).toEqual(before);
    expect(await t.database.query(sql`select count(*)::int as n from ownership_events`)).toEqual(
      events,
    );
  });

  it('shows why it came back, and keeps the rep who let it lapse out during the cool-down', async () => {
    const pool = await t.call('GET', '/api/v1/pool/customers?returned=lapsed', {
      token: repB.token,
    });
    const item = pool.json().items.find((c: { id: string }) => c.id === quiet);
    expect(item.returned).toMatchObject({
      kind: 'lapsed',
      fromOwnerId: rep.id,
      rule: { name: '两周未有效沟通', triggers: ['no_activity'] },
    });
    const again = await claim(t, rep.token, quiet);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('claim_cooldown');
    expect((await claim(t, repB.token, quiet)).statusCode).toBe(200);
  });

  it('lets the most specific rule govern: a team rule beats the org rule', async () => {
    await buildLapseRule(t, {
      name: 'Team B: a month',
      teamId: teamB.id,
      noActivityDays: 30,
      warnDays: 0,
    });
    const bCustomer = await claimed(repB);
    const aCustomer = await claimed(rep);
    t.clock.advance(20 * 86_400_000);
    await runLapse();
    expect(await ownerOf(t, aCustomer)).toBeNull();
    expect(await ownerOf(t, bCustomer)).toBe(repB.id);
  });

  it('spares customers with a won deal, in an exempt stage or of an exempt grade', async () => {
    const funnel = await seedFunnel(t);
    await buildLapseRule(t, {
      name: 'Funnel rule',
      funnelId: funnel,
      noActivityDays: 7,
      warnDays: 1,
      exemptStageKeys: ['order'],
      exemptGrades: ['VIP'],
    });
    const won = await claimed(rep);
    await seedDeal(t, { customerId: won, funnelId: funnel, ownerId: rep.id, status: 'won' });
    const inOrder = await claimed(rep);
    await seedDeal(t, {
      customerId: inOrder,
      funnelId: funnel,
      ownerId: rep.id,
      stageKey: 'order',
    });
    const vip = await claimed(rep);
    await t.database.query(
      sql`insert into customer_grades (org_id, customer_id, grade) values (${t.orgId}, ${vip}, 'VIP')`,
    );
    const plain = await claimed(rep);
    await seedDeal(t, { customerId: plain, funnelId: funnel, ownerId: rep.id, stageKey: 'intent' });
    t.clock.advance(9 * 86_400_000);
    await runLapse();
    // The plain one has an open deal in the funnel, so the 7-day funnel rule applied.
    expect(await ownerOf(t, plain)).toBeNull();
    expect(await ownerOf(t, inOrder)).toBe(rep.id);
    expect(await ownerOf(t, vip)).toBe(rep.id);
    // Won customers are exempt under the org rule too (exemptWon defaults to true).
    t.clock.advance(30 * 86_400_000);
    await runLapse();
    expect(await ownerOf(t, won)).toBe(rep.id);
    expect((await eventsOf(t, plain)).map((e) => e.kind)).toEqual(['claimed', 'lapsed']);
  });

  it('lapses on no stage progress for M days, counting forward moves only', async () => {
    const funnel = await seedFunnel(t);
    await buildLapseRule(t, {
      name: 'Stalled',
      funnelId: funnel,
      teamId: teamB.id,
      noProgressDays: 10,
      warnDays: 2,
    });
    const moving = await claimed(repB);
    const stuck = await claimed(repB);
    const dealMoving = await seedDeal(t, {
      customerId: moving,
      funnelId: funnel,
      ownerId: repB.id,
    });
    await seedDeal(t, { customerId: stuck, funnelId: funnel, ownerId: repB.id });
    const history = (
      customerId: string,
      dealId: string | null,
      direction: string,
      daysLater: number,
    ) =>
      t.database.query(
        sql`insert into stage_history (org_id, id, customer_id, deal_id, funnel_id, from_stage_key,
            to_stage_key, direction, at, by_user_id)
          values (${t.orgId}, gen_random_uuid(), ${customerId}, ${dealId}, ${funnel}, 'intent',
            'order', ${direction}, ${new Date(t.clock.now().getTime() + daysLater * 86_400_000)}, ${repB.id})`,
      );
    await history(moving, dealMoving, 'forward', 8);
    await history(stuck, null, 'backward', 8);
    t.clock.advance(12 * 86_400_000);
    await runLapse();
    expect(await ownerOf(t, moving)).toBe(repB.id);
    expect(await ownerOf(t, stuck)).toBeNull();
    const [event] = await t.database.query<{ rule: { triggers: string[] } }>(
      sql`select rule from ownership_events where customer_id = ${stuck} and kind = 'lapsed'`,
    );
    expect(event?.rule.triggers).toEqual(['no_progress']);
  });
});
