import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

/** GET /customers by lead score: the qualified and minScore filters and the score sorts. */
let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;

const list = async (token: string, query: string) => {
  const response = await t.call('GET', `/api/v1/customers?limit=500&${query}`, { token });
  expect(response.statusCode).toBe(200);
  return response.json().items.map((c: { name: string }) => c.name) as string[];
};

beforeAll(async () => {
  t = await createTestApp();
  rep = await buildUser(t);
  const otherRep = await buildUser(t);
  const rules = await t.call('GET', '/api/v1/settings/scoring', { token: t.adminToken });
  // Two criteria and a threshold of 40, so each score below is worked out by hand.
  const put = await t.call('PUT', '/api/v1/settings/scoring', {
    token: t.adminToken,
    body: {
      version: rules.json().version,
      threshold: 40,
      criteria: [
        {
          id: 'size',
          label: { 'zh-CN': '规模', en: 'Size' },
          field: 'headcount',
          op: 'gte',
          value: 50,
          points: 30,
        },
        {
          id: 'industry',
          label: { 'zh-CN': '行业', en: 'Industry' },
          field: 'industry',
          op: 'eq',
          value: '制造',
          points: 20,
        },
      ],
    },
  });
  expect(put.statusCode).toBe(200);
  const worlds: [string, string, Record<string, unknown>][] = [
    ['Big maker', rep.token, { headcount: 80, industry: '制造' }], // 50, qualified
    ['Big trader', rep.token, { headcount: 80, industry: '贸易' }], // 30
    ['Small maker', rep.token, { headcount: 10, industry: '制造' }], // 20
    ['Unknown', rep.token, {}], // 0
    ['Not mine', otherRep.token, { headcount: 500, industry: '制造' }], // 50, another rep's
  ];
  for (const [name, token, fields] of worlds) {
    const created = await t.call('POST', '/api/v1/customers', { token, body: { name, ...fields } });
    expect(created.statusCode).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
});

describe('GET /customers by score', () => {
  it('needs a session', async () => {
    expect((await t.call('GET', '/api/v1/customers?qualified=true')).statusCode).toBe(401);
  });

  it('refuses a minScore that is not a whole number and a bad qualified, naming them', async () => {
    const bad = await t.call('GET', '/api/v1/customers?minScore=abc&qualified=maybe', {
      token: rep.token,
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['querystring.minScore', 'querystring.qualified']),
    );
  });

  it('scores each customer from the rules', async () => {
    const all = await t.call('GET', '/api/v1/customers?limit=500&sort=name', {
      token: t.adminToken,
    });
    const scores = Object.fromEntries(
      all.json().items.map((c: { name: string; score: number | null }) => [c.name, c.score]),
    );
    expect(scores).toEqual({
      'Big maker': 50,
      'Big trader': 30,
      'Small maker': 20,
      Unknown: 0,
      'Not mine': 50,
    });
    const qualified = all.json().items.filter((c: { qualified: boolean }) => c.qualified);
    expect(qualified.map((c: { name: string }) => c.name).sort()).toEqual([
      'Big maker',
      'Not mine',
    ]);
  });

  it('filters qualified (score ≥ threshold) and not qualified, within what the user sees', async () => {
    expect(await list(rep.token, 'qualified=true')).toEqual(['Big maker']);
    expect((await list(rep.token, 'qualified=false&sort=name')).sort()).toEqual([
      'Big trader',
      'Small maker',
      'Unknown',
    ]);
    expect((await list(t.adminToken, 'qualified=true&sort=name')).sort()).toEqual([
      'Big maker',
      'Not mine',
    ]);
  });

  it('filters by a minimum score, inclusive', async () => {
    expect((await list(rep.token, 'minScore=30')).sort()).toEqual(['Big maker', 'Big trader']);
    expect(await list(rep.token, 'minScore=31')).toEqual(['Big maker']);
    expect(await list(rep.token, 'minScore=51')).toEqual([]);
  });

  it('sorts by score both ways and pages without gaps', async () => {
    expect(await list(rep.token, 'sort=-score')).toEqual([
      'Big maker',
      'Big trader',
      'Small maker',
      'Unknown',
    ]);
    expect(await list(rep.token, 'sort=score')).toEqual([
      'Unknown',
      'Small maker',
      'Big trader',
      'Big maker',
    ]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/customers?limit=1&sort=score${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.call('GET', url, { token: rep.token })).json();
      seen.push(...page.items.map((c: { name: string }) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Unknown', 'Small maker', 'Big trader', 'Big maker']);
  });

  it('rescoring after a rule change moves customers in and out of qualified', async () => {
    const rules = (await t.call('GET', '/api/v1/settings/scoring', { token: t.adminToken })).json();
    const put = await t.call('PUT', '/api/v1/settings/scoring', {
      token: t.adminToken,
      body: { threshold: 20, criteria: rules.criteria, version: rules.version },
    });
    expect(put.statusCode).toBe(200);
    expect((await list(rep.token, 'qualified=true')).sort()).toEqual([
      'Big maker',
      'Big trader',
      'Small maker',
    ]);
  });
});
