import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFunnelWorld, insertDeal } from '../../../../tests/setup/factories-reports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { newId } from '../../db/ids';

let t: TestApp;
let world: Awaited<ReturnType<typeof buildFunnelWorld>>;

/** A semi-monthly report (helper B's tables) with its lines, written straight to the tables. */
async function insertReview(
  userId: string,
  review: {
    periodKey: string;
    from: string;
    to: string;
    status: string;
    submittedAt: string | null;
  },
  lines: {
    customerId: string;
    dealId?: string;
    amountCents: number;
    rate: number;
    close: string;
  }[],
) {
  const id = newId();
  await t.database.query(sql`insert into funnel_reviews (org_id, id, user_id, period_key, period_from,
      period_to, status, submitted_at)
    values (${t.orgId}, ${id}, ${userId}, ${review.periodKey}, ${review.from}, ${review.to},
      ${review.status}, ${review.submittedAt}::timestamptz)`);
  let position = 0;
  for (const line of lines) {
    position += 1;
    await t.database.query(sql`insert into funnel_review_lines (org_id, id, review_id, position,
        customer_id, deal_id, amount_cents, expected_close_date, success_rate)
      values (${t.orgId}, ${newId()}, ${id}, ${position}, ${line.customerId}, ${line.dealId ?? null},
        ${line.amountCents}, ${line.close}, ${line.rate})`);
  }
}

