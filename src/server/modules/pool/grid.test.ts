import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam } from '../../../../tests/setup/factories';
import {
  adminApiToken,
  buildCustomer,
  buildMember,
  claim,
  eventsOf,
  release,
  setPoolSettings,
} from '../../../../tests/setup/factories-pool';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let admin: string;
let zhejiang: { id: string };
let hangzhou: { id: string };
let trade: { id: string };
let repZ: Awaited<ReturnType<typeof buildMember>>;
let repH: Awaited<ReturnType<typeof buildMember>>;
let repOther: Awaited<ReturnType<typeof buildMember>>;

const territory = (body: Record<string, unknown>, token = t.adminToken) =>
  t.call('POST', '/api/v1/pool/territories', { token, body });
const poolTeamOf = async (id: string) =>
  (
    await t.database.query<{ pool_team_id: string | null }>(
      sql`select pool_team_id from customers where id = ${id}`,
    )
  )[0]?.pool_team_id ?? null;

beforeAll(async () => {
  t = await createTestApp();
  admin = await adminApiToken(t);
  zhejiang = await buildTeam(t, { name: '浙江网格' });
  hangzhou = await buildTeam(t, { name: '杭州网格' });
  trade = await buildTeam(t, { name: '外贸组' });
  repZ = await buildMember(t, { teamId: zhejiang.id });
  repH = await buildMember(t, { teamId: hangzhou.id });
  repOther = await buildMember(t);
});
afterAll(async () => {
  await t.close();
});

