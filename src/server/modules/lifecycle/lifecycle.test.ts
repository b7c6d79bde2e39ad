import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import {
  buildDeal,
  buildDealCustomer,
  buildFunnel,
  countOf,
  insertActivity,
} from '../../../../tests/setup/factories-deals';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { stageMovesForTimeline, stageMovesTimelineSource } from '../funnels/stageHistory';

let t: TestApp;
let manager: Awaited<ReturnType<typeof buildUser>>;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  t = await createTestApp();
  manager = await buildUser(t, { role: 'manager' });
  const team = await buildTeam(t, { managerId: manager.id });
  rep = await buildUser(t, { teamId: team.id });
  otherRep = await buildUser(t);
});
afterAll(async () => {
  await t.close();
});

const url = (customerId: string, path = '') => `/api/v1/customers/${customerId}/lifecycle${path}`;
const move = (token: string, customerId: string, body: Record<string, unknown>) =>
  t.call('POST', url(customerId, '/move'), { token, body });
const tick = (customerId: string, stageKey: string, itemIds: string[]) =>
  Promise.all(
    itemIds.map((itemId) =>
      t.call('POST', url(customerId, '/checklist'), {
        token: rep.token,
        body: { stageKey, itemId, checked: true },
      }),
    ),
  );

describe('GET /customers/{id}/lifecycle', () => {
  it('needs a session and a customer the caller may see; starts outside the six steps', async () => {
    const customer = await buildDealCustomer(t, rep.token);
    expect((await t.call('GET', url(customer.id))).statusCode).toBe(401);
    const hidden = await t.call('GET', url(customer.id), { token: otherRep.token });
    expect(hidden.statusCode).toBe(404);
    const response = await t.call('GET', url(customer.id), { token: rep.token });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      stageKey: null,
      daysInStage: null,
      stale: false,
      nextStage: { key: 'target', name: '目标客户' },
      checklist: { current: null, next: { stageKey: 'target' } },
    });
    expect(response.json().stages.map((stage: { key: string }) => stage.key)).toEqual([
      'target',
      'list',
      'potential',
      'intent',
      'order',
      'won',
      'lost',
    ]);
    const funnels = await t.call('GET', '/api/v1/funnels?purpose=customers', {
      token: rep.token,
    });
    expect(funnels.json().items).toHaveLength(1);
    const second = await t.call('POST', '/api/v1/funnels', {
      token: t.adminToken,
      body: { template: 'six-step', purpose: 'customers' },
    });
    expect(second.statusCode).toBe(409);
  });
});

