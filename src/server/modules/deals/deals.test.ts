import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import {
  buildDeal,
  buildDealCustomer,
  buildFunnel,
  countOf,
} from '../../../../tests/setup/factories-deals';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let manager: Awaited<ReturnType<typeof buildUser>>;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;
let funnelId: string;
let customerId: string;
let poolCustomerId: string;

const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  t = await createTestApp();
  manager = await buildUser(t, { role: 'manager' });
  const team = await buildTeam(t, { managerId: manager.id });
  rep = await buildUser(t, { teamId: team.id });
  otherRep = await buildUser(t);
  funnelId = (await buildFunnel(t)).id;
  customerId = (await buildDealCustomer(t, rep.token, { industry: '机械' })).id;
  poolCustomerId = (await buildDealCustomer(t, t.adminToken)).id;
});
afterAll(async () => {
  await t.close();
});

const fieldsOf = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((error) => error.field);

describe('POST /deals', () => {
  it('needs a session', async () => {
    const response = await t.call('POST', '/api/v1/deals', { body: { name: 'x' } });
    expect(response.statusCode).toBe(401);
  });

  it('refuses bad input naming the fields, writing nothing', async () => {
    const before = await countOf(t, 'deals');
    const bad = await t.call('POST', '/api/v1/deals', {
      token: rep.token,
      body: { customerId, funnelId, name: ' ', amount: 12.345, expectedCloseDate: '2025-02-30' },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(
      expect.arrayContaining(['body.name', 'body.amount', 'body.expectedCloseDate']),
    );
    const unknownFunnel = await t.call('POST', '/api/v1/deals', {
      token: rep.token,
      body: { customerId, funnelId: customerId, name: 'Deal', amount: 1 },
    });
    expect(unknownFunnel.statusCode).toBe(400);
    expect(fieldsOf(unknownFunnel.json())).toEqual(['body.funnelId']);
    const badStage = await t.call('POST', '/api/v1/deals', {
      token: t.adminToken,
      body: { customerId, funnelId, name: 'Deal', amount: 1, stageKey: 'won' },
    });
    expect(badStage.statusCode).toBe(400);
    expect(fieldsOf(badStage.json())).toEqual(['body.stageKey']);
    const othersCustomer = await t.call('POST', '/api/v1/deals', {
      token: otherRep.token,
      body: { customerId, funnelId, name: 'Deal', amount: 1 },
    });
    expect(othersCustomer.statusCode).toBe(400);
    expect(fieldsOf(othersCustomer.json())).toEqual(['body.customerId']);
    expect(await countOf(t, 'deals')).toBe(before);
  });

  it('forbids a rep a pool customer, another owner and a later first stage', async () => {
    const pool = await t.call('POST', '/api/v1/deals', {
      token: rep.token,
      body: { customerId: poolCustomerId, funnelId, name: 'Deal', amount: 1 },
    });
    expect(pool.statusCode).toBe(403);
    const owner = await t.call('POST', '/api/v1/deals', {
      token: rep.token,
      body: { customerId, funnelId, name: 'Deal', amount: 1, ownerId: otherRep.id },
    });
    expect(owner.statusCode).toBe(403);
    const later = await t.call('POST', '/api/v1/deals', {
      token: rep.token,
      body: { customerId, funnelId, name: 'Deal', amount: 1, stageKey: 'negotiate' },
    });
    expect(later.statusCode).toBe(403);
  });

  it("opens a deal in the first stage, in cents, owned by the customer's owner", async () => {
    const response = await t.call('POST', '/api/v1/deals', {
      token: manager.token,
      body: {
        customerId,
        funnelId,
        name: '二期扩容',
        amount: '123456.78',
        expectedCloseDate: '2031-06-30',
        products: ['交换机', '路由器'],
        competitors: ['Acme'],
        nextStep: 'Send the quote',
      },
    });
    expect(response.statusCode).toBe(201);
    const deal = response.json();
    expect(deal).toMatchObject({
      name: '二期扩容',
      amount: 123456.78,
      weightedAmount: 12345.68,
      probability: 10,
      probabilityOverridden: false,
      stageKey: 'qualify',
      stageName: '资格确认',
      status: 'open',
      ownerId: rep.id,
      daysInStage: 0,
      stale: false,
      expectedCloseDate: '2031-06-30',
      products: ['交换机', '路由器'],
      version: 1,
      nextStage: { key: 'propose', name: '方案' },
    });
    expect(deal.stage.scripts).toEqual(['Ask about the current supplier']);
    expect(deal.stage.objections).toEqual([
      { objection: 'No time', answer: 'Offer a 10-minute call' },
    ]);
    expect(deal.keyActions).toEqual([
      { id: 'calls', label: '两次有效电话', kind: 'activity', have: 0, need: 2, met: false },
    ]);
    expect(deal.checklist.next.items.map((item: { id: string }) => item.id)).toEqual([
      'need_confirmed',
      'nice_to_have',
    ]);
    const [row] = await t.database.query<{ amount_cents: number }>(
      sql`select amount_cents from deals where id = ${deal.id}`,
    );
    expect(row?.amount_cents).toBe(12345678);
    const history = await t.call('GET', `/api/v1/deals/${deal.id}/history`, { token: rep.token });
    expect(history.json().items).toEqual([
      expect.objectContaining({ fromStageKey: null, toStageKey: 'qualify', direction: 'initial' }),
    ]);
  });

  it('gives a pool customer’s deal to its creator', async () => {
    const deal = await buildDeal(t, t.adminToken, { customerId: poolCustomerId, funnelId });
    const detail = await t.call('GET', `/api/v1/deals/${deal.id}`, { token: t.adminToken });
    expect(detail.json().ownerId).not.toBe(rep.id);
    expect(detail.json().ownerName).toBe('Admin');
  });
});

describe('GET /deals/{id}', () => {
  it("hides a deal from a rep who cannot see its customer, shows it to the team's manager", async () => {
    const deal = await buildDeal(t, rep.token, { customerId, funnelId });
    const hidden = await t.call('GET', `/api/v1/deals/${deal.id}`, { token: otherRep.token });
    expect(hidden.statusCode).toBe(404);
    const shown = await t.call('GET', `/api/v1/deals/${deal.id}`, { token: manager.token });
    expect(shown.statusCode).toBe(200);
  });

  it('marks a deal stale past its stage threshold and counts days in stage', async () => {
    const deal = await buildDeal(t, rep.token, { customerId, funnelId });
    t.clock.advance(31 * DAY);
    try {
      // Sessions expire with the clock: log in again a month later.
      const token = await t.login(rep.email, rep.password);
      const detail = await t.call('GET', `/api/v1/deals/${deal.id}`, { token });
      expect(detail.json()).toMatchObject({ daysInStage: 31, stale: true });
    } finally {
      t.clock.advance(-31 * DAY);
    }
  });
});

describe('PATCH /deals/{id}', () => {
  it('needs the current version, names bad fields and overrides the probability', async () => {
    const deal = await buildDeal(t, rep.token, { customerId, funnelId });
    const stale = await t.call('PATCH', `/api/v1/deals/${deal.id}`, {
      token: rep.token,
      body: { version: 9, name: 'Renamed' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const bad = await t.call('PATCH', `/api/v1/deals/${deal.id}`, {
      token: rep.token,
      body: { version: 1, amount: -5, probability: 101 },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(
      expect.arrayContaining(['body.amount', 'body.probability']),
    );
    const byStranger = await t.call('PATCH', `/api/v1/deals/${deal.id}`, {
      token: otherRep.token,
      body: { version: 1, name: 'Mine now' },
    });
    expect(byStranger.statusCode).toBe(404);

    const updated = await t.call('PATCH', `/api/v1/deals/${deal.id}`, {
      token: rep.token,
      body: { version: 1, name: 'Renamed', amount: 500, budget: 800, probability: 25 },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      name: 'Renamed',
      amount: 500,
      budget: 800,
      probability: 25,
      probabilityOverridden: true,
      weightedAmount: 125,
      version: 2,
    });
    const cleared = await t.call('PATCH', `/api/v1/deals/${deal.id}`, {
      token: rep.token,
      body: { version: 2, probability: null },
    });
    expect(cleared.json()).toMatchObject({ probability: 10, probabilityOverridden: false });
    const handover = await t.call('PATCH', `/api/v1/deals/${deal.id}`, {
      token: rep.token,
      body: { version: 3, ownerId: otherRep.id },
    });
    expect(handover.statusCode).toBe(403);
  });
});

describe('GET /deals', () => {
  it('filters by owner, team, customer, stage and close month, and pages without gaps', async () => {
    const customer = await buildDealCustomer(t, rep.token);
    const ids: string[] = [];
    for (const month of ['2030-01-15', '2030-01-31', '2030-02-01', '2030-03-10', '2030-01-02']) {
      ids.push(
        (
          await buildDeal(t, rep.token, {
            customerId: customer.id,
            funnelId,
            expectedCloseDate: month,
          })
        ).id,
      );
    }
    const january = await t.call(
      'GET',
      `/api/v1/deals?customerId=${customer.id}&closeMonth=2030-01`,
      { token: rep.token },
    );
    expect(
      january
        .json()
        .items.map((deal: { id: string }) => deal.id)
        .sort(),
    ).toEqual([ids[0], ids[1], ids[4]].sort());
    const badMonth = await t.call('GET', '/api/v1/deals?closeMonth=2030-13', { token: rep.token });
    expect(badMonth.statusCode).toBe(400);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await t.call(
        'GET',
        `/api/v1/deals?customerId=${customer.id}&sort=expectedCloseDate&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: rep.token },
      );
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().items.map((deal: { id: string }) => deal.id));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids[4], ids[0], ids[1], ids[2], ids[3]]);

    const team = await t.call(
      'GET',
      `/api/v1/deals?customerId=${customer.id}&teamId=${rep.teamId}`,
      { token: manager.token },
    );
    expect(team.json().items).toHaveLength(5);
    const otherOwner = await t.call(
      'GET',
      `/api/v1/deals?customerId=${customer.id}&ownerId=${otherRep.id}`,
      { token: t.adminToken },
    );
    expect(otherOwner.json().items).toHaveLength(0);
    const invisible = await t.call('GET', `/api/v1/deals?customerId=${customer.id}`, {
      token: otherRep.token,
    });
    expect(invisible.json().items).toHaveLength(0);
  });
});

describe('deal documents', () => {
  it('attaches a document only for whoever works the deal, and lists it', async () => {
    const deal = await buildDeal(t, rep.token, { customerId, funnelId });
    const url = `/api/v1/deals/${deal.id}/documents`;
    const forbidden = await t.call('POST', url, {
      token: otherRep.token,
      body: { kind: 'proposal', name: 'x' },
    });
    expect(forbidden.statusCode).toBe(404);
    const before = await countOf(t, 'deal_documents');
    const bad = await t.call('POST', url, {
      token: rep.token,
      body: { kind: 'poem', name: '', url: 'javascript:alert(1)' },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(
      expect.arrayContaining(['body.kind', 'body.name', 'body.url']),
    );
    expect(await countOf(t, 'deal_documents')).toBe(before);
    const added = await t.call('POST', url, {
      token: rep.token,
      body: { kind: 'proposal', name: '解决方案 v1', url: 'https://files.example.com/p1.pdf' },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ kind: 'proposal', addedBy: rep.id, dealId: deal.id });
    const list = await t.call('GET', url, { token: manager.token });
    expect(list.json().items).toHaveLength(1);
  });
});

describe('lost reasons', () => {
  it('start with a default list that admins extend, rename and deactivate', async () => {
    const list = await t.call('GET', '/api/v1/settings/lost-reasons', { token: rep.token });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((reason: { name: string }) => reason.name)).toContain('价格过高');
    const byRep = await t.call('POST', '/api/v1/settings/lost-reasons', {
      token: rep.token,
      body: { name: '资质不符' },
    });
    expect(byRep.statusCode).toBe(403);
    const empty = await t.call('POST', '/api/v1/settings/lost-reasons', {
      token: t.adminToken,
      body: { name: '' },
    });
    expect(empty.statusCode).toBe(400);
    const created = await t.call('POST', '/api/v1/settings/lost-reasons', {
      token: t.adminToken,
      body: { name: '资质不符' },
    });
    expect(created.statusCode).toBe(201);
    const duplicate = await t.call('POST', '/api/v1/settings/lost-reasons', {
      token: t.adminToken,
      body: { name: '资质不符' },
    });
    expect(duplicate.statusCode).toBe(409);
    const reason = created.json();
    const stale = await t.call('PATCH', `/api/v1/settings/lost-reasons/${reason.id}`, {
      token: t.adminToken,
      body: { version: 5, active: false },
    });
    expect(stale.statusCode).toBe(409);
    const off = await t.call('PATCH', `/api/v1/settings/lost-reasons/${reason.id}`, {
      token: t.adminToken,
      body: { version: 1, active: false, name: '资质不符合' },
    });
    expect(off.json()).toMatchObject({ active: false, name: '资质不符合', version: 2 });
    const active = await t.call('GET', '/api/v1/settings/lost-reasons', { token: rep.token });
    expect(active.json().items.map((r: { id: string }) => r.id)).not.toContain(reason.id);
    const all = await t.call('GET', '/api/v1/settings/lost-reasons?includeInactive=true', {
      token: t.adminToken,
    });
    expect(all.json().items.map((r: { id: string }) => r.id)).toContain(reason.id);
  });
});
