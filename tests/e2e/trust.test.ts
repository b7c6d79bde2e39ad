import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { buildDeal, buildFunnel } from '../setup/factories-deals';
import { csvText, upload, waitForImport } from '../setup/factories-imports';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../setup/test-app';
import { type E2E, startE2E } from './harness';

// Trust in the browser (issue 10): the merge prompt after a concurrent edit, the audit log
// page, and stored XSS in every free-text field shown as text, never run.

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
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
  await page.waitForURL(/\/my-day$/);
}

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
  e2e.t.call(method, `/api/v1${url}`, { token: e2e.t.adminToken, body });

describe('a concurrent edit of a customer', () => {
  it('asks, field by field, whose value to keep, and saves against the latest version', async () => {
    const created = await api('POST', '/customers', {
      name: '合并测试有限公司',
      city: '杭州',
      industry: '机械',
      phone: '0571-11111111',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-trust-merge'));
    await logIn(page);
    await page.goto(`/customers/${id}`);
    await page.getByRole('button', { name: '编辑' }).first().click();
    const edit = page.getByRole('dialog', { name: '编辑客户' });
    await edit.getByLabel('城市', { exact: true }).fill('无锡');
    await edit.getByLabel('行业', { exact: true }).fill('电子');

    // Meanwhile someone else moves the customer to 苏州 and changes the phone.
    const other = await api('PATCH', `/customers/${id}`, {
      version: created.json().version,
      city: '苏州',
      phone: '0512-22222222',
    });
    expect(other.statusCode).toBe(200);

    await edit.getByRole('button', { name: '保存' }).click();
    await edit.getByText('您编辑期间，别人已保存了这个客户').waitFor();
    // Only the city was changed by both; the phone is theirs, the industry the user's.
    const rows = edit.getByRole('table', { name: '您编辑期间，别人已保存了这个客户' });
    await rows.getByRole('radiogroup', { name: '保留: 城市' }).waitFor();
    expect(await rows.getByRole('row').count()).toBe(2); // the header and the city
    expect(await edit.getByLabel('城市', { exact: true }).inputValue()).toBe('无锡');
    expect(await edit.getByLabel('电话').inputValue()).toBe('0512-22222222');
    expect(await edit.getByLabel('行业', { exact: true }).inputValue()).toBe('电子');
    await e2e.screenshot(page, 'trust-01-merge-prompt');
    expect(await rows.isVisible()).toBe(true);

    await rows.getByRole('radio', { name: /对方的: 苏州/ }).check();
    expect(await edit.getByLabel('城市', { exact: true }).inputValue()).toBe('苏州');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'hidden' });
    const saved = (await api('GET', `/customers/${id}`)).json();
    expect(saved).toMatchObject({
      city: '苏州',
      industry: '电子',
      phone: '0512-22222222',
      version: created.json().version + 2,
    });
    expect(e2e.pageErrors).toEqual([]);
  });
});

