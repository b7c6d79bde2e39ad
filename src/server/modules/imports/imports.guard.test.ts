import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  csvText,
  minimalXlsx,
  upload,
  waitForImport,
  xlsxFile,
  zipFile,
} from '../../../../tests/setup/factories-imports';
import { ADMIN_EMAIL, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import type { AppContext } from '../../context';
import { imports } from '../../db/schema';
import { importRunnerFor } from '../../jobs/importRunner';
import { runImportJob } from './importJob';
import { createImport } from './imports.service';

const MAX_ROWS = 5000;
const MAX_BYTES = 200_000;

let t: TestApp;
let admin: { id: string; orgId: string; role: 'admin'; teamId: null };

beforeAll(async () => {
  t = await createTestApp({ uploadMaxBytes: MAX_BYTES, importMaxRows: MAX_ROWS });
  const [row] = await t.database.query<{ id: string }>(
    sql`select id from users where email = ${ADMIN_EMAIL}`,
  );
  admin = { id: row?.id as string, orgId: t.orgId, role: 'admin', teamId: null };
});
afterAll(async () => {
  await t.close();
});

/** A second context on the same database: what another server process would have. */
function serverContext(): AppContext {
  return { database: t.database, clock: t.clock, config: t.config, log: pino({ level: 'silent' }) };
}

async function tableCounts() {
  const [row] = await t.database.query(
    sql`select (select count(*)::int from imports) as imports,
      (select count(*)::int from import_files) as files,
      (select count(*)::int from customers) as customers,
      (select count(*)::int from sales_lines) as lines,
      (select count(*)::int from audit_log) as audit`,
  );
  return row;
}

/** Uploads, expects a refusal within seconds, and checks that nothing was written. */
async function expectRefused(file: Buffer, fileName: string, status: number, message: RegExp) {
  const before = await tableCounts();
  const started = Date.now();
  const response = await upload(t, t.adminToken, '/api/v1/imports', {
    file,
    fileName,
    fields: { kind: 'sales' },
  });
  expect(Date.now() - started).toBeLessThan(5000);
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json().detail).toMatch(message);
  if (status === 400) expect(response.json().errors[0].field).toBe('body.file');
  expect(await tableCounts()).toEqual(before);
}

const salesRows = (count: number, from = 0, day = '2026-03-01') =>
  Array.from({ length: count }, (_, i) => [
    `客户${(from + i) % 97}`,
    `${100 + ((from + i) % 13)}.50`,
    day,
  ]);

describe('crafted uploads', () => {
  it('refuses a binary file named .csv', async () => {
    await expectRefused(randomBytes(50_000), 'report.csv', 400, /not a spreadsheet/);
    await expectRefused(Buffer.from('客户,金额\n甲\u0000,1\n'), 'report.csv', 400, /binary/);
  });

  it('refuses a zip bomb posing as .xlsx, honest or lying about its size', async () => {
    const bomb = minimalXlsx(Buffer.alloc(60 * 1024 * 1024, 0x3c));
    expect(bomb.length).toBeLessThan(MAX_BYTES);
    await expectRefused(bomb, 'report.xlsx', 400, /zip bomb/);
    const liar = minimalXlsx(Buffer.alloc(20 * 1024 * 1024, 0x3c), 1000);
    await expectRefused(liar, 'report.xlsx', 400, /more than its zip directory says/);
  });

  it('refuses a zip that is no workbook and a broken .xls', async () => {
    const zip = zipFile([{ name: 'notes.txt', data: Buffer.from('hello') }]);
    await expectRefused(zip, 'report.xlsx', 400, /not an Excel workbook/);
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      randomBytes(4000),
    ]);
    await expectRefused(ole, 'report.xls', 400, /not a readable .xls file/);
  });

  it('refuses sheets with more rows than allowed', async () => {
    const csv = Buffer.from(csvText([['客户', '金额', '日期'], ...salesRows(MAX_ROWS)]));
    await expectRefused(csv, 'big.csv', 400, /more than 5,000 rows/);
    const rows = `<worksheet><sheetData>${'<row><c><v>1</v></c></row>'.repeat(MAX_ROWS + 1)}</sheetData></worksheet>`;
    await expectRefused(minimalXlsx(Buffer.from(rows)), 'big.xlsx', 400, /more than 5,000 rows/);
  });

  it('refuses an upload over the size limit', async () => {
    await expectRefused(randomBytes(MAX_BYTES + 100_000), 'big.csv', 413, /larger than the limit/);
    // Within the request's allowance for multipart overhead, but over the file limit.
    await expectRefused(Buffer.alloc(MAX_BYTES + 30_000, 0x41), 'big.csv', 413, /./);
  });
});