async function target(body: Record<string, unknown>) {
  const response = await t.call('POST', '/api/v1/forecast/targets', { token: t.adminToken, body });
  expect(response.statusCode, response.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp();
  world = await buildFunnelWorld(t);
  const c1 = world.customers.c1.id;
  // Superseded by the April report: counts only for forecasts made before 1 April 10:00.
  await insertReview(
    world.r1.id,
    {
      periodKey: '2026-03-H2',
      from: '2026-03-16',
      to: '2026-03-31',
      status: 'submitted',
      submittedAt: '2026-03-16T02:00:00Z',
    },
    [{ customerId: c1, amountCents: 200_000, rate: 50, close: '2026-04-15' }],
  );
  await insertReview(
    world.r1.id,
    {
      periodKey: '2026-04-H1',
      from: '2026-04-01',
      to: '2026-04-15',
      status: 'submitted',
      submittedAt: '2026-04-01T02:00:00Z',
    },
    [
      { customerId: c1, dealId: world.ids.d3, amountCents: 300_000, rate: 50, close: '2026-04-20' },
      { customerId: c1, amountCents: 100_000, rate: 30, close: '2026-04-25' },
      { customerId: c1, amountCents: 200_000, rate: 50, close: '2026-05-05' },
    ],
  );
  // A draft commits nothing.
  await insertReview(
    world.r2.id,
    {
      periodKey: '2026-04-H1',
      from: '2026-04-01',
      to: '2026-04-15',
      status: 'draft',
      submittedAt: null,
    },
    [{ customerId: world.customers.c2.id, amountCents: 900_000, rate: 90, close: '2026-04-20' }],
  );
  await target({ periodKey: '2026-04', teamId: world.team.id, amount: 10000 });
  await target({ periodKey: '2026-04', userId: world.r1.id, amount: '4000' });
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
const methods = (forecast: {
  methods: { method: string; expected: number; attainment: number | null }[];
}) => Object.fromEntries(forecast.methods.map((m) => [m.method, [m.expected, m.attainment]]));

describe('GET /forecast', () => {
  it('refuses a bad period and look-back, naming them', async () => {
    for (const [query, field] of [
      ['period=2026-13', 'querystring.period'],
      ['period=2026-Q5', 'querystring.period'],
      ['lookbackMonths=0', 'querystring.lookbackMonths'],
    ]) {
      const response = await t.call('GET', `/api/v1/forecast?${query}`, { token: t.adminToken });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe(field);
    }
  });

  it('forecasts this month by the three methods against the team target', async () => {
    const forecast = await get(`/forecast?funnelId=${world.funnelId}`);
    expect(forecast.period).toEqual({ key: '2026-04', from: '2026-04-01', to: '2026-04-30' });
    expect(forecast.asOf).toBe('2026-04-10');
    expect(forecast.won).toBe(0);
    expect(forecast.target).toBe(10000);
    // weighted: d3 3000 × 40 % + d5 4000 × 70 %; d4 closes in May.
    // history: propose won 1 of 2 closed → d3 1500; negotiate 1 of 1 → d5 4000.
    // committed: r1's latest report, lines closing in April: 3000 × 50 % + 1000 × 30 %.
    expect(methods(forecast)).toEqual({
      weighted: [4000, 0.4],
      history: [5500, 0.55],
      committed: [1800, 0.18],
    });
    expect(forecast.stageRates).toEqual([
      {
        key: 'qualify',
        name: '资格确认',
        entered: 6,
        won: 1,
        lost: 2,
        winProbability: 1 / 3,
        medianDaysToClose: 15,
      },
      {
        key: 'propose',
        name: '方案',
        entered: 3,
        won: 1,
        lost: 1,
        winProbability: 0.5,
        medianDaysToClose: 10,
      },
      {
        key: 'negotiate',
        name: '谈判',
        entered: 3,
        won: 1,
        lost: 0,
        winProbability: 1,
        medianDaysToClose: 5,
      },
    ]);
    const deals = await get(`/forecast/deals?funnelId=${world.funnelId}`);
    const d3 = deals.items.find((d: { id: string }) => d.id === world.ids.d3);
    expect(d3).toMatchObject({
      weighted: 1200,
      historyProbability: 0.5,
      historyExpected: 1500,
      historyCloseDate: '2026-04-20',
    });
  });

  it('forecasts a quarter, and one rep against their own target', async () => {
    const quarter = await get(`/forecast?funnelId=${world.funnelId}&period=2026-Q2`);
    // + d4 in May: 500.55 × 10 % = 50.06; by history 500.55 × 1/3 = 166.85; + the May line 1000.
    expect(methods(quarter)).toEqual({
      weighted: [4050.06, null],
      history: [5666.85, null],
      committed: [2800, null],
    });
    const rep = await get(`/forecast?funnelId=${world.funnelId}&ownerId=${world.r1.id}`);
    expect(rep.target).toBe(4000);
    expect(methods(rep)).toEqual({
      weighted: [1200, 0.3],
      history: [1500, 0.375],
      committed: [1800, 0.45],
    });
  });

  it('shows a manager their team and a rep their own', async () => {
    const team = await get(`/forecast?funnelId=${world.funnelId}`, world.manager.token);
    expect(team.target).toBe(10000);
    expect(methods(team).weighted).toEqual([1200, 0.12]);
    const deals = await get(`/forecast/deals?funnelId=${world.funnelId}`, world.manager.token);
    expect(deals.total).toBe(2);
    expect(deals.items.map((d: { id: string }) => d.id)).toEqual([world.ids.d3, world.ids.d4]);
    const rep = await get(`/forecast?funnelId=${world.funnelId}`, world.r2.token);
    expect(methods(rep)).toEqual({ weighted: [0, null], history: [0, null], committed: [0, null] });
  });

  it("holds a team without a target of its own against the sum of its reps' quotas", async () => {
    await target({ periodKey: '2026-05', userId: world.r1.id, amount: '3000' });
    await target({ periodKey: '2026-05', userId: world.r2.id, amount: '2500.50' });
    await target({ periodKey: '2026-05', userId: world.r3.id, amount: '1000' });
    const path = `/forecast?funnelId=${world.funnelId}&period=2026-05`;
    // The manager's team: r1 + r2 (r3 is in no team).
    expect((await get(path, world.manager.token)).target).toBe(5500.5);
    expect((await get(`${path}&teamId=${world.team.id}`)).target).toBe(5500.5);
    // The admin's whole org: the team's sum, and r3's quota besides.
    expect((await get(path)).target).toBe(6500.5);
    expect((await get(path, world.r1.token)).target).toBe(3000);
    // A team target, once set, is the team's: the quotas are not added to it.
    await target({ periodKey: '2026-05', teamId: world.team.id, amount: '8000' });
    expect((await get(path, world.manager.token)).target).toBe(8000);
    expect((await get(path)).target).toBe(9000);
    // Nobody has a quota for June: no target, not zero.
    const june = await get(path.replace('2026-05', '2026-06'), world.manager.token);
    expect(june.target).toBeNull();
  });
});

describe('GET /forecast/backtest', () => {
  it('compares each method at the start of past months with what was won', async () => {
    // d7: open in negotiate on 1 April, won on 15 April.
    await insertDeal(t, {
      customerId: world.customers.c1.id,
      ownerId: world.r1.id,
      funnelId: world.funnelId,
      amountCents: 500_000,
      probability: 100,
      expectedCloseDate: '2026-04-15',
      path: [
        ['qualify', '2026-03-20T02:00:00Z'],
        ['negotiate', '2026-03-25T02:00:00Z'],
        ['won', '2026-04-15T02:00:00Z'],
      ],
    });
    t.clock.set(new Date('2026-05-10T04:00:00Z'));
    const backtest = await get(
      `/forecast/backtest?funnelId=${world.funnelId}&unit=month&periods=2`,
    );
    const rows = backtest.rows.map(
      (row: {
        key: string;
        actual: number;
        methods: { method: string; forecast: number; error: number; errorPercent: number | null }[];
      }) => [
        row.key,
        row.actual,
        row.methods.map((m) => [m.method, m.forecast, m.error, m.errorPercent]),
      ],
    );
    expect(rows).toEqual([
      // Nothing was open on 1 March (Shanghai); d1 was won in March.
      [
        '2026-03',
        1000,
        [
          ['weighted', 0, -1000, -100],
          ['history', 0, -1000, -100],
          ['committed', 0, -1000, -100],
        ],
      ],
      // On 1 April: d3 3000 × 40 %, d5 4000 × 70 %, d7 5000 × 70 % (negotiate's default then);
      // history d3 × 1/2 + d5 + d7 × 1; committed: the March report's 2000 × 50 %.
      [
        '2026-04',
        5000,
        [
          ['weighted', 7500, 2500, 50],
          ['history', 10500, 5500, 110],
          ['committed', 1000, -4000, -80],
        ],
      ],
    ]);
    expect(backtest.summary).toEqual([
      { method: 'weighted', meanAbsErrorPercent: 75, periods: 2 },
      { method: 'history', meanAbsErrorPercent: 105, periods: 2 },
      { method: 'committed', meanAbsErrorPercent: 90, periods: 2 },
    ]);
  });

  it('exports the forecast and backtest as .xlsx', async () => {
    const response = await t.call(
      'GET',
      `/api/v1/forecast/export?funnelId=${world.funnelId}&period=2026-04&periods=2`,
      {
        token: t.adminToken,
      },
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('forecast-2026-04');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '预测',
      '商机明细',
      '阶段历史赢率',
      '回测',
    ]);
    // The April forecast seen after April ended: what was open at its end (nothing), 5000 won.
    expect(book.worksheets[0]?.getRow(2).values).toEqual([
      undefined,
      '2026-04',
      '加权管道',
      5000,
      0,
      5000,
      10000,
      50,
    ]);
    const csv = await t.call(
      'GET',
      `/api/v1/forecast/export?funnelId=${world.funnelId}&period=2026-04&format=csv`,
      {
        token: t.adminToken,
      },
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('预测');
  });
});
