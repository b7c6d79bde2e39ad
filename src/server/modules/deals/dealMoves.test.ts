import { sql } from 'drizzle-orm';
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

let t: TestApp;
let manager: Awaited<ReturnType<typeof buildUser>>;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;
let funnelId: string;
let customerId: string;

const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  t = await createTestApp();
  manager = await buildUser(t, { role: 'manager' });
  const team = await buildTeam(t, { managerId: manager.id });
  rep = await buildUser(t, { teamId: team.id });
  otherRep = await buildUser(t);
  funnelId = (await buildFunnel(t)).id;
  customerId = (await buildDealCustomer(t, rep.token)).id;
});
afterAll(async () => {
  await t.close();
});

const move = (token: string, dealId: string, body: Record<string, unknown>) =>
  t.call('POST', `/api/v1/deals/${dealId}/move`, { token, body });
const check = (token: string, dealId: string, body: Record<string, unknown>) =>
  t.call('POST', `/api/v1/deals/${dealId}/checklist`, { token, body });
const detail = async (dealId: string) =>
  (await t.call('GET', `/api/v1/deals/${dealId}`, { token: rep.token })).json();

/** What a refused move must leave untouched. */
async function snapshot(dealId: string) {
  const deal = await detail(dealId);
  return {
    stageKey: deal.stageKey,
    version: deal.version,
    history: await countOf(t, 'stage_history'),
    audit: await countOf(t, 'audit_log'),
  };
}

async function newDeal(fields: Record<string, unknown> = {}, token = rep.token) {
  return buildDeal(t, token, { customerId, funnelId, ...fields });
}

async function logCalls(dealId: string, count: number) {
  t.clock.advance(HOUR);
  for (let i = 0; i < count; i += 1) {
    await insertActivity(t, { customerId, userId: rep.id, dealId, type: 'call' });
  }
}

