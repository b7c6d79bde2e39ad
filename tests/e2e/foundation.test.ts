import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { buildUser } from '../setup/factories';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../setup/test-app';
import { type E2E, PHONE, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const REP = { name: '王小明', email: 'xiaoming.wang@test.local', password: 'rep-password-1' };

async function logIn(page: Page, email: string, password: string) {
  // The URL changes before the page leaving has gone; wait for the form itself.
  const submit = page.getByRole('button', { name: '登录' });
  await submit.waitFor();
  await page.getByLabel('邮箱', { exact: true }).fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await submit.click();
}

/** What the visible page says, for asserting texts without CSS selectors. */
async function visible(page: Page, text: string) {
  await page.getByText(text, { exact: true }).first().waitFor({ state: 'visible' });
}

describe('the web shell', () => {
  it('logs in, switches language with antd, creates a rep who then logs in', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-desktop'));
    await page.goto('/');
    // No session: the frame sends the browser to the login page, remembering where it was.
    await page.waitForURL(/\/login/);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await e2e.screenshot(page, '01-login-zh');

    // A wrong password gets the server's refusal, in Chinese; Enter submits.
    await page.getByLabel('邮箱', { exact: true }).fill(ADMIN_EMAIL);
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByLabel('密码', { exact: true }).press('Enter');
    await page.getByRole('alert').getByText('邮箱或密码错误').waitFor();
    await e2e.screenshot(page, '02-login-error');

    await page.getByLabel('密码', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByLabel('密码', { exact: true }).press('Enter');
    // `/` leads every role to the first page in the menu: 工作台 (My day).
    await page.waitForURL(/\/my-day$/);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    const nav = page.getByRole('navigation', { name: '主菜单' });
    await nav.getByText('设置').click();
    await nav.getByRole('link', { name: '用户与团队' }).click();
    await page.waitForURL(/\/settings\/users$/);
    await page.getByRole('heading', { name: '用户与团队' }).waitFor();
    await page.getByRole('cell', { name: ADMIN_EMAIL }).waitFor();
    // antd's own text (the page-size picker) follows the language.
    await visible(page, '10 条/页');
    await e2e.screenshot(page, '03-users-zh');

    await page.getByRole('radiogroup', { name: '语言' }).getByText('English').click();
    await page.getByRole('heading', { name: 'Users & teams' }).waitFor();
    await page.getByRole('navigation', { name: 'Main menu' }).getByText('Settings').waitFor();
    await visible(page, '10 / page');
    await visible(page, 'Last login');
    expect(await page.getByText('10 条/页').count()).toBe(0);
    await e2e.screenshot(page, '04-users-en');

    // The choice is saved on the account: a fresh browser in Chinese opens in English.
    const me = await e2e.t.call('GET', '/api/v1/me', { token: e2e.t.adminToken });
    expect(me.json().locale).toBe('en');
    const elsewhere = await e2e.newPage();
    await elsewhere.goto('/login');
    await logIn(elsewhere, ADMIN_EMAIL, ADMIN_PASSWORD);
    await elsewhere.getByRole('heading', { name: 'My day' }).waitFor();
    await elsewhere.context().close();

    // Teams tab, empty: says what to do next.
    await page.getByRole('tab', { name: 'Teams' }).click();
    await visible(page, 'No teams yet — create a team to group reps under a manager');
    await e2e.screenshot(page, '05-teams-empty-en');
    await page.getByRole('tab', { name: 'Users' }).click();

    await page.getByRole('radiogroup', { name: 'Language' }).getByText('中文').click();
    await page.getByRole('heading', { name: '用户与团队' }).waitFor();
    await visible(page, '10 条/页');
    expect(await page.getByText('10 / page').count()).toBe(0);
    expect((await e2e.t.call('GET', '/api/v1/me', { token: e2e.t.adminToken })).json().locale).toBe(
      'zh-CN',
    );

    // Create a rep. First the client-side rules, then a server field error on its field.
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('邮箱').fill('not-an-email');
    await dialog.getByText('请输入有效的邮箱地址').waitFor();
    await dialog.getByLabel('邮箱').fill(ADMIN_EMAIL);
    await dialog.getByLabel('姓名').fill(REP.name);
    await dialog.getByLabel('初始密码').fill(REP.password);
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.getByText('已被使用').waitFor();
    await e2e.screenshot(page, '06-create-user-field-error');

    await dialog.getByLabel('邮箱').fill(REP.email);
    await dialog.getByLabel('姓名').press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: REP.email }).waitFor();
    const row = page.getByRole('row').filter({ hasText: REP.email });
    await row.getByText('销售').waitFor();
    await row.getByText('从未登录').waitFor();
    await e2e.screenshot(page, '07-user-created');

    // Log out through the user menu.
    await page.getByRole('button', { name: 'Admin 的账户菜单' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/login$/);

    // The rep logs in to their own day, without the admins' pages.
    await logIn(page, REP.email, REP.password);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    expect(await page.getByRole('link', { name: '用户与团队' }).count()).toBe(0);
    await e2e.screenshot(page, '08-rep-home');

    // The rep changes their own password: the current one is checked on its field.
    await page.getByRole('button', { name: `${REP.name} 的账户菜单` }).click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    const passwordDialog = page.getByRole('dialog', { name: '修改密码' });
    await passwordDialog.getByLabel('当前密码').fill('wrong-password');
    await passwordDialog.getByLabel('新密码', { exact: true }).fill('rep-password-2');
    await passwordDialog.getByLabel('确认新密码').fill('rep-password-2');
    await passwordDialog.getByLabel('确认新密码').press('Enter');
    await passwordDialog.getByText('不正确').waitFor();
    await e2e.screenshot(page, '08b-password-wrong-current');
    await passwordDialog.getByLabel('当前密码').fill(REP.password);
    await passwordDialog.getByLabel('确认新密码').press('Enter');
    await page.getByText('密码已更新').waitFor();
    await passwordDialog.waitFor({ state: 'hidden' });
    await page.goto('/settings/users');
    await page.getByText('没有权限').waitFor();
    await page.goto('/no-such-page');
    await page.getByText('页面不存在').waitFor();
    await e2e.screenshot(page, '09-not-found');

    expect(e2e.pageErrors).toEqual([]);
  });

  it('on a phone, the side menu is a drawer and tables are cards', async () => {
    const page = await e2e.newPage({ viewport: PHONE });
    onTestFailed(() => e2e.screenshot(page, 'failed-phone'));
    await page.goto('/settings/users');
    await page.waitForURL(/\/login\?next=%2Fsettings%2Fusers/);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await e2e.screenshot(page, '10-phone-login');
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    // Back where the login interrupted.
    await page.waitForURL(/\/settings\/users$/);
    await page.getByRole('heading', { name: '用户与团队' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await page.getByText(REP.email).waitFor();
    await e2e.screenshot(page, '11-phone-users');

    await page.getByRole('button', { name: '打开菜单' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('link', { name: '用户与团队' }).waitFor();
    await e2e.screenshot(page, '12-phone-menu');

    expect(e2e.pageErrors).toEqual([]);
  });
});

describe('users and teams', () => {
  it('creates a team led by a manager, moves the rep in, and survives a concurrent edit', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-teams'));
    await page.goto('/login');
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL(/\/my-day$/);
    await page.goto('/settings/users');
    await page.getByRole('heading', { name: '用户与团队' }).waitFor();

    await page.getByRole('tab', { name: '团队' }).click();
    await page.getByRole('button', { name: '新建团队' }).click();
    const teamDialog = page.getByRole('dialog', { name: '新建团队' });
    await teamDialog.getByLabel('团队名称').fill('华东一组');
    await teamDialog.getByLabel('经理').click();
    await page.getByTitle('Admin · 管理员').click();
    // The choice must have landed in the form before saving (a click during the dropdown's
    // opening animation can miss on a busy machine).
    await teamDialog.getByTitle('Admin · 管理员').waitFor();
    await teamDialog.getByRole('button', { name: '创建' }).click();
    await teamDialog.waitFor({ state: 'hidden' });
    await page.getByRole('row').filter({ hasText: '华东一组' }).getByText('Admin').waitFor();

    // Someone else renames the rep while the admin has the form open.
    await page.getByRole('tab', { name: '用户' }).click();
    await page.getByRole('button', { name: `编辑 ${REP.name}` }).click();
    const dialog = page.getByRole('dialog', { name: '编辑用户' });
    await dialog.getByLabel('姓名').waitFor();
    const users = await e2e.t.call('GET', '/api/v1/users', { token: e2e.t.adminToken });
    const rep = users.json().items.find((user: { email: string }) => user.email === REP.email);
    const renamed = await e2e.t.call('PATCH', `/api/v1/users/${rep.id}`, {
      token: e2e.t.adminToken,
      body: { version: rep.version, name: '王晓明' },
    });
    expect(renamed.statusCode).toBe(200);

    await dialog.getByLabel('团队').click();
    await page.getByTitle('华东一组').click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('这条记录刚被其他人修改过').waitFor();
    // The form now shows what is stored; saving again applies the change on top of it.
    expect(await dialog.getByLabel('姓名').inputValue()).toBe('王晓明');
    await e2e.screenshot(page, '13-version-conflict');
    await dialog.getByLabel('团队').click();
    await page.getByTitle('华东一组').click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row').filter({ hasText: REP.email });
    await row.getByText('王晓明').waitFor();
    await row.getByText('华东一组').waitFor();
    await page.getByRole('tab', { name: '团队' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: '华东一组' })
      .getByRole('cell', { name: '1' })
      .waitFor();
    await e2e.screenshot(page, '14-teams');

    // A manager sees the same lists, read-only.
    const manager = await buildUser(e2e.t, { role: 'manager', name: '李经理' });
    const managerPage = await e2e.newPage();
    await managerPage.goto('/login');
    await logIn(managerPage, manager.email, manager.password);
    await managerPage.waitForURL(/\/my-day$/);
    await managerPage.goto('/settings/users');
    await managerPage.getByText('只有管理员可以修改用户和团队，你可以在这里查看。').waitFor();
    await managerPage.getByRole('cell', { name: REP.email }).waitFor();
    expect(await managerPage.getByRole('button', { name: '新建用户' }).count()).toBe(0);
    expect(await managerPage.getByRole('button', { name: `编辑 王晓明` }).count()).toBe(0);
    await e2e.screenshot(managerPage, '15-manager-read-only');

    expect(e2e.pageErrors).toEqual([]);
  });
});
