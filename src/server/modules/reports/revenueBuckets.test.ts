import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import { csvText, importFile } from '../../../../tests/setup/factories-imports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  t = await createTestApp();
  rep = await buildUser(t);
  const colleague = await buildUser(t);
  const theirs = await t.call('POST', '/api/v1/customers', {
    token: colleague.token,
    body: { name: '李四的客户有限公司' },
  });
  expect(theirs.statusCode).toBe(201);
  // Totals land exactly on the edges: 10,000.00 belongs to [1万, 5万), 50,000.00 to [5万, 10万).
  const job = await importFile(t, t.adminToken, {
    file: Buffer.from(
      csvText([
        ['客户名称', '货品名称', '价税合计', '单据日期'],
        ['一号客户', 'A', '9,999.99', '2026-03-01'],
        ['二号客户', 'A', '10,000.00', '2026-03-02'],
        ['三号客户', 'A', '49,999.99', '2026-03-03'],
        ['四号客户', 'A', '30,000', '2026-03-04'],
        ['四号客户', 'A', '20,000', '2026-03-05'],
        ['五号客户', 'A', '200,000.00', '2026-03-06'],
        ['六号客户', 'A', '-500', '2026-03-07'],
        ['七号客户', 'B', '100,000', '2026-03-08'],
        ['七号客户', 'A', '1,000', '2026-05-01'],
        ['李四的客户有限公司', 'A', '15,000', '2026-03-09'],
      ]),
    ),
    fields: { kind: 'sales' },
  });
  expect(job).toMatchObject({ status: 'done', imported: 10, failed: 0 });
});
afterAll(async () => {
  await t.close();
});

const buckets = async (token: string, query = '') => {
  const response = await t.call('GET', `/api/v1/reports/revenue-buckets${query}`, { token });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().buckets;
};

describe('GET /reports/revenue-buckets', () => {
  it('needs a session', async () => {
    expect((await t.call('GET', '/api/v1/reports/revenue-buckets')).statusCode).toBe(401);
  });

  it('refuses bad edges and dates, naming the parameter', async () => {
    for (const [query, field] of [
      ['?edges=50000,10000', 'querystring.edges'],
      ['?edges=abc', 'querystring.edges'],
      ['?from=2026-03-31&to=2026-03-01', 'querystring.to'],
      ['?from=2026-02-30', 'querystring.from'],
    ]) {
      const response = await t.call('GET', `/api/v1/reports/revenue-buckets${query}`, {
        token: t.adminToken,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe(field);
    }
  });

  it('buckets per-customer totals half-open with the default edges, amounts on the edges included', async () => {
    expect(await buckets(t.adminToken)).toEqual([
      { min: 0, max: 10000, customers: 2, amount: 9499.99 },
      { min: 10000, max: 50000, customers: 3, amount: 74999.99 },
      { min: 50000, max: 100000, customers: 1, amount: 50000 },
      { min: 100000, max: 200000, customers: 1, amount: 101000 },
      { min: 200000, max: null, customers: 1, amount: 200000 },
    ]);
  });

  it('counts only the customers a rep may see', async () => {
    expect((await buckets(rep.token))[1]).toEqual({
      min: 10000,
      max: 50000,
      customers: 2,
      amount: 59999.99,
    });
  });

  it('narrows to one product and a period, and takes the user’s edges', async () => {
    expect(await buckets(t.adminToken, '?product=A')).toEqual([
      { min: 0, max: 10000, customers: 3, amount: 10499.99 },
      { min: 10000, max: 50000, customers: 3, amount: 74999.99 },
      { min: 50000, max: 100000, customers: 1, amount: 50000 },
      { min: 100000, max: 200000, customers: 0, amount: 0 },
      { min: 200000, max: null, customers: 1, amount: 200000 },
    ]);
    expect((await buckets(t.adminToken, '?from=2026-03-01&to=2026-03-31'))[3]).toEqual({
      min: 100000,
      max: 200000,
      customers: 1,
      amount: 100000,
    });
    expect(await buckets(t.adminToken, '?edges=50000')).toEqual([
      { min: 0, max: 50000, customers: 5, amount: 84499.98 },
      { min: 50000, max: null, customers: 3, amount: 351000 },
    ]);
  });
});

describe('GET /reports/revenue-buckets/customers', () => {
  it('refuses a bad bound', async () => {
    const response = await t.call('GET', '/api/v1/reports/revenue-buckets/customers?min=abc', {
      token: t.adminToken,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('querystring.min');
  });

  it("lists a bucket's customers, largest first, page by page", async () => {
    const first = await t.call(
      'GET',
      '/api/v1/reports/revenue-buckets/customers?min=10000&max=50000&limit=2',
      { token: t.adminToken },
    );
    expect(first.statusCode).toBe(200);
    expect(
      first.json().items.map((c: { name: string; amount: number }) => [c.name, c.amount]),
    ).toEqual([
      ['三号客户', 49999.99],
      ['李四的客户有限公司', 15000],
    ]);
    const next = await t.call(
      'GET',
      `/api/v1/reports/revenue-buckets/customers?min=10000&max=50000&limit=2&cursor=${first.json().nextCursor}`,
      { token: t.adminToken },
    );
    expect(next.json()).toEqual({
      items: [
        {
          customerId: expect.any(String),
          name: '二号客户',
          ownerId: null,
          ownerName: null,
          amount: 10000,
          lines: 1,
        },
      ],
      nextCursor: null,
    });
    const lowest = await t.call('GET', '/api/v1/reports/revenue-buckets/customers?max=10000', {
      token: rep.token,
    });
    expect(lowest.json().items.map((c: { name: string }) => c.name)).toEqual([
      '一号客户',
      '六号客户',
    ]);
  });
});