describe('POST /pool/territories', () => {
  it('is for admins (401 without a session, 403 for a rep)', async () => {
    expect((await t.call('POST', '/api/v1/pool/territories', { body: {} })).statusCode).toBe(401);
    expect(
      (await territory({ teamId: zhejiang.id, province: '浙江' }, repZ.token)).statusCode,
    ).toBe(403);
  });

  it('refuses an empty territory, a city without its province, or a place with a tag', async () => {
    const empty = await territory({ teamId: zhejiang.id, province: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('body.province');
    const city = await territory({ teamId: zhejiang.id, city: '杭州' });
    expect(city.json().errors[0].field).toBe('body.province');
    const both = await territory({ teamId: zhejiang.id, province: '浙江', tag: '外贸' });
    expect(both.json().errors[0].field).toBe('body.tag');
    const unknownTeam = await territory({
      teamId: '0190c0de-0000-7000-8000-000000000000',
      province: '浙江',
    });
    expect(unknownTeam.json().errors[0].field).toBe('body.teamId');
    expect(
      (await t.call('GET', '/api/v1/pool/territories', { token: repZ.token })).json().items,
    ).toEqual([]);
  });

  it('gives each place or tag to one team only', async () => {
    expect((await territory({ teamId: zhejiang.id, province: '浙江' })).statusCode).toBe(201);
    expect(
      (await territory({ teamId: hangzhou.id, province: '浙江', city: '杭州' })).statusCode,
    ).toBe(201);
    const tag = await territory({ teamId: trade.id, tag: '外贸' });
    expect(tag.statusCode).toBe(201);
    expect(tag.json()).toMatchObject({
      teamId: trade.id,
      teamName: '外贸组',
      tag: '外贸',
      province: null,
    });
    const taken = await territory({ teamId: trade.id, province: '浙江' });
    expect(taken.statusCode).toBe(409);
    const list = (await t.call('GET', '/api/v1/pool/territories', { token: repZ.token })).json();
    expect(list.items).toHaveLength(3);
  });
});

describe('routing new pool customers', () => {
  it('sends a new pool customer to the most specific territory: city, province, then tag', async () => {
    const inHangzhou = await buildCustomer(t, t.adminToken, {
      province: '浙江',
      city: '杭州',
      tags: ['外贸'],
    });
    const inNingbo = await buildCustomer(t, t.adminToken, {
      province: '浙江',
      city: '宁波',
      tags: ['外贸'],
    });
    const exporter = await buildCustomer(t, t.adminToken, { province: '江苏', tags: ['外贸'] });
    const nowhere = await buildCustomer(t, t.adminToken, { province: '江苏' });
    expect(await poolTeamOf(inHangzhou.id)).toBe(hangzhou.id);
    expect(await poolTeamOf(inNingbo.id)).toBe(zhejiang.id);
    expect(await poolTeamOf(exporter.id)).toBe(trade.id);
    expect(await poolTeamOf(nowhere.id)).toBeNull();
    expect((await eventsOf(t, inHangzhou.id)).map((e) => e.kind)).toEqual(['routed']);
  });

  it('lets only the grid team claim from its pool first', async () => {
    const inNingbo = await buildCustomer(t, t.adminToken, { province: '浙江', city: '宁波' });
    expect((await claim(t, repOther.token, inNingbo.id)).statusCode).toBe(404);
    expect((await claim(t, repH.token, inNingbo.id)).statusCode).toBe(404);
    const teamPool = (
      await t.call('GET', '/api/v1/pool/customers?scope=team', { token: repZ.token })
    ).json();
    expect(teamPool.items.map((c: { id: string }) => c.id)).toContain(inNingbo.id);
    expect(teamPool.items[0]).toMatchObject({ poolTeamName: '浙江网格' });
    expect((await claim(t, repZ.token, inNingbo.id)).statusCode).toBe(200);
  });

  it('sends a released customer back to its territory team', async () => {
    const mine = await buildCustomer(t, repOther.token, { province: '浙江', city: '温州' });
    expect((await release(t, repOther.token, mine.id, 'moved on')).statusCode).toBe(200);
    expect(await poolTeamOf(mine.id)).toBe(zhejiang.id);
    expect((await claim(t, repOther.token, mine.id)).statusCode).toBe(404);
  });
});

describe('the grid pool job', () => {
  it('moves customers a grid team left unclaimed to the org pool after the spill-over days', async () => {
    await setPoolSettings(t, { gridSpillDays: 5 });
    const waiting = await buildCustomer(t, t.adminToken, { province: '浙江', city: '丽水' });
    t.clock.advance(4 * 86_400_000);
    const early = await t.call('POST', '/api/v1/test/jobs/grid-pool/run', { token: admin });
    expect(early.json().orgs[0].summary).toMatchObject({ spilled: 0 });
    expect(await poolTeamOf(waiting.id)).toBe(zhejiang.id);
    t.clock.advance(2 * 86_400_000);
    const late = await t.call('POST', '/api/v1/test/jobs/grid-pool/run', { token: admin });
    expect(late.json().orgs[0].summary.spilled).toBeGreaterThanOrEqual(1);
    expect(await poolTeamOf(waiting.id)).toBeNull();
    expect((await eventsOf(t, waiting.id)).map((e) => e.kind)).toEqual(['routed', 'spilled']);
    expect((await claim(t, repOther.token, waiting.id)).statusCode).toBe(200);
    const again = await t.call('POST', '/api/v1/test/jobs/grid-pool/run', { token: admin });
    expect(again.json().orgs[0].summary).toEqual({ spilled: 0, routed: 0 });
  });

  it('routes pool customers that arrived without routing (an import) to their territory', async () => {
    const [row] = await t.database.query<{ id: string }>(
      sql`insert into customers (org_id, id, name, name_key, province, city)
        values (${t.orgId}, gen_random_uuid(), '杭州导入客户', '杭州导入客户', '浙江', '杭州')
        returning id`,
    );
    const run = await t.call('POST', '/api/v1/test/jobs/grid-pool/run', { token: admin });
    expect(run.json().orgs[0].summary).toMatchObject({ routed: 1 });
    expect(await poolTeamOf(row?.id as string)).toBe(hangzhou.id);
  });
});
