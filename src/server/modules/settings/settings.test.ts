import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import { buildCustomer, countRows } from '../../../../tests/setup/factories-customer-archive';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { DEFAULT_SOURCE_CHANNELS } from '../../../domain/vocabulary';
import { ensureOrgDefaults } from '../orgs/orgDefaults';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  t = await createTestApp();
  rep = await buildUser(t);
});
afterAll(async () => {
  await t.close();
});

const channels = async (query = '') =>
  (await t.call('GET', `/api/v1/settings/source-channels${query}`, { token: rep.token })).json()
    .items as { id: string; name: string; version: number; active: boolean }[];

describe('source channels', () => {
  it('needs a session', async () => {
    expect((await t.call('GET', '/api/v1/settings/source-channels')).statusCode).toBe(401);
  });

  it("ship with the seeds' channels in zh-CN, and seeding again changes nothing", async () => {
    expect((await channels()).map((channel) => channel.name)).toEqual(
      DEFAULT_SOURCE_CHANNELS.map((channel) => channel['zh-CN']),
    );
    const topics = await countRows(t, 'follow_up_topics');
    await t.database.db.transaction((tx) => ensureOrgDefaults(tx, t.orgId));
    expect(await countRows(t, 'source_channels')).toBe(DEFAULT_SOURCE_CHANNELS.length);
    expect(await countRows(t, 'follow_up_topics')).toBe(topics);
  });

  it('are changed by admins only, with names checked, writing nothing on refusal', async () => {
    const byRep = await t.call('POST', '/api/v1/settings/source-channels', {
      token: rep.token,
      body: { name: '抖音' },
    });
    expect(byRep.statusCode).toBe(403);
    const empty = await t.call('POST', '/api/v1/settings/source-channels', {
      token: t.adminToken,
      body: { name: ' ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('body.name');
    const taken = await t.call('POST', '/api/v1/settings/source-channels', {
      token: t.adminToken,
      body: { name: '广告' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].field).toBe('name');
    expect(await countRows(t, 'source_channels')).toBe(DEFAULT_SOURCE_CHANNELS.length);
  });

  it('adds at the end, reorders with every id once', async () => {
    const added = await t.call('POST', '/api/v1/settings/source-channels', {
      token: t.adminToken,
      body: { name: '抖音' },
    });
    expect(added.statusCode).toBe(201);
    const list = await channels();
    expect(list.at(-1)?.name).toBe('抖音');
    const partial = await t.call('PUT', '/api/v1/settings/source-channels/order', {
      token: t.adminToken,
      body: { ids: list.slice(1).map((channel) => channel.id) },
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().errors[0].field).toBe('ids');
    const reversed = [...list].reverse().map((channel) => channel.id);
    const reordered = await t.call('PUT', '/api/v1/settings/source-channels/order', {
      token: t.adminToken,
      body: { ids: reversed },
    });
    expect(reordered.statusCode).toBe(200);
    expect((await channels()).map((channel) => channel.id)).toEqual(reversed);
  });

  it('only lets customers take an active channel; a rename carries over to the customers', async () => {
    const unknown = await t.call('POST', '/api/v1/customers', {
      token: rep.token,
      body: { name: 'Source Check Ltd', source: '路边' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('source');
    const customer = await buildCustomer(t, rep.token, { source: '展会及研讨会' });
    const fair = (await channels()).find((channel) => channel.name === '展会及研讨会');
    if (!fair) throw new Error('seeded channel missing');
    const renamed = await t.call('PATCH', `/api/v1/settings/source-channels/${fair.id}`, {
      token: t.adminToken,
      body: { version: fair.version, name: '展会' },
    });
    expect(renamed.statusCode).toBe(200);
    const after = (
      await t.call('GET', `/api/v1/customers/${customer.id}`, { token: rep.token })
    ).json();
    expect(after).toMatchObject({ source: '展会', version: 2 });
    const timeline = (
      await t.call('GET', `/api/v1/customers/${customer.id}/timeline`, { token: rep.token })
    ).json();
    expect(timeline.items[0]).toMatchObject({
      kind: 'change',
      changes: { source: { from: '展会及研讨会', to: '展会' } },
    });

    const off = await t.call('PATCH', `/api/v1/settings/source-channels/${fair.id}`, {
      token: t.adminToken,
      body: { version: renamed.json().version, active: false },
    });
    expect(off.json().active).toBe(false);
    expect((await channels()).map((channel) => channel.name)).not.toContain('展会');
    expect((await channels('?active=all')).map((channel) => channel.name)).toContain('展会');
    const refused = await t.call('POST', '/api/v1/customers', {
      token: rep.token,
      body: { name: 'Inactive Source Ltd', source: '展会' },
    });
    expect(refused.statusCode).toBe(400);
    // Its existing customers stay editable while keeping the old channel.
    const edit = await t.call('PATCH', `/api/v1/customers/${customer.id}`, {
      token: rep.token,
      body: { version: 2, city: '上海', source: '展会' },
    });
    expect(edit.statusCode).toBe(200);
  });
});

describe('custom field definitions', () => {
  it('are defined by admins only, with key, type and options checked', async () => {
    const before = await countRows(t, 'custom_field_defs');
    const byRep = await t.call('POST', '/api/v1/settings/custom-fields', {
      token: rep.token,
      body: { key: 'erp', label: 'ERP', type: 'text' },
    });
    expect(byRep.statusCode).toBe(403);
    const bad = await t.call('POST', '/api/v1/settings/custom-fields', {
      token: t.adminToken,
      body: { key: '1 bad', label: '', type: 'colour' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.key', 'body.label', 'body.type']),
    );
    const noOptions = await t.call('POST', '/api/v1/settings/custom-fields', {
      token: t.adminToken,
      body: { key: 'erp', label: 'ERP', type: 'select' },
    });
    expect(noOptions.statusCode).toBe(400);
    expect(noOptions.json().errors[0].field).toBe('body.options');
    expect(await countRows(t, 'custom_field_defs')).toBe(before);
  });

  it('define fields customers then use, relabel and deactivate with the version', async () => {
    const created = await t.call('POST', '/api/v1/settings/custom-fields', {
      token: t.adminToken,
      body: { key: 'erp', label: '财务软件', type: 'select', options: ['用友', '金蝶'] },
    });
    expect(created.statusCode).toBe(201);
    const def = created.json();
    expect(def).toMatchObject({
      key: 'erp',
      type: 'select',
      options: ['用友', '金蝶'],
      active: true,
    });
    const dup = await t.call('POST', '/api/v1/settings/custom-fields', {
      token: t.adminToken,
      body: { key: 'erp', label: 'x', type: 'text' },
    });
    expect(dup.statusCode).toBe(409);
    const customer = await buildCustomer(t, rep.token, { custom: { erp: '金蝶' } });
    expect(customer).toMatchObject({ custom: { erp: '金蝶' } });

    const stale = await t.call('PATCH', `/api/v1/settings/custom-fields/${def.id}`, {
      token: t.adminToken,
      body: { version: 0, label: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    const edited = await t.call('PATCH', `/api/v1/settings/custom-fields/${def.id}`, {
      token: t.adminToken,
      body: { version: 1, label: 'ERP', options: ['用友', '金蝶', 'SAP'], active: false },
    });
    expect(edited.json()).toMatchObject({
      label: 'ERP',
      options: ['用友', '金蝶', 'SAP'],
      active: false,
      version: 2,
    });
    const keys = async (query: string) =>
      (await t.call('GET', `/api/v1/settings/custom-fields${query}`, { token: rep.token }))
        .json()
        .items.map((item: { key: string }) => item.key);
    expect(await keys('')).not.toContain('erp');
    expect(await keys('?active=all')).toContain('erp');
  });
});

describe('org settings', () => {
  it('are read by all, changed by admins with the version and a real time zone', async () => {
    const org = await t.call('GET', '/api/v1/settings/org', { token: rep.token });
    expect(org.json()).toMatchObject({
      name: 'Default',
      timeZone: 'Asia/Shanghai',
      neglectedAfterDays: 14,
      version: 1,
    });
    const byRep = await t.call('PATCH', '/api/v1/settings/org', {
      token: rep.token,
      body: { version: 1, name: 'x' },
    });
    expect(byRep.statusCode).toBe(403);
    const bad = await t.call('PATCH', '/api/v1/settings/org', {
      token: t.adminToken,
      body: { version: 1, timeZone: 'Mars/Olympus', neglectedAfterDays: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.timeZone', 'body.neglectedAfterDays']),
    );
    const ok = await t.call('PATCH', '/api/v1/settings/org', {
      token: t.adminToken,
      body: { version: 1, name: '明达销售部', timeZone: 'europe/berlin', neglectedAfterDays: 21 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      name: '明达销售部',
      timeZone: 'Europe/Berlin',
      neglectedAfterDays: 21,
      version: 2,
    });
    const stale = await t.call('PATCH', '/api/v1/settings/org', {
      token: t.adminToken,
      body: { version: 1, name: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', current: { version: 2 } });
  });
});
