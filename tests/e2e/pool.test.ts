import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { buildTeam, buildUser } from '../setup/factories';
import { logActivity } from '../setup/factories-customer-archive';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../setup/test-app';
import { choose, type E2E, PHONE, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
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

/** The test-mode endpoints an admin may call on a server started with CRM_TEST_MODE=true. */
async function testMode(path: string, body?: unknown) {
  const response = await e2e.t.call('POST', `/api/v1/test/${path}`, {
    token: e2e.t.adminToken,
    body: body ?? {},
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const NAMES = ['杭州云帆科技', '宁波海景贸易', '苏州精工机械', '无锡恒通物流'] as const;

describe('the pool: claims up to the limit, lapses back with the reason', () => {
  let rep: Awaited<ReturnType<typeof buildUser>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const admin = e2e.t.adminToken;
    rep = await buildUser(e2e.t, { name: '李销售' });
    // A limit of 3 for this rep, so the fourth claim is refused.
    const limit = await e2e.t.call('PUT', `/api/v1/pool/holding-limits/users/${rep.id}`, {
      token: admin,
      body: { holdingLimit: 3 },
    });
    expect(limit.statusCode).toBe(200);
    const rule = await e2e.t.call('POST', '/api/v1/pool/lapse-rules', {
      token: admin,
      body: { name: '十天未有效沟通', noActivityDays: 10, warnDays: 3 },
    });
    expect(rule.statusCode).toBe(201);
    // Created by the admin without an owner: into the org pool, oldest first.
    for (const [index, name] of NAMES.entries()) {
      const created = await e2e.t.call('POST', '/api/v1/customers', {
        token: admin,
        body: {
          name,
          province: '浙江',
          city: '杭州',
          industry: '制造业',
          phone: `0571-8888666${index}`,
        },
      });
      expect(created.statusCode).toBe(201);
      ids[name] = created.json().id;
    }
  });

  it('claims until the limit and shows the refusal with the numbers', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-pool-claims'));
    await logIn(page, rep.email, rep.password);
    await page.getByRole('menuitem', { name: '公海' }).click();
    await page.getByRole('heading', { name: '公海' }).waitFor();
    for (const name of NAMES) await page.getByText(name, { exact: true }).waitFor();
    // Reps see the basics, never the ways to reach a pool customer.
    expect(await page.getByText('0571-88886660').count()).toBe(0);
    await page.getByText('0 / 3').waitFor();
    await e2e.screenshot(page, 'pool-01-before-claims');

    for (const name of NAMES.slice(0, 3)) {
      await page.getByRole('button', { name: `认领 ${name}` }).click();
      await page.getByRole('alert').getByText(`已认领「${name}」，已加入你的清单`).waitFor();
      await page.getByText(name, { exact: true }).waitFor({ state: 'detached' });
    }
    await page.getByText('3 / 3').waitFor();
    await page.getByRole('button', { name: '认领 无锡恒通物流' }).click();
    await page
      .getByRole('alert')
      .getByText(
        '无法认领「无锡恒通物流」：你的清单已有 3 个客户，上限 3 个 — 先释放不再跟进的客户',
      )
      .waitFor();
    await e2e.screenshot(page, 'pool-02-limit-refused');

    await page.getByRole('menuitem', { name: '我的清单' }).click();
    await page.getByRole('heading', { name: '我的清单' }).waitFor();
    for (const name of NAMES.slice(0, 3)) {
      await page.getByRole('link', { name, exact: true }).waitFor();
    }
    await page.getByText('没有即将被回收的客户').waitFor();
    await e2e.screenshot(page, 'pool-03-my-list');
  });

  it('warns before the deadline, then lapses back to the pool with the rule shown', async () => {
    // Day 8 of 10: inside the 3-day warning window. One customer gets a real follow-up.
    await testMode('clock', { advanceDays: 8 });
    await logActivity(e2e.t, rep.token, ids.苏州精工机械 as string, { summary: '电话沟通需求' });

    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-pool-lapse'));
    await logIn(page, rep.email, rep.password);
    await page.goto('/my-day');
    const warnings = page.locator('.ant-card').filter({ hasText: '即将回收到公海的客户' });
    await warnings.getByRole('link', { name: '杭州云帆科技' }).waitFor();
    await warnings.getByRole('link', { name: '宁波海景贸易' }).waitFor();
    expect(await warnings.getByRole('link', { name: '苏州精工机械' }).count()).toBe(0);
    await warnings.getByText('（剩 2 天）').first().waitFor();
    await e2e.screenshot(page, 'pool-04-my-day-warnings');

    // Day 10: tomorrow the two quiet customers pass their deadline, as the preview says.
    await testMode('clock', { advanceDays: 2 });
    const admin = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(admin, 'failed-pool-preview'));
    await logIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await admin.goto('/settings/ownership');
    await admin.getByRole('tab', { name: '回收规则' }).click();
    await admin.getByRole('button', { name: '预览明天' }).click();
    await admin
      .getByRole('status')
      .getByText(/^按这些规则，.+ 将有 2 个客户被回收，另有 0 个客户进入预警期$/)
      .waitFor();
    const sample = admin.locator('.ant-table').filter({ hasText: '期限' });
    await sample.getByRole('link', { name: '杭州云帆科技' }).waitFor();
    await sample.getByRole('link', { name: '宁波海景贸易' }).waitFor();
    await e2e.screenshot(admin, 'pool-05-rules-preview');
    // A draft with 5 days instead of 10, tried before saving: the followed-up customer
    // (deadline day 13, warned 3 days before) joins the warnings; nothing is saved.
    await admin.getByRole('button', { name: '编辑', exact: true }).click();
    const editor = admin.getByRole('dialog', { name: '编辑规则「十天未有效沟通」' });
    await editor.getByLabel('无有效沟通天数（N）').fill('5');
    await editor.getByRole('button', { name: '预览', exact: true }).click();
    await editor
      .getByRole('status')
      .getByText(/^按这些规则，.+ 将有 2 个客户被回收，另有 1 个客户进入预警期$/)
      .waitFor();
    await e2e.screenshot(admin, 'pool-05b-draft-preview');
    await editor.getByRole('button', { name: '取消' }).click();
    await editor.waitFor({ state: 'detached' });

    // Day 12: past the deadline; the daily job returns the two quiet customers.
    await testMode('clock', { advanceDays: 2 });
    const run = await testMode('jobs/lapse/run');
    expect(run.orgs[0].summary.lapsed).toBe(2);

    await page.goto('/pool');
    await page.getByRole('heading', { name: '公海' }).waitFor();
    const lapsed = page.getByRole('row', { name: /杭州云帆科技/ });
    await lapsed.getByText('规则回收').waitFor();
    await lapsed.getByText('十天未有效沟通：10 天无有效沟通').waitFor();
    await lapsed.getByText('原负责人 李销售').waitFor();
    // The cool-down keeps the rep from taking it straight back.
    expect(await page.getByRole('button', { name: '认领 杭州云帆科技' }).isDisabled()).toBe(true);
    expect(await page.getByRole('row', { name: /苏州精工机械/ }).count()).toBe(0);
    await page.getByText('1 / 3').waitFor();
    await e2e.screenshot(page, 'pool-06-lapsed-back');

    // Releasing the last one with a reason: the pool says why it came back.
    await page.goto('/my-list');
    await page.getByRole('button', { name: '释放 苏州精工机械' }).click();
    const dialog = page.getByRole('dialog', { name: '释放「苏州精工机械」到公海' });
    await dialog.getByLabel('释放原因').fill('客户已选其他供应商');
    await dialog.getByRole('button', { name: '释放' }).click();
    await page.getByText('「苏州精工机械」已退回公海').waitFor();
    await page.goto('/pool?returned=released');
    await page
      .getByRole('row', { name: /苏州精工机械/ })
      .getByText('客户已选其他供应商')
      .waitFor();
  });

  it('shows the admin the limits and the history per rep', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-pool-admin'));
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/settings/ownership');
    await page.getByRole('heading', { name: '归属规则' }).waitFor();
    await page.getByText('种子文档建议 30–70 个，通常 50 个左右').waitFor();
    await e2e.screenshot(page, 'pool-07-settings-limits');

    // The server's clock is 12 days ahead of the browser's: ask for the server's period.
    const now = (await testMode('clock', { advanceMs: 0 })).now as string;
    const from = new Date(Date.parse(now) - 30 * 86_400_000).toISOString().slice(0, 10);
    // A day past the server's UTC date covers its day in the org's zone (Shanghai) too.
    const to = new Date(Date.parse(now) + 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/reports/ownership?from=${from}&to=${to}`);
    const row = page.getByRole('row', { name: /李销售/ });
    await row.waitFor();
    // Claimed 3, released 1, lapsed 2; the job ran only after the warning window; holds none.
    expect((await row.getByRole('cell').allInnerTexts()).map((text) => text.trim())).toEqual([
      '李销售',
      '0',
      '3',
      '0',
      '0',
      '1',
      '2',
      '0',
      '0',
    ]);
    await row.click();
    const drawer = page.getByRole('dialog', { name: '李销售 的认领与回收记录' });
    await drawer.getByText('十天未有效沟通：10 天无有效沟通').first().waitFor();
    await e2e.screenshot(page, 'pool-08-history');
  });

  it('fits a phone', async () => {
    const page = await e2e.newPage({ viewport: PHONE });
    await logIn(page, rep.email, rep.password);
    await page.goto('/pool');
    await page.getByText('杭州云帆科技').waitFor();
    await e2e.screenshot(page, 'pool-09-phone');
    expect(e2e.pageErrors).toEqual([]);
  });
});

describe('a manager reassigns a customer, and its open work moves along once confirmed', () => {
  it('asks first, then moves the task with the customer', async () => {
    const team = await buildTeam(e2e.t, { name: '华东组' });
    const manager = await buildUser(e2e.t, { role: 'manager', teamId: team.id, name: '王经理' });
    const from = await buildUser(e2e.t, { teamId: team.id, name: '张销售' });
    await buildUser(e2e.t, { teamId: team.id, name: '赵销售' });
    const customer = await e2e.t.call('POST', '/api/v1/customers', {
      token: from.token,
      body: { name: '常州天宇电子' },
    });
    expect(customer.statusCode).toBe(201);
    const task = await e2e.t.call('POST', '/api/v1/tasks', {
      token: from.token,
      body: {
        title: '寄样品',
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        customerId: customer.json().id,
      },
    });
    expect(task.statusCode).toBe(201);

    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-pool-assign'));
    await logIn(page, manager.email, manager.password);
    await page.goto('/my-list');
    await choose(page, page.locator('body'), '查看谁的清单', '张销售（1 / 50）');
    await page.getByRole('heading', { name: '张销售 的清单' }).waitFor();
    await page.getByRole('button', { name: '分配 常州天宇电子' }).click();
    const dialog = page.getByRole('dialog', { name: '分配「常州天宇电子」' });
    await choose(page, dialog, '新负责人', '赵销售（0 / 50）');
    await dialog.getByRole('button', { name: '分配' }).click();
    const confirm = page.getByRole('dialog', { name: '未完成的工作一起转移吗？' });
    await confirm
      .getByText('原负责人在「常州天宇电子」上还有 1 个未完成任务和 0 个进行中的商机。')
      .waitFor();
    await e2e.screenshot(page, 'pool-10-assign-confirm');
    await confirm.getByRole('button', { name: '一并转移' }).click();
    await page.getByText('「常州天宇电子」已分配；转移了 1 个任务、0 个商机').waitFor();
    const moved = await e2e.t.call('GET', `/api/v1/tasks/${task.json().id}`, {
      token: e2e.t.adminToken,
    });
    expect(moved.json().assigneeName).toBe('赵销售');
  });
});
