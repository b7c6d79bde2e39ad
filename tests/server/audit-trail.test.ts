import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../setup/factories';
import { buildContact, buildCustomer, logActivity } from '../setup/factories-customer-archive';
import { buildDeal, buildFunnel } from '../setup/factories-deals';
import { csvText, importFile } from '../setup/factories-imports';
import { adminApiToken, buildLapseRule, buildMember, claim } from '../setup/factories-pool';
import { createTestApp, type TestApp } from '../setup/test-app';

// Audit completeness (issue 10): each main mutating route leaves an audit row saying who, from
// where (the injected requests come from 127.0.0.1) and, for edits, the before/after of the
// changed fields. Jobs write their rows with no user and no address.

let t: TestApp;
let admin: string;
let rep: Awaited<ReturnType<typeof buildUser>>;
let rep2: Awaited<ReturnType<typeof buildMember>>;

interface AuditRow {
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  changes: Record<string, unknown> | null;
  ip: string | null;
}

async function auditOf(action: string, entity: string, entityId?: string): Promise<AuditRow[]> {
  return t.database.query<AuditRow>(
    sql`select user_id, action, entity, entity_id, changes, ip from audit_log
      where org_id = ${t.orgId} and action = ${action} and entity = ${entity}
        and (${entityId ?? null}::text is null or entity_id = ${entityId ?? null})
      order by at, id`,
  );
}

/** The single newest row of the kind, by the given user, from the test's address. */
async function expectAudited(
  action: string,
  entity: string,
  entityId: string | undefined,
  userId: string | null,
): Promise<AuditRow> {
  const rows = await auditOf(action, entity, entityId);
  const row = rows.at(-1);
  expect(row, `${action} ${entity} ${entityId ?? ''}`).toBeDefined();
  expect(row?.user_id).toBe(userId);
  expect(row?.ip).toBe(userId === null ? null : '127.0.0.1');
  return row as AuditRow;
}

const ok = async (
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  token: string,
  body?: unknown,
) => {
  const response = await t.call(method, url, { token, body });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.statusCode === 204 ? null : response.json();
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await adminApiToken(t);
  const team = await buildTeam(t, { name: '审计队' });
  rep = await buildUser(t, { teamId: team.id, name: '审计销售' });
  rep2 = await buildMember(t, { teamId: team.id, name: '审计销售二' });
});
afterAll(async () => {
  await t.close();
});

