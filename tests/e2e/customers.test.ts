import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../setup/test-app';
import { choose, type E2E, PHONE, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const CUSTOMER = '华星精密机械有限公司';

async function logIn(page: Page) {
  await page.goto('/login');
  const submit = page.getByRole('button', { name: '登录' });
  await submit.waitFor();
  await page.getByLabel('邮箱', { exact: true }).fill(ADMIN_EMAIL);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN_PASSWORD);
  await submit.click();
}

/** 'YYYY-MM-DD' in Shanghai, `days` from now: the browser and the org both live there. */
function shanghaiDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', {
    timeZone: 'Asia/Shanghai',
  });
}

async function seedCustomers() {
  const rows = [
    {
      name: '北京云帆科技有限公司',
      province: '北京',
      city: '北京',
      source: '互联网',
      tags: ['软件'],
    },
    {
      name: '上海申通物流股份有限公司',
      province: '上海',
      city: '上海',
      source: '客户介绍',
      industry: '物流',
    },
    { name: 'Shenzhen Bright Lighting Co., Ltd.', province: '广东', city: '深圳', source: '广告' },
    {
      name: '杭州青禾食品有限公司',
      province: '浙江',
      city: '杭州',
      source: '朋友介绍',
      headcount: 320,
    },
  ];
  for (const body of rows) {
    const response = await e2e.t.call('POST', '/api/v1/customers', {
      token: e2e.t.adminToken,
      body: { ...body, confirmDuplicate: true },
    });
    expect(response.statusCode).toBe(201);
  }
}

