import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFunnelWorld } from '../../../../tests/setup/factories-reports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let world: Awaited<ReturnType<typeof buildFunnelWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildFunnelWorld(t);
  t.clock.set(new Date('2026-04-10T04:00:00Z')); // 12:00 in Shanghai
});
afterAll(async () => {
  await t.close();
});

async function get(path: string, token = t.adminToken) {
  const response = await t.call('GET', `/api/v1${path}`, { token });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const f = () => `funnelId=${world.funnelId}`;
const pick = (report: { stages: { key: string }[] }, field: string) =>
  Object.fromEntries(report.stages.map((s) => [s.key, (s as Record<string, unknown>)[field]]));

describe('GET /reports/funnel', () => {
  it('needs a session and refuses bad filters, naming them', async () => {
    expect((await t.call('GET', '/api/v1/reports/funnel')).statusCode).toBe(401);
    for (const [query, field] of [
      ['from=2026-03-31&to=2026-03-01', 'querystring.to'],
      ['from=2026-02-30', 'querystring.from'],
      ['ownerId=nope', 'querystring.ownerId'],
    ]) {
      const response = await t.call('GET', `/api/v1/reports/funnel?${f()}&${query}`, {
        token: t.adminToken,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe(field);
    }
    const missing = await t.call(
      'GET',
      '/api/v1/reports/funnel?funnelId=01900000-0000-7000-8000-000000000000',
      { token: t.adminToken },
    );
    expect(missing.statusCode).toBe(404);
  });

  it('counts the deals in each stage now, reached and conversions, for the admin', async () => {
    const report = await get(`/reports/funnel?${f()}`);
    expect(report.stages.map((s: { key: string }) => s.key)).toEqual([
      'qualify',
      'propose',
      'negotiate',
      'won',
      'lost',
    ]);
    expect(pick(report, 'count')).toEqual({
      qualify: 1,
      propose: 1,
      negotiate: 1,
      won: 1,
      lost: 2,
    });
    expect(pick(report, 'amount')).toEqual({
      qualify: 500.55,
      propose: 3000,
      negotiate: 4000,
      won: 1000,
      lost: 2100,
    });
    // 500.55 × 10 % = 50.055 → 50.06 (half away from zero, per deal).
    expect(pick(report, 'weightedAmount')).toEqual({
      qualify: 50.06,
      propose: 1200,
      negotiate: 2800,
      won: 1000,
      lost: 0,
    });
    // d3 went back from negotiate and still counts there; d5 skipped propose but reached a
    // later stage; d2 was lost from propose, d6 from qualify.
    expect(pick(report, 'reached')).toEqual({
      qualify: 6,
      propose: 4,
      negotiate: 3,
      won: 1,
      lost: 2,
    });
    expect(pick(report, 'conversionToNext')).toEqual({
      qualify: 4 / 6,
      propose: 3 / 4,
      negotiate: 1 / 3,
      won: null,
      lost: null,
    });
    expect(report.winRate).toBeCloseTo(1 / 3, 10);
    expect(report.stages[0].name).toBe('资格确认');
  });

  it('shows a manager their team, a rep their own', async () => {
    const team = await get(`/reports/funnel?${f()}`, world.manager.token);
    expect(pick(team, 'count')).toEqual({ qualify: 1, propose: 1, negotiate: 0, won: 1, lost: 2 });
    expect(pick(team, 'reached')).toEqual({
      qualify: 5,
      propose: 3,
      negotiate: 2,
      won: 1,
      lost: 2,
    });
    const rep = await get(`/reports/funnel?${f()}`, world.r2.token);
    expect(pick(rep, 'count')).toEqual({ qualify: 1, propose: 0, negotiate: 0, won: 0, lost: 1 });
    expect(rep.winRate).toBe(0);
    expect(pick(rep, 'conversionToNext').propose).toBeNull();
    // A rep asking for someone else's deals gets nothing of theirs.
    const other = await get(`/reports/funnel?${f()}&ownerId=${world.r1.id}`, world.r2.token);
    expect(pick(other, 'reached').qualify).toBe(0);
  });

  it('filters by owner and team', async () => {
    const r1 = await get(`/reports/funnel?${f()}&ownerId=${world.r1.id}`);
    expect(pick(r1, 'reached')).toEqual({ qualify: 3, propose: 3, negotiate: 2, won: 1, lost: 1 });
    expect(r1.winRate).toBe(0.5);
    const team = await get(`/reports/funnel?${f()}&teamId=${world.team.id}`);
    expect(pick(team, 'count')).toEqual({ qualify: 1, propose: 1, negotiate: 0, won: 1, lost: 2 });
  });

  it('keeps the deals created in the period, days in the org time zone', async () => {
    const march = await get(`/reports/funnel?${f()}&from=2026-03-01&to=2026-03-31`);
    // d4 was created at 00:30 on 1 April Shanghai time, d6 at 00:30 on 1 March.
    expect(pick(march, 'count')).toEqual({ qualify: 0, propose: 1, negotiate: 1, won: 1, lost: 2 });
    expect(pick(march, 'reached').qualify).toBe(5);
    const firstOfMarch = await get(`/reports/funnel?${f()}&from=2026-03-01&to=2026-03-01`);
    expect(pick(firstOfMarch, 'count')).toEqual({
      qualify: 0,
      propose: 0,
      negotiate: 0,
      won: 0,
      lost: 1,
    });
    const april = await get(`/reports/funnel?${f()}&from=2026-04-01&to=2026-04-01`);
    expect(pick(april, 'count').qualify).toBe(1);
  });

  it('adds whole months from the totals to the days at the period’s edges', async () => {
    // 5–31 March read from the deals (d1, d2, d3, d5; d6 was created on 1 March), April from
    // the totals (d4, created on 1 April in Shanghai).
    const mixed = await get(`/reports/funnel?${f()}&from=2026-03-05&to=2026-04-30`);
    expect(pick(mixed, 'count')).toEqual({ qualify: 1, propose: 1, negotiate: 1, won: 1, lost: 1 });
    expect(pick(mixed, 'amount')).toEqual({
      qualify: 500.55,
      propose: 3000,
      negotiate: 4000,
      won: 1000,
      lost: 2000,
    });
    expect(pick(mixed, 'reached')).toEqual({
      qualify: 5,
      propose: 4,
      negotiate: 3,
      won: 1,
      lost: 1,
    });
    // Open ends: everything up to 31 March (February and March whole, from the totals), and
    // from 2 March on (2–31 March from the deals, every later month from the totals).
    const untilMarch = await get(`/reports/funnel?${f()}&to=2026-03-31`);
    expect(pick(untilMarch, 'count')).toEqual({
      qualify: 0,
      propose: 1,
      negotiate: 1,
      won: 1,
      lost: 2,
    });
    const fromSecond = await get(`/reports/funnel?${f()}&from=2026-03-02`);
    expect(pick(fromSecond, 'count')).toEqual({
      qualify: 1,
      propose: 1,
      negotiate: 1,
      won: 1,
      lost: 1,
    });
    // A manager's edge days and whole months: team T's d1, d2, d3 (March), d4 (April).
    const team = await get(
      `/reports/funnel?${f()}&from=2026-03-05&to=2026-04-30`,
      world.manager.token,
    );
    expect(pick(team, 'count')).toEqual({ qualify: 1, propose: 1, negotiate: 0, won: 1, lost: 1 });
  });
});

describe('funnel report views', () => {
  it('puts owners side by side', async () => {
    const breakdown = await get(`/reports/funnel/breakdown?${f()}&by=owner`);
    expect(breakdown.stages.map((s: { key: string }) => s.key)).toHaveLength(5);
    expect(
      breakdown.rows.map((r: Record<string, unknown>) => [
        r.label,
        r.counts,
        r.amount,
        r.weightedAmount,
        r.winRate,
      ]),
    ).toEqual([
      ['Rep One', [0, 1, 0, 1, 1], 6000, 2200, 0.5],
      ['Rep Three', [0, 0, 1, 0, 0], 4000, 2800, null],
      ['Rep Two', [1, 0, 0, 0, 1], 600.55, 50.06, 0],
    ]);
    const products = await get(`/reports/funnel/breakdown?${f()}&by=product`);
    const byProduct = Object.fromEntries(
      products.rows.map((r: { key: string | null; deals: number }) => [r.key ?? '-', r.deals]),
    );
    expect(byProduct).toEqual({ OA: 2, HR: 1, '-': 4 });
    const sources = await get(`/reports/funnel/breakdown?${f()}&by=source`, world.manager.token);
    expect(
      sources.rows.map((r: { key: string | null; deals: number }) => [r.key, r.deals]),
    ).toEqual([
      ['展会及研讨会', 3],
      ['互联网', 2],
    ]);
  });

  it('counts the deals that entered each stage during the period', async () => {
    const flow = await get(`/reports/funnel/flow?${f()}&from=2026-03-10&to=2026-03-15`);
    expect(
      flow.stages.map((s: { key: string; entered: number; amount: number }) => [
        s.key,
        s.entered,
        s.amount,
      ]),
    ).toEqual([
      ['qualify', 0, 0],
      ['propose', 3, 6000],
      ['negotiate', 1, 1000],
      ['won', 0, 0],
      ['lost', 0, 0],
    ]);
    // Without days: this month (April 2026 on the clock).
    const april = await get(`/reports/funnel/flow?${f()}`);
    expect(april.from).toBe('2026-04-01');
    expect(april.to).toBe('2026-04-30');
    expect(april.stages[0].entered).toBe(1);
  });

  it('trends the entries per month of the year, in the org time zone', async () => {
    const trend = await get(`/reports/funnel/trend?${f()}&year=2026`);
    expect(trend.months).toHaveLength(12);
    const series = Object.fromEntries(
      trend.series.map((s: { key: string; entered: number[] }) => [s.key, s.entered.slice(1, 4)]),
    );
    expect(series).toEqual({
      qualify: [0, 5, 1],
      propose: [0, 3, 0],
      negotiate: [0, 3, 0],
      won: [0, 1, 0],
      lost: [0, 2, 0],
    });
  });

  it('measures days in stage as nearest-rank median and p80 of finished stays', async () => {
    const velocity = await get(`/reports/funnel/velocity?${f()}`);
    expect(velocity.stages).toEqual([
      { key: 'qualify', name: '资格确认', stays: 5, medianDays: 5, p80Days: 5 },
      { key: 'propose', name: '方案', stays: 3, medianDays: 5, p80Days: 14 },
      { key: 'negotiate', name: '谈判', stays: 2, medianDays: 2, p80Days: 5 },
    ]);
    // Stays that ended on 2 March (Shanghai) only: d6's one day in qualify.
    const one = await get(`/reports/funnel/velocity?${f()}&from=2026-03-02&to=2026-03-02`);
    expect(one.stages[0]).toMatchObject({ stays: 1, medianDays: 1, p80Days: 1 });
  });

  it('lists stale deals, won customers by source and lost reasons', async () => {
    const stale = await get(`/reports/funnel/stale?${f()}`);
    expect(stale.total).toBe(1);
    expect(stale.items[0]).toMatchObject({
      id: world.ids.d5,
      daysInStage: 24,
      stageKey: 'negotiate',
    });
    expect((await get(`/reports/funnel/stale?${f()}`, world.manager.token)).total).toBe(0);
    const won = await get(`/reports/funnel/won-by-source?${f()}&from=2026-03-01&to=2026-03-31`);
    expect(won.rows).toEqual([{ source: '展会及研讨会', customers: 1, deals: 1, amount: 1000 }]);
    const lost = await get(`/reports/funnel/lost-reasons?${f()}`);
    expect(lost.rows.map((r: { deals: number; amount: number }) => [r.deals, r.amount])).toEqual([
      [1, 2000],
      [1, 100],
    ]);
    expect(lost.rows[1].reason).toBeNull();
    // d6 was lost on 2 March: outside 3–31 March.
    const later = await get(`/reports/funnel/lost-reasons?${f()}&from=2026-03-03&to=2026-03-31`);
    expect(later.rows).toHaveLength(1);
  });

  it('exports the report as .xlsx with numbers and as CSV', async () => {
    const xlsx = await t.call('GET', `/api/v1/reports/funnel/export?${f()}&format=xlsx`, {
      token: t.adminToken,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('阶段');
    expect(sheet?.getRow(2).values).toEqual([undefined, '资格确认', 1, 500.55, 50.06, 6, 66.7]);
    const csv = await t.call('GET', `/api/v1/reports/funnel/export?${f()}&format=csv`, {
      token: t.adminToken,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\ufeff销售漏斗\r\n阶段,商机数')).toBe(true);
    expect(csv.body).toContain('方案,1,3000,1200,4,75');
  });
});
