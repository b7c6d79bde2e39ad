import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { buildTeam, buildUser } from '../setup/factories';
import {
  buildDeal,
  buildDealCustomer,
  buildFunnel,
  insertActivity,
} from '../setup/factories-deals';
import { type E2E, PHONE, startE2E } from './harness';

const SHOTS = '/tmp/b-shots';
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await e2e?.close();
});

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  const submit = page.getByRole('button', { name: '登录' });
  await submit.waitFor();
  await page.getByLabel('邮箱', { exact: true }).fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await submit.click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe('semi-monthly funnel report (半月漏斗报表)', () => {
  // The rep had effective contacts in 2026-03 上半月 with two potential customers: 华东电子
  // (an open deal, so prefilled) and 西南物流 (lifecycle 潜在客户, no deal). Reporting one of
  // two is 50.0%; adding the other makes it 0.0%.
  let manager: Awaited<ReturnType<typeof buildUser>>;
  let rep: Awaited<ReturnType<typeof buildUser>>;
  // A second rep who has not opened their report: pending (待提交) until the 16th.
  let quiet: Awaited<ReturnType<typeof buildUser>>;
  const H1 = '2026年3月1日 – 2026年3月15日';

  beforeAll(async () => {
    const { t } = e2e;
    t.clock.set(new Date('2026-03-10T04:00:00Z'));
    manager = await buildUser(t, { role: 'manager', name: '王经理' });
    const team = await buildTeam(t, { name: '华东组', managerId: manager.id });
    rep = await buildUser(t, { role: 'rep', teamId: team.id, name: '李业务' });
    quiet = await buildUser(t, { role: 'rep', teamId: team.id, name: '赵业务' });
    const funnel = await buildFunnel(t);
    const quietCustomer = await buildDealCustomer(t, quiet.token, { name: '北方机械有限公司' });
    await buildDeal(t, quiet.token, {
      customerId: quietCustomer.id,
      funnelId: funnel.id,
      name: 'ERP 项目',
      amount: 56000,
    });
    const withDeal = await buildDealCustomer(t, rep.token, { name: '华东电子有限公司' });
    const noDeal = await buildDealCustomer(t, rep.token, { name: '西南物流有限公司' });
    await buildDeal(t, rep.token, {
      customerId: withDeal.id,
      funnelId: funnel.id,
      name: 'OA 项目',
      amount: 128000,
      products: ['协同办公'],
      expectedCloseDate: '2026-04-20',
    });
    const moved = await t.call('POST', `/api/v1/customers/${noDeal.id}/lifecycle/move`, {
      token: t.adminToken,
      body: { toStageKey: 'potential', overrideReason: '已确认需求' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    for (const customerId of [withDeal.id, noDeal.id]) {
      await insertActivity(t, {
        customerId,
        userId: rep.id,
        occurredAt: new Date('2026-03-06T02:00:00Z'),
      });
    }
  });

  it('rep submits, manager sees 50.0%, rep adds the missing customer, manager sees 0.0% and comments', async () => {
    const repPage = await e2e.newPage();
    onTestFailed(() => shoot(repPage, 'failed-rep'));
    await logIn(repPage, rep.email, rep.password);
    await repPage.goto('/reports/funnel-reviews');
    await repPage.getByRole('heading', { name: '半月漏斗报表' }).waitFor();
    await repPage.getByText('漏斗客户（1）').waitFor();
    await repPage.getByText('华东电子有限公司').first().waitFor();
    await repPage.getByText('已接触但未填入本表的潜在客户：1 家').waitFor();
    // A draft counts as nothing reported: 2 of 2 missing.
    await repPage.getByLabel('漏网率').getByText('100.0%').waitFor();
    await shoot(repPage, 'funnel-reviews-01-rep-draft');
    await repPage.getByRole('button', { name: '提交报表' }).click();
    await repPage.getByText('报表已提交').waitFor();
    await repPage.getByLabel('漏网率').getByText('50.0%').waitFor();

    const managerPage = await e2e.newPage();
    onTestFailed(() => shoot(managerPage, 'failed-manager'));
    await logIn(managerPage, manager.email, manager.password);
    await managerPage.goto('/reports/funnel-reviews');
    // It opens on the latest period that is due (2月16日–28日, due on 3月1日): nobody filed it.
    const periodPicker = managerPage.getByRole('combobox', { name: '期间' });
    await managerPage.getByTitle('2026年2月16日 – 2026年2月28日').waitFor();
    await managerPage
      .getByRole('row', { name: /李业务/ })
      .getByText('未提交')
      .waitFor();
    await shoot(managerPage, 'funnel-reviews-02a-manager-due-period');
    // The current period, not due yet, is one pick away.
    await periodPicker.click();
    await managerPage.locator(`.ant-select-item-option[title="${H1}"]`).click();
    await managerPage.waitForURL(/period=2026-03-H1/);
    const row = managerPage.getByRole('row', { name: /李业务/ });
    await row.getByText('已提交').waitFor();
    await row.getByText('50.0%').waitFor();
    await managerPage.getByLabel('团队漏网率').getByText('50.0%').waitFor();
    // 赵业务 has not filed and need not yet: no leak rate, not 100%.
    const pending = managerPage.getByRole('row', { name: /赵业务/ });
    await pending.getByText('待提交').waitFor();
    await pending.getByText('—').first().waitFor();
    expect(await pending.getByText('100.0%').count()).toBe(0);
    await shoot(managerPage, 'funnel-reviews-02-manager-50');
    // Clicking the pending row opens 赵业务's report as it would be prefilled, read-only.
    await pending.click();
    await managerPage.waitForURL(/\/reports\/funnel-reviews\/rep\/[\w-]+\/2026-03-H1$/);
    await managerPage.getByText('北方机械有限公司').first().waitFor();
    expect(await managerPage.getByRole('button', { name: '提交报表' }).count()).toBe(0);
    await shoot(managerPage, 'funnel-reviews-02b-manager-pending-report');
    await managerPage
      .locator('.ant-breadcrumb')
      .getByRole('link', { name: '半月漏斗报表' })
      .click();
    await managerPage.waitForURL(/period=2026-03-H1/);
    await managerPage
      .getByRole('row', { name: /李业务/ })
      .getByText('50.0%')
      .waitFor();

    // The rep adds the customer they left out, from the missing list, and saves.
    await repPage.getByRole('button', { name: '加入报表：西南物流有限公司' }).click();
    await repPage.getByText('漏斗客户（2）').waitFor();
    await repPage
      .getByRole('button', { name: '保 存' })
      .or(repPage.getByRole('button', { name: '保存' }))
      .click();
    await repPage.getByText('已保存').waitFor();
    await repPage.getByLabel('漏网率').getByText('0.0%').waitFor();
    await shoot(repPage, 'funnel-reviews-03-rep-complete');

    await managerPage.reload();
    await managerPage
      .getByRole('row', { name: /李业务/ })
      .getByText('0.0%')
      .waitFor();
    await managerPage.getByLabel('团队漏网率').getByText('0.0%').waitFor();
    await managerPage.getByRole('row', { name: /李业务/ }).click();
    await managerPage.waitForURL(/\/reports\/funnel-reviews\/[\w-]+$/);
    await managerPage.getByLabel('写批注…').fill('西南物流下周安排拜访');
    await managerPage
      .getByRole('button', { name: '发 表' })
      .or(managerPage.getByRole('button', { name: '发表' }))
      .click();
    await managerPage.getByText('西南物流下周安排拜访').waitFor();
    await managerPage.getByRole('button', { name: '标记为已审阅' }).click();
    await managerPage.getByText('已标记为审阅').waitFor();
    await managerPage.getByText('已审阅').first().waitFor();
    await shoot(managerPage, 'funnel-reviews-04-manager-reviewed');

    // My day: the manager's card with the last finished period's team leak rate.
    await managerPage.goto('/my-day');
    const card = managerPage.getByText('上期团队漏网率');
    await card.waitFor();
    await shoot(managerPage, 'funnel-reviews-05-my-day');

    const phone = await e2e.newPage({ viewport: PHONE });
    await logIn(phone, manager.email, manager.password);
    await phone.goto('/reports/funnel-reviews');
    await phone.getByText('李业务').first().waitFor();
    await shoot(phone, 'funnel-reviews-06-manager-phone');
    expect(e2e.pageErrors).toEqual([]);
  });
});
