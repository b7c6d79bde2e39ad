import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import { csvText, importFile, upload, xlsxFile } from '../../../../tests/setup/factories-imports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let manager: Awaited<ReturnType<typeof buildUser>>;
let teamRep: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  t = await createTestApp();
  manager = await buildUser(t, { role: 'manager', name: '王经理' });
  const team = await buildTeam(t, { managerId: manager.id });
  teamRep = await buildUser(t, { teamId: team.id, name: '赵六' });
  rep = await buildUser(t, { name: '张三' });
  outsider = await buildUser(t, { name: '钱七' });
});
afterAll(async () => {
  await t.close();
});

const CUSTOMERS = { kind: 'customers' };
const HEADER = [
  '公司名称',
  '行业',
  '人数',
  '电话',
  '邮箱',
  '来源',
  '标签',
  '负责人',
  '联系人',
  '职位',
  '手机',
];

async function customerByName(name: string) {
  const [row] = await t.database.query<Record<string, unknown>>(
    sql`select c.id, c.name, c.industry, c.headcount, c.phone, c.email, c.source, c.tags,
        c.owner_id, c.team_id, c.version, c.name_key, c.phone_key, c.domain_key
      from customers c where c.name = ${name}`,
  );
  return row;
}

async function contactsOf(customerId: string) {
  return t.database.query<{
    name: string;
    title: string | null;
    mobile: string | null;
    is_primary: boolean;
  }>(
    sql`select name, title, mobile, is_primary from contacts where customer_id = ${customerId} order by created_at, name`,
  );
}

