import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import { buildCustomer } from '../../../../tests/setup/factories-qualification';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { DEFAULT_SCORING_RULES } from '../../../domain/scoring';
import { recomputeScores } from './scoring.service';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  t = await createTestApp();
  rep = await buildUser(t);
  otherRep = await buildUser(t);
});
afterAll(async () => {
  await t.close();
});

const settings = (token: string) => t.call('GET', '/api/v1/settings/scoring', { token });
const put = (token: string, body: unknown) =>
  t.call('PUT', '/api/v1/settings/scoring', { token, body });
const scoreOf = async (id: string, token = t.adminToken) =>
  (await t.call('GET', `/api/v1/customers/${id}/score?locale=en`, { token })).json();

describe('GET /settings/scoring', () => {
  it('needs a session', async () => {
    expect((await t.call('GET', '/api/v1/settings/scoring')).statusCode).toBe(401);
  });

  it("ships the seed's target-customer criteria and their yes/no custom fields", async () => {
    const response = await settings(rep.token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      version: 1,
      threshold: 60,
      recomputing: false,
      criteria: DEFAULT_SCORING_RULES.criteria,
    });
    const fields = await t.call('GET', '/api/v1/settings/custom-fields', { token: rep.token });
    const byKey = new Map(
      fields.json().items.map((f: { key: string; type: string }) => [f.key, f.type]),
    );
    for (const key of ['multiSite', 'hasFinanceSoftware', 'hasLan', 'soundFinances']) {
      expect(byKey.get(key)).toBe('boolean');
    }
  });
});

describe('customer scores', () => {
  it('scores a new customer and explains the score', async () => {
    const customer = await buildCustomer(t, rep.token, {
      headcount: 120,
      custom: { multiSite: true, hasLan: true, nicheLeader: true, soundFinances: true },
    });
    expect(customer.score).toBe(20 + 10 + 10 + 15 + 15);
    const score = await scoreOf(customer.id, rep.token);
    expect(score).toMatchObject({ score: 70, qualified: true, threshold: 60, rulesVersion: 1 });
    expect(score.reasons).toHaveLength(8);
    expect(score.reasons[0]).toEqual({
      criterionId: 'headcount',
      label: 'At least 50 employees',
      points: 20,
      matched: true,
    });
    expect(
      score.reasons.find((r: { criterionId: string }) => r.criterionId === 'lan').matched,
    ).toBe(true);
  });

  it('rescores when the customer changes', async () => {
    const customer = await buildCustomer(t, rep.token, { headcount: 10 });
    expect(customer.score).toBe(0);
    const patched = await t.call('PATCH', `/api/v1/customers/${customer.id}`, {
      token: rep.token,
      body: { version: 1, headcount: 60, custom: { soundFinances: true } },
    });
    expect(patched.json()).toMatchObject({ score: 35, version: 2 });
    expect((await scoreOf(customer.id, rep.token)).qualified).toBe(false);
  });

  it("hides a colleague's customer's score (404)", async () => {
    const theirs = await buildCustomer(t, otherRep.token);
    const response = await t.call('GET', `/api/v1/customers/${theirs.id}/score`, {
      token: rep.token,
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('PUT /settings/scoring', () => {
  const rules = (version: number, extra: Record<string, unknown> = {}) => ({
    version,
    threshold: 20,
    criteria: [
      {
        id: 'big',
        label: { 'zh-CN': '百人以上', en: '100+ staff' },
        field: 'headcount',
        op: 'gte',
        value: 100,
        points: 15,
      },
      {
        id: 'vip_tag',
        label: { 'zh-CN': '重点标签', en: 'Key account tag' },
        field: 'tags',
        op: 'tag',
        value: '重点',
        points: 10,
      },
    ],
    ...extra,
  });

  it('is for admins only', async () => {
    expect((await put(rep.token, rules(1))).statusCode).toBe(403);
  });

  it('refuses bad rules with each field named, changing nothing', async () => {
    const bad = await put(t.adminToken, {
      version: 1,
      threshold: 10,
      criteria: [
        { id: 'a', label: { 'zh-CN': 'a', en: 'a' }, field: 'headcount', op: 'gte', points: 5 },
        {
          id: 'a',
          label: { 'zh-CN': 'b', en: 'b' },
          field: 'custom.noSuchField',
          op: 'present',
          points: 5,
        },
        { id: 'c', label: { 'zh-CN': 'c', en: 'c' }, field: 'salary', op: 'present', points: 1 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(['body.criteria.0.value', 'body.criteria.1.id']);
    const unknownField = await put(t.adminToken, {
      version: 1,
      threshold: 10,
      criteria: [
        {
          id: 'b',
          label: { 'zh-CN': 'b', en: 'b' },
          field: 'custom.noSuchField',
          op: 'present',
          points: 5,
        },
        { id: 'c', label: { 'zh-CN': 'c', en: 'c' }, field: 'salary', op: 'present', points: 1 },
      ],
    });
    expect(unknownField.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body.criteria.0.field',
      'body.criteria.1.field',
    ]);
    const typed = await put(t.adminToken, { ...rules(1), threshold: 'high' });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().errors[0].field).toBe('body.threshold');
    expect((await settings(t.adminToken)).json()).toMatchObject({ version: 1, threshold: 60 });
  });

  it('replaces the rules and rescores every customer', async () => {
    const big = await buildCustomer(t, rep.token, { headcount: 150, tags: ['重点'] });
    const small = await buildCustomer(t, rep.token, { headcount: 5 });
    const response = await put(t.adminToken, rules(1));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      version: 2,
      threshold: 20,
      recompute: 'done',
      recomputing: false,
    });
    expect((await scoreOf(big.id)).score).toBe(25);
    const list = await t.call('GET', '/api/v1/customers?sort=-score&limit=500', {
      token: t.adminToken,
    });
    const items = list.json().items as { id: string; score: number }[];
    expect(items[0]).toMatchObject({ id: big.id, score: 25 });
    expect(items.find((c) => c.id === small.id)?.score).toBe(0);
    const [stored] = await t.database.query<{ qualified: boolean }>(
      sql`select qualified from customers where id = ${big.id}`,
    );
    expect(stored?.qualified).toBe(true);
  });

  it('refuses a stale version with 409', async () => {
    const stale = await put(t.adminToken, rules(1));
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { version: 2 } });
  });
});

describe('recomputeScores', () => {
  it('works through several batches and can score only the unscored', async () => {
    await t.database.query(sql`update customers set score = null, qualified = null`);
    const onlyNew = await recomputeScores(t.database.db, t.orgId, {
      onlyUnscored: true,
      batchSize: 2,
    });
    const [{ total } = { total: -1 }] = await t.database.query<{ total: number }>(
      sql`select count(*)::int as total from customers`,
    );
    expect(onlyNew).toMatchObject({ scored: total, changed: total, superseded: false });
    const again = await recomputeScores(t.database.db, t.orgId, { batchSize: 3 });
    expect(again).toMatchObject({ scored: total, changed: 0 });
    const [unscored] = await t.database.query<{ n: number }>(
      sql`select count(*)::int as n from customers where score is null`,
    );
    expect(unscored?.n).toBe(0);
  });
});
