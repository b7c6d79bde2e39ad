import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { buildFunnelWorld } from '../setup/factories-reports';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../setup/test-app';
import { type E2E, PHONE, startE2E } from './harness';

let e2e: E2E;
let world: Awaited<ReturnType<typeof buildFunnelWorld>>;
const SHOTS = '/tmp/A-shots';

beforeAll(async () => {
  e2e = await startE2E();
  world = await buildFunnelWorld(e2e.t);
  const target = await e2e.t.call('POST', '/api/v1/forecast/targets', {
    token: e2e.t.adminToken,
    body: { periodKey: '2026-04', teamId: world.team.id, amount: 10000 },
  });
  expect(target.statusCode).toBe(201);
  e2e.t.clock.set(new Date('2026-04-10T04:00:00Z'));
}, 120_000);
afterAll(async () => {
  await e2e?.close();
});

async function logIn(page: Page) {
  await page.goto('/login');
  const submit = page.getByRole('button', { name: '登录' });
  await submit.waitFor();
  await page.getByLabel('邮箱', { exact: true }).fill(ADMIN_EMAIL);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN_PASSWORD);
  await submit.click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

describe('funnel report, forecast and account assessment', () => {
  it('shows the funnel report with the server’s numbers', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => shot(page, 'failed-funnel'));
    await logIn(page);
    await page.goto(`/reports/funnel?funnelId=${world.funnelId}`);
    const table = page.getByRole('table').first();
    // 方案: 1 deal now, 4 reached, 3 of them went on to 谈判: 75.0 %.
    const propose = table.getByRole('row', { name: /方案/ });
    await propose.waitFor();
    await expect.poll(() => propose.innerText()).toMatch(/^方案\s+1\s+3,000\s+1,200\s+4\s+75\.0%$/);
    await page.getByText('33.3%').first().waitFor(); // win rate 1 ÷ (1 + 2)
    await shot(page, 'reports-01-funnel');

    await page.getByRole('tab', { name: '按负责人' }).click();
    await page.getByRole('cell', { name: 'Rep One' }).waitFor();
    await page.getByLabel('对比维度').getByText('产品', { exact: true }).click();
    await page.getByRole('cell', { name: 'OA' }).waitFor();
    await shot(page, 'reports-02-by-product');
    await page.getByRole('tab', { name: '阶段周期' }).click();
    await page.getByRole('cell', { name: '14' }).first().waitFor(); // p80 of 方案
    await page.getByRole('tab', { name: '签约来源与丢单原因' }).click();
    await page.getByRole('cell', { name: '展会及研讨会' }).waitFor();
    await shot(page, 'reports-02-sources');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('opens the forecast and exports it as .xlsx', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => shot(page, 'failed-forecast'));
    await logIn(page);
    await page.goto(`/reports/forecast?funnelId=${world.funnelId}`);
    const weighted = page.getByLabel('加权管道', { exact: true });
    await weighted.waitFor();
    // 3000 × 40 % + 4000 × 70 % = 4000 against the team's 10000: 40.0 %.
    await expect.poll(() => weighted.innerText()).toMatch(/4,000[\s\S]*40\.0%/);
    await shot(page, 'reports-03-forecast');

    // The open deals, paged and sorted by the server: d5 4000, d3 3000, d4 500.55 by amount;
    // by expected close date d3 (20 April), d5 (30 April), d4 (10 May).
    const deals = page.getByRole('table', { name: '在途商机' });
    await page.getByText('共 3 个在途商机').waitFor();
    const amounts = () =>
      deals
        .locator('tbody tr.ant-table-row')
        .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[4]?.textContent ?? ''));
    await expect
      .poll(amounts)
      .toEqual([
        expect.stringContaining('4,000'),
        expect.stringContaining('3,000'),
        expect.stringContaining('500.55'),
      ]);
    await deals.getByRole('columnheader', { name: '预计成交日' }).click();
    const closeDays = () =>
      deals
        .locator('tbody tr.ant-table-row')
        .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[5]?.textContent ?? ''));
    await expect.poll(closeDays).toEqual(['2026-04-20', '2026-04-30', '2026-05-10']);

    await page.getByRole('button', { name: '导出' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: '导出 Excel (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^forecast-2026-04-.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path()) as string) as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      '预测',
      '商机明细',
      '阶段历史赢率',
      '回测',
    ]);
    expect(book.worksheets[0]?.getRow(2).values).toEqual([
      undefined,
      '2026-04',
      '加权管道',
      0,
      4000,
      4000,
      10000,
      40,
    ]);

    await page.getByRole('tab', { name: '回测' }).click();
    await page.getByText('平均绝对误差').first().waitFor();
    await page.getByRole('tab', { name: '目标设置' }).click();
    await page.getByRole('cell', { name: /团队 · Team/ }).waitFor();
    await shot(page, 'reports-04-targets');

    const phone = await e2e.newPage({ viewport: PHONE });
    await logIn(phone);
    await phone.goto(`/reports/forecast?funnelId=${world.funnelId}`);
    await phone.getByLabel('加权管道', { exact: true }).waitFor();
    await shot(phone, 'reports-05-forecast-phone');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('plots the account assessment in the seed’s quadrants', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => shot(page, 'failed-assessment'));
    await logIn(page);
    await page.goto('/reports/account-assessment');
    await page.getByText('潜在客户').first().waitFor();
    await page.getByRole('img', { name: '客户价值评估(四象限)' }).waitFor();
    await shot(page, 'reports-06-assessment');
    expect(e2e.pageErrors).toEqual([]);
  });
});