describe('stored XSS', () => {
  const IMG = '<img src=x onerror="window.__xss=(window.__xss||0)+1">';
  const SCRIPT = '<script>window.__xss=(window.__xss||0)+1</script>';

  /** Nothing ran, no element was made from the text, and the text itself is on the page. */
  async function expectInert(page: Page, literal: string) {
    await page.getByText(literal).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBe(
      undefined,
    );
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('body script:not([src])').count()).toBe(0);
  }

  it('shows names, notes, inquiry bodies and imported cells as text, never running them', async () => {
    const customer = await api('POST', '/customers', {
      name: `XSS客户${IMG}`,
      industry: SCRIPT,
      address: IMG,
      tags: ['<img src=x>'],
    });
    expect(customer.statusCode, customer.body).toBe(201);
    const id = customer.json().id as string;
    expect(
      (await api('POST', '/contacts', { customerId: id, name: `联系人${IMG}`, title: SCRIPT }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await api('POST', '/activities', {
          customerId: id,
          type: 'call',
          effective: true,
          summary: `跟进${IMG}`,
        })
      ).statusCode,
    ).toBe(201);
    const inquiry = await api('POST', '/inquiries', {
      channel: 'email',
      subject: `询盘${IMG}`,
      body: `请报价 ${SCRIPT}`,
      company: `公司${IMG}`,
    });
    expect(inquiry.statusCode).toBe(201);
    const imported = await upload(e2e.t, e2e.t.adminToken, '/api/v1/imports', {
      file: Buffer.from(
        csvText([
          ['公司名称', '行业'],
          [`导入${IMG}`, SCRIPT],
        ]),
      ),
      fileName: 'xss.csv',
      fields: { kind: 'customers' },
    });
    expect(imported.statusCode, imported.body).toBe(202);
    expect((await waitForImport(e2e.t, e2e.t.adminToken, imported.json().id)).status).toBe('done');

    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-trust-xss'));
    await logIn(page);
    await page.goto('/customers');
    await expectInert(page, `XSS客户${IMG}`);
    await expectInert(page, `导入${IMG}`);
    await page.goto(`/customers/${id}`);
    await expectInert(page, `XSS客户${IMG}`);
    await expectInert(page, SCRIPT);
    await expectInert(page, `跟进${IMG}`);
    await e2e.screenshot(page, 'trust-02-xss-customer');
    await page.goto('/inquiries');
    await expectInert(page, `询盘${IMG}`);
    await e2e.screenshot(page, 'trust-03-xss-inquiries');
    // The inquiry's drawer: its body and company.
    await page.goto(`/inquiries?id=${inquiry.json().id}`);
    await expectInert(page, `请报价 ${SCRIPT}`);
    await expectInert(page, `公司${IMG}`);
    // A blocked inline handler would show as a CSP report here.
    expect(e2e.pageErrors).toEqual([]);
  });

  it('shows team, user and collaborator names, deals, tasks, campaigns and report comments as text', async () => {
    const ok = async (response: Promise<{ statusCode: number; body: string }>, status = 201) => {
      const done = await response;
      expect(done.statusCode, done.body).toBe(status);
      return JSON.parse(done.body);
    };
    const team = await ok(api('POST', '/teams', { name: `组${IMG}` }));
    const password = 'colleague-password-1';
    // A rep's customer (a pool customer is shared by whoever claims it).
    await ok(
      api('POST', '/users', {
        email: 'xss-owner@test.local',
        name: '赵销售',
        password,
        role: 'rep',
        teamId: team.id,
      }),
    );
    const ownerToken = await e2e.t.login('xss-owner@test.local', password);
    const customer = await ok(
      e2e.t.call('POST', '/api/v1/customers', {
        token: ownerToken,
        body: { name: '协同测试有限公司' },
      }),
    );
    const colleague = await ok(
      api('POST', '/users', {
        email: 'xss-colleague@test.local',
        name: `同事${IMG}`,
        password,
        role: 'rep',
        teamId: team.id,
      }),
    );
    await ok(
      e2e.t.call('PUT', `/api/v1/customers/${customer.id}/collaborators/${colleague.id}`, {
        token: e2e.t.adminToken,
        body: { access: 'read' },
      }),
      200,
    );
    const funnel = await buildFunnel(e2e.t);
    await buildDeal(e2e.t, ownerToken, {
      customerId: customer.id,
      funnelId: funnel.id,
      name: `商机${IMG}`,
    });
    await ok(
      api('POST', '/tasks', {
        title: `任务${IMG}`,
        notes: SCRIPT,
        dueAt: new Date(e2e.t.clock.now().getTime() + 3_600_000).toISOString(),
        customerId: customer.id,
      }),
    );
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(
      e2e.t.clock.now(),
    );
    const campaign = await ok(
      api('POST', '/campaigns', {
        type: 'seminar',
        name: `活动${IMG}`,
        startsOn: today,
        endsOn: today,
        place: SCRIPT,
        notes: `备注${IMG}`,
      }),
    );
    // The colleague's semi-monthly report, with the admin's comment on it.
    const half = Number(today.slice(8, 10)) <= 15 ? 'H1' : 'H2';
    const colleagueToken = await e2e.t.login('xss-colleague@test.local', password);
    const review = await ok(
      e2e.t.call('POST', `/api/v1/funnel-reviews/mine/${today.slice(0, 7)}-${half}`, {
        token: colleagueToken,
      }),
      200,
    );
    await ok(
      e2e.t.call('PATCH', `/api/v1/funnel-reviews/${review.id}`, {
        token: colleagueToken,
        body: {
          version: review.version,
          note: `总结${IMG}`,
          lines: [
            {
              customerId: customer.id,
              products: [`产品${IMG}`],
              amount: '1000',
              successRate: 50,
              comment: `说明${IMG}`,
            },
          ],
        },
      }),
      200,
    );
    await ok(api('POST', `/funnel-reviews/${review.id}/comments`, { body: `批注${IMG}` }));

    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-trust-xss-more'));
    await logIn(page);
    await page.goto(`/customers/${customer.id}`);
    await expectInert(page, `同事${IMG}`); // the collaborator list
    await expectInert(page, `商机${IMG}`);
    await page.goto('/settings/users');
    await expectInert(page, `同事${IMG}`);
    await expectInert(page, `组${IMG}`);
    await page.goto('/tasks');
    await expectInert(page, `任务${IMG}`);
    await page.goto('/deals');
    await expectInert(page, `商机${IMG}`);
    await page.goto('/campaigns');
    await expectInert(page, `活动${IMG}`);
    await page.goto(`/campaigns/${campaign.id}`);
    await expectInert(page, `活动${IMG}`);
    await expectInert(page, `备注${IMG}`);
    await page.goto(`/reports/funnel-reviews/${review.id}`);
    await expectInert(page, `批注${IMG}`);
    await expectInert(page, `同事${IMG}`);
    await expectInert(page, `总结${IMG}`);
    await expectInert(page, `产品${IMG}`);
    await expectInert(page, `说明${IMG}`);
    await e2e.screenshot(page, 'trust-04-xss-review-comment');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('shows settings names (source channels, lapse rules, topics, saved views) as text', async () => {
    const ok = async (response: Promise<{ statusCode: number; body: string }>) => {
      const done = await response;
      expect(done.statusCode, done.body).toBe(201);
    };
    await ok(api('POST', '/settings/source-channels', { name: `渠道${IMG}` }));
    await ok(api('POST', '/pool/lapse-rules', { name: `规则${IMG}`, noActivityDays: 30 }));
    await ok(
      api('POST', '/topics', { category: 'price_change', title: `话题${IMG}`, template: SCRIPT }),
    );
    await ok(api('POST', '/views', { entity: 'customers', name: `视图${IMG}`, filters: {} }));

    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-trust-xss-settings'));
    await logIn(page);
    await page.goto('/settings/source-channels');
    await expectInert(page, `渠道${IMG}`);
    await page.goto('/settings/ownership');
    await page.getByRole('tab', { name: '回收规则' }).click();
    await expectInert(page, `规则${IMG}`);
    await page.goto('/settings/topics');
    await expectInert(page, `话题${IMG}`);
    await page.goto('/customers');
    await expectInert(page, `视图${IMG}`);
    expect(e2e.pageErrors).toEqual([]);
  });
});

describe('the audit log page', () => {
  it('finds failed logins and a customer’s edits with who, from where and before/after', async () => {
    const created = await api('POST', '/customers', {
      name: '审计页测试有限公司',
      address: '杭州',
    });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json() as { id: string; version: number };
    const ADDRESS = '<img src=x onerror="window.__xss=(window.__xss||0)+1">';
    const patch = await api('PATCH', `/customers/${id}`, { version, address: ADDRESS });
    expect(patch.statusCode).toBe(200);
    const bad = await e2e.t.call('POST', '/api/v1/auth/login', {
      body: { email: ADMIN_EMAIL, password: 'not-the-password' },
    });
    expect(bad.statusCode).toBe(401);

    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-trust-audit'));
    await logIn(page);
    await page.goto('/settings/audit');
    await page.getByRole('heading', { name: '操作日志' }).waitFor();
    await page.getByRole('combobox', { name: '操作' }).fill('登录失败');
    await page.getByTitle('登录失败').click();
    const failed = page.getByRole('row', { name: /登录失败/ }).first();
    await failed.getByText('127.0.0.1').waitFor();
    expect(await page.getByRole('row', { name: /登录失败/ }).count()).toBe(1);

    await page.reload();
    await page.getByRole('combobox', { name: '记录类型' }).fill('客户');
    await page.getByTitle('客户', { exact: true }).click();
    await page.getByRole('textbox', { name: '记录 ID' }).fill(id);
    // Only this customer's two entries once the id applies: its creation and the edit.
    await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 20_000 }).toBe(2);
    await page.getByRole('row', { name: /新建/ }).getByText('审计页测试有限公司').waitFor();
    const edit = page.getByRole('row', { name: /修改/ });
    // The field by its label, before → after as text (not JSON); the stored markup never runs.
    await edit.getByText(`地址: 杭州 → ${ADDRESS}`).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBe(
      undefined,
    );
    await e2e.screenshot(page, 'trust-02-audit-log');
    expect(e2e.pageErrors).toEqual([]);
  });
});