describe('POST /deals/{id}/move: the gate', () => {
  it('needs a session, a known stage and a deal the caller may see', async () => {
    const deal = await newDeal();
    expect((await t.call('POST', `/api/v1/deals/${deal.id}/move`, { body: {} })).statusCode).toBe(
      401,
    );
    const before = await snapshot(deal.id);
    const unknown = await move(rep.token, deal.id, { toStageKey: 'heaven' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'body.toStageKey' })]);
    const invisible = await move(otherRep.token, deal.id, { toStageKey: 'propose' });
    expect(invisible.statusCode).toBe(404);
    expect(await snapshot(deal.id)).toEqual(before);
  });

  it('refuses a jump with 422 listing every unmet criterion and key action, changing nothing', async () => {
    const deal = await newDeal();
    const before = await snapshot(deal.id);
    const response = await move(rep.token, deal.id, { toStageKey: 'negotiate' });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('stage_gate_unmet');
    expect(response.json().errors).toEqual([
      {
        kind: 'keyAction',
        stageKey: 'qualify',
        id: 'calls',
        label: '两次有效电话',
        have: 0,
        need: 2,
      },
      { kind: 'criterion', stageKey: 'propose', id: 'need_confirmed', label: '需求已确认' },
      {
        kind: 'keyAction',
        stageKey: 'propose',
        id: 'proposal',
        label: '提交方案',
        have: 0,
        need: 1,
      },
      { kind: 'criterion', stageKey: 'negotiate', id: 'shortlisted', label: '已入围' },
    ]);
    expect(await snapshot(deal.id)).toEqual(before);
  });

  it('forbids a rep to override, changing nothing', async () => {
    const deal = await newDeal();
    const before = await snapshot(deal.id);
    const response = await move(rep.token, deal.id, {
      toStageKey: 'propose',
      overrideReason: 'The customer is in a hurry',
    });
    expect(response.statusCode).toBe(403);
    expect(await snapshot(deal.id)).toEqual(before);
  });

  it('opens once the criteria are ticked and the work is logged, recording the move', async () => {
    const deal = await newDeal();
    // Facts before the deal entered its stage, of the wrong kind, or not effective do not count.
    await insertActivity(t, {
      customerId,
      userId: rep.id,
      dealId: deal.id,
      occurredAt: new Date(t.clock.now().getTime() - 48 * HOUR),
    });
    await insertActivity(t, { customerId, userId: rep.id, dealId: deal.id, type: 'visit' });
    await insertActivity(t, { customerId, userId: rep.id, dealId: deal.id, effective: false });
    await logCalls(deal.id, 1);
    expect((await detail(deal.id)).keyActions[0]).toMatchObject({ have: 1, need: 2, met: false });

    const ticked = await check(rep.token, deal.id, {
      stageKey: 'propose',
      itemId: 'need_confirmed',
      checked: true,
      evidence: { note: 'Confirmed by the IT manager on the phone' },
    });
    expect(ticked.statusCode).toBe(200);
    expect(ticked.json().items[0]).toMatchObject({
      id: 'need_confirmed',
      checked: true,
      checkedBy: rep.id,
      evidence: { note: 'Confirmed by the IT manager on the phone', url: null, activityId: null },
    });
    const stillShort = await move(rep.token, deal.id, { toStageKey: 'propose' });
    expect(stillShort.statusCode).toBe(422);
    expect(stillShort.json().errors).toEqual([
      expect.objectContaining({ id: 'calls', have: 1, need: 2 }),
    ]);

    await logCalls(deal.id, 1);
    const moved = await move(rep.token, deal.id, { toStageKey: 'propose', version: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      stageKey: 'propose',
      probability: 40,
      version: 2,
      daysInStage: 0,
      keyActions: [{ id: 'proposal', have: 0, need: 1, met: false }],
      checklist: { current: { stageKey: 'propose' }, next: { stageKey: 'negotiate' } },
    });
    const history = await t.call('GET', `/api/v1/deals/${deal.id}/history`, { token: rep.token });
    expect(history.json().items.at(-1)).toMatchObject({
      fromStageKey: 'qualify',
      toStageKey: 'propose',
      toStageName: '方案',
      direction: 'forward',
      byUserId: rep.id,
      overrideReason: null,
      checklist: { propose: [expect.objectContaining({ id: 'need_confirmed', by: rep.id })] },
    });
    const [audit] = await t.database.query<{ action: string }>(
      sql`select action from audit_log where entity = 'deal' and entity_id = ${deal.id}
        order by at desc limit 1`,
    );
    expect(audit?.action).toBe('stage_move');
  });

  it('counts documents and fields, then wins; a won deal never moves again', async () => {
    const deal = await newDeal({ stageKey: 'propose' }, manager.token);
    const gate = await t.call('GET', `/api/v1/deals/${deal.id}/gate?toStageKey=negotiate`, {
      token: rep.token,
    });
    expect(gate.json()).toMatchObject({ allowed: false, direction: 'forward', canOverride: false });
    expect(gate.json().unmet.map((item: { id: string }) => item.id)).toEqual([
      'proposal',
      'shortlisted',
    ]);
    t.clock.advance(HOUR);
    await t.call('POST', `/api/v1/deals/${deal.id}/documents`, {
      token: rep.token,
      body: { kind: 'proposal', name: '方案书' },
    });
    await check(rep.token, deal.id, {
      stageKey: 'negotiate',
      itemId: 'shortlisted',
      checked: true,
    });
    expect((await move(rep.token, deal.id, { toStageKey: 'negotiate' })).statusCode).toBe(200);

    const noBudget = await move(rep.token, deal.id, { toStageKey: 'won' });
    expect(noBudget.statusCode).toBe(422);
    expect(noBudget.json().errors).toEqual([
      expect.objectContaining({ kind: 'keyAction', id: 'budget', have: 0, need: 1 }),
    ]);
    const { version } = await detail(deal.id);
    await t.call('PATCH', `/api/v1/deals/${deal.id}`, {
      token: rep.token,
      body: { version, budget: 20000 },
    });
    const won = await move(rep.token, deal.id, { toStageKey: 'won' });
    expect(won.statusCode).toBe(200);
    expect(won.json()).toMatchObject({ status: 'won', probability: 100, nextStage: null });
    expect(won.json().closedAt).not.toBeNull();

    const before = await snapshot(deal.id);
    const reopen = await move(manager.token, deal.id, {
      toStageKey: 'qualify',
      overrideReason: 'Reopen',
    });
    expect(reopen.statusCode).toBe(422);
    expect(reopen.json().errors).toEqual([expect.objectContaining({ kind: 'terminal' })]);
    expect(await snapshot(deal.id)).toEqual(before);
  });

  it('lets a deal move back without a gate and records it', async () => {
    const deal = await newDeal({ stageKey: 'negotiate' }, manager.token);
    const back = await move(rep.token, deal.id, { toStageKey: 'qualify' });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ stageKey: 'qualify', probability: 10 });
    const history = await t.call('GET', `/api/v1/deals/${deal.id}/history`, { token: rep.token });
    expect(history.json().items.at(-1)).toMatchObject({ direction: 'backward' });
  });

  it('lets a manager override with a reason, recorded in history and audit', async () => {
    const deal = await newDeal();
    const response = await move(manager.token, deal.id, {
      toStageKey: 'propose',
      overrideReason: '客户老板亲自拍板,先出方案',
    });
    expect(response.statusCode).toBe(200);
    const history = await t.call('GET', `/api/v1/deals/${deal.id}/history`, {
      token: rep.token,
    });
    expect(history.json().items.at(-1)).toMatchObject({
      overrideReason: '客户老板亲自拍板,先出方案',
      byUserId: manager.id,
      unmet: [
        expect.objectContaining({ id: 'calls', have: 0, need: 2 }),
        expect.objectContaining({ id: 'need_confirmed' }),
      ],
    });
    const [audit] = await t.database.query<{ action: string; changes: { overrideReason: string } }>(
      sql`select action, changes from audit_log where entity = 'deal' and entity_id = ${deal.id}
        order by at desc limit 1`,
    );
    expect(audit).toMatchObject({
      action: 'stage_override',
      changes: { overrideReason: '客户老板亲自拍板,先出方案' },
    });
  });

  it("needs a reason from the org's list to lose a deal", async () => {
    const deal = await newDeal();
    const before = await snapshot(deal.id);
    const missing = await move(rep.token, deal.id, { toStageKey: 'lost' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'body.lostReason' })]);
    const unknown = await move(rep.token, deal.id, { toStageKey: 'lost', lostReason: 'Bad luck' });
    expect(unknown.statusCode).toBe(400);
    const misplaced = await move(rep.token, deal.id, {
      toStageKey: 'propose',
      lostReason: '价格过高',
    });
    expect(misplaced.statusCode).toBe(400);
    expect(misplaced.json().errors).toEqual([
      expect.objectContaining({ field: 'body.lostReason' }),
    ]);
    expect(await snapshot(deal.id)).toEqual(before);
    const lost = await move(rep.token, deal.id, { toStageKey: 'lost', lostReason: '价格过高' });
    expect(lost.statusCode).toBe(200);
    expect(lost.json()).toMatchObject({ status: 'lost', lostReason: '价格过高', probability: 0 });
  });

  it('lets one of two racing moves win and gives the other 409', async () => {
    const deal = await newDeal();
    const historyBefore = await countOf(t, 'stage_history');
    const [first, second] = await Promise.all([
      move(manager.token, deal.id, { toStageKey: 'propose', overrideReason: 'A', version: 1 }),
      move(manager.token, deal.id, { toStageKey: 'negotiate', overrideReason: 'B', version: 1 }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const loser = first.statusCode === 409 ? first : second;
    expect(loser.json().code).toBe('version_conflict');
    expect(await countOf(t, 'stage_history')).toBe(historyBefore + 1);
    expect((await detail(deal.id)).version).toBe(2);
  });
});

describe('key-action progress on the board and in lists', () => {
  it('counts met key actions per card with the gate rule, and none for closed deals', async () => {
    const deal = await newDeal({ name: 'Progress card' });
    const progress = async () => {
      const board = (
        await t.call('GET', `/api/v1/deals/board?funnelId=${funnelId}&limit=200`, {
          token: rep.token,
        })
      ).json();
      const card = board.stages
        .flatMap((stage: { deals: { id: string }[] }) => stage.deals)
        .find((item: { id: string }) => item.id === deal.id);
      const listed = (
        await t.call('GET', `/api/v1/deals?funnelId=${funnelId}&stageKey=qualify&limit=200`, {
          token: rep.token,
        })
      ).json();
      const item = listed.items.find((row: { id: string }) => row.id === deal.id);
      expect(item.keyActionProgress).toEqual(card.keyActionProgress);
      return card.keyActionProgress;
    };
    // Qualify asks for two effective calls logged against this deal.
    expect(await progress()).toEqual({ met: 0, total: 1 });
    await logCalls(deal.id, 1);
    await insertActivity(t, { customerId, userId: rep.id, type: 'call' }); // not on the deal
    await insertActivity(t, { customerId, userId: rep.id, dealId: deal.id, effective: false });
    expect(await progress()).toEqual({ met: 0, total: 1 });
    await logCalls(deal.id, 1);
    expect(await progress()).toEqual({ met: 1, total: 1 });
  });
});