describe('POST /imports (customers)', () => {
  it('refuses a bad onDuplicate and a file without a name column, writing nothing', async () => {
    const before = await t.database.query(sql`select count(*)::int as n from customers`);
    const badMode = await upload(t, rep.token, '/api/v1/imports', {
      file: Buffer.from(csvText([HEADER, ['A公司']])),
      fields: { ...CUSTOMERS, onDuplicate: 'merge' },
    });
    expect(badMode.statusCode).toBe(400);
    expect(badMode.json().errors[0].field).toBe('body.onDuplicate');
    const noName = await upload(t, rep.token, '/api/v1/imports', {
      file: Buffer.from(
        csvText([
          ['行业', '电话'],
          ['机械', '0571-1'],
        ]),
      ),
      fields: CUSTOMERS,
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().errors[0]).toMatchObject({
      field: 'body.mapping.name',
      message: expect.stringContaining('is required'),
    });
    expect(await t.database.query(sql`select count(*)::int as n from customers`)).toEqual(before);
  });

  it("creates a rep's customers as the rep's, with their first contact, and reports bad rows", async () => {
    const file = await xlsxFile([
      ['客户名单 2026'],
      HEADER,
      [
        '杭州明达机械有限公司',
        '机械',
        '100-499人',
        '0571-88886666',
        'info@mingda.cn',
        '展会及研讨会',
        '老客户，重点',
        '',
        '王经理',
        '采购经理',
        '13800000001',
      ],
      ['上海远航物流有限公司', '物流', 80, '021-66668888', '', '', '', '张三', '', '', ''],
      ['', '物流', 10, '', '', '', '', '', '', '', ''],
      ['坏邮箱公司', '', '', '', 'not-an-email', '', '', '', '', '', ''],
      ['别人的客户公司', '', '', '', '', '', '', '钱七', '', '', ''],
      ['来源不对公司', '', '', '', '', 'Some Fair', '', '', '', '', ''],
      ['合计', '', '', '', '', '', '', '', '', '', ''],
    ]);
    const job = await importFile(t, rep.token, { file, fields: CUSTOMERS });
    expect(job).toMatchObject({
      status: 'done',
      total: 7,
      imported: 2,
      skipped: 1,
      failed: 4,
      errors: [
        { row: 5, message: '公司名称 is empty' },
        { row: 6, message: "邮箱 'not-an-email': not an email address" },
        { row: 7, message: "负责人 '钱七': a rep can only import customers for themselves" },
        { row: 8, message: "来源 'Some Fair': not an active source channel" },
      ],
      summary: { headerRow: 2, createdCustomers: 2, createdContacts: 1, skippedSubtotal: 1 },
    });
    const mingda = await customerByName('杭州明达机械有限公司');
    expect(mingda).toMatchObject({
      industry: '机械',
      headcount: 100,
      phone: '0571-88886666',
      email: 'info@mingda.cn',
      source: '展会及研讨会',
      tags: ['老客户', '重点'],
      owner_id: rep.id,
      name_key: '杭州明达机械',
      phone_key: '57188886666',
      domain_key: 'mingda.cn',
      version: 1,
    });
    expect(await contactsOf(mingda?.id as string)).toEqual([
      { name: '王经理', title: '采购经理', mobile: '13800000001', is_primary: true },
    ]);
    expect((await customerByName('上海远航物流有限公司'))?.owner_id).toBe(rep.id);
    const audit = await t.database.query(
      sql`select action, entity from audit_log where entity_id = ${mingda?.id as string}`,
    );
    expect(audit).toEqual([{ action: 'create', entity: 'customer' }]);
    const detail = await t.call('GET', `/api/v1/customers/${mingda?.id}`, { token: rep.token });
    expect(detail.json()).toMatchObject({ ownerId: rep.id, inPool: false });
  });

  it('skips rows matching an existing customer or an earlier row by name, phone or domain', async () => {
    const file = Buffer.from(
      csvText([
        HEADER,
        ['杭州明达机械股份有限公司', '', '', '', '', '', '', '', '', '', ''],
        ['完全不同的名字', '', '', '+86 571 8888 6666', '', '', '', '', '', '', ''],
        ['新公司甲', '', '', '', 'a@newco.cn', '', '', '', '', '', ''],
        ['新公司乙', '', '', '', 'b@NEWCO.cn', '', '', '', '', '', ''],
      ]),
    );
    const job = await importFile(t, rep.token, { file, fields: CUSTOMERS });
    expect(job).toMatchObject({
      imported: 1,
      skipped: 3,
      summary: {
        duplicates: 3,
        duplicateRows: [
          { row: 2, customerId: expect.any(String), name: '杭州明达机械有限公司' },
          { row: 3, customerId: expect.any(String), name: '杭州明达机械有限公司' },
          { row: 5, customerId: expect.any(String), name: '新公司甲' },
        ],
      },
    });
  });

  it('updates matches the importer may change and adds new contacts; refuses the others', async () => {
    const theirs = await t.call('POST', '/api/v1/customers', {
      token: outsider.token,
      body: { name: '钱七的客户有限公司' },
    });
    expect(theirs.statusCode).toBe(201);
    const file = Buffer.from(
      csvText([
        HEADER,
        ['杭州明达机械有限公司', '重型机械', '', '', '', '', '出口', '', '李工', '技术总监', ''],
        ['杭州明达机械', '', '500', '', '', '', '', '', '王经理', '', ''],
        ['钱七的客户', '贸易', '', '', '', '', '', '', '', '', ''],
      ]),
    );
    const job = await importFile(t, rep.token, {
      file,
      fields: { ...CUSTOMERS, onDuplicate: 'update' },
    });
    expect(job).toMatchObject({
      imported: 2,
      failed: 1,
      errors: [
        { row: 4, message: "matches customer '钱七的客户有限公司', which you may not change" },
      ],
      summary: { updatedCustomers: 1, createdContacts: 1, createdCustomers: 0 },
    });
    const mingda = await customerByName('杭州明达机械有限公司');
    expect(mingda).toMatchObject({
      industry: '重型机械',
      headcount: 500,
      phone: '0571-88886666',
      tags: ['老客户', '重点', '出口'],
      version: 2,
    });
    expect((await contactsOf(mingda?.id as string)).map((c) => [c.name, c.is_primary])).toEqual([
      ['王经理', true],
      ['李工', false],
    ]);
    const audit = await t.database.query<{ action: string; changes: Record<string, unknown> }>(
      sql`select action, changes from audit_log where entity_id = ${mingda?.id as string} and action = 'update'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.changes).toMatchObject({
      industry: { from: '机械', to: '重型机械' },
      headcount: { from: 100, to: 500 },
      importId: job.id,
    });
  });

  it('creates anyway when asked, and lets managers assign within their team or leave the pool', async () => {
    const file = Buffer.from(
      csvText([
        HEADER,
        ['杭州明达机械有限公司', '', '', '', '', '', '', '', '', '', ''],
        ['团队客户公司', '', '', '', '', '', '', '赵六', '', '', ''],
        ['公海客户公司', '', '', '', '', '', '', '', '', '', ''],
        ['越权客户公司', '', '', '', '', '', '', '钱七', '', '', ''],
      ]),
    );
    const job = await importFile(t, manager.token, {
      file,
      fields: { ...CUSTOMERS, onDuplicate: 'create' },
    });
    expect(job).toMatchObject({
      imported: 3,
      failed: 1,
      errors: [
        { row: 5, message: "负责人 '钱七': a manager can only assign customers to their own team" },
      ],
    });
    const copies = await t.database.query(
      sql`select id from customers where name = '杭州明达机械有限公司'`,
    );
    expect(copies).toHaveLength(2);
    expect((await customerByName('团队客户公司'))?.owner_id).toBe(teamRep.id);
    expect((await customerByName('公海客户公司'))?.owner_id).toBeNull();
  });
});
