import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/setup/test-app';
import { getFunnelTemplate } from '../../domain/funnels';
import { queryRows } from '../../server/db/client';
import { DEMO_PASSWORD, type DemoTeam } from './demoTeam';
import { planDemoWorld } from './demoWorld';
import { Random } from './random';
import { seedDemo } from './seedDemo';

const NOW = new Date('2026-11-20T04:00:00Z');

function fakeTeam(): DemoTeam {
  const user = (n: number, teamId: string) => ({
    id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    email: `rep${n}@demo.crm`,
    name: `Rep ${n}`,
    role: 'rep' as const,
    teamId,
  });
  return {
    orgId: '00000000-0000-7000-8000-00000000aaaa',
    adminId: '00000000-0000-7000-8000-00000000bbbb',
    eastTeamId: 'east',
    otherTeamId: 'other',
    managers: [],
    reps: Array.from({ length: 8 }, (_, i) => user(i + 1, i < 4 ? 'east' : 'other')),
    funnelId: '00000000-0000-7000-8000-00000000cccc',
    stages: getFunnelTemplate('seven-stage')?.stages ?? [],
    lostReasons: [{ id: '00000000-0000-7000-8000-00000000dddd', name: '价格' }],
    lapseRule: { id: '00000000-0000-7000-8000-00000000eeee', name: '30 天', noActivityDays: 30 },
  };
}

describe('the demo plan', () => {
  it('is the same for the same seed and differs for another', () => {
    const plan = (seed: number) => JSON.stringify(planDemoWorld(fakeTeam(), new Random(seed), NOW));
    expect(plan(7)).toBe(plan(7));
    expect(plan(7)).not.toBe(plan(8));
  });

  it('narrows like the seeds: fewer deals at each later stage, about 15% of closed deals won', () => {
    const world = planDemoWorld(fakeTeam(), new Random(2026), NOW);
    const reached = (key: string) =>
      new Set(world.stageHistory.filter((m) => m.toStageKey === key).map((m) => m.dealId)).size;
    const path = ['target', 'potential', 'intent', 'approved', 'accepted', 'negotiation', 'won'];
    const counts = path.map(reached);
    for (let i = 1; i < counts.length; i += 1) {
      expect(counts[i]).toBeLessThanOrEqual(counts[i - 1] ?? 0);
    }
    expect(counts[0]).toBe(world.deals.length);
    const won = world.deals.filter((d) => d.status === 'won').length;
    const lost = world.deals.filter((d) => d.status === 'lost').length;
    expect(won / (won + lost)).toBeGreaterThan(0.05);
    expect(won / (won + lost)).toBeLessThan(0.3);
    // No follow-up before its customer was created.
    const created = new Map(world.customers.map((c) => [c.id, (c.createdAt as Date).getTime()]));
    for (const row of world.activities) {
      const customerCreated = created.get(row.customerId) ?? 0;
      expect((row.occurredAt as Date).getTime()).toBeGreaterThanOrEqual(customerCreated);
    }
    // Nothing happens after now, and the team works office hours (09:00–18:00 in Shanghai).
    for (const row of [...world.activities, ...world.stageHistory]) {
      const at = (row.occurredAt ?? row.at) as Date;
      expect(at.getTime()).toBeLessThanOrEqual(NOW.getTime());
      if (NOW.getTime() - at.getTime() < 24 * 60 * 60 * 1000) continue;
      expect((at.getUTCHours() + 8) % 24, at.toISOString()).toBeGreaterThanOrEqual(9);
      expect((at.getUTCHours() + 8) % 24, at.toISOString()).toBeLessThan(18);
    }
  });
});

