import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import {
  buildDeal,
  buildDealCustomer,
  buildFunnel,
  countOf,
  insertActivity,
  insertContact,
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

const check = (token: string | null, dealId: string, body: Record<string, unknown>) =>
  t.call('POST', `/api/v1/deals/${dealId}/checklist`, { token, body });
const detail = async (dealId: string) =>
  (await t.call('GET', `/api/v1/deals/${dealId}`, { token: rep.token })).json();

async function newDeal(fields: Record<string, unknown> = {}, token = rep.token) {
  return buildDeal(t, token, { customerId, funnelId, ...fields });
}

describe('POST /deals/{id}/checklist', () => {
  it('names a bad stage, item or evidence and writes nothing; unticking clears', async () => {
    const deal = await newDeal();
    const item = { stageKey: 'propose', itemId: 'need_confirmed', checked: true };
    expect((await check(null, deal.id, item)).statusCode).toBe(401);
    expect((await check(otherRep.token, deal.id, item)).statusCode).toBe(404);
    const before = await countOf(t, 'stage_checks');
    const cases: [Record<string, unknown>, string][] = [
      [{ stageKey: 'nowhere', itemId: 'x', checked: true }, 'body.stageKey'],
      [{ stageKey: 'propose', itemId: 'nothing', checked: true }, 'body.itemId'],
      [
        {
          stageKey: 'propose',
          itemId: 'need_confirmed',
          checked: true,
          evidence: { url: 'ftp://x' },
        },
        'body.evidence.url',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await check(rep.token, deal.id, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe(field);
    }
    const otherCustomer = await buildDealCustomer(t, rep.token);
    const foreign = await insertActivity(t, { customerId: otherCustomer.id, userId: rep.id });
    const wrongActivity = await check(rep.token, deal.id, {
      stageKey: 'propose',
      itemId: 'need_confirmed',
      checked: true,
      evidence: { activityId: foreign },
    });
    expect(wrongActivity.json().errors[0].field).toBe('body.evidence.activityId');
    expect(await countOf(t, 'stage_checks')).toBe(before);

    const own = await insertActivity(t, { customerId, userId: rep.id, dealId: deal.id });
    const ticked = await check(rep.token, deal.id, {
      stageKey: 'propose',
      itemId: 'need_confirmed',
      checked: true,
      evidence: { activityId: own, url: 'https://wiki.example.com/need' },
    });
    expect(ticked.json().items[0].evidence).toEqual({
      note: null,
      url: 'https://wiki.example.com/need',
      activityId: own,
    });
    const unticked = await check(manager.token, deal.id, {
      stageKey: 'propose',
      itemId: 'need_confirmed',
      checked: false,
    });
    expect(unticked.json().items[0]).toMatchObject({
      checked: false,
      checkedBy: manager.id,
      evidence: null,
    });
  });
});

describe('decision-chain key actions', () => {
  it('counts only visits with a decision maker (six-step 潜在客户)', async () => {
    const sixStep = await buildFunnel(t, { template: 'six-step' });
    const deal = await buildDeal(t, manager.token, {
      customerId,
      funnelId: sixStep.id,
      stageKey: 'potential',
    });
    t.clock.advance(HOUR);
    const influencer = await insertContact(t, customerId, 'influencer');
    const boss = await insertContact(t, customerId, 'decision_maker');
    await insertActivity(t, {
      customerId,
      userId: rep.id,
      dealId: deal.id,
      type: 'visit',
      contactId: influencer,
    });
    await insertActivity(t, {
      customerId,
      userId: rep.id,
      dealId: deal.id,
      type: 'call',
      contactId: boss,
    });
    const before = await detail(deal.id);
    expect(before.keyActions.find((a: { id: string }) => a.id === 'executive_visit')).toMatchObject(
      { have: 0, need: 1 },
    );
    await insertActivity(t, {
      customerId,
      userId: rep.id,
      dealId: deal.id,
      type: 'visit',
      contactId: boss,
    });
    const after = await detail(deal.id);
    expect(after.keyActions.find((a: { id: string }) => a.id === 'executive_visit')).toMatchObject({
      have: 1,
      met: true,
    });
  });
});
