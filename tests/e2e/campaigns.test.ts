import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { buildTeam, buildUser } from '../setup/factories';
import { choose, type E2E, startE2E } from './harness';

let e2e: E2E;
let manager: Awaited<ReturnType<typeof buildUser>>;
let owner: Awaited<ReturnType<typeof buildUser>>;
let presales: Awaited<ReturnType<typeof buildUser>>;
const customerIds: Record<string, string> = {};

const CAMPAIGN = '2026 苏州智能制造研讨会';
const CAME = '苏州明达机械有限公司';
const STAYED_AWAY = '无锡远航电子有限公司';
/** STAYED_AWAY is invited through this contact, CAME as a company. */
const CONTACT = '钱志远';

beforeAll(async () => {
  e2e = await startE2E();
  const t = e2e.t;
  manager = await buildUser(t, { role: 'manager', name: '周经理' });
  const team = await buildTeam(t, { name: '华东销售部', managerId: manager.id });
  owner = await buildUser(t, { teamId: team.id, name: '王销售' });
  presales = await buildUser(t, { teamId: team.id, name: '李售前' });
  for (const name of [CAME, STAYED_AWAY]) {
    const response = await t.call('POST', '/api/v1/customers', {
      token: owner.token,
      body: { name, phone: '0512-66881234', confirmDuplicate: true },
    });
    expect(response.statusCode).toBe(201);
    customerIds[name] = response.json().id;
  }
  const contact = await t.call('POST', '/api/v1/contacts', {
    token: owner.token,
    body: { customerId: customerIds[STAYED_AWAY], name: CONTACT, title: '总经理' },
  });
  expect(contact.statusCode).toBe(201);
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
  await page.waitForURL(/\/my-day$/);
}

/** Today in Shanghai: the browser and the org both live there. */
function shanghaiToday(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

describe('campaigns and shared customers', () => {
  it('a manager runs a campaign: invites two customers, marks one attended, sees it on the timeline and in the report', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-campaigns'));
    await logIn(page, manager.email, manager.password);
    await page
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('link', { name: '市场活动', exact: true })
      .click();
    await page.getByRole('heading', { name: '市场活动' }).waitFor();
    await page
      .getByText('还没有市场活动 — 新建一场研讨会、展会、用户大会或路演，邀请客户参加')
      .waitFor();

    await page.getByRole('button', { name: '新建市场活动' }).first().click();
    const form = page.getByRole('dialog', { name: '新建市场活动' });
    await form.getByLabel('活动名称').fill(CAMPAIGN);
    await form.getByLabel('地点').fill('苏州国际博览中心');
    await form.getByLabel('费用').fill('8000');
    await choose(page, form, '来源渠道', '展会及研讨会');
    const today = shanghaiToday();
    await form.getByLabel('开始日期').fill(today);
    await form.getByLabel('开始日期').press('Enter');
    await form.getByLabel('结束日期').fill(today);
    // Enter in the last field submits the form.
    await form.getByLabel('结束日期').press('Enter');
    await form.waitFor({ state: 'hidden' });

    // Saving opens the campaign's page.
    await page.waitForURL(/\/campaigns\/[^/]+$/);
    await page.getByRole('heading', { name: CAMPAIGN }).waitFor();
    await page.getByText('还没有邀请客户 — 点击“邀请客户”添加').waitFor();
    await page.getByRole('button', { name: '邀请客户' }).click();
    const invite = page.getByRole('dialog', { name: '邀请客户' });
    for (const name of [CAME, STAYED_AWAY]) {
      await invite.getByLabel('客户', { exact: true }).click();
      await page.keyboard.type(name.slice(0, 4));
      await page.getByTitle(name, { exact: true }).filter({ visible: true }).last().click();
    }
    // A person rather than the company: the chosen customers' contacts, grouped by customer.
    await choose(page, invite, '联系人（可选）', `${CONTACT} · 总经理`);
    await e2e.screenshot(page, 'campaign-invite-contacts');
    // Close the open list as a user would, by clicking the dialog's title.
    await invite.getByText('邀请客户', { exact: true }).click();
    await invite.getByRole('button', { name: '邀请' }).click();
    await invite.waitFor({ state: 'hidden' });
    await page.getByText('已添加 2 条邀请').waitFor();
    await page.getByText('邀请名单（2）').waitFor();
    const invited = page.getByRole('row').filter({ hasText: STAYED_AWAY });
    expect((await invited.getByRole('cell').allInnerTexts()).slice(0, 2)).toEqual([
      STAYED_AWAY,
      CONTACT,
    ]);

    await page.getByRole('button', { name: `标记 ${CAME} 到场` }).click();
    await page.getByText(`已标记 ${CAME} 到场，并在客户时间线记录了一次有效沟通`).waitFor();
    await page.getByRole('button', { name: `标记 ${CAME} 到场` }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: `标记 ${CONTACT} · ${STAYED_AWAY} 到场` }).waitFor();
    await page.getByText('1 / 2').first().waitFor();
    await e2e.screenshot(page, 'campaign-detail');

    // The attendance is a follow-up on the customer's timeline.
    await page.getByRole('link', { name: CAME }).click();
    await page.getByRole('heading', { name: CAME }).waitFor();
    await page.getByText(`参加市场活动：${CAMPAIGN}`).waitFor();
    await e2e.screenshot(page, 'campaign-customer-timeline');

    // The report counts it from SQL: two invited, one attended, no deals yet.
    await page.goto('/reports/campaigns');
    await page.getByRole('heading', { name: '市场活动效果' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: CAMPAIGN });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 2)).toEqual([CAMPAIGN, '研讨会']);
    // invited, attended, moved forward, deals won.
    expect(cells.slice(4, 8)).toEqual(['2', '1', '0', '0']);
    const bySource = page.getByRole('row').filter({ hasText: '展会及研讨会' }).last();
    expect((await bySource.getByRole('cell').allInnerTexts()).slice(0, 4)).toEqual([
      '展会及研讨会',
      '1',
      '2',
      '1',
    ]);
    await e2e.screenshot(page, 'campaign-report');
  });

  it('shows the campaign, its invite dialog and the report in English', async () => {
    const page = await e2e.newPage({ locale: 'en' });
    onTestFailed(() => e2e.screenshot(page, 'failed-campaigns-en'));
    await page.goto('/login');
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill(manager.email);
    await page.getByLabel('Password', { exact: true }).fill(manager.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto('/campaigns');
    await page.getByRole('heading', { name: 'Campaigns' }).waitFor();
    await page.getByRole('link', { name: CAMPAIGN }).click();
    await page.getByRole('heading', { name: CAMPAIGN }).waitFor();
    await page.getByText('Invitees (2)').waitFor();
    await page.getByRole('button', { name: `Mark ${CONTACT} · ${STAYED_AWAY} attended` }).waitFor();
    await page.getByRole('button', { name: 'Invite customers' }).click();
    const invite = page.getByRole('dialog', { name: 'Invite customers' });
    await invite.getByLabel('Contacts (optional)', { exact: true }).waitFor();
    await e2e.screenshot(page, 'campaign-invite-en');
    await invite.getByRole('button', { name: 'Cancel' }).click();
    await invite.waitFor({ state: 'hidden' });
    await page.goto('/reports/campaigns');
    await page.getByRole('heading', { name: 'Campaign results' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: CAMPAIGN });
    await row.waitFor();
    expect((await row.getByRole('cell').allInnerTexts()).slice(4, 8)).toEqual(['2', '1', '0', '0']);
    await page.locator('canvas').first().waitFor();
    await e2e.screenshot(page, 'campaign-report-en');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('the owner shares a customer read-only with a colleague, who sees it but cannot edit it', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-sharing'));
    await logIn(page, owner.email, owner.password);
    await page.goto(`/customers/${customerIds[STAYED_AWAY]}`);
    await page.getByRole('heading', { name: STAYED_AWAY }).waitFor();
    await page.getByText('还没有协同人员 — 可把客户共享给售前工程师等同事，只读或可编辑').waitFor();
    await choose(page, page.locator('body'), '选择同事', '李售前');
    await page.getByRole('button', { name: '共享' }).click();
    await page.getByText('已共享给 李售前').waitFor();
    await page.getByLabel('李售前 的权限').waitFor();
    await page.getByText('王销售 将客户共享给 李售前（只读）').waitFor();
    await e2e.screenshot(page, 'sharing-owner');

    // The colleague was not shared the other customer: it stays hidden (404).
    const colleague = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(colleague, 'failed-sharing-colleague'));
    await logIn(colleague, presales.email, presales.password);
    await colleague
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('link', { name: '客户', exact: true })
      .click();
    await colleague.getByRole('heading', { name: '客户' }).waitFor();
    await colleague.getByText(STAYED_AWAY).first().click();
    await colleague.getByRole('heading', { name: STAYED_AWAY }).waitFor();
    await colleague.getByText('共享给你：只读').waitFor();
    await colleague.getByText('0512-66881234').first().waitFor();
    expect(await colleague.getByRole('button', { name: '编辑' }).count()).toBe(0);
    expect(await colleague.getByRole('button', { name: '跟进', exact: true }).count()).toBe(0);
    expect(await colleague.getByRole('button', { name: '共享' }).count()).toBe(0);
    await e2e.screenshot(colleague, 'sharing-read-collaborator');

    // The server says the same: a change is refused, the unshared customer is not there.
    const token = await e2e.t.login(presales.email, presales.password);
    const edit = await e2e.t.call('PATCH', `/api/v1/customers/${customerIds[STAYED_AWAY]}`, {
      token,
      body: { version: 1, industry: '电子' },
    });
    expect(edit.statusCode).toBe(403);
    const hidden = await e2e.t.call('GET', `/api/v1/customers/${customerIds[CAME]}`, { token });
    expect(hidden.statusCode).toBe(404);
    await colleague.goto(`/customers/${customerIds[CAME]}`);
    await colleague.getByText('客户不存在，或你无权查看').waitFor();

    // The team's manager sees who shares what.
    const overseer = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(overseer, 'failed-sharing-manager'));
    await logIn(overseer, manager.email, manager.password);
    await overseer.goto('/settings/shares');
    await overseer.getByRole('heading', { name: '协同一览' }).waitFor();
    const share = overseer.getByRole('row').filter({ hasText: STAYED_AWAY });
    await share.waitFor();
    expect((await share.getByRole('cell').allInnerTexts()).slice(0, 5)).toEqual([
      STAYED_AWAY,
      '王销售',
      '李售前',
      '只读',
      '王销售',
    ]);
    await e2e.screenshot(overseer, 'sharing-manager-list');

    // Released to the pool, the customer keeps no collaborators; its timeline says why.
    const released = await e2e.t.call(
      'POST',
      `/api/v1/customers/${customerIds[STAYED_AWAY]}/release`,
      { token: owner.token, body: { reason: '暂无需求' } },
    );
    expect(released.statusCode).toBe(200);
    await overseer.reload();
    await overseer.getByRole('heading', { name: '协同一览' }).waitFor();
    await overseer.getByText('还没有共享的客户').waitFor();
    await overseer.goto(`/customers/${customerIds[STAYED_AWAY]}`);
    await overseer.getByText('客户回到公海，与 李售前 的共享随之取消').waitFor();
    await e2e.screenshot(overseer, 'sharing-released-timeline');
    expect(e2e.pageErrors).toEqual([]);
  });
});
