import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import {
  csvText,
  importFile,
  MESSY_SALES_MERGES,
  MESSY_SALES_REPORT,
  reportForCsv,
  reportForXlsx,
  upload,
  waitForImport,
  xlsxFile,
} from '../../../../tests/setup/factories-imports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;
let xlsxReport: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  rep = await buildUser(t, { name: '张三' });
  otherRep = await buildUser(t, { name: '李四' });
  xlsxReport = await xlsxFile(reportForXlsx(MESSY_SALES_REPORT), { merges: MESSY_SALES_MERGES });
});
afterAll(async () => {
  await t.close();
});

const count = async (table: string) => {
  const [row] = await t.database.query<{ n: number }>(
    // Table names come from the tests themselves.
    (await import('drizzle-orm')).sql.raw(`select count(*)::int as n from ${table}`),
  );
  return row?.n ?? 0;
};

async function tableCounts() {
  return {
    imports: await count('imports'),
    files: await count('import_files'),
    customers: await count('customers'),
    lines: await count('sales_lines'),
    audit: await count('audit_log'),
  };
}

const SALES = { kind: 'sales' };

// What every format of MESSY_SALES_REPORT must give, row by row.
const MESSY_RESULT = {
  status: 'done',
  total: 12,
  processed: 12,
  imported: 6,
  skipped: 3,
  failed: 3,
  errors: [
    { row: 13, message: "日期 '2026-02-30': no such day" },
    { row: 14, message: '客户 is empty' },
    { row: 15, message: "金额/含税(万元) 'abc': not a number" },
  ],
};

