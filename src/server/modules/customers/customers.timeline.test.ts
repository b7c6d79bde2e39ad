import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import { buildCustomer, logActivity } from '../../../../tests/setup/factories-customer-archive';
import { buildDeal, buildDealCustomer, buildFunnel } from '../../../../tests/setup/factories-deals';
import { claim, release } from '../../../../tests/setup/factories-pool';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  t = await createTestApp();
  rep = await buildUser(t, { name: '小王' });
  otherRep = await buildUser(t);
});
afterAll(async () => {
  await t.close();
});

const timeline = (id: string, token: string, query = '') =>
  t.call('GET', `/api/v1/customers/${id}/timeline${query}`, { token });

describe('GET /customers/:id/timeline', () => {
  it('needs a session and hides customers the caller cannot see', async () => {
    const customer = await buildCustomer(t, rep.token);
    expect((await t.call('GET', `/api/v1/customers/${customer.id}/timeline`)).statusCode).toBe(401);
    expect((await timeline(customer.id, otherRep.token)).statusCode).toBe(404);
  });

  it('refuses a forged cursor by name', async () => {
    const customer = await buildCustomer(t, rep.token);
    const response = await timeline(customer.id, rep.token, '?cursor=abc');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('cursor');
  });

  it('merges activities and field changes, newest first, and pages without gaps', async () => {
    const customer = await buildCustomer(t, rep.token, { name: '苏州新阳光电科技' });
    const dayAgo = new Date(t.clock.now().getTime() - 86_400_000).toISOString();
    const weekAgo = new Date(t.clock.now().getTime() - 7 * 86_400_000).toISOString();
    await logActivity(t, rep.token, customer.id, { occurredAt: weekAgo, summary: '首次电话' });
    await logActivity(t, rep.token, customer.id, {
      occurredAt: dayAgo,
      type: 'visit',
      summary: '上门拜访',
    });
    const edited = await t.call('PATCH', `/api/v1/customers/${customer.id}`, {
      token: rep.token,
      body: { version: 1, city: '苏州', headcount: 80 },
    });
    expect(edited.statusCode).toBe(200);

    const response = await timeline(customer.id, rep.token);
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.map((item: { kind: string }) => item.kind)).toEqual([
      'change',
      'change',
      'activity',
      'activity',
    ]);
    expect(items[0]).toMatchObject({
      kind: 'change',
      action: 'update',
      userId: rep.id,
      userName: '小王',
      changes: { city: { from: null, to: '苏州' }, headcount: { from: null, to: 80 } },
    });
    expect(items[1]).toMatchObject({ kind: 'change', action: 'create' });
    expect(items[2]).toMatchObject({
      kind: 'activity',
      at: dayAgo,
      userName: '小王',
      activity: { type: 'visit', summary: '上门拜访', occurredAt: dayAgo, customerId: customer.id },
    });
    expect(items[3].activity.summary).toBe('首次电话');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await timeline(customer.id, rep.token, query)
      ).json();
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(items.map((item: { id: string }) => item.id));
  });
});

describe('the timeline: stage moves and ownership', () => {
  it('shows deal stage moves with both stage names, and claims and releases with their reason', async () => {
    const funnel = await buildFunnel(t);
    const customer = await buildDealCustomer(t, otherRep.token);
    expect((await release(t, otherRep.token, customer.id, '客户暂无预算')).statusCode).toBe(200);
    t.clock.advance(60_000);
    expect((await claim(t, rep.token, customer.id)).statusCode).toBe(200);
    t.clock.advance(60_000);
    const deal = await buildDeal(t, rep.token, { customerId: customer.id, funnelId: funnel.id });
    t.clock.advance(60_000);
    const moved = await t.call('POST', `/api/v1/deals/${deal.id}/move`, {
      token: t.adminToken,
      body: { toStageKey: 'propose', version: deal.version, overrideReason: '老客户转介绍' },
    });
    expect(moved.statusCode, moved.body).toBe(200);

    const items = (await timeline(customer.id, rep.token)).json().items;
    const kinds = items.map((item: { kind: string }) => item.kind);
    // The owner changes show once, as ownership events, not again as archive edits.
    expect(items.filter((item: { action?: string }) => item.action === 'claim')).toEqual([]);
    const ownership = items.filter((item: { kind: string }) => item.kind === 'ownership');
    expect(ownership.map((item: { event: string }) => item.event)).toEqual(['claimed', 'released']);
    expect(ownership[0]).toMatchObject({ toOwnerName: '小王', userName: '小王' });
    expect(ownership[1]).toMatchObject({
      reason: '客户暂无预算',
      fromOwnerName: expect.any(String),
    });
    const moves = items.filter((item: { kind: string }) => item.kind === 'stage_move');
    expect(moves).toHaveLength(2);
    expect(moves[0]).toMatchObject({
      direction: 'forward',
      fromStageName: { 'zh-CN': '资格确认', en: 'Qualify' },
      toStageKey: 'propose',
      overrideReason: '老客户转介绍',
      userName: expect.any(String),
    });
    expect(moves.at(-1)).toMatchObject({
      dealId: deal.id,
      direction: 'initial',
      fromStageKey: null,
      toStageKey: 'qualify',
      toStageName: { 'zh-CN': '资格确认', en: 'Qualify' },
    });
    expect(kinds.indexOf('ownership')).toBeGreaterThan(kinds.indexOf('stage_move'));
  });
});
