import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRows } from '../../src/server/modules/imports/readers/csvReader';
import { buildTeam, buildUser } from '../setup/factories';
import { buildDealCustomer, buildFunnel } from '../setup/factories-deals';
import { insertDeal } from '../setup/factories-reports';
import { createTestApp, type TestApp } from '../setup/test-app';

// Formula injection (issue 10) in every export: six reps, each with a customer and an open
// deal, whose names start with one of the characters a spreadsheet runs (= + - @, tab, CR).
// Every export route, in both formats, must carry each of the six starts and give every such
// cell a leading apostrophe. A route added to the API without a row here fails the last test.

const STARTS = ['=', '+', '-', '@', '\t', '\r'] as const;
const payloads = (what: string) => STARTS.map((start, i) => `${start}SUM(1,1) ${what}${i}`);
const REP_NAMES = payloads('销售');
const CUSTOMER_NAMES = payloads('客户');
const DEAL_NAMES = payloads('商机');
const CAMPAIGN_NAMES = payloads('活动');
const ALL = [...REP_NAMES, ...CUSTOMER_NAMES, ...DEAL_NAMES, ...CAMPAIGN_NAMES];
// An .xlsx is XML: a bare CR in a cell's text reads back as LF.
const normal = (text: string) => text.replace(/\r\n?/g, '\n');
const PAYLOADS = new Set(ALL.map(normal));

let t: TestApp;
let manager: Awaited<ReturnType<typeof buildUser>>;
let funnelId: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-04-10T02:00:00Z'));
  manager = await buildUser(t, { role: 'manager', name: '王经理' });
  const team = await buildTeam(t, { name: '注入测试组', managerId: manager.id });
  funnelId = (await buildFunnel(t)).id;
  for (const [i, name] of REP_NAMES.entries()) {
    const rep = await buildUser(t, { teamId: team.id });
    const customer = await buildDealCustomer(t, rep.token);
    // Straight to the tables: the API trims a leading tab or CR from names, an import or an
    // older row need not have.
    await t.database.query(sql`update users set name = ${name} where id = ${rep.id}`);
    await t.database.query(
      sql`update customers set name = ${CUSTOMER_NAMES[i]} where id = ${customer.id}`,
    );
    await insertDeal(t, {
      customerId: customer.id,
      ownerId: rep.id,
      funnelId,
      amountCents: 100_000 * (i + 1),
      probability: 40,
      expectedCloseDate: '2026-04-20',
      staleAt: '2026-04-05T00:00:00Z',
      name: DEAL_NAMES[i],
      path: [
        ['qualify', '2026-04-01T02:00:00Z'],
        ['propose', '2026-04-02T02:00:00Z'],
      ],
    });
    const campaign = await t.call('POST', '/api/v1/campaigns', {
      token: manager.token,
      body: { type: 'seminar', name: `活动${i}`, startsOn: '2026-04-08', endsOn: '2026-04-08' },
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    await t.database.query(
      sql`update campaigns set name = ${CAMPAIGN_NAMES[i]} where id = ${campaign.json().id}`,
    );
  }
});
afterAll(async () => {
  await t.close();
});

/** Every text cell of the file, as written. */
async function textCells(format: 'csv' | 'xlsx', payload: Buffer): Promise<string[]> {
  if (format === 'csv') {
    const text = payload.toString('utf8').replace(/^\ufeff/, '');
    return [...csvRows(text, ',')].flatMap((row) => row.cells as string[]);
  }
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cells.push(cell.value);
      });
    });
  }
  return cells;
}

type Who = 'admin' | 'manager';
const EXPORTS: { path: string; query: () => string; as: Who }[] = [
  { path: '/customers/export', query: () => '', as: 'admin' },
  { path: '/reports/funnel/export', query: () => `funnelId=${funnelId}`, as: 'admin' },
  {
    path: '/forecast/export',
    query: () => `funnelId=${funnelId}&period=2026-04&periods=2`,
    as: 'admin',
  },
  { path: '/reports/work-data/export', query: () => 'from=2026-04-01&to=2026-04-30', as: 'admin' },
  { path: '/reports/account-assessment/export', query: () => '', as: 'admin' },
  { path: '/funnel-reviews/team/export', query: () => 'period=2026-04-H1', as: 'manager' },
  { path: '/campaigns/report/export', query: () => 'from=2026-04-01&to=2026-04-30', as: 'admin' },
];

describe.each(EXPORTS)('GET $path', ({ path, query, as }) => {
  it.each(['csv', 'xlsx'] as const)(
    'escapes every cell starting with = + - @, tab or CR (%s)',
    async (format) => {
      const token = as === 'admin' ? t.adminToken : manager.token;
      const response = await t.call('GET', `/api/v1${path}?${query()}&format=${format}`, {
        token,
      });
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      const cells = (await textCells(format, response.rawPayload)).map(normal);
      const escaped = cells.filter((cell) => cell.startsWith("'") && PAYLOADS.has(cell.slice(1)));
      const bare = cells.filter((cell) => PAYLOADS.has(cell));
      expect(bare).toEqual([]);
      // Each dangerous start reached this file (a rep, customer or deal name), escaped.
      const starts = new Set(escaped.map((cell) => cell.slice(1, 2)));
      expect([...starts].sort()).toEqual(STARTS.map(normal).sort());
    },
  );
});

it('covers every export route the API has', async () => {
  // The OpenAPI document, and the route files themselves (a schema the document cannot show
  // would otherwise hide a route from this list).
  const documented = Object.keys((await t.call('GET', '/api/openapi.json')).json().paths)
    .filter((route) => route.endsWith('/export'))
    .map((route) => route.replace('/api/v1', ''));
  const modules = path.resolve(import.meta.dirname, '../../src/server/modules');
  const registered = readdirSync(modules, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.routes.ts'))
    .flatMap((file) => [
      ...readFileSync(path.join(modules, file), 'utf8').matchAll(/'(\/[\w/:-]*\/export)'/g),
    ])
    .map((match) => match[1] as string);
  const covered = EXPORTS.map((e) => e.path).sort();
  expect([...new Set(registered)].sort()).toEqual(covered);
  expect(documented.every((route) => covered.includes(route))).toBe(true);
});