describe('POST /imports', () => {
  it('needs a session', async () => {
    const response = await upload(t, null, '/api/v1/imports', {
      file: xlsxReport,
      fields: SALES,
    });
    expect(response.statusCode).toBe(401);
  });

  it('refuses a missing file, a bad kind, bad options and a bad mapping, writing nothing', async () => {
    const before = await tableCounts();
    const noFile = await upload(t, t.adminToken, '/api/v1/imports', { fields: SALES });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().errors).toEqual([{ field: 'body.file', message: 'is required' }]);

    const badFields = await upload(t, t.adminToken, '/api/v1/imports', {
      file: xlsxReport,
      fields: { kind: 'orders', createCustomers: 'maybe', mapping: '{not json' },
    });
    expect(badFields.statusCode).toBe(400);
    expect(
      badFields
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.createCustomers', 'body.kind', 'body.mapping']);

    const badMapping = await upload(t, t.adminToken, '/api/v1/imports', {
      file: xlsxReport,
      fields: { ...SALES, mapping: JSON.stringify({ customer: '客户名', colour: '颜色' }) },
    });
    expect(badMapping.statusCode).toBe(400);
    expect(badMapping.json().errors).toEqual([
      {
        field: 'body.mapping.colour',
        message: expect.stringContaining('is not a field of sales imports'),
      },
      {
        field: 'body.mapping.customer',
        message: expect.stringContaining("no column '客户名' in the file"),
      },
      { field: 'body.mapping.amount', message: 'is required: name the column that holds it' },
      { field: 'body.mapping.orderDate', message: 'is required: name the column that holds it' },
    ]);
    expect(await tableCounts()).toEqual(before);
  });

  it('imports a messy .xlsx report row by row, in the background', async () => {
    const response = await upload(t, t.adminToken, '/api/v1/imports', {
      file: xlsxReport,
      fileName: '3月销售报表.xlsx',
      fields: SALES,
    });
    expect(response.statusCode).toBe(202);
    expect(Object.keys(response.json())).toEqual(['id']);
    const job = await waitForImport(t, t.adminToken, response.json().id);
    expect(job).toMatchObject({
      ...MESSY_RESULT,
      kind: 'sales',
      fileName: '3月销售报表.xlsx',
      fileFormat: 'xlsx',
      mapping: {
        customer: '客户',
        product: '产品',
        amount: '金额/含税(万元)',
        orderDate: '日期',
        quantity: '数量',
        orderNo: null,
        paidAmount: '金额/已收款(万元)',
        paidAt: null,
        dueDate: null,
        owner: '业务员',
      },
      summary: {
        headerRow: 3,
        amountUnit: '万',
        skippedBlank: 1,
        skippedSubtotal: 2,
        createdCustomers: 3,
        unknownOwners: ['王五'],
        sameFileImportedBefore: null,
      },
    });

    const lines = await t.database.query<Record<string, unknown>>(
      (await import('drizzle-orm')).sql`select c.name as customer, s.product, s.quantity::text,
          s.amount_cents, s.order_date::text, s.paid_cents, u.name as owner
        from sales_lines s join customers c on c.org_id = s.org_id and c.id = s.customer_id
        left join users u on u.org_id = s.org_id and u.id = s.owner_id
        order by s.order_date, s.amount_cents`,
    );
    expect(lines).toEqual([
      {
        customer: '杭州明达机械有限公司',
        product: '钢管',
        quantity: '10.000',
        amount_cents: 1_500_000,
        order_date: '2026-03-05',
        paid_cents: 1_000_000,
        owner: '张三',
      },
      {
        customer: 'Acme Trading Co., Ltd.',
        product: '阀门',
        quantity: '12.000',
        amount_cents: 800_000,
        order_date: '2026-03-06',
        paid_cents: null,
        owner: '李四',
      },
      {
        customer: '杭州明达机械有限公司',
        product: '钢管',
        quantity: '1200.000',
        amount_cents: 1_234_500_000,
        order_date: '2026-03-07',
        paid_cents: null,
        owner: null,
      },
      {
        customer: '上海远航物流有限公司',
        product: '托盘',
        quantity: '5.000',
        amount_cents: 200_000,
        order_date: '2026-03-08',
        paid_cents: 200_000,
        owner: '李四',
      },
      {
        customer: '上海远航物流有限公司',
        product: '托盘',
        quantity: '5.000',
        amount_cents: 200_000,
        order_date: '2026-03-10',
        paid_cents: 200_000,
        owner: '李四',
      },
      {
        customer: '上海远航物流有限公司',
        product: '托盘',
        quantity: '5.000',
        amount_cents: 200_000,
        order_date: '2026-03-10',
        paid_cents: 200_000,
        owner: '李四',
      },
    ]);
    // Customers created by a sales import wait in the pool.
    const customers = await t.call('GET', '/api/v1/customers?inPool=true&limit=500', {
      token: t.adminToken,
    });
    expect(
      customers
        .json()
        .items.map((c: { name: string }) => c.name)
        .sort(),
    ).toEqual(['Acme Trading Co., Ltd.', '上海远航物流有限公司', '杭州明达机械有限公司']);
  });

  it('adds nothing when the same file is imported again, and says so', async () => {
    const before = await tableCounts();
    const job = await importFile(t, t.adminToken, { file: xlsxReport, fields: SALES });
    expect(job).toMatchObject({
      status: 'done',
      imported: 0,
      skipped: 9,
      failed: 3,
      summary: {
        alreadyImported: 6,
        createdCustomers: 0,
        sameFileImportedBefore: { id: expect.any(String) },
      },
    });
    const after = await tableCounts();
    expect([after.lines, after.customers]).toEqual([before.lines, before.customers]);
  });

  it('imports the same report as CSV in UTF-8 (with and without BOM) and GBK without doubling it', async () => {
    const text = csvText(reportForCsv(MESSY_SALES_REPORT));
    const lines = await count('sales_lines');
    for (const file of [
      Buffer.from(`\ufeff${text}`),
      Buffer.from(text),
      iconv.encode(text, 'gbk'),
    ]) {
      const job = await importFile(t, t.adminToken, {
        file,
        fileName: 'report.csv',
        fields: SALES,
      });
      expect(job).toMatchObject({
        status: 'done',
        total: 12,
        imported: 0,
        failed: 3,
        errors: MESSY_RESULT.errors,
        summary: { alreadyImported: 6, skippedBlank: 1, skippedSubtotal: 2 },
      });
    }
    expect(await count('sales_lines')).toBe(lines);
    const gbk = await upload(t, t.adminToken, '/api/v1/imports/preview', {
      file: iconv.encode(text, 'gbk'),
      fields: SALES,
    });
    expect(gbk.json()).toMatchObject({ fileFormat: 'csv', encoding: 'gb18030', headerRow: 3 });
  });

  it('reads the same report from an Excel 97–2003 .xls file', async () => {
    const file = readFileSync(
      new URL('../../../../tests/fixtures/sales-report.xls', import.meta.url),
    );
    const job = await importFile(t, t.adminToken, {
      file,
      fileName: 'sales-report.xls',
      fields: SALES,
    });
    expect(job).toMatchObject({
      status: 'done',
      fileFormat: 'xls',
      total: 12,
      imported: 0,
      failed: 3,
      errors: MESSY_RESULT.errors,
      summary: { alreadyImported: 6, headerRow: 3, sheetName: '3月销售' },
    });
  });

  it('reports unknown customers instead of creating them when asked', async () => {
    const file = Buffer.from(
      csvText([
        ['Customer', 'Amount', 'Date'],
        ['Acme Trading Co., Ltd.', '99.50', '2026-04-01'],
        ['Nobody Ltd', '100', '2026-04-01'],
      ]),
    );
    const customers = await count('customers');
    const job = await importFile(t, t.adminToken, {
      file,
      fields: { ...SALES, createCustomers: 'false' },
    });
    expect(job).toMatchObject({
      imported: 1,
      failed: 1,
      errors: [
        {
          row: 3,
          message: "customer 'Nobody Ltd' is not in the CRM (creating customers was turned off)",
        },
      ],
    });
    expect(await count('customers')).toBe(customers);
  });

  it("keeps a rep's lines off colleagues' customers and owners by email", async () => {
    const theirs = await t.call('POST', '/api/v1/customers', {
      token: otherRep.token,
      body: { name: '李四的客户有限公司' },
    });
    expect(theirs.statusCode).toBe(201);
    const file = Buffer.from(
      csvText([
        ['客户名称', '价税合计', '开票日期', '销售员'],
        ['李四的客户有限公司', '1000', '2026-04-02', ''],
        ['张三新客户', '2,000.00', '2026-04-02', rep.email.toUpperCase()],
      ]),
    );
    const job = await importFile(t, rep.token, { file, fields: SALES });
    expect(job).toMatchObject({
      imported: 1,
      failed: 1,
      errors: [
        {
          row: 2,
          message:
            "customer '李四的客户有限公司' belongs to a colleague; a manager can import this line",
        },
      ],
    });
    const [line] = await t.database.query<{ owner_id: string }>(
      (await import('drizzle-orm'))
        .sql`select owner_id from sales_lines where amount_cents = 200000 and order_date = '2026-04-02'`,
    );
    expect(line?.owner_id).toBe(rep.id);
  });
});

