import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { buildUser } from '../setup/factories';
import { buildDeal, buildDealCustomer } from '../setup/factories-deals';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../setup/test-app';
import { type E2E, PHONE, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

type Criterion = { id: string; label: string; required: boolean };

interface TemplateStage {
  key: string;
  name: string;
  criteria: Criterion[];
  keyActions: { id: string; label: string; kind: string }[];
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

/** The seven-stage template as the server gives it in Chinese: what the gate will ask for. */
async function sevenStageTemplate(): Promise<TemplateStage[]> {
  const response = await e2e.t.call('GET', '/api/v1/funnel-templates?locale=zh-CN', {
    token: e2e.t.adminToken,
  });
  const template = response
    .json()
    .find((candidate: { key: string }) => candidate.key === 'seven-stage');
  return template.stages;
}

const column = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const card = (page: Page, stage: string, deal: string) =>
  column(page, stage).getByRole('listitem', { name: deal });

describe('deals on the board of a seven-stage funnel', () => {
  // One story in three steps: the admin's funnel, the rep's deal through its gate, the phone.
  let target: TemplateStage;
  let potential: TemplateStage;
  let funnelId: string;
  let rep: Awaited<ReturnType<typeof buildUser>>;

  beforeAll(async () => {
    [target, potential] = (await sevenStageTemplate()) as [TemplateStage, TemplateStage];
  });

  it('creates the funnel from the seven-stage template and edits a stage', async () => {
    // The admin creates the funnel from the template, seeing its stages before choosing.
    const admin = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(admin, 'failed-deals-admin'));
    await logIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await admin.goto('/settings/funnels');
    await admin.getByText('还没有销售漏斗 — 从模板新建一个，马上就能用').waitFor();
    await admin.getByRole('button', { name: '新建漏斗' }).click();
    const create = admin.getByRole('dialog', { name: '新建漏斗' });
    await create.getByRole('radio', { name: '销售漏斗七阶段' }).check();
    await create.getByText('「销售漏斗七阶段」包含的阶段').waitFor();
    await create.getByRole('cell', { name: potential.criteria[0]?.label }).waitFor();
    await e2e.screenshot(admin, 'deals-01-funnel-templates');
    await create.getByRole('button', { name: '创建' }).click();
    await admin.getByRole('heading', { name: '编辑漏斗：销售漏斗七阶段' }).waitFor();
    await admin.waitForURL(/\/settings\/funnels\/[\w-]+$/);
    funnelId = admin.url().split('/').pop() as string;

    // Edit a stage: a new objection answer on 潜在客户, saved in the admin's language.
    // Only the unfolded stage's fields are visible, so role queries find that stage's.
    await admin.getByRole('button', { name: new RegExp(`^2 ${potential.name}`) }).click();
    await admin.getByRole('button', { name: '添加异议处理' }).click();
    await admin
      .getByRole('textbox', { name: /^异议 \d+$/ })
      .last()
      .fill('我们已经有系统了');
    await admin
      .getByRole('textbox', { name: /^异议 \d+ 的回应$/ })
      .last()
      .fill('问问现有系统哪里用得不顺手');
    await e2e.screenshot(admin, 'deals-02-funnel-editor');
    await admin.getByRole('button', { name: '保存' }).first().click();
    await admin.getByText('已保存漏斗 销售漏斗七阶段').waitFor();
    const saved = await e2e.t.call('GET', `/api/v1/funnels/${funnelId}?locale=zh-CN`, {
      token: e2e.t.adminToken,
    });
    const savedPotential = saved.json().stages[1];
    expect(savedPotential.objections.at(-1)).toEqual({
      objection: '我们已经有系统了',
      answer: '问问现有系统哪里用得不顺手',
    });

    // Someone else saves the funnel meanwhile: the editor says so and reloads.
    await e2e.t.call('PATCH', `/api/v1/funnels/${funnelId}`, {
      token: e2e.t.adminToken,
      body: { version: saved.json().version, name: '七阶段漏斗' },
    });
    await admin.getByLabel('漏斗名称').fill('七阶段漏斗（华东）');
    await admin.getByRole('button', { name: '保存' }).first().click();
    await admin.getByText('这条记录刚被其他人修改过').waitFor();
    expect(await admin.getByLabel('漏斗名称').inputValue()).toBe('七阶段漏斗');

    expect(e2e.pageErrors).toEqual([]);
  });

  it('stops a dragged deal at the gate, lists what is missing, and moves it once met', async () => {
    const required = potential.criteria.filter((criterion) => criterion.required);
    expect(required.length).toBeGreaterThan(0);
    // A rep with a customer whose industry is known but headcount is not.
    rep = await buildUser(e2e.t, { role: 'rep', name: '赵销售' });
    await buildDealCustomer(e2e.t, rep.token, {
      name: '杭州明远制造有限公司',
      industry: '制造业',
    });

    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-deals-rep'));
    await logIn(page, rep.email, rep.password);
    await page.goto('/deals');
    await page.getByRole('heading', { name: '商机看板' }).waitFor();
    await column(page, target.name).waitFor();

    await page.getByRole('button', { name: '新建商机' }).click();
    const newDeal = page.getByRole('dialog', { name: '新建商机' });
    await newDeal.getByLabel('客户').fill('明远');
    await page.getByTitle('杭州明远制造有限公司').click();
    await newDeal.getByLabel('商机名称').fill('明远 OA 系统');
    await newDeal.getByLabel('金额').fill('280000');
    await newDeal.getByLabel('商机名称').press('Enter');
    await newDeal.waitFor({ state: 'hidden' });
    const deal = card(page, target.name, '明远 OA 系统');
    await deal.waitFor();
    await deal.getByText(/¥28(\.00)? 万/).waitFor();
    await e2e.screenshot(page, 'deals-03-board');

    // Dragging forward is refused: the dialog lists every unmet item, grouped by stage.
    await deal.dragTo(column(page, potential.name));
    const gate = page.getByRole('dialog', { name: `进入「${potential.name}」前的检查` });
    await gate.waitFor();
    const actions = gate.getByRole('region', { name: `「${target.name}」阶段的关键动作` });
    const criteria = gate.getByRole('region', { name: `进入「${potential.name}」的准入标准` });
    for (const action of target.keyActions.filter((item) => item.id !== 'info_industry')) {
      await actions.getByText(action.label, { exact: true }).waitFor();
    }
    // The industry is on file, so that key action is not in the list.
    const industry = target.keyActions.find((item) => item.id === 'info_industry');
    expect(await actions.getByText(industry?.label ?? '-', { exact: true }).count()).toBe(0);
    for (const criterion of required) {
      await criteria.getByRole('checkbox', { name: criterion.label }).waitFor();
    }
    expect(await criteria.getByRole('checkbox').count()).toBe(required.length);
    await actions.getByLabel('已完成 0，需要 1').first().waitFor();
    await e2e.screenshot(page, 'deals-04-gate-dialog');

    // Tick the criteria, the first with a note as evidence.
    const [first, ...rest] = required as [Criterion, ...Criterion[]];
    await criteria.getByRole('button', { name: '添加证据' }).first().click();
    await criteria.getByRole('textbox', { name: '备注' }).fill('拜访时与行政经理确认');
    await criteria.getByRole('checkbox', { name: first.label }).check();
    for (const criterion of rest) {
      const box = criteria.getByRole('checkbox', { name: criterion.label });
      await box.check();
      await expect.poll(() => box.isChecked()).toBe(true);
    }

    // Log the first-contact call the key action counts, and fill in the headcount.
    const contact = target.keyActions.find((item) => item.id === 'first_contact');
    await rowOf(actions, contact?.label ?? '')
      .getByRole('button', { name: '记录跟进' })
      .click();
    const followUp = page.getByRole('dialog', { name: '记录跟进 · 杭州明远制造有限公司' });
    await followUp.getByLabel('沟通内容').fill('电话联系行政经理，确认有 OA 需求');
    await followUp.getByRole('button', { name: '保存跟进' }).click();
    await followUp.waitFor({ state: 'hidden' });
    const headcount = target.keyActions.find((item) => item.id === 'info_headcount');
    await rowOf(actions, headcount?.label ?? '')
      .getByRole('button', { name: '填写' })
      .click();
    const fill = page.getByRole('dialog', { name: headcount?.label });
    await fill.getByLabel('人数规模').fill('320');
    await fill.getByLabel('人数规模').press('Enter');
    await fill.waitFor({ state: 'hidden' });

    await gate.getByText(`都完成了，可以进入「${potential.name}」`).waitFor();
    await e2e.screenshot(page, 'deals-05-gate-met');
    await gate.getByRole('button', { name: '关闭' }).last().click();
    await gate.waitFor({ state: 'hidden' });

    // Drag again: now it moves.
    await card(page, target.name, '明远 OA 系统').dragTo(column(page, potential.name));
    await page.getByText(`明远 OA 系统 已进入「${potential.name}」`).waitFor();
    await card(page, potential.name, '明远 OA 系统').waitFor();
    expect(await card(page, target.name, '明远 OA 系统').count()).toBe(0);
    await e2e.screenshot(page, 'deals-06-board-moved');

    // The detail shows the move and who ticked what, with the evidence.
    await card(page, potential.name, '明远 OA 系统')
      .getByRole('button', { name: '明远 OA 系统', exact: true })
      .click();
    const drawer = page.getByRole('dialog', { name: '明远 OA 系统' });
    await drawer.getByText('证据：拜访时与行政经理确认').waitFor();
    await drawer.getByRole('tab', { name: '阶段历史' }).click();
    await drawer.getByText(`${target.name} → ${potential.name}`).waitFor();
    await drawer
      .getByText(/^赵销售 · /)
      .first()
      .waitFor();
    await e2e.screenshot(page, 'deals-07-deal-drawer');

    // What the server holds agrees.
    const moved = await e2e.t.call('GET', `/api/v1/deals?funnelId=${funnelId}`, {
      token: rep.token,
    });
    expect(moved.json().items[0].stageKey).toBe(potential.key);

    // The scripts of the stage are one click away on the card.
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await card(page, potential.name, '明远 OA 系统')
      .getByRole('button', { name: '查看 明远 OA 系统 当前阶段的话术' })
      .click();
    await page.getByText('我们已经有系统了').waitFor();

    expect(e2e.pageErrors).toEqual([]);
  });

  it('lets an admin override the gate with a reason, and asks for the reason a deal was lost', async () => {
    const intent = (await sevenStageTemplate())[2] as TemplateStage;
    const page = await e2e.newPage();
    onTestFailed(() => e2e.screenshot(page, 'failed-deals-override'));
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto(`/deals?funnel=${funnelId}`);
    await card(page, potential.name, '明远 OA 系统').dragTo(column(page, intent.name));
    const gate = page.getByRole('dialog', { name: `进入「${intent.name}」前的检查` });
    await gate.getByRole('region', { name: `进入「${intent.name}」的准入标准` }).waitFor();
    await gate.getByRole('button', { name: '强制推进…' }).click();
    await gate
      .getByRole('textbox', { name: '强制推进的原因' })
      .fill('客户总经理已口头确认采购意向');
    await e2e.screenshot(page, 'deals-09-override');
    await gate.getByRole('button', { name: `强制推进到「${intent.name}」` }).click();
    await page.getByText(`明远 OA 系统 已强制推进到「${intent.name}」`).waitFor();
    await card(page, intent.name, '明远 OA 系统').waitFor();

    // The override is in the deal's history with its reason.
    await card(page, intent.name, '明远 OA 系统')
      .getByRole('button', { name: '明远 OA 系统', exact: true })
      .click();
    const drawer = page.getByRole('dialog', { name: '明远 OA 系统' });
    await drawer.getByRole('tab', { name: '阶段历史' }).click();
    await drawer.getByText('客户总经理已口头确认采购意向').waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Lost needs a reason from the org's list.
    await card(page, intent.name, '明远 OA 系统')
      .getByRole('button', { name: '移动 明远 OA 系统' })
      .click();
    await page.getByRole('menuitem', { name: '丢单' }).click();
    const lost = page.getByRole('dialog', { name: '标记「明远 OA 系统」为丢单' });
    await lost.getByRole('button', { name: '移到「丢单」' }).click();
    await lost.getByText('请选择一项').waitFor();
    await lost.getByLabel('丢单原因').click();
    await page.getByTitle('输给竞争对手').click();
    await lost.getByRole('button', { name: '移到「丢单」' }).click();
    await page.getByText('明远 OA 系统 已标记为丢单').waitFor();
    await card(page, '丢单', '明远 OA 系统').getByText('输给竞争对手').waitFor();
    await e2e.screenshot(page, 'deals-10-lost');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('shows the board on a phone, a column at a time with a stage picker', async () => {
    const customer = await buildDealCustomer(e2e.t, rep.token, { name: '宁波港联物流有限公司' });
    for (const [name, amount] of [
      ['港联仓储管理系统', 86000],
      ['港联车队调度', 152000.5],
    ] as const) {
      await buildDeal(e2e.t, rep.token, { customerId: customer.id, funnelId, name, amount });
    }
    const phone = await e2e.newPage({ viewport: PHONE });
    onTestFailed(() => e2e.screenshot(phone, 'failed-deals-phone'));
    await logIn(phone, rep.email, rep.password);
    await phone.goto('/deals');
    await card(phone, target.name, '港联车队调度').waitFor();
    await e2e.screenshot(phone, 'deals-08-board-phone');

    // Dragging is for a mouse; on a phone the stage picker scrolls to a column.
    await phone.getByRole('combobox', { name: '跳到阶段…' }).click();
    await phone.getByTitle('丢单 (1)').click();
    await card(phone, '丢单', '明远 OA 系统').getByText('输给竞争对手').waitFor();
    expect(e2e.pageErrors).toEqual([]);
  });
});

/** The row of one key action in the gate dialog. */
function rowOf(list: Locator, label: string): Locator {
  return list
    .locator('div')
    .filter({ has: list.page().getByText(label, { exact: true }) })
    .filter({ has: list.page().getByRole('button') })
    .last();
}
