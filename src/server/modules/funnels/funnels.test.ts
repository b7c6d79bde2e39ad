import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import {
  buildDeal,
  buildDealCustomer,
  buildFunnel,
  countOf,
  SMALL_FUNNEL_STAGES,
} from '../../../../tests/setup/factories-deals';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  t = await createTestApp();
  rep = await buildUser(t);
});
afterAll(async () => {
  await t.close();
});

const fieldsOf = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((error) => error.field);

describe('GET /funnel-templates', () => {
  it('needs a session', async () => {
    expect((await t.call('GET', '/api/v1/funnel-templates')).statusCode).toBe(401);
  });

  it("lists the seeds' five templates in the org's language, or the one asked for", async () => {
    const zh = await t.call('GET', '/api/v1/funnel-templates', { token: rep.token });
    expect(zh.statusCode).toBe(200);
    expect(zh.json().map((template: { key: string }) => template.key)).toEqual([
      'six-step',
      'seven-stage',
      'lead-grade',
      'abcd',
      'aida',
    ]);
    const sixStep = zh.json()[0];
    expect(sixStep.stages.map((stage: { name: string }) => stage.name).slice(0, 6)).toEqual([
      '目标客户',
      '清单客户',
      '潜在客户',
      '意向客户',
      '订单客户',
      '在网客户',
    ]);
    expect(sixStep.stages[1].keyActions[0]).toMatchObject({
      kind: 'activity',
      effectiveOnly: true,
      minCount: 3,
    });
    const en = await t.call('GET', '/api/v1/funnel-templates?locale=en', { token: rep.token });
    expect(en.json()[0].stages[0].name).toBe('Target customer');
  });

  it("answers in the user's own language", async () => {
    const created = await t.call('POST', '/api/v1/users', {
      token: t.adminToken,
      body: {
        email: 'english@test.local',
        name: 'English Rep',
        password: 'user-password-1',
        role: 'rep',
        locale: 'en',
      },
    });
    expect(created.statusCode).toBe(201);
    const token = await t.login('english@test.local', 'user-password-1');
    const response = await t.call('GET', '/api/v1/funnel-templates', { token });
    expect(response.json()[1].name).toMatch(/seven|stage/i);
  });
});