describe('POST /imports/preview', () => {
  it('needs a session and a file', async () => {
    expect((await upload(t, null, '/api/v1/imports/preview', { fields: SALES })).statusCode).toBe(
      401,
    );
    const response = await upload(t, rep.token, '/api/v1/imports/preview', { fields: SALES });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('body.file');
  });

  it('shows headers, the guessed mapping and the first rows as read, writing nothing', async () => {
    const before = await tableCounts();
    const response = await upload(t, rep.token, '/api/v1/imports/preview', {
      file: xlsxReport,
      fields: SALES,
    });
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({
      kind: 'sales',
      fileFormat: 'xlsx',
      headerRow: 3,
      headers: ['日期', '客户', '产品', '数量', '金额/含税(万元)', '金额/已收款(万元)', '业务员'],
      totalRows: 12,
    });
    expect(preview.fields).toContainEqual({ key: 'customer', required: true });
    expect(preview.guessedMapping).toEqual(preview.mapping);
    expect(preview.rows).toHaveLength(12);
    expect(preview.rows[0]).toEqual({
      row: 5,
      skip: null,
      cells: ['2026-03-05', '杭州明达机械有限公司', '钢管', '10', '1.5', '1', '张三'],
      values: {
        customer: '杭州明达机械有限公司',
        product: '钢管',
        amount: 15000,
        orderDate: '2026-03-05',
        quantity: '10',
        orderNo: null,
        paidAmount: 10000,
        paidAt: null,
        dueDate: null,
        owner: '张三',
      },
      errors: [],
    });
    expect(preview.rows[3]).toMatchObject({ row: 8, skip: 'blank' });
    expect(preview.rows[10]).toMatchObject({
      row: 15,
      errors: [{ field: 'amount', message: "金额/含税(万元) 'abc': not a number" }],
    });
    expect(await tableCounts()).toEqual(before);
  });

  it('reads with a changed mapping', async () => {
    const response = await upload(t, rep.token, '/api/v1/imports/preview', {
      file: xlsxReport,
      fields: {
        ...SALES,
        mapping: JSON.stringify({ customer: '产品', amount: '金额/含税(万元)', orderDate: '日期' }),
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().rows[0].values).toMatchObject({ customer: '钢管', product: null });
  });
});

describe('GET /imports', () => {
  it("lists a rep's own imports, and the org's for admins, newest first", async () => {
    const mine = await t.call('GET', '/api/v1/imports', { token: rep.token });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.every((job: { createdBy: string }) => job.createdBy === rep.id)).toBe(
      true,
    );
    const all = await t.call('GET', '/api/v1/imports?limit=2', { token: t.adminToken });
    const page = all.json();
    expect(page.items).toHaveLength(2);
    expect(page.items[0].createdAt >= page.items[1].createdAt).toBe(true);
    expect(page.items[0]).not.toHaveProperty('errors');
    const next = await t.call('GET', `/api/v1/imports?limit=500&cursor=${page.nextCursor}`, {
      token: t.adminToken,
    });
    expect(next.json().items.length).toBeGreaterThan(3);
  });

  it("hides another user's import from a rep (404)", async () => {
    const all = await t.call('GET', '/api/v1/imports?limit=500', { token: t.adminToken });
    const adminJob = all
      .json()
      .items.find((job: { createdBy: string }) => job.createdBy !== rep.id);
    const response = await t.call('GET', `/api/v1/imports/${adminJob.id}`, { token: rep.token });
    expect(response.statusCode).toBe(404);
  });
});