describe('background jobs', () => {
  it('continues a job a dead server left running, from where it stopped, once', async () => {
    const ctx = serverContext();
    // Identical lines around the first batch boundary stay distinct across the restart.
    const rows = [
      ...salesRows(998),
      ...Array.from({ length: 4 }, () => ['同一客户', '10.00', '2026-03-02']),
      ...salesRows(1500, 2000),
    ];
    const { id } = await createImport(
      ctx,
      admin,
      {
        fileName: 'long.csv',
        bytes: Buffer.from(csvText([['客户', '金额', '日期'], ...rows])),
        fields: { kind: 'sales' },
      },
      { claim: true },
    );
    const [job] = await t.database.db.select().from(imports).where(sql`id = ${id}`);
    if (!job) throw new Error('no job');
    // One batch, then the "server" dies: the job stays running with its heartbeat.
    expect(await runImportJob(ctx, job, { stopping: () => true })).toBe('stopped');
    const halfway = await t.call('GET', `/api/v1/imports/${id}`, { token: t.adminToken });
    expect(halfway.json()).toMatchObject({ status: 'running', processed: 1000, total: 2502 });

    t.clock.advance(60_000);
    // Any new upload wakes this server's runner, which takes over the silent job first.
    const other = await upload(t, t.adminToken, '/api/v1/imports', {
      file: Buffer.from(
        csvText([
          ['客户', '金额', '日期'],
          ['别的客户', '1', '2026-03-03'],
        ]),
      ),
      fields: { kind: 'sales' },
    });
    const resumed = await waitForImport(t, t.adminToken, id);
    expect(resumed).toMatchObject({
      status: 'done',
      processed: 2502,
      imported: 2502,
      failed: 0,
      summary: { createdCustomers: 98 },
    });
    const [lines] = await t.database.query<{ n: number }>(
      sql`select count(*)::int as n from sales_lines where import_id = ${id}`,
    );
    expect(lines?.n).toBe(2502);
    await waitForImport(t, t.adminToken, other.json().id);
  });

  it('never runs one job in two server processes', async () => {
    const first = serverContext();
    const second = serverContext();
    const { id } = await createImport(first, admin, {
      fileName: 'shared.csv',
      bytes: Buffer.from(csvText([['客户', '金额', '日期'], ...salesRows(2500, 0, '2026-04-01')])),
      fields: { kind: 'sales' },
    });
    const runners = [importRunnerFor(first), importRunnerFor(second)];
    for (const runner of runners) runner.kick();
    await Promise.all(runners.map((runner) => runner.idle()));
    await Promise.all(runners.map((runner) => runner.stop()));
    const job = await waitForImport(t, t.adminToken, id);
    expect(job).toMatchObject({ status: 'done', processed: 2500, imported: 2500, failed: 0 });
    const [lines] = await t.database.query<{ n: number }>(
      sql`select count(*)::int as n from sales_lines where import_id = ${id}`,
    );
    expect(lines?.n).toBe(2500);
  });

  it('reads a workbook with a hand-made sheet and no shared strings', async () => {
    const sheet = `<worksheet><sheetData>
      <row r="1"><c r="A1" t="inlineStr"><is><t>客户</t></is></c><c r="B1" t="inlineStr"><is><t>金额</t></is></c><c r="C1" t="inlineStr"><is><t>日期</t></is></c></row>
      <row r="2"><c r="A2" t="inlineStr"><is><t>手写客户</t></is></c><c r="B2"><v>12.5</v></c><c r="C2"><v>46087</v></c></row>
    </sheetData></worksheet>`;
    const response = await upload(t, t.adminToken, '/api/v1/imports', {
      file: minimalXlsx(Buffer.from(sheet)),
      fields: { kind: 'sales' },
    });
    expect(response.statusCode, response.body).toBe(202);
    const job = await waitForImport(t, t.adminToken, response.json().id);
    expect(job).toMatchObject({ imported: 1, failed: 0 });
    const xlsx = await xlsxFile([['客户', '金额', '日期']]);
    const empty = await upload(t, t.adminToken, '/api/v1/imports', {
      file: xlsx,
      fields: { kind: 'sales' },
    });
    expect(await waitForImport(t, t.adminToken, empty.json().id)).toMatchObject({
      status: 'done',
      total: 0,
      processed: 0,
    });
  });
});
