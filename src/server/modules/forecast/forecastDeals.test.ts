// GET /forecast/deals: the forecast's open deals a page at a time, sorted by the server; the
// totals of GET /forecast stay over every deal, and the export lists them all. Hand-computed
// on the reports world (Asia/Shanghai, 10 April 2026) with two more deals of Rep Two's: one as
// large as d3 (ties are broken by id) and one without an expected close date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFunnelWorld, insertDeal } from '../../../../tests/setup/factories-reports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof buildFunnelWorld>>;
let e1: string;
let e2: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildFunnelWorld(t);
  e1 = await insertDeal(t, {
    customerId: world.customers.c2.id,
    ownerId: world.r2.id,
    funnelId: world.funnelId,
    name: 'Same as d3',
    amountCents: 300_000,
    probability: 10,
    expectedCloseDate: '2026-04-15',
    path: [['qualify', '2026-04-02T02:00:00Z']],
  });
  e2 = await insertDeal(t, {
    customerId: world.customers.c2.id,
    ownerId: world.r2.id,
    funnelId: world.funnelId,
    name: 'No date',
    amountCents: 5_000,
    probability: 10,
    path: [['qualify', '2026-04-03T02:00:00Z']],
  });
  t.clock.set(new Date('2026-04-10T04:00:00Z'));
});
afterAll(async () => {
  await t.close();
});

async function get(path: string, token = t.adminToken) {
  const response = await t.call('GET', `/api/v1${path}`, { token });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const ids = (page: { items: { id: string }[] }) => page.items.map((d) => d.id);
const list = (query: string, token = t.adminToken) =>
  get(`/forecast/deals?funnelId=${world.funnelId}&${query}`, token);

describe('GET /forecast/deals', () => {
  it('refuses a bad sort, order, limit and offset, naming them', async () => {
    for (const [query, field] of [
      ['sort=name', 'querystring.sort'],
      ['order=up', 'querystring.order'],
      ['limit=0', 'querystring.limit'],
      ['limit=501', 'querystring.limit'],
      ['offset=-1', 'querystring.offset'],
      ['period=2026-13', 'querystring.period'],
    ]) {
      const response = await t.call('GET', `/api/v1/forecast/deals?${query}`, {
        token: t.adminToken,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe(field);
    }
  });

  it('pages by amount, largest first, ties by id, without overlap', async () => {
    const { d3, d4, d5 } = world.ids;
    // 4000 (d5), 3000 twice (d3 and e1, the smaller id first), 500.55 (d4), 50 (e2).
    const [tieFirst, tieSecond] = [d3, e1].sort();
    const pages = [
      await list('limit=2'),
      await list('limit=2&offset=2'),
      await list('limit=2&offset=4'),
      await list('limit=2&offset=5'),
    ];
    expect(pages.map(ids)).toEqual([[d5, tieFirst], [tieSecond, d4], [e2], []]);
    expect(pages.map((page) => page.total)).toEqual([5, 5, 5, 5]);
    expect(ids(await list('sort=amount&order=asc'))).toEqual([e2, d4, tieFirst, tieSecond, d5]);
    // The default is 50 by amount, largest first.
    expect(ids(await list(''))).toEqual([d5, tieFirst, tieSecond, d4, e2]);
  });

  it('sorts by expected close date, deals without one last either way', async () => {
    const { d3, d4, d5 } = world.ids;
    // e1 15 April, d3 20 April, d5 30 April, d4 10 May, e2 none.
    expect(ids(await list('sort=expectedCloseDate&order=asc'))).toEqual([e1, d3, d5, d4, e2]);
    expect(ids(await list('sort=expectedCloseDate&order=desc'))).toEqual([d4, d5, d3, e1, e2]);
    expect(ids(await list('sort=expectedCloseDate&order=desc&limit=2&offset=3'))).toEqual([e1, e2]);
  });

  it('gives each deal its share by each method; the totals are over every deal', async () => {
    const page = await list('limit=2&offset=3');
    // d4 closes in May: nothing in April, by either method; the qualify stage's history is
    // 1 won of 3 closed. e2 has no date: it closes by history on 3 April + 15 days, and is
    // worth 50 × 1/3 = 16.666… → 16.67.
    expect(page.items).toEqual([
      expect.objectContaining({
        id: world.ids.d4,
        amount: 500.55,
        probability: 10,
        expectedCloseDate: '2026-05-10',
        weighted: 0,
        historyProbability: 1 / 3,
        historyCloseDate: '2026-05-10',
        historyExpected: 0,
        stageKey: 'qualify',
        customerName: expect.any(String),
        ownerName: 'Rep Two',
      }),
      expect.objectContaining({
        id: e2,
        name: 'No date',
        expectedCloseDate: null,
        weighted: 0,
        historyCloseDate: '2026-04-18',
        historyExpected: 16.67,
      }),
    ]);
    const forecast = await get(`/forecast?funnelId=${world.funnelId}`);
    // weighted: d5 4000 × 70 % + d3 3000 × 40 % + e1 3000 × 10 % = 2800 + 1200 + 300;
    // history: d5 4000 × 1/1 + d3 3000 × 1/2 + e1 3000 × 1/3 + e2 16.67.
    expect(forecast.methods.map((m: { expected: number }) => m.expected)).toEqual([
      4300, 6516.67, 0,
    ]);
  });

  it('lists what each viewer may see', async () => {
    const { d3, d4 } = world.ids;
    const team = await list('limit=3', world.manager.token);
    expect(team.total).toBe(4);
    expect(ids(team)).toEqual([...[d3, e1].sort(), d4]);
    const rep = await list('sort=expectedCloseDate&order=asc', world.r2.token);
    expect([rep.total, ids(rep)]).toEqual([3, [e1, d4, e2]]);
    const owner = await list(`ownerId=${world.r1.id}`);
    expect([owner.total, ids(owner)]).toEqual([1, [d3]]);
  });

  it('lists a past period’s deals as they were open at its end, sorted and paged', async () => {
    const { d3, d5 } = world.ids;
    // At 1 April 00:00 in Shanghai: d3 (propose) and d5 (negotiate); d4 came 30 minutes later.
    const march = await list('period=2026-03');
    expect([march.total, ids(march)]).toEqual([2, [d5, d3]]);
    const byDate = await list('period=2026-03&sort=expectedCloseDate&order=asc&limit=1&offset=1');
    expect([byDate.total, ids(byDate)]).toEqual([2, [d5]]);
  });

  it('leaves the export unpaged: every deal, largest first', async () => {
    const response = await t.call(
      'GET',
      `/api/v1/forecast/export?funnelId=${world.funnelId}&limit=2`,
      { token: t.adminToken },
    );
    expect(response.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('商机明细');
    const amounts: unknown[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) amounts.push(row.getCell(5).value);
    });
    expect(amounts).toEqual([4000, 3000, 3000, 500.55, 50]);
  });
});