describe('every main mutation leaves an audit row with who, where and what changed', () => {
  it('logins, good and bad, and logouts', async () => {
    const token = await t.login(rep.email, rep.password);
    await expectAudited('login', 'user', rep.id, rep.id);
    const bad = await t.call('POST', '/api/v1/auth/login', {
      body: { email: rep.email, password: 'wrong-password' },
    });
    expect(bad.statusCode).toBe(401);
    await expectAudited('login_failed', 'user', rep.id, rep.id);
    await ok('POST', '/api/v1/auth/logout', token);
    await expectAudited('logout', 'user', rep.id, rep.id);
  });

  it('customers: create, edit with before/after, archive, own profile', async () => {
    const customer = await buildCustomer(t, rep.token, { city: '杭州' });
    await expectAudited('create', 'customer', customer.id, rep.id);
    await ok('PATCH', `/api/v1/customers/${customer.id}`, rep.token, {
      version: customer.version,
      city: '宁波',
    });
    const edit = await expectAudited('update', 'customer', customer.id, rep.id);
    expect(edit.changes).toMatchObject({ city: { from: '杭州', to: '宁波' } });
    await ok('PATCH', `/api/v1/customers/${customer.id}`, rep.token, {
      version: customer.version + 1,
      archived: true,
    });
    await expectAudited('archive', 'customer', customer.id, rep.id);
    await ok('PATCH', '/api/v1/me', rep.token, { name: '审计销售改名' });
    const profile = await expectAudited('update', 'user', rep.id, rep.id);
    expect(profile.changes).toMatchObject({ name: { from: '审计销售', to: '审计销售改名' } });
  });

  it('contacts, activities and tasks', async () => {
    const customer = await buildCustomer(t, rep.token);
    const contact = await buildContact(t, rep.token, customer.id, { title: '经理' });
    await expectAudited('create', 'contact', contact.id, rep.id);
    await ok('PATCH', `/api/v1/contacts/${contact.id}`, rep.token, {
      version: contact.version,
      title: '总监',
    });
    const edit = await expectAudited('update', 'contact', contact.id, rep.id);
    expect(edit.changes).toMatchObject({ title: { from: '经理', to: '总监' } });
    const activity = await logActivity(t, rep.token, customer.id);
    await expectAudited('create', 'activity', activity.id, rep.id);
    const task = await ok('POST', '/api/v1/tasks', rep.token, {
      title: '回访',
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      customerId: customer.id,
    });
    await expectAudited('create', 'task', task.id, rep.id);
    await ok('PATCH', `/api/v1/tasks/${task.id}`, rep.token, {
      version: task.version,
      title: '再访',
    });
    const taskEdit = await expectAudited('update', 'task', task.id, rep.id);
    expect(taskEdit.changes).toMatchObject({ title: { from: '回访', to: '再访' } });
  });

  it('deals: create, edit, stage move and gate override', async () => {
    const funnel = await buildFunnel(t);
    const customer = await buildCustomer(t, rep.token);
    const deal = await buildDeal(t, rep.token, { customerId: customer.id, funnelId: funnel.id });
    await expectAudited('create', 'deal', deal.id, rep.id);
    await ok('PATCH', `/api/v1/deals/${deal.id}`, rep.token, {
      version: deal.version,
      nextStep: '发报价',
    });
    await expectAudited('update', 'deal', deal.id, rep.id);
    const [adminRow] = await t.database.query<{ id: string }>(
      sql`select id from users where org_id = ${t.orgId} and role = 'admin' order by created_at limit 1`,
    );
    await ok('POST', `/api/v1/deals/${deal.id}/move`, admin, {
      toStageKey: 'propose',
      overrideReason: '客户催得急',
    });
    const override = await expectAudited('stage_override', 'deal', deal.id, adminRow?.id ?? null);
    expect(override.changes).toMatchObject({
      stageKey: { from: 'qualify', to: 'propose' },
      overrideReason: '客户催得急',
    });
    await ok('POST', `/api/v1/deals/${deal.id}/move`, admin, { toStageKey: 'qualify' });
    const back = await expectAudited('stage_move', 'deal', deal.id, adminRow?.id ?? null);
    expect(back.changes).toMatchObject({ stageKey: { from: 'propose', to: 'qualify' } });
  });

  it('ownership: release, claim, reassignment and the lapse job (one row per lapse)', async () => {
    const customer = await buildCustomer(t, rep.token);
    await ok('POST', `/api/v1/customers/${customer.id}/release`, rep.token, { reason: '不跟了' });
    await expectAudited('release', 'customer', customer.id, rep.id);
    expect((await claim(t, rep2.token, customer.id)).statusCode).toBe(200);
    const claimed = await expectAudited('claim', 'customer', customer.id, rep2.id);
    expect(claimed.changes).toMatchObject({ ownerId: { from: null, to: rep2.id } });
    const [adminRow] = await t.database.query<{ id: string }>(
      sql`select id from users where org_id = ${t.orgId} and role = 'admin' order by created_at limit 1`,
    );
    await ok('POST', `/api/v1/customers/${customer.id}/assign`, admin, { ownerId: rep.id });
    const assigned = await expectAudited('assign', 'customer', customer.id, adminRow?.id ?? null);
    expect(assigned.changes).toMatchObject({ ownerId: { from: rep2.id, to: rep.id } });

    // The lapse job: a rule of one quiet day, run three days on.
    await buildLapseRule(t, { name: '一天未跟进', noActivityDays: 2, warnDays: 1 });
    t.clock.advance(3 * 86_400_000);
    const run = await t.call('POST', '/api/v1/test/jobs/lapse/run', { token: admin });
    expect(run.statusCode).toBe(200);
    const lapsed = run.json().orgs[0].summary.lapsed as number;
    expect(lapsed).toBeGreaterThan(0);
    const lapse = await expectAudited('lapse', 'customer', customer.id, null);
    expect(lapse.changes).toMatchObject({
      ownerId: { from: rep.id, to: null },
      rule: '一天未跟进',
    });
    expect(await auditOf('lapse', 'customer')).toHaveLength(lapsed);
    // The customer's own history shows the lapse once, as an ownership event.
    const timeline = await t.call('GET', `/api/v1/customers/${customer.id}/timeline`, {
      token: admin,
    });
    const kinds = timeline
      .json()
      .items.map((item: { kind: string; event?: string }) =>
        item.kind === 'ownership' ? `ownership:${item.event}` : item.kind,
      );
    expect(kinds.filter((kind: string) => kind === 'ownership:lapsed')).toHaveLength(1);
    expect(kinds.filter((kind: string) => kind === 'change')).toHaveLength(1); // the create
  });

  it('imports (start and end with counts) and exports (with the row count)', async () => {
    const file = Buffer.from(
      csvText([
        ['公司名称', '电话'],
        ['审计导入一', '13800000001'],
        ['审计导入二', '13800000002'],
      ]),
    );
    const job = await importFile(t, rep.token, {
      file,
      fileName: 'customers.csv',
      fields: { kind: 'customers' },
    });
    await expectAudited('create', 'import', job.id, rep.id);
    const done = await expectAudited('import_done', 'import', job.id, rep.id);
    expect(done.changes).toMatchObject({ imported: 2 });
    expect(await auditOf('create', 'customer')).toEqual(
      expect.arrayContaining([expect.objectContaining({ user_id: rep.id })]),
    );

    const exported = await t.call('GET', '/api/v1/customers/export?format=csv', {
      token: rep.token,
    });
    expect(exported.statusCode).toBe(200);
    const rows = exported.body.trim().split('\r\n').length - 1;
    const row = await expectAudited('export', 'customer', undefined, rep.id);
    // Logged with its row count before the file streams; only a file cut short adds a row.
    expect(row.changes).toMatchObject({ rows, format: 'csv' });
    expect(await auditOf('export_unfinished', 'customer')).toEqual([]);
  });

  it('grading runs, settings, users and teams', async () => {
    const [adminRow] = await t.database.query<{ id: string }>(
      sql`select id from users where org_id = ${t.orgId} and role = 'admin' order by created_at limit 1`,
    );
    const adminId = adminRow?.id ?? null;
    const run = await ok('POST', '/api/v1/grading/run', admin);
    await expectAudited('grade', 'grading_run', run.id, adminId);
    const settings = await t.call('GET', '/api/v1/settings/org', { token: admin });
    await ok('PATCH', '/api/v1/settings/org', admin, {
      version: settings.json().version,
      neglectedAfterDays: 21,
    });
    const org = await expectAudited('update', 'org', t.orgId, adminId);
    expect(org.changes).toMatchObject({ neglectedAfterDays: { to: 21 } });
    const user = await buildUser(t, { name: '新人' });
    await expectAudited('create', 'user', user.id, adminId);
    const team = await buildTeam(t, { name: '新队' });
    await expectAudited('create', 'team', team.id, adminId);
  });
});
