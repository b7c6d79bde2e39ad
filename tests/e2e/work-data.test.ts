import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { buildTeam, buildUser } from '../setup/factories';
import { buildCustomer } from '../setup/factories-customer-archive';
import { choose, type E2E, PHONE, startE2E } from './harness';

// Work data end to end: a manager sets a daily target of 3 new customers for their rep; the
// rep logs two effective follow-ups on two customers nobody has contacted, so My day shows
// 新客户接触 2/3; the manager's work data report and GET /reports/activity agree: 2 activities,
// 2 effective, 2 customers, 2 new.

let e2e: E2E;
type User = Awaited<ReturnType<typeof buildUser>>;
let manager: User;
let rep: User;
const customers: { id: string; name: string }[] = [];

beforeAll(async () => {
  e2e = await startE2E();
  manager = await buildUser(e2e.t, { role: 'manager', name: '王经理' });
  const team = await buildTeam(e2e.t, { name: '华东组', managerId: manager.id });
  rep = await buildUser(e2e.t, { teamId: team.id, name: '李销售' });
  for (const name of ['宏达机械有限公司', '顺丰五金制品厂']) {
    customers.push(await buildCustomer(e2e.t, rep.token, { name }));
  }
}, 120_000);
afterAll(async () => {
  await e2e?.close();
});

async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  const submit = page.getByRole('button', { name: '登录' });
  await submit.waitFor();
  await page.getByLabel('邮箱', { exact: true }).fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await submit.click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function logFollowUp(page: Page, customer: { id: string; name: string }, channel: string) {
  await page.goto(`/customers/${customer.id}`);
  await page.getByRole('heading', { name: customer.name }).waitFor();
  await page.getByRole('button', { name: '跟进', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: `记录跟进 · ${customer.name}` });
  await choose(page, dialog, '接触方式', channel);
  await choose(page, dialog, '商机信号', '提出新需求');
  await page.keyboard.press('Escape');
  await dialog.getByLabel('跟进内容').fill('介绍公司产品，客户提出新的采购需求');
  await dialog.getByLabel('有效沟通').click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('介绍公司产品，客户提出新的采购需求').first().waitFor();
  // The timeline shows how the customer was reached and the signal heard.
  const timeline = page.locator('.ant-timeline');
  await timeline.getByText(channel, { exact: true }).first().waitFor();
  await timeline.getByText('提出新需求', { exact: true }).first().waitFor();
}

describe('work data: targets, My day progress and the report', () => {
  it('sets a daily target, counts the rep’s work on My day and in the report', async () => {
    const boss = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(boss, 'work-data-failed-manager'));
    await logIn(boss, manager.email, manager.password);
    await boss.goto('/reports/work-data');
    await boss.getByRole('heading', { name: '工作数据' }).waitFor();
    const card = boss.locator('.ant-card', { hasText: '工作量目标' });
    await choose(boss, card, '对象', '李销售');
    await choose(boss, card, '周期', '每天');
    await choose(boss, card, '指标', '新客户接触');
    await card.getByLabel('目标', { exact: true }).fill('3');
    await card.getByRole('button', { name: '设定目标' }).click();
    await boss.getByText('目标已保存').waitFor();
    await card.getByRole('row', { name: /李销售\s+每天\s+新客户接触/ }).waitFor();
    await e2e.screenshot(boss, 'work-data-01-target-set');

    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'work-data-failed-rep'));
    await logIn(page, rep.email, rep.password);
    await page.goto('/my-day');
    const progress = page.getByTestId('progress-day-new_customers');
    await expect.poll(() => progress.innerText()).toMatch(/新客户接触\s*·\s*每天\s+0\/3/);

    await logFollowUp(page, customers[0] as { id: string; name: string }, '扫楼/扫街');
    await logFollowUp(page, customers[1] as { id: string; name: string }, '电话拜访');
    await e2e.screenshot(page, 'work-data-02-customer-logged');

    await page.goto('/my-day');
    await expect.poll(() => progress.innerText()).toMatch(/新客户接触\s*·\s*每天\s+2\/3/);
    await e2e.screenshot(page, 'work-data-03-my-day');

    const api = await e2e.t.call('GET', '/api/v1/reports/activity', { token: manager.token });
    const apiRow = api.json().rows.find((row: { userId: string }) => row.userId === rep.id);
    expect(apiRow).toEqual({
      userId: rep.id,
      activities: 2,
      effective: 2,
      customersContacted: 2,
      newCustomersContacted: 2,
    });

    await boss.reload();
    const row = boss.getByRole('row', { name: /李销售/ }).first();
    await expect
      .poll(() => row.innerText())
      .toMatch(/^1\. 李销售\s+华东组\s+2\s+2\s+100(\.0)?%\s+2\s+2\s+0\s+2\s+0\s+0/);
    // The channel chart and the calendar are drawn.
    await boss.locator('canvas').first().waitFor();
    await e2e.screenshot(boss, 'work-data-04-report');

    // On a phone the ranking turns into one card per rep.
    const phone = await e2e.newPage({ viewport: PHONE });
    await logIn(phone, manager.email, manager.password);
    await phone.goto('/reports/work-data');
    await phone.locator('.ant-card-head-title', { hasText: '1. 李销售' }).waitFor();
    await phone.locator('canvas').first().waitFor();
    await e2e.screenshot(phone, 'work-data-05-phone');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('shows the same progress and report in English', async () => {
    const logInEn = async (page: Page, user: User) => {
      await page.goto('/login');
      await page.getByRole('button', { name: 'Log in' }).waitFor();
      await page.getByLabel('Email', { exact: true }).fill(user.email);
      await page.getByLabel('Password', { exact: true }).fill(user.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    };
    const page = await e2e.newPage({ locale: 'en' });
    onTestFailed(() => e2e.screenshot(page, 'work-data-failed-en-rep'));
    await logInEn(page, rep);
    await page.goto('/my-day');
    const progress = page.getByTestId('progress-day-new_customers');
    await expect
      .poll(() => progress.innerText())
      .toMatch(/New customers contacted\s*·\s*Daily\s+2\/3/);
    await e2e.screenshot(page, 'work-data-06-my-day-en');

    const boss = await e2e.newPage({ locale: 'en' });
    onTestFailed(() => e2e.screenshot(boss, 'work-data-failed-en-manager'));
    await logInEn(boss, manager);
    await boss.goto('/reports/work-data');
    await boss.getByRole('heading', { name: 'Work data' }).waitFor();
    const row = boss.getByRole('row', { name: /李销售/ }).first();
    await expect
      .poll(() => row.innerText())
      .toMatch(/^1\. 李销售\s+华东组\s+2\s+2\s+100(\.0)?%\s+2\s+2\s+0\s+2\s+0\s+0/);
    await boss.getByText('Proposals sent: activities of type Quote').waitFor();
    await boss.locator('canvas').first().waitFor();
    await e2e.screenshot(boss, 'work-data-07-report-en');
    expect(e2e.pageErrors).toEqual([]);
  });
});