describe('customer archive', () => {
  it('creates a customer, adds two contacts with roles, logs a visit, and closes its next action on My day', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-customers'));
    await logIn(page);
    // My day is every role's home.
    await page.waitForURL(/\/my-day$/);
    await page.getByRole('heading', { name: '工作台' }).waitFor();

    // An empty customer list says what to do next.
    await page
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('link', { name: '客户' })
      .click();
    await page.getByRole('heading', { name: '客户' }).waitFor();
    await page.getByText('还没有客户 — 新建客户，或从“导入”批量导入').waitFor();

    await page.getByRole('button', { name: '新建客户' }).first().click();
    const form = page.getByRole('dialog', { name: '新建客户' });
    await form.getByLabel('客户名称').fill(CUSTOMER);
    await form.getByLabel('电话').fill('0512-66881234');
    await choose(page, form, '来源渠道', '展会及研讨会');
    await form.getByLabel('省份').fill('江苏');
    await form.getByLabel('城市').fill('苏州');
    await form.getByLabel('客户名称').press('Enter');
    await form.waitFor({ state: 'hidden' });

    // Saving opens the customer's page, under a breadcrumb back to the list.
    await page.waitForURL(/\/customers\/[^/]+$/);
    await page.getByRole('heading', { name: CUSTOMER }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: '客户' }).last().waitFor();
    await page.getByText('还没有联系人 — 添加联系人并标明角色，这里会画出决策链').waitFor();

    // Two contacts with their roles in the decision chain.
    await page.getByRole('button', { name: '添加联系人' }).first().click();
    let contact = page.getByRole('dialog', { name: '添加联系人' });
    await contact.getByLabel('姓名').fill('李娜');
    await contact.getByLabel('职务').fill('采购经理');
    await choose(page, contact, '决策链角色', '影响人');
    await contact.getByLabel('手机').fill('13900001111');
    await contact.getByRole('button', { name: '创建' }).click();
    await contact.waitFor({ state: 'hidden' });
    // An influencer alone: the chain warns that nobody who decides is known.
    await page.getByText('尚未确定决策人（拍板人）— 找到他，并把他添加为“决策人”').waitFor();

    await page.getByRole('button', { name: '添加联系人' }).click();
    contact = page.getByRole('dialog', { name: '添加联系人' });
    await contact.getByLabel('姓名').fill('张伟');
    await contact.getByLabel('职务').fill('总经理');
    await choose(page, contact, '决策链角色', '决策人');
    await contact.getByLabel('决策权重').getByRole('radio').nth(4).click();
    await contact.getByLabel('微信').fill('zhangwei_hx');
    await contact.getByLabel('姓名').press('Enter');
    await contact.waitFor({ state: 'hidden' });

    const chain = page.getByRole('region', { name: '决策人' });
    await chain.getByText('张伟').waitFor();
    await page.getByRole('region', { name: '影响人' }).getByText('李娜').waitFor();
    await page.getByText('尚未确定决策人', { exact: false }).waitFor({ state: 'detached' });

    // 跟进: a visit with the decision maker, with a next action due tomorrow.
    await page.getByRole('button', { name: '跟进', exact: true }).first().click();
    const visit = page.getByRole('dialog', { name: `记录跟进 · ${CUSTOMER}` });
    await choose(page, visit, '跟进方式', '拜访');
    await choose(page, visit, '联系人', '张伟 · 总经理');
    await visit.getByLabel('跟进内容').fill('上门拜访张总，介绍新一代数控机床方案。');
    await visit.getByLabel('客户反馈').fill('对精度感兴趣，希望看到报价');
    await visit.getByLabel('客户异议').fill('担心交期');
    await visit.getByLabel('有效沟通').click();
    await visit.getByLabel('下一步行动').fill('发送报价单');
    const due = `${shanghaiDay(1)} 10:00`;
    await visit.getByLabel('下一步日期').click();
    await visit.getByLabel('下一步日期').fill(due);
    // Enter takes the typed date and submits the form.
    await visit.getByLabel('下一步日期').press('Enter');
    await visit.waitFor({ state: 'hidden' });
    await page.getByText('已记录跟进，下一步已加入任务').waitFor();

    // The timeline shows the visit with everything logged.
    await page.getByText('上门拜访张总，介绍新一代数控机床方案。').waitFor();
    await page.getByText('发送报价单', { exact: false }).first().waitFor();
    await page.getByText('有效沟通').first().waitFor();
    await e2e.screenshot(page, 'customers-02-detail');

    // My day: the next action waits among the upcoming tasks; one click marks it done.
    await page
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('link', { name: '工作台' })
      .click();
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    const done = page.getByRole('checkbox', { name: '完成：发送报价单' });
    await done.waitFor();
    await e2e.screenshot(page, 'customers-03-my-day');
    await done.click();
    await page.getByText('已完成“发送报价单”').waitFor();
    await done.waitFor({ state: 'detached' });

    const tasks = await e2e.t.call('GET', '/api/v1/tasks?status=all', { token: e2e.t.adminToken });
    const task = tasks.json().items.find((item: { title: string }) => item.title === '发送报价单');
    expect(task.status).toBe('done');
    expect(task.customerName).toBe(CUSTOMER);

    expect(e2e.pageErrors).toEqual([]);
  });

  it('shows a possible duplicate while typing and saves only once the user confirms', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-duplicates'));
    await logIn(page);
    await page.waitForURL(/\/my-day$/);
    await page.goto('/customers');
    await page.getByRole('button', { name: '新建客户' }).click();
    const form = page.getByRole('dialog', { name: '新建客户' });
    // The same company without its legal suffix.
    await form.getByLabel('客户名称').fill('华星精密机械');
    await form.getByText('可能与已有客户重复').waitFor();
    await form.getByRole('link', { name: CUSTOMER }).waitFor();
    await form.getByText('名称相同').waitFor();
    await form.getByRole('button', { name: '创建' }).click();
    await form.getByText('发现疑似重复的客户，尚未保存').waitFor();
    await e2e.screenshot(page, 'customers-05-duplicate');
    await form.getByRole('button', { name: '仍然保存' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: '华星精密机械' }).waitFor();

    // Someone else edits the customer while the form is open: nothing is lost silently.
    await page.getByRole('button', { name: '编辑' }).first().click();
    const edit = page.getByRole('dialog', { name: '编辑客户' });
    await edit.getByLabel('行业', { exact: true }).waitFor();
    const id = page.url().split('/').pop() as string;
    const stored = await e2e.t.call('GET', `/api/v1/customers/${id}`, { token: e2e.t.adminToken });
    const changed = await e2e.t.call('PATCH', `/api/v1/customers/${id}`, {
      token: e2e.t.adminToken,
      body: { version: stored.json().version, industry: '机械制造' },
    });
    expect(changed.statusCode).toBe(200);
    await edit.getByLabel('城市').fill('无锡');
    await edit.getByLabel('城市').press('Enter');
    // Different fields: the form keeps both the other edit and the user's own.
    await edit.getByText('您和对方修改的是不同字段，表单已同时保留。请检查后再次保存。').waitFor();
    expect(await edit.getByLabel('行业', { exact: true }).inputValue()).toBe('机械制造');
    expect(await edit.getByLabel('城市').inputValue()).toBe('无锡');
    await edit.getByLabel('城市').press('Enter');
    await edit.waitFor({ state: 'hidden' });
    await page.getByText('无锡', { exact: true }).waitFor();
    const saved = await e2e.t.call('GET', `/api/v1/customers/${id}`, { token: e2e.t.adminToken });
    expect(saved.json()).toMatchObject({ industry: '机械制造', city: '无锡' });
    expect(e2e.pageErrors).toEqual([]);
  });

  it('filters the list on the server, saves the filters as a view, and shows cards on a phone', async () => {
    await seedCustomers();
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-customer-list'));
    await logIn(page);
    await page.waitForURL(/\/my-day$/);
    await page.goto('/customers');
    await page.getByRole('cell', { name: '杭州青禾食品有限公司' }).waitFor();
    await e2e.screenshot(page, 'customers-01-list');

    await choose(page, page.locator('body'), '来源渠道', '客户介绍');
    await page.getByRole('cell', { name: '上海申通物流股份有限公司' }).waitFor();
    await page.getByRole('cell', { name: '杭州青禾食品有限公司' }).waitFor({ state: 'detached' });
    expect(page.url()).toContain('source=');

    await page.getByRole('button', { name: '保存当前筛选为视图' }).click();
    const save = page.getByRole('dialog', { name: '保存当前筛选为视图' });
    await save.getByLabel('视图名称').fill('客户介绍来的');
    await save.getByLabel('视图名称').press('Enter');
    await page.getByText('已保存视图“客户介绍来的”').waitFor();

    // Cleared, then the view brings the filter back.
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByRole('cell', { name: '杭州青禾食品有限公司' }).waitFor();
    await choose(page, page.locator('body'), '已存视图', '客户介绍来的');
    await page.getByRole('cell', { name: '杭州青禾食品有限公司' }).waitFor({ state: 'detached' });

    // Export gives the rows of the view on screen.
    await page.getByRole('button', { name: '导出' }).click();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: '导出当前视图 (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync((await csv.path()) as string, 'utf8');
    expect(text).toContain('上海申通物流股份有限公司');
    expect(text).not.toContain('杭州青禾食品有限公司');
    await page.getByRole('button', { name: '导出' }).click();
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: '导出当前视图 (.xlsx)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

    // A row click opens the customer.
    await page.getByRole('cell', { name: '上海申通物流股份有限公司' }).click();
    await page.getByRole('heading', { name: '上海申通物流股份有限公司' }).waitFor();

    const phone = await e2e.newPage({ viewport: PHONE });
    await logIn(phone);
    await phone.waitForURL(/\/my-day$/);
    await phone.goto('/customers');
    await phone.getByText('杭州青禾食品有限公司').waitFor();
    expect(await phone.getByRole('table').count()).toBe(0);
    await e2e.screenshot(phone, 'customers-04-list-phone');
    // A tap on the card opens the customer; on a phone, who to talk to comes before the history.
    await phone.getByText(CUSTOMER, { exact: true }).click();
    await phone.getByRole('heading', { name: CUSTOMER }).waitFor();
    await phone.getByRole('region', { name: '决策人' }).getByText('张伟').waitFor();
    await e2e.screenshot(phone, 'customers-06-detail-phone');
    expect(e2e.pageErrors).toEqual([]);
  });
  it('keeps the archive settings and tasks, and rings the reminders bell when a task falls due', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-archive-settings'));
    await logIn(page);
    await page.waitForURL(/\/my-day$/);

    // 来源渠道: the seeds' channels, and a new one the customer form then offers.
    await page.goto('/settings/source-channels');
    await page.getByText('展会及研讨会').waitFor();
    await page.getByLabel('新渠道名称').fill('抖音');
    await page.getByLabel('新渠道名称').press('Enter');
    await page.getByText('已添加“抖音”').waitFor();
    await e2e.screenshot(page, 'customers-07-source-channels');

    // 自定义字段: a date field that then appears on the customer form.
    await page.goto('/settings/custom-fields');
    await page.getByRole('button', { name: '新建字段' }).first().click();
    const field = page.getByRole('dialog', { name: '新建字段' });
    await field.getByLabel('名称').fill('续约提醒日');
    await field.getByLabel('字段键').fill('renewalReminder');
    await choose(page, field, '类型', '日期');
    await field.getByLabel('字段键').press('Enter');
    await field.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'renewalReminder', exact: true }).waitFor();

    // 跟进话题: the seed's library by category.
    await page.goto('/settings/topics');
    await page.getByRole('tab', { name: /价格波动/ }).waitFor();
    await page.getByText('定期更新价格').waitFor();
    await e2e.screenshot(page, 'customers-08-topics');

    // 组织设置: N days for "not followed up", shown on My day.
    await page.goto('/settings/org');
    await page.getByLabel('未跟进提醒天数').fill('10');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存组织设置').waitFor();

    await page.goto('/customers');
    await page.getByRole('button', { name: '新建客户' }).click();
    const form = page.getByRole('dialog', { name: '新建客户' });
    await form.getByLabel('续约提醒日').waitFor();
    await form.getByLabel('来源渠道').click();
    await page.getByTitle('抖音', { exact: true }).filter({ visible: true }).waitFor();
    await form.getByRole('button', { name: '取消' }).click();

    // A task due an hour ago: the bell counts it and lists it.
    const due = new Date(Date.now() - 3_600_000).toISOString();
    const created = await e2e.t.call('POST', '/api/v1/tasks', {
      token: e2e.t.adminToken,
      body: { title: '回电确认样品', dueAt: due },
    });
    expect(created.statusCode).toBe(201);
    await page.goto('/tasks');
    await page.getByRole('heading', { name: '任务' }).waitFor();
    await page.getByRole('cell', { name: '回电确认样品', exact: true }).waitFor();
    await page.getByRole('button', { name: '提醒（1 项到期）' }).click();
    await page.getByRole('tooltip').getByText('回电确认样品').waitFor();
    await e2e.screenshot(page, 'customers-09-tasks-reminders');
    await page.getByRole('tooltip').getByRole('link', { name: '打开工作台' }).click();
    await page.getByText('超过 10 天未跟进的客户').waitFor();
    await page.getByRole('checkbox', { name: '完成：回电确认样品' }).click();
    await page.getByRole('button', { name: '提醒（0 项到期）' }).waitFor();
    expect(e2e.pageErrors).toEqual([]);
  });
});
