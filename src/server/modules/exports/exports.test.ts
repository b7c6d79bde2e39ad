import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import { importFile } from '../../../../tests/setup/factories-imports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { csvRows } from '../imports/readers/csvReader';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  t = await createTestApp();
  rep = await buildUser(t, { name: '张三' });
  otherRep = await buildUser(t, { name: '李四' });
  const create = async (token: string, body: Record<string, unknown>) => {
    const response = await t.call('POST', '/api/v1/customers', { token, body });
    expect(response.statusCode, response.body).toBe(201);
  };
  await create(rep.token, {
    name: '=HYPERLINK("http://evil.example","点我")',
    phone: '+86 138 0000 0000',
    industry: '-机械',
    headcount: 120,
    tags: ['@重点', '老客户'],
  });
  await create(rep.token, { name: '杭州明达机械有限公司', city: '杭州', email: 'info@mingda.cn' });
  await create(t.adminToken, { name: '公海客户有限公司', phone: '021-66668888' });
  await create(otherRep.token, { name: '李四的客户有限公司' });
});
afterAll(async () => {
  await t.close();
});

function readCsv(body: string): string[][] {
  return [...csvRows(body, ',')].map((row) => row.cells as string[]);
}

describe('GET /customers/export', () => {
  it('needs a session and a known format', async () => {
    expect((await t.call('GET', '/api/v1/customers/export')).statusCode).toBe(401);
    const response = await t.call('GET', '/api/v1/customers/export?format=pdf', {
      token: rep.token,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('querystring.format');
  });

  it('gives a rep their own customers as CSV with a BOM, escaping formula-like text', async () => {
    const response = await t.call('GET', '/api/v1/customers/export?format=csv', {
      token: rep.token,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = readCsv(response.body);
    expect(header?.slice(0, 13)).toEqual([
      '客户名称',
      '行业',
      '人数',
      '省份',
      '城市',
      '地址',
      '国家',
      '网址',
      '电话',
      '邮箱',
      '来源',
      '标签',
      '负责人',
    ]);
    const byName = new Map(rows.map((row) => [row[0], row]));
    // Only the rep's own: pool customers, though visible in the list, are not theirs to take.
    expect([...byName.keys()].sort()).toEqual([
      `'=HYPERLINK("http://evil.example","点我")`,
      '杭州明达机械有限公司',
    ]);
    expect(byName.get(`'=HYPERLINK("http://evil.example","点我")`)?.slice(0, 13)).toEqual([
      `'=HYPERLINK("http://evil.example","点我")`,
      "'-机械",
      '120',
      '',
      '',
      '',
      '',
      '',
      "'+86 138 0000 0000",
      '',
      '',
      "'@重点, 老客户",
      '张三',
    ]);
  });

  it('gives an admin every customer as .xlsx, with English headers when asked', async () => {
    const response = await t.call('GET', '/api/v1/customers/export?format=xlsx&lang=en', {
      token: t.adminToken,
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values = (sheet?.getSheetValues() ?? [])
      .filter(Boolean)
      .map((row) => (row as unknown[]).slice(1, 10));
    expect(values[0]).toEqual([
      'Customer name',
      'Industry',
      'Headcount',
      'Province',
      'City',
      'Address',
      'Country',
      'Website',
      'Phone',
    ]);
    expect(
      values
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual([
      `'=HYPERLINK("http://evil.example","点我")`,
      '公海客户有限公司',
      '李四的客户有限公司',
      '杭州明达机械有限公司',
    ]);
    const pool = values.find((row) => row[0] === '公海客户有限公司');
    expect(pool?.[8]).toBe('021-66668888');
  });

  it('applies the list filters', async () => {
    const response = await t.call(
      'GET',
      `/api/v1/customers/export?format=csv&q=${encodeURIComponent('明达')}`,
      { token: t.adminToken },
    );
    expect(
      readCsv(response.body)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['杭州明达机械有限公司']);
  });

  it('logs each export with its row count, and no file left unfinished', async () => {
    const exports = await t.database.query<{ user_id: string; changes: Record<string, unknown> }>(
      sql`select user_id, changes from audit_log where action = 'export' and entity = 'customer' order by at`,
    );
    expect(
      exports.map((entry) => [entry.user_id === rep.id, entry.changes.format, entry.changes.rows]),
    ).toEqual([
      [true, 'csv', 2],
      [false, 'xlsx', 4],
      [false, 'csv', 1],
    ]);
    const [unfinished] = await t.database.query<{ count: number }>(
      sql`select count(*)::int as count from audit_log where action = 'export_unfinished'`,
    );
    expect(unfinished?.count).toBe(0);
  });

  it('exports a file the customer import reads back as the same customers', async () => {
    const response = await t.call('GET', '/api/v1/customers/export?format=csv', {
      token: t.adminToken,
    });
    const job = await importFile(t, t.adminToken, {
      file: response.rawPayload,
      fileName: 'customers.csv',
      fields: { kind: 'customers' },
    });
    expect(job).toMatchObject({
      status: 'done',
      imported: 0,
      skipped: 4,
      summary: { duplicates: 4 },
    });
  });
});