describe('POST /funnels', () => {
  it('is for admins only', async () => {
    expect(
      (await t.call('POST', '/api/v1/funnels', { body: { template: 'aida' } })).statusCode,
    ).toBe(401);
    const response = await t.call('POST', '/api/v1/funnels', {
      token: rep.token,
      body: { template: 'aida' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses bad stages naming every field, writing nothing', async () => {
    const neither = await t.call('POST', '/api/v1/funnels', { token: t.adminToken, body: {} });
    expect(neither.statusCode).toBe(400);
    expect(fieldsOf(neither.json())).toContain('body.template');

    const bad = await t.call('POST', '/api/v1/funnels', {
      token: t.adminToken,
      body: {
        name: 'Broken',
        stages: [
          { key: 'first', name: 'First', probability: 50 },
          { key: 'second', name: 'Second', probability: 20 },
          { key: 'third', name: '', probability: 60 },
          { key: 'fourth', name: 'Fourth' },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(['body.stages.3.probability']);

    const invalid = await t.call('POST', '/api/v1/funnels', {
      token: t.adminToken,
      body: {
        name: 'Broken',
        stages: [
          { key: 'first', name: 'First', probability: 50 },
          { key: 'second', name: 'Second', probability: 20 },
          { key: 'third', name: '', probability: 60 },
        ],
      },
    });
    expect(invalid.statusCode).toBe(400);
    expect(fieldsOf(invalid.json())).toEqual(
      expect.arrayContaining(['body.stages.1.probability', 'body.stages.2.name']),
    );

    const badAction = await t.call('POST', '/api/v1/funnels', {
      token: t.adminToken,
      body: {
        name: 'Broken',
        stages: [
          {
            name: 'Only',
            probability: 10,
            keyActions: [{ kind: 'field', field: 'password', minCount: 1, label: 'x' }],
          },
        ],
      },
    });
    expect(badAction.statusCode).toBe(400);
    expect(fieldsOf(badAction.json())).toEqual(['body.stages.0.keyActions.0.field']);
    expect(await countOf(t, 'funnels')).toBe(0);
  });

  it('creates a funnel from the seven-stage template with its criteria and key actions', async () => {
    const response = await t.call('POST', '/api/v1/funnels', {
      token: t.adminToken,
      body: { template: 'seven-stage' },
    });
    expect(response.statusCode).toBe(201);
    const funnel = response.json();
    expect(funnel).toMatchObject({ templateKey: 'seven-stage', purpose: 'deals', version: 1 });
    expect(funnel.stages.map((stage: { key: string }) => stage.key)).toEqual([
      'target',
      'potential',
      'intent',
      'approved',
      'accepted',
      'negotiation',
      'won',
      'lost',
    ]);
    const intent = funnel.stages[2];
    expect(intent.criteria.length).toBeGreaterThan(0);
    expect(intent.criteria[0]).toEqual({
      id: expect.any(String),
      label: expect.any(String),
      required: expect.any(Boolean),
    });
    expect(funnel.stages.at(-1)).toMatchObject({ key: 'lost', terminal: 'lost', probability: 0 });
    const fetched = await t.call('GET', `/api/v1/funnels/${funnel.id}?locale=en`, {
      token: rep.token,
    });
    expect(fetched.json().stages[0].name).toBe('Target customer');
  });

  it('appends won and lost to a funnel built from scratch and generates ids', async () => {
    const response = await t.call('POST', '/api/v1/funnels', {
      token: t.adminToken,
      body: {
        name: '渠道漏斗',
        stages: [
          { name: '初步接触', probability: 10, criteria: [{ label: '已确认联系人' }] },
          { name: '方案', probability: 50, staleAfterDays: 10 },
        ],
      },
    });
    expect(response.statusCode).toBe(201);
    const { stages } = response.json();
    expect(stages.map((stage: { key: string }) => stage.key)).toEqual([
      'stage-1',
      'stage-2',
      'won',
      'lost',
    ]);
    expect(stages[0].criteria).toEqual([{ id: 'c1', label: '已确认联系人', required: true }]);
    expect(stages[2]).toMatchObject({ terminal: 'won', probability: 100, staleAfterDays: null });
  });
});

describe('GET /funnels', () => {
  it('lists the org’s funnels and 404s an unknown one', async () => {
    const list = await t.call('GET', '/api/v1/funnels', { token: rep.token });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThanOrEqual(2);
    const missing = await t.call('GET', '/api/v1/funnels/0190f0f0-0000-7000-8000-000000000001', {
      token: rep.token,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('PATCH /funnels/{id}', () => {
  it('is for admins, needs the current version and keeps the other language', async () => {
    const funnel = await buildFunnel(t);
    const stages = SMALL_FUNNEL_STAGES.map((stage) => ({ ...stage }));
    const byRep = await t.call('PATCH', `/api/v1/funnels/${funnel.id}`, {
      token: rep.token,
      body: { version: 1, stages },
    });
    expect(byRep.statusCode).toBe(403);
    const stale = await t.call('PATCH', `/api/v1/funnels/${funnel.id}`, {
      token: t.adminToken,
      body: { version: 7, stages },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');

    const [first, ...rest] = stages;
    const renamed = await t.call('PATCH', `/api/v1/funnels/${funnel.id}`, {
      token: t.adminToken,
      body: {
        version: 1,
        locale: 'en',
        stages: [
          {
            ...first,
            name: 'Qualification',
            definition: 'The buyer is known',
            scripts: ['Ask about budget'],
            objections: [{ objection: 'Too expensive', answer: 'Show the ROI' }],
          },
          ...rest,
        ],
      },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ version: 2 });
    expect(renamed.json().stages[0]).toMatchObject({
      name: 'Qualification',
      definition: 'The buyer is known',
      scripts: ['Ask about budget'],
      objections: [{ objection: 'Too expensive', answer: 'Show the ROI' }],
    });
    const zh = await t.call('GET', `/api/v1/funnels/${funnel.id}?locale=zh-CN`, {
      token: rep.token,
    });
    expect(zh.json().stages[0].name).toBe('资格确认');
    expect(zh.json().stages.at(-2).key).toBe('won');
  });

  it('refuses to remove a stage that holds deals, naming the field; an empty one goes', async () => {
    const funnel = await buildFunnel(t);
    const customer = await buildDealCustomer(t, rep.token);
    await buildDeal(t, t.adminToken, {
      customerId: customer.id,
      funnelId: funnel.id,
      stageKey: 'propose',
    });
    const withoutPropose = SMALL_FUNNEL_STAGES.filter((stage) => stage.key !== 'propose');
    const refused = await t.call('PATCH', `/api/v1/funnels/${funnel.id}`, {
      token: t.adminToken,
      body: { version: 1, stages: withoutPropose },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ field: 'body.stages', stageKey: 'propose', count: 1 }),
    ]);
    const withoutNegotiate = SMALL_FUNNEL_STAGES.filter((stage) => stage.key !== 'negotiate');
    const removed = await t.call('PATCH', `/api/v1/funnels/${funnel.id}`, {
      token: t.adminToken,
      body: { version: 1, stages: withoutNegotiate },
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().stages.map((stage: { key: string }) => stage.key)).toEqual([
      'qualify',
      'propose',
      'won',
      'lost',
    ]);
  });

  it("moves open deals to a stage's new default probability and stale threshold", async () => {
    const funnel = await buildFunnel(t);
    const customer = await buildDealCustomer(t, rep.token);
    const deal = await buildDeal(t, rep.token, { customerId: customer.id, funnelId: funnel.id });
    const fixed = await buildDeal(t, rep.token, {
      customerId: customer.id,
      funnelId: funnel.id,
      probability: 33,
    });
    const [first, ...rest] = SMALL_FUNNEL_STAGES;
    const response = await t.call('PATCH', `/api/v1/funnels/${funnel.id}`, {
      token: t.adminToken,
      body: { version: 1, stages: [{ ...first, probability: 15, staleAfterDays: null }, ...rest] },
    });
    expect(response.statusCode).toBe(200);
    const after = await t.call('GET', `/api/v1/deals/${deal.id}`, { token: rep.token });
    expect(after.json()).toMatchObject({ probability: 15, staleAt: null });
    const kept = await t.call('GET', `/api/v1/deals/${fixed.id}`, { token: rep.token });
    expect(kept.json()).toMatchObject({ probability: 33, probabilityOverridden: true });
  });
});
