import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;
let manager: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  t = await createTestApp();
  manager = await buildUser(t, { role: 'manager' });
  const team = await buildTeam(t, { managerId: manager.id });
  rep = await buildUser(t, { teamId: team.id });
  otherRep = await buildUser(t);
});
afterAll(async () => {
  await t.close();
});

const create = (token: string, body: Record<string, unknown>) =>
  t.call('POST', '/api/v1/customers', { token, body });

describe('POST /customers', () => {
  it('needs a session', async () => {
    expect((await t.call('POST', '/api/v1/customers', { body: { name: 'x' } })).statusCode).toBe(
      401,
    );
  });

  it('refuses a missing name and a bad email, naming the fields, writing nothing', async () => {
    const response = await create(rep.token, { name: ' ', email: 'nope' });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.email']));
    const list = await t.call('GET', '/api/v1/customers?archived=all', { token: t.adminToken });
    expect(list.json().items).toHaveLength(0);
  });

  it("registers a rep's customer to the rep, and an admin's to the pool", async () => {
    const mine = await create(rep.token, {
      name: '杭州明达机械有限公司',
      industry: '机械',
      headcount: 120,
    });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ ownerId: rep.id, inPool: false, version: 1, grade: null });
    const pooled = await create(t.adminToken, {
      name: 'Acme Trading Co., Ltd.',
      email: 'buyer@acme-trading.com',
    });
    expect(pooled.statusCode).toBe(201);
    expect(pooled.json()).toMatchObject({ ownerId: null, inPool: true });
  });

  it('forbids a rep from registering a customer for someone else', async () => {
    const response = await create(rep.token, { name: 'Somebody Else Ltd', ownerId: otherRep.id });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a duplicate by normalised name, phone or company domain unless confirmed', async () => {
    const byName = await create(otherRep.token, { name: '杭州明达机械股份有限公司 ' });
    expect(byName.statusCode).toBe(409);
    expect(byName.json()).toMatchObject({
      code: 'duplicate_customer',
      matches: [
        expect.objectContaining({
          name: '杭州明达机械有限公司',
          ownerId: rep.id,
          matchedOn: ['name'],
        }),
      ],
    });
    const byDomain = await create(otherRep.token, {
      name: 'Totally different',
      email: 'ceo@ACME-trading.com',
    });
    expect(byDomain.statusCode).toBe(409);
    expect(byDomain.json().matches[0].matchedOn).toEqual(['domain']);
    const freeMail = await create(otherRep.token, { name: 'Gmail user one', email: 'a@gmail.com' });
    const freeMail2 = await create(otherRep.token, {
      name: 'Gmail user two',
      email: 'b@gmail.com',
    });
    expect([freeMail.statusCode, freeMail2.statusCode]).toEqual([201, 201]);
    const confirmed = await create(otherRep.token, {
      name: '杭州明达机械',
      confirmDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(201);
  });

  it('checks duplicates before saving', async () => {
    const response = await t.call(
      'GET',
      `/api/v1/customers/duplicates?name=${encodeURIComponent('ACME TRADING INC.')}`,
      {
        token: rep.token,
      },
    );
    expect(response.json().matches).toHaveLength(1);
  });
});