describe('POST /customers/{id}/lifecycle/move', () => {
  it("enforces the seed's customer-type definitions as gates, recording each move", async () => {
    const customer = await buildDealCustomer(t, rep.token);
    const historyBefore = await countOf(t, 'stage_history');
    const unknown = await move(rep.token, customer.id, { toStageKey: 'nowhere' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('body.toStageKey');

    const refused = await move(rep.token, customer.id, { toStageKey: 'target' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((item: { id: string }) => item.id)).toEqual([
      'in_territory',
      'visited',
      'reachable',
    ]);
    expect(await countOf(t, 'stage_history')).toBe(historyBefore);

    await tick(customer.id, 'target', ['in_territory', 'visited', 'reachable']);
    const entered = await move(rep.token, customer.id, { toStageKey: 'target' });
    expect(entered.statusCode).toBe(200);
    expect(entered.json()).toMatchObject({
      stageKey: 'target',
      stageName: '目标客户',
      daysInStage: 0,
      nextStage: { key: 'list' },
      keyActions: [
        { id: 'profile_industry', have: 0, need: 1 },
        { id: 'profile_headcount', have: 0, need: 1 },
      ],
    });

    const toList = await move(rep.token, customer.id, { toStageKey: 'list' });
    expect(toList.statusCode).toBe(422);
    expect(
      toList.json().errors.map((item: { kind: string; id: string }) => `${item.kind}:${item.id}`),
    ).toEqual([
      'keyAction:profile_industry',
      'keyAction:profile_headcount',
      'criterion:profile_built',
      'criterion:claimed',
    ]);
    const byRep = await move(rep.token, customer.id, { toStageKey: 'list', overrideReason: 'x' });
    expect(byRep.statusCode).toBe(403);
    const overridden = await move(manager.token, customer.id, {
      toStageKey: 'list',
      overrideReason: '老客户转介绍,档案随后补齐',
    });
    expect(overridden.statusCode).toBe(200);
    expect(overridden.json().keyActions).toEqual([
      expect.objectContaining({ id: 'effective_follow_ups', have: 0, need: 3 }),
    ]);
    t.clock.advance(60_000);
    for (let i = 0; i < 3; i += 1) {
      await insertActivity(t, { customerId: customer.id, userId: rep.id });
    }
    const gate = await t.call('GET', `${url(customer.id, '/gate')}?toStageKey=potential`, {
      token: rep.token,
    });
    expect(gate.json()).toMatchObject({ allowed: false, canOverride: false });
    expect(gate.json().unmet.every((item: { kind: string }) => item.kind === 'criterion')).toBe(
      true,
    );

    const history = await t.call('GET', url(customer.id, '/history'), { token: rep.token });
    expect(history.json().items).toEqual([
      expect.objectContaining({ fromStageKey: null, toStageKey: 'target', direction: 'initial' }),
      expect.objectContaining({
        fromStageKey: 'target',
        toStageKey: 'list',
        overrideReason: '老客户转介绍,档案随后补齐',
        byUserId: manager.id,
      }),
    ]);
  });

  it('needs a lost reason and closes the lifecycle', async () => {
    const customer = await buildDealCustomer(t, rep.token, { industry: '制造', headcount: 80 });
    const noReason = await move(rep.token, customer.id, { toStageKey: 'lost' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('body.lostReason');
    const lost = await move(rep.token, customer.id, {
      toStageKey: 'lost',
      lostReason: '客户失去联系',
    });
    expect(lost.statusCode).toBe(200);
    const again = await move(manager.token, customer.id, {
      toStageKey: 'target',
      overrideReason: 'back',
    });
    expect(again.statusCode).toBe(422);
  });
});

describe('stage moves on the customer timeline', () => {
  it("gives the customer's deal and lifecycle moves, newest first, also as a UNION branch", async () => {
    const customer = await buildDealCustomer(t, rep.token);
    const funnel = await buildFunnel(t);
    const deal = await buildDeal(t, rep.token, { customerId: customer.id, funnelId: funnel.id });
    t.clock.advance(60_000);
    await tick(customer.id, 'target', ['in_territory', 'visited', 'reachable']);
    await move(rep.token, customer.id, { toStageKey: 'target' });
    const moves = await stageMovesForTimeline(t.database.db, t.orgId, customer.id, {
      locale: 'en',
      limit: 10,
    });
    expect(moves.map((item) => [item.dealId, item.toStageName])).toEqual([
      [null, 'Target customer'],
      [deal.id, 'Qualify'],
    ]);
    const rows = await t.database.query<{ kind: string; payload: { toStageName: unknown } }>(
      stageMovesTimelineSource(t.orgId, customer.id),
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => row.payload.toStageName)).toContainEqual({
      'zh-CN': '目标客户',
      en: 'Target customer',
    });

    // Through the API: the move once (as a stage move), the ticks and its audit row not as edits.
    const timeline = await t.call('GET', `/api/v1/customers/${customer.id}/timeline`, {
      token: rep.token,
    });
    const items: { kind: string; action?: string; dealId?: string | null }[] =
      timeline.json().items;
    expect(items.filter((item) => item.kind === 'stage_move' && item.dealId === null)).toHaveLength(
      1,
    );
    expect(items.filter((item) => item.kind === 'change').map((item) => item.action)).toEqual([
      'create',
    ]);
  });
});