describe('seedDemo on a real database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    await seedDemo(t.database.db, t.orgId, { seed: 11, now: NOW, customers: 400 });
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('gives every demo user the printed password and a list within the holding limit', async () => {
    for (const email of ['manager1@demo.crm', 'rep1@demo.crm', 'rep8@demo.crm']) {
      await expect(t.login(email, DEMO_PASSWORD)).resolves.toEqual(expect.any(String));
    }
    const lists = await queryRows<{ held: number }>(
      t.database.db,
      sql`select count(*)::int as held from customers where org_id = ${t.orgId}
        and owner_id is not null group by owner_id`,
    );
    expect(Math.max(...lists.map((row) => row.held))).toBeLessThanOrEqual(50);
    const [org] = await queryRows<{ name: string }>(
      t.database.db,
      sql`select name from orgs where id = ${t.orgId}`,
    );
    expect(org?.name).toBe('华信数智软件有限公司');
  });

  it('leaves each deal where its stage history ends, and the board shows them', async () => {
    const broken = await queryRows(
      t.database.db,
      sql`select d.id from deals d
        join lateral (select h.to_stage_key, h.at from stage_history h
          where h.org_id = d.org_id and h.deal_id = d.id order by h.at desc limit 1) last on true
        where d.org_id = ${t.orgId}
          and (last.to_stage_key <> d.stage_key or last.at <> d.stage_entered_at)`,
    );
    expect(broken).toEqual([]);
    const rep = await t.login('rep1@demo.crm', DEMO_PASSWORD);
    const funnels = (await t.call('GET', '/api/v1/funnels', { token: rep })).json();
    const funnelId = (funnels.items ?? funnels)[0].id;
    const board = await t.call('GET', `/api/v1/deals/board?funnelId=${funnelId}`, { token: rep });
    expect(board.statusCode).toBe(200);
    expect(board.json().open.count).toBeGreaterThan(0);
  });

  it('answers the pages a manager opens first, pool customers with why they came back', async () => {
    const manager = await t.login('manager1@demo.crm', DEMO_PASSWORD);
    for (const path of ['/api/v1/pool/customers', '/api/v1/pool/history', '/api/v1/customers']) {
      const response = await t.call('GET', path, { token: manager });
      expect(response.statusCode, `${path}: ${response.body.slice(0, 300)}`).toBe(200);
    }
    const pool = (
      await t.call('GET', '/api/v1/pool/customers?limit=100', { token: manager })
    ).json();
    expect(pool.items.length).toBeGreaterThan(0);
  });

  it('gives reps targets to chase, campaigns with attendance, and customers shared between reps', async () => {
    const rep = await t.login('rep1@demo.crm', DEMO_PASSWORD);
    const progress = (await t.call('GET', '/api/v1/me/activity-progress', { token: rep })).json();
    expect(progress.items.map((item: { metric: string }) => item.metric).sort()).toEqual([
      'effective',
      'new_customers',
      'proposals',
      'visits',
    ]);
    const manager = await t.login('manager1@demo.crm', DEMO_PASSWORD);
    const targets = (await t.call('GET', '/api/v1/forecast/targets', { token: manager })).json();
    expect((targets.items ?? targets).length).toBeGreaterThanOrEqual(9);
    const campaigns = (await t.call('GET', '/api/v1/campaigns', { token: manager })).json();
    const held = campaigns.items.filter((c: { attended: number }) => c.attended > 0);
    expect(held.length).toBeGreaterThanOrEqual(1);
    const attendance = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from campaign_invitees
        where org_id = ${t.orgId} and attended_at is not null and activity_id is not null`,
    );
    expect(attendance[0]?.n).toBe(15);
    const beforeTheirCustomer = await queryRows(
      t.database.db,
      sql`select a.id from activities a join customers c
        on c.org_id = a.org_id and c.id = a.customer_id
        where a.org_id = ${t.orgId} and a.occurred_at < c.created_at`,
    );
    expect(beforeTheirCustomer).toEqual([]);
    const shares = (await t.call('GET', '/api/v1/collaborators', { token: manager })).json();
    expect(shares.items.length).toBe(4);
  });

  it('files the last semi-monthly reports: five on the due day, one late, two missing', async () => {
    const reviews = await queryRows<{ submitted_at: Date | string }>(
      t.database.db,
      sql`select submitted_at from funnel_reviews
        where org_id = ${t.orgId} and status = 'submitted' order by submitted_at`,
    );
    const times = reviews.map((row) => new Date(row.submitted_at).getTime());
    // The due day of the period before 2026-11-16 is the 16th itself (Asia/Shanghai).
    const dueEnd = new Date('2026-11-16T16:00:00Z').getTime();
    expect(times.filter((time) => time < dueEnd)).toHaveLength(5);
    expect(times.filter((time) => time >= dueEnd)).toEqual([NOW.getTime()]);
  });

  it('fills the work data report: proposals sent and inquiries answered with a reply time', async () => {
    const admin = t.adminToken;
    const year = await t.call('GET', '/api/v1/reports/work-data?from=2025-12-01&to=2026-11-30', {
      token: admin,
    });
    expect(year.statusCode, year.body.slice(0, 300)).toBe(200);
    const totals = year.json().totals;
    expect(totals.proposals).toBeGreaterThan(0);
    expect(totals.inquiriesAnswered).toBeGreaterThan(0);
    expect(totals.avgFirstReplyMinutes).toBeGreaterThanOrEqual(20);
    const inbox = (await t.call('GET', '/api/v1/inquiries?limit=100', { token: admin })).json();
    const statuses = new Set(inbox.items.map((item: { status: string }) => item.status));
    expect([...statuses].sort()).toEqual(['archived', 'new', 'replied']);
  });
});