describe('GET /customers', () => {
  it('shows a rep their own and pool customers, never a colleague’s', async () => {
    const theirs = await create(otherRep.token, { name: 'Hidden From Rep GmbH' });
    const list = await t.call('GET', '/api/v1/customers?limit=500', { token: rep.token });
    const names = list.json().items.map((c: { name: string }) => c.name);
    expect(names).toContain('杭州明达机械有限公司');
    expect(names).toContain('Acme Trading Co., Ltd.');
    expect(names).not.toContain('Hidden From Rep GmbH');
    const detail = await t.call('GET', `/api/v1/customers/${theirs.json().id}`, {
      token: rep.token,
    });
    expect(detail.statusCode).toBe(404);
  });

  it("shows a manager their team's customers", async () => {
    const list = await t.call('GET', '/api/v1/customers?inPool=false&limit=500', {
      token: manager.token,
    });
    const owners = new Set(list.json().items.map((c: { ownerId: string }) => c.ownerId));
    expect(owners).toEqual(new Set([rep.id]));
  });

  it('searches by substring of name, phone or email', async () => {
    await create(rep.token, { name: '苏州新阳光电科技', phone: '0512-66889900' });
    const byName = await t.call('GET', `/api/v1/customers?q=${encodeURIComponent('阳光')}`, {
      token: rep.token,
    });
    expect(byName.json().items.map((c: { name: string }) => c.name)).toEqual(['苏州新阳光电科技']);
    const byPhone = await t.call('GET', '/api/v1/customers?q=66889', { token: rep.token });
    expect(byPhone.json().items).toHaveLength(1);
    const wildcard = await t.call('GET', `/api/v1/customers?q=${encodeURIComponent('%')}`, {
      token: rep.token,
    });
    expect(wildcard.json().items).toHaveLength(0);
  });

  it('pages with a cursor without gaps or repeats, in every sort', async () => {
    for (let i = 0; i < 7; i++)
      await create(t.adminToken, { name: `Paging Customer ${i}`, headcount: i });
    for (const sort of ['nextFollowUpAt', 'name', '-createdAt', '-score']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/customers?limit=3&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await t.call('GET', url, { token: t.adminToken })).json();
        seen.push(...page.items.map((c: { id: string }) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      const all = (
        await t.call('GET', `/api/v1/customers?limit=500&sort=${sort}`, { token: t.adminToken })
      ).json();
      expect(seen).toEqual(all.items.map((c: { id: string }) => c.id));
    }
  });

  it('refuses an unknown sort or a forged cursor with the parameter named', async () => {
    const sort = await t.call('GET', '/api/v1/customers?sort=name;drop table customers', {
      token: rep.token,
    });
    expect(sort.statusCode).toBe(400);
    expect(sort.json().errors[0].field).toBe('querystring.sort');
    const cursor = await t.call('GET', '/api/v1/customers?cursor=abc', { token: rep.token });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors[0].field).toBe('cursor');
  });
});

describe('PATCH /customers/:id', () => {
  it('edits with the version, refuses a stale one with the current values', async () => {
    const created = (await create(rep.token, { name: '宁波海达贸易' })).json();
    const ok = await t.call('PATCH', `/api/v1/customers/${created.id}`, {
      token: rep.token,
      body: { version: 1, city: '宁波', tags: ['重点', '外贸'] },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ city: '宁波', tags: ['重点', '外贸'], version: 2 });
    const stale = await t.call('PATCH', `/api/v1/customers/${created.id}`, {
      token: rep.token,
      body: { version: 1, city: '杭州' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'version_conflict',
      current: { city: '宁波', version: 2 },
    });
    const tagged = await t.call('GET', `/api/v1/customers?tag=${encodeURIComponent('外贸')}`, {
      token: rep.token,
    });
    expect(tagged.json().items.map((c: { id: string }) => c.id)).toEqual([created.id]);
  });

  it('archives and hides the customer from the default list', async () => {
    const created = (await create(rep.token, { name: 'To Be Archived Ltd' })).json();
    await t.call('PATCH', `/api/v1/customers/${created.id}`, {
      token: rep.token,
      body: { version: 1, archived: true },
    });
    const active = await t.call('GET', '/api/v1/customers?limit=500', { token: rep.token });
    expect(active.json().items.map((c: { id: string }) => c.id)).not.toContain(created.id);
    const archived = await t.call('GET', '/api/v1/customers?archived=true', { token: rep.token });
    expect(archived.json().items.map((c: { id: string }) => c.id)).toEqual([created.id]);
  });

  it("refuses a rep editing a pool customer (403) or a colleague's (404)", async () => {
    const pooled = (await create(t.adminToken, { name: 'Pool Only Corp' })).json();
    const pool = await t.call('PATCH', `/api/v1/customers/${pooled.id}`, {
      token: rep.token,
      body: { version: 1, city: 'X' },
    });
    expect(pool.statusCode).toBe(403);
    const theirs = (await create(otherRep.token, { name: 'Colleague Corp' })).json();
    const colleague = await t.call('PATCH', `/api/v1/customers/${theirs.id}`, {
      token: rep.token,
      body: { version: 1, city: 'X' },
    });
    expect(colleague.statusCode).toBe(404);
  });

  it('refuses custom values the org has not defined', async () => {
    const created = (await create(rep.token, { name: 'Custom Field Corp' })).json();
    const response = await t.call('PATCH', `/api/v1/customers/${created.id}`, {
      token: rep.token,
      body: { version: 1, custom: { unknownField: 'x' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('custom.unknownField');
  });
});
