import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../setup/test-app';
import { type E2E, PHONE, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A sales report as people keep them: a merged title row and a note above the header,
 * dates as Excel dates and as text, amounts as numbers, text with separators, ¥ and 元,
 * full-width digits, a blank row, a 小计 and a 合计 row, one bad amount. 凭证字号 is a
 * header the guesser does not know, so the user maps it to the order number by hand.
 */
async function messySalesReport(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('销售明细');
  sheet.addRow(['2026年第一季度销售明细表']);
  sheet.mergeCells('A1:G1');
  sheet.addRow(['单位：元　制表：财务部']);
  sheet.addRow(['日期', '凭证字号', '客户名称', '货品名称', '数量', '价税合计', '备注']);
  const rows: unknown[][] = [
    [new Date(Date.UTC(2026, 0, 5)), '记-001', '北京华信科技有限公司', '工业传感器', 10, 6000, ''], // row 4
    ['2026/1/18', '记-002', '上海明达贸易有限公司', '控制器', 3, '9,999.99', ''], // row 5
    ['2026年2月3日', '记-003', '广州恒泰机电设备有限公司', '工业传感器', 50, '¥30,000.00', ''], // row 6
    [' ', '', '', '', '', '', ''], // row 7: blank
    ['', '', '小计', '', '', 45999.99, ''], // row 8
    [
      new Date(Date.UTC(2026, 1, 20)),
      '记-004',
      '北京华信科技',
      '备件',
      2,
      '4000元',
      '同一客户，简称',
    ], // row 9
    ['2026-03-01', '记-005', '深圳远航电子有限公司', '控制器', 40, 120000, ''], // row 10
    ['2026-03-05', '记-006', '杭州云帆软件有限公司', '软件授权', 1, '２５００００', '全角数字'], // row 11
    ['2026-03-09', '记-007', '成都天府食品有限公司', '工业传感器', 75, 45000, ''], // row 12
    ['2026-03-12', '记-008', '南京启明星科技有限公司', '控制器', 1, '待定', '金额未定'], // row 13
    ['2026-03-20', '记-009', '广州恒泰机电设备有限公司', '备件', 20, 20000, ''], // row 14
    ['', '', '合计', '', '', 484999.99, ''], // row 15
  ];
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(1).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Per-customer totals, by hand:
//   北京华信科技  6,000 + 4,000 = 10,000   (exactly on the 1万 edge: in 1万–5万)
//   上海明达           9,999.99            (<1万)
//   广州恒泰     30,000 + 20,000 = 50,000  (exactly on the 5万 edge: in 5万–10万)
//   深圳远航         120,000               (10万–20万)
//   杭州云帆         250,000               (≥20万)
//   成都天府          45,000               (1万–5万)
//   南京启明星: its only line has no amount and is refused.
const EXPECTED_BUCKETS = [
  ['<1万', '1', '9,999.99'],
  ['1万–5万', '2', '5.5 万'],
  ['5万–10万', '1', '5 万'],
  ['10万–20万', '1', '12 万'],
  ['≥20万', '1', '25 万'],
];

async function logIn(page: Page) {
  await page.goto('/login');
  const submit = page.getByRole('button', { name: '登录' });
  await submit.waitFor();
  await page.getByLabel('邮箱', { exact: true }).fill(ADMIN_EMAIL);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN_PASSWORD);
  await submit.click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('点击或拖入文件').click();
  await (await chooser).setFiles(file);
}

/** The body rows of a table, as the cells' texts. */
async function tableRows(table: Locator): Promise<string[][]> {
  const rows = table.getByRole('row').filter({ has: table.page().getByRole('cell') });
  const texts: string[][] = [];
  for (let index = 0; index < (await rows.count()); index += 1) {
    texts.push((await rows.nth(index).getByRole('cell').allInnerTexts()).map((s) => s.trim()));
  }
  return texts;
}

describe('importing a sales report', () => {
  it('refuses files it cannot read, with a reason a person understands', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'imports-failed-refused'));
    await logIn(page);
    await page.goto('/imports');
    await page.getByRole('heading', { name: '导入' }).waitFor();

    await chooseFile(page, { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('hi') });
    await page.getByText('“说明.txt”不是支持的文件类型').waitFor();

    // A binary file named .csv: the server sniffs it and refuses it.
    const binary = Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 0x7f, 0x00, 0x03]);
    await chooseFile(page, { name: '销售报表.csv', mimeType: 'text/csv', buffer: binary });
    await page.getByText('这不是电子表格').waitFor();
    await e2e.screenshot(page, 'imports-01-refused');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('maps a column by hand, runs, reports every row, and the funnel shows the buckets', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'imports-failed-desktop'));
    await logIn(page);
    await page.goto('/imports');
    await page.getByRole('heading', { name: '导入' }).waitFor();
    await page.getByText('还没有导入过文件').waitFor();

    await chooseFile(page, {
      name: '2026Q1销售明细.xlsx',
      mimeType: XLSX,
      buffer: await messySalesReport(),
    });
    // The header is found under the title rows, the guess is preselected.
    await page.getByText('2026Q1销售明细.xlsx：表头在第 3 行').waitFor();
    await page.getByText('未导入的列：凭证字号、备注').waitFor();
    await page.getByText("价税合计 '待定'：不是数字").waitFor();
    await page.getByText('合计/小计行，跳过').first().waitFor();
    // Dates and amounts as the import reads them, whatever way the file wrote them.
    await page.getByRole('cell', { name: '2026年2月3日' }).waitFor();
    await page.getByRole('cell', { name: '¥250,000.00' }).waitFor();
    expect(await page.getByRole('cell', { name: '记-001' }).count()).toBe(0);
    await e2e.screenshot(page, 'imports-02-mapping');

    // The user maps 单号 to 凭证字号; the preview reads the rows again with it.
    const orderNo = page.getByLabel('单号');
    await orderNo.click();
    await orderNo.fill('凭证字号');
    await orderNo.press('Enter');
    await page.getByRole('cell', { name: '记-001' }).waitFor();
    await page.getByText('未导入的列：备注').waitFor();
    await e2e.screenshot(page, 'imports-03-mapped');

    await page.getByRole('radio', { name: '在公海中新建客户' }).check();
    await page.getByRole('button', { name: '开始导入' }).click();

    await page.getByText('导入完成，1 行未导入').waitFor({ timeout: 60_000 });
    const counts = await page.getByRole('group', { name: '导入结果统计' }).textContent();
    expect(counts).toBe('已导入8跳过3失败1');
    await page.getByText('空行').first().waitFor();
    await page.getByText('新建客户（公海）').waitFor();
    const failedRow = page.getByRole('row').filter({ hasText: '第 13 行' });
    await failedRow.getByText("价税合计 '待定'：不是数字").waitFor();
    // The history lists the run.
    const history = page.getByRole('row').filter({ hasText: '2026Q1销售明细.xlsx' });
    await history.getByText('已完成').waitFor();
    await e2e.screenshot(page, 'imports-04-result');

    // The job as the API reports it agrees with the page.
    const list = await e2e.t.call('GET', '/api/v1/imports', { token: e2e.t.adminToken });
    const [job] = list.json().items;
    expect(job).toMatchObject({ status: 'done', imported: 8, skipped: 3, failed: 1 });
    expect(job.summary).toMatchObject({ skippedBlank: 1, skippedSubtotal: 2, createdCustomers: 6 });
    expect(job.mapping.orderNo).toBe('凭证字号');

    await page.getByRole('button', { name: '查看客户漏斗图' }).click();
    await page.waitForURL(/\/reports\/revenue-funnel$/);
    await page.getByRole('heading', { name: '客户漏斗图' }).waitFor();
    const table = page.locator('table').filter({ hasText: '客户数' });
    await table.getByText('≥20万').waitFor({ timeout: 60_000 });
    expect(await tableRows(table)).toEqual(EXPECTED_BUCKETS);
    await page.getByRole('img', { name: '客户漏斗图' }).waitFor();
    // Compact in the table, exact on hover.
    await table.getByText('5.5 万').hover();
    await page.getByRole('tooltip').getByText('¥55,000.00').waitFor();
    await e2e.screenshot(page, 'imports-05-funnel');

    // The chart as PNG, and the table as CSV with the server's numbers.
    const png = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 PNG' }).click();
    expect((await png).suggestedFilename()).toMatch(/^客户漏斗图-\d{4}-\d{2}-\d{2}\.png$/);
    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const csvPath = await (await csv).path();
    expect(readFileSync(csvPath, 'utf8')).toBe(
      [
        '\uFEFF分段,下限（元，含）,上限（元，不含）,客户数,金额（元）',
        '<1万,0,10000,1,9999.99',
        '1万–5万,10000,50000,2,55000',
        '5万–10万,50000,100000,1,50000',
        '10万–20万,100000,200000,1,120000',
        '≥20万,200000,,1,250000',
        '',
      ].join('\r\n'),
    );

    // A bucket lists its customers, from the server.
    await page.getByRole('button', { name: '查看 1万–5万 的客户' }).click();
    const drawer = page.getByRole('dialog', { name: '1万–5万 的客户' });
    await drawer.getByText('成都天府食品有限公司').waitFor();
    expect(await tableRows(drawer.locator('table'))).toEqual([
      ['成都天府食品有限公司', '¥45,000.00', '1', '公海'],
      ['北京华信科技有限公司', '¥10,000.00', '2', '公海'],
    ]);
    await e2e.screenshot(page, 'imports-06-bucket-customers');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Other edges, typed in 万: the server buckets again.
    await page.getByLabel('分段金额').fill('1, 10');
    await page.getByLabel('分段金额').press('Enter');
    await table.getByText('1万–10万').waitFor();
    expect(await tableRows(table)).toEqual([
      ['<1万', '1', '9,999.99'],
      ['1万–10万', '3', '10.5 万'],
      ['≥10万', '2', '37 万'],
    ]);
    await page.getByLabel('分段金额').fill('10, 5');
    await page.getByLabel('分段金额').press('Enter');
    await page.getByText('分界金额要从小到大（“5”不比前一个大）').waitFor();
    expect(e2e.pageErrors).toEqual([]);
  });

  it('imports a GBK customer list, skipping a customer the sales import already created', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'imports-failed-customers'));
    await logIn(page);
    await page.goto('/imports');
    await page
      .getByRole('radiogroup', { name: '导入内容' })
      .getByText('客户', { exact: true })
      .click();
    // As Excel on Chinese Windows saves CSV: GBK, CRLF.
    const csv = iconv.encode(
      [
        '客户名称,行业,城市,联系人,手机',
        '北京华信科技有限公司,制造业,北京,张伟,13800000001',
        '苏州新材料有限公司,材料,苏州,李娜,13900000002',
        '武汉光谷生物有限公司,生物,武汉,王强,13700000003',
        '',
      ].join('\r\n'),
      'gbk',
    );
    await chooseFile(page, { name: '客户名单.csv', mimeType: 'text/csv', buffer: csv });
    await page.getByText('客户名单.csv：表头在第 1 行').waitFor({ timeout: 60_000 });
    await page.getByText('编码 GB18030', { exact: false }).waitFor();
    await page.getByRole('cell', { name: '苏州新材料有限公司' }).waitFor();
    await page.getByRole('radio', { name: '跳过' }).check();
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('导入完成').waitFor({ timeout: 60_000 });
    const counts = await page.getByRole('group', { name: '导入结果统计' }).textContent();
    expect(counts).toBe('已导入2跳过1失败0');
    await page.getByText('重复的客户').waitFor();
    // The duplicate row names the customer it matched, with a link to it.
    await page.getByText('与已有客户重复的行：第 2 行 →').waitFor();
    await page.getByRole('link', { name: '北京华信科技有限公司' }).waitFor();
    await page.getByRole('button', { name: '查看客户' }).waitFor();
    await e2e.screenshot(page, 'imports-10-customers-result');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('on a phone, the funnel and its table stack', async () => {
    const page = await e2e.newPage({ viewport: PHONE });
    onTestFailed(() => e2e.screenshot(page, 'imports-failed-phone'));
    await logIn(page);
    await page.goto('/reports/revenue-funnel');
    // The chart's chunk is the heaviest of the app; give a busy machine time to load it.
    await page.getByRole('img', { name: '客户漏斗图' }).waitFor({ timeout: 60_000 });
    await page.getByText('≥20万').first().waitFor();
    await e2e.screenshot(page, 'imports-07-funnel-phone');
    await page.goto('/imports');
    await page.getByRole('heading', { name: '导入' }).waitFor();
    await page.getByText('2026Q1销售明细.xlsx').first().waitFor();
    await e2e.screenshot(page, 'imports-08-imports-phone');
    // The mapping step on a phone: fields stack, preview rows become cards.
    await chooseFile(page, {
      name: '再次导入.xlsx',
      mimeType: XLSX,
      buffer: await messySalesReport(),
    });
    await page.getByText('再次导入.xlsx：表头在第 3 行').waitFor({ timeout: 60_000 });
    await page.getByText("价税合计 '待定'：不是数字").waitFor();
    await e2e.screenshot(page, 'imports-09-mapping-phone');
    expect(e2e.pageErrors).toEqual([]);
  });
});
