import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { insertActivity } from '../setup/factories-deals';
import { buildFunnelWorld } from '../setup/factories-reports';
import { type E2E, startE2E } from './harness';

// The reports pages as a team manager (not the admin): M manages Rep One and Rep Two; Rep
// Three's customer and deal are outside the team. April 10th 2026, Asia/Shanghai.
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/reports-manager-shots';
let e2e: E2E;
let world: Awaited<ReturnType<typeof buildFunnelWorld>>;

beforeAll(async () => {
  e2e = await startE2E();
  world = await buildFunnelWorld(e2e.t);
  e2e.t.clock.set(new Date('2026-04-10T04:00:00Z'));
  // Rep One talked to c1 (open deal d3: a potential customer) this period and has not filed.
  await insertActivity(e2e.t, {
    customerId: world.customers.c1.id,
    userId: world.r1.id,
    occurredAt: new Date('2026-04-08T02:00:00Z'),
  });
}, 120_000);
afterAll(async () => {
  await e2e?.close();
});

async function logIn(page: Page, email: string, password: string, en = false) {
  await page.goto('/login');
  const submit = page.getByRole('button', { name: en ? 'Log in' : '登录' });
  await submit.waitFor();
  await page.getByLabel(en ? 'Email' : '邮箱', { exact: true }).fill(email);
  await page.getByLabel(en ? 'Password' : '密码', { exact: true }).fill(password);
  await submit.click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

describe('reports as a team manager', () => {
  it('walks the funnel report, semi-monthly review, forecast and account assessment', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => shot(page, 'failed'));
    await logIn(page, world.manager.email, world.manager.password);

    await page.goto(`/reports/funnel?funnelId=${world.funnelId}`);
    await page.getByRole('table').first().getByRole('row', { name: /方案/ }).waitFor();
    await page.waitForTimeout(800);
    await shot(page, '01-funnel');
    for (const tab of [
      '按负责人',
      '期间流入',
      '月度趋势',
      '阶段周期',
      '停滞商机',
      '签约来源与丢单原因',
    ]) {
      const found = page.getByRole('tab', { name: tab });
      if ((await found.count()) === 0) continue;
      await found.click();
      await page.waitForTimeout(800);
      await shot(page, `02-funnel-${tab}`);
    }

    // The page opens on the last period that is due; the current one (mid-period, before
    // the reports are due) is picked here: Rep One is pending, with contacts but no leak rate
    // yet ("—" that says why), and the team's rate waits too.
    await page.goto('/reports/funnel-reviews?period=2026-04-H1');
    const repOne = page.getByRole('row', { name: /Rep One/ });
    await repOne.getByText('待提交').waitFor();
    await expect.poll(() => repOne.innerText()).toMatch(/待提交[\s\S]*1\s+—\s+—$/);
    await page.getByLabel('团队漏网率').getByText('—').waitFor();
    await page.getByText('本期报表尚未到期（2 人待提交）').waitFor();
    await repOne.getByText('—').last().hover();
    await page
      .getByRole('tooltip')
      .getByText(/尚未到期/)
      .waitFor();
    await shot(page, '03-reviews');

    await page.goto(`/reports/forecast?funnelId=${world.funnelId}`);
    await page.getByLabel('加权管道', { exact: true }).waitFor();
    await page.waitForTimeout(800);
    await shot(page, '04-forecast');
    for (const tab of ['回测', '目标设置']) {
      const found = page.getByRole('tab', { name: tab });
      if ((await found.count()) === 0) continue;
      await found.click();
      await page.waitForTimeout(800);
      await shot(page, `05-forecast-${tab}`);
    }

    await page.goto('/reports/account-assessment');
    await page.waitForTimeout(1500);
    await shot(page, '06-assessment');

    const en = await e2e.newPage({ locale: 'en' });
    await logIn(en, world.manager.email, world.manager.password, true);
    for (const [path, name] of [
      [`/reports/funnel?funnelId=${world.funnelId}`, '07-en-funnel'],
      ['/reports/funnel-reviews', '08-en-reviews'],
      [`/reports/forecast?funnelId=${world.funnelId}`, '09-en-forecast'],
      ['/reports/account-assessment', '10-en-assessment'],
    ] as const) {
      await en.goto(path);
      await en.waitForTimeout(1500);
      await shot(en, name);
    }
    expect(e2e.pageErrors).toEqual([]);
    // Many pages and screenshots in one walk: longer than the default on a busy machine.
  }, 300_000);
});
