import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { buildUser } from '../setup/factories';
import { dayFromNow, insertSalesLines } from '../setup/factories-qualification';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../setup/test-app';
import { type E2E, PHONE, startE2E } from './harness';

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

const INQUIRY = {
  subject: '询价:不锈钢球阀 DN50 PN16 共 800 台',
  senderName: 'Klaus Becker',
  senderEmail: 'k.becker@rheinventil.de',
  company: 'Rheinventil GmbH',
  country: 'DE',
  body: `陈经理您好:

我们是德国 Rheinventil GmbH 的采购部,想询价以下产品:
1. 不锈钢球阀,型号 Q41F-16P,DN50,PN16,材质 CF8M
2. 数量:800 台,每台独立纸箱包装
请报 FOB 宁波价格,要求 12 月 20 日前交货到汉堡港。
目标价每台 38 美元,付款方式 30% T/T 预付,余款见提单副本付清。

Klaus Becker
采购经理,Rheinventil GmbH
电话 +49 221 4578 300`,
};

describe('qualification: a precise inquiry becomes a scored customer', () => {
  let rep: Awaited<ReturnType<typeof buildUser>>;

  beforeAll(async () => {
    const t = e2e.t;
    rep = await buildUser(t, { name: '王磊' });
    // A deal funnel for the conversion, and one criterion of the org's own on top of the
    // seed's target-customer criteria: German-speaking buyers score 60, the threshold.
    const funnel = await t.call('POST', '/api/v1/funnels', {
      token: t.adminToken,
      body: { template: 'six-step' },
    });
    expect(funnel.statusCode).toBe(201);
    const rules = (await t.call('GET', '/api/v1/settings/scoring', { token: t.adminToken })).json();
    const put = await t.call('PUT', '/api/v1/settings/scoring', {
      token: t.adminToken,
      body: {
        version: rules.version,
        threshold: rules.threshold,
        criteria: [
          ...rules.criteria,
          {
            id: 'dach-market',
            label: { 'zh-CN': '德语区买家', en: 'German-speaking buyer' },
            field: 'country',
            op: 'in',
            value: ['DE', 'AT', 'CH'],
            points: 60,
          },
        ],
      },
    });
    expect(put.statusCode).toBe(200);
  });

  it('classifies a pasted inquiry with its signals and playbook, and converts it', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-qualification-inquiry'));
    await logIn(page, rep.email, rep.password);
    await page.getByRole('menuitem', { name: '询盘' }).click();
    await page.getByText('还没有询盘 — 新建询盘并粘贴内容即可自动分类').waitFor();
    await page.getByRole('button', { name: '新建询盘' }).first().click();

    const dialog = page.getByRole('dialog', { name: '新建询盘' });
    await dialog.getByLabel('询盘内容').fill(INQUIRY.body);
    await dialog.getByLabel('主题').fill(INQUIRY.subject);
    await dialog.getByLabel('发件人', { exact: true }).fill(INQUIRY.senderName);
    await dialog.getByLabel('发件人邮箱').fill(INQUIRY.senderEmail);
    await dialog.getByLabel('公司').fill(INQUIRY.company);
    await dialog.getByLabel('国家/地区').fill(INQUIRY.country);
    await dialog.getByRole('button', { name: '分析分类' }).click();

    // The drawer: class, confidence, the signals that decided it, seed 002's playbook.
    const drawer = page.getByRole('dialog', { name: INQUIRY.subject });
    await drawer.getByText('精准类', { exact: true }).first().waitFor();
    await expect(drawer.getByText(/置信度 \d+%/).textContent()).resolves.toMatch(/置信度 9\d%/);
    const signals = drawer.locator('.ant-card').filter({ hasText: '判断依据' });
    await signals.getByText('Q41F-16P').first().waitFor();
    await signals.getByText('FOB').first().waitFor();
    await drawer.getByText(/^处理办法 · /).waitFor();
    await e2e.screenshot(page, 'qualification-01-inquiry-classified');
    await drawer.getByText(/^处理办法 · /).scrollIntoViewIfNeeded();
    await e2e.screenshot(page, 'qualification-01b-inquiry-playbook');

    await drawer.getByRole('button', { name: '转为客户' }).click();
    const convert = page.getByRole('dialog', { name: '转为客户、联系人和商机' });
    await expect(convert.getByLabel('客户(公司)名称').inputValue()).resolves.toBe(INQUIRY.company);
    await expect(convert.getByLabel('联系人', { exact: true }).inputValue()).resolves.toBe(
      INQUIRY.senderName,
    );
    await e2e.screenshot(page, 'qualification-02-convert');
    await convert.getByRole('button', { name: '转为客户' }).click();
    await page.getByText(`已转为客户:${INQUIRY.company}`).waitFor();
    await drawer.getByText('已转为客户。').waitFor();

    // The list, filtered to qualified customers and sorted by score, shows it with its score.
    await page.goto('/customers?qualified=true&sort=-score');
    const row = page.getByRole('row', { name: new RegExp(INQUIRY.company) });
    await row.waitFor();
    await expect(row.getByRole('cell').nth(3).textContent()).resolves.toMatch(/^60\s*合格$/);
    await e2e.screenshot(page, 'qualification-03-customer-list');

    // The customer page explains the score with the criteria that gave it.
    await row.getByRole('link', { name: INQUIRY.company }).click();
    const card = page.locator('.ant-card').filter({ hasText: '客户资质' });
    await expect(card.getByTestId('lead-score').textContent()).resolves.toBe('60');
    await card.getByText('德语区买家').waitFor();
    await card.getByText('合格线 60 分').waitFor();
    await card.getByText('尚未分级(无销售记录)').waitFor();
    await e2e.screenshot(page, 'qualification-04-customer-card');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('shows the report, settings and warnings pages to the admin, and the inbox on a phone', async () => {
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-qualification-admin'));
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);

    await page.goto('/reports/inquiries');
    const precise = page.getByRole('row', { name: /精准类/ });
    await precise.waitFor();
    // One inquiry, classified precise, not corrected, converted: 100% accuracy.
    await expect(precise.textContent()).resolves.toMatch(/精准类110100\.0%1/);
    await e2e.screenshot(page, 'qualification-05-inquiry-report');

    await page.goto('/settings/lead-scoring');
    await page.getByRole('heading', { name: '线索评分' }).waitFor();
    await expect(page.getByLabel('名称(中文)').first().inputValue()).resolves.toBe(
      '人员规模50人以上',
    );
    await e2e.screenshot(page, 'qualification-06-scoring-settings');

    await page.goto('/settings/customer-grading');
    await page.getByText('客户分级及政策表(VIP/A/B/C)').waitFor();
    await page.getByRole('cell', { name: 'VIP' }).first().waitFor();
    await e2e.screenshot(page, 'qualification-07-grading-settings');

    await page.goto('/reports/churn-warnings');
    await page.getByText('暂无在网客户出现预警').waitFor();

    // Sales: an order every 30 days until 100 days ago, the last one still unpaid.
    const t = e2e.t;
    const list = await t.call('GET', '/api/v1/customers?q=Rheinventil', { token: rep.token });
    const customerId = list.json().items[0].id as string;
    await insertSalesLines(t, customerId, [
      ...[-190, -160, -130].map((days) => ({
        amountCents: 3_000_000,
        orderDate: dayFromNow(t, days),
        paidCents: 3_000_000,
        paidAt: dayFromNow(t, days + 10),
      })),
      { amountCents: 3_000_000, orderDate: dayFromNow(t, -100) },
    ]);

    // Grading now, from the settings page: the customer gets a grade with its policy.
    await page.goto('/settings/customer-grading');
    await page.getByRole('button', { name: '立即重新分级' }).click();
    await page.getByText(/^已分级 1 个客户:1 个等级变化/).waitFor();

    // A new deal for the customer shows its grade's policy before anything is quoted.
    await page.goto('/deals');
    await page.getByRole('button', { name: '新建商机' }).click();
    const newDeal = page.getByRole('dialog', { name: '新建商机' });
    await newDeal.getByLabel('客户').fill('Rheinventil');
    await page.getByTitle(/^Rheinventil GmbH/).click();
    const policy = newDeal.getByTestId('deal-grade-policy');
    await policy.getByText('客户等级 C类：账期 7 天 · 计划逐步淘汰').waitFor();
    await policy.getByText(/达不到回款标准可暂停发货/).waitFor();
    await e2e.screenshot(page, 'qualification-13-new-deal-policy');
    await newDeal.getByRole('button', { name: /取\s*消/ }).click();
    await newDeal.waitFor({ state: 'hidden' });

    await page.goto('/reports/churn-warnings');
    const flagged = page.getByRole('row', { name: /Rheinventil GmbH/ });
    await flagged.getByText('已100天未下单(通常约30天一单)').waitFor();
    await flagged.getByText(/^逾期未付款/).waitFor();
    await e2e.screenshot(page, 'qualification-08-churn-warnings');
    await flagged.getByRole('button', { name: /^创建跟进任务 · 已100天未下单/ }).click();
    await page.getByText('已创建跟进任务').waitFor();

    // The same inquiry in English: class, signals and the playbook in the admin's language.
    await page.getByText('English', { exact: true }).click();
    await page.goto('/inquiries');
    await page.getByText(INQUIRY.subject).first().click();
    const english = page.getByRole('dialog', { name: INQUIRY.subject });
    await english.getByText('Precise', { exact: true }).first().waitFor();
    await english.getByText(/^How to handle it · /).waitFor();
    await e2e.screenshot(page, 'qualification-12-inquiry-english');

    const phone = await e2e.newPage({ viewport: PHONE });
    await logIn(phone, rep.email, rep.password);
    await phone.goto('/inquiries');
    await phone.getByText(INQUIRY.subject).first().click();
    await phone
      .getByRole('dialog', { name: INQUIRY.subject })
      .getByText('处理办法', { exact: false })
      .first()
      .waitFor();
    await e2e.screenshot(phone, 'qualification-09-phone-inquiry');

    // My day: the rep's own flagged customer, and the task the admin just made for them.
    await phone.goto('/my-day');
    const warnings = phone.locator('.ant-card').filter({ hasText: '客户预警' });
    await warnings.getByRole('link', { name: 'Rheinventil GmbH' }).waitFor();
    await warnings.getByText('已100天未下单(通常约30天一单)').waitFor();
    await e2e.screenshot(phone, 'qualification-10-phone-my-day');

    // The customer page: grade C with its policy, and the flags.
    await phone.goto(`/customers/${customerId}`);
    const card = phone.locator('.ant-card').filter({ hasText: '客户资质' });
    await card.getByText('账期 7 天 · 计划逐步淘汰').waitFor();
    await card.getByText('已100天未下单(通常约30天一单)').waitFor();
    await card.getByText('客户资质').scrollIntoViewIfNeeded();
    await e2e.screenshot(phone, 'qualification-11-phone-customer-card');
    expect(e2e.pageErrors).toEqual([]);
  });
});
