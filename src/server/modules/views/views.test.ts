import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import { countRows } from '../../../../tests/setup/factories-customer-archive';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  t = await createTestApp();
  rep = await buildUser(t);
  otherRep = await buildUser(t);
});
afterAll(async () => {
  await t.close();
});

const save = (token: string | null, body: Record<string, unknown>) =>
  t.call('POST', '/api/v1/views', { token, body });

describe('saved views', () => {
  it('needs a session', async () => {
    expect((await t.call('GET', '/api/v1/views?entity=customers')).statusCode).toBe(401);
    expect((await save(null, { entity: 'customers', name: 'x', filters: {} })).statusCode).toBe(
      401,
    );
  });

  it('refuses filters the customer list does not take, naming them, and writes nothing', async () => {
    const unknown = await save(rep.token, {
      entity: 'customers',
      name: 'Mine',
      filters: { colour: 'red', followUp: 'someday' },
    });
    expect(unknown.statusCode).toBe(400);
    const fields = unknown.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.filters.colour', 'body.filters.followUp']),
    );
    const noEntity = await save(rep.token, { entity: 'deals', name: '', filters: {} });
    expect(noEntity.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.entity', 'body.name']),
    );
    const badQuery = await t.call('GET', '/api/v1/views', { token: rep.token });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().errors[0].field).toBe('querystring.entity');
    expect(await countRows(t, 'saved_views')).toBe(0);
  });

  it('saves, lists per user, refuses a second view of the same name, deletes', async () => {
    const filters = {
      followUp: 'overdue',
      tag: '重点,外贸',
      source: '展会及研讨会',
      inPool: 'false',
    };
    const created = await save(rep.token, { entity: 'customers', name: '逾期重点客户', filters });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ entity: 'customers', name: '逾期重点客户', filters });
    const again = await save(rep.token, { entity: 'customers', name: '逾期重点客户', filters: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('name');
    const theirs = await save(otherRep.token, {
      entity: 'customers',
      name: '逾期重点客户',
      filters: {},
    });
    expect(theirs.statusCode).toBe(201);

    const mine = (
      await t.call('GET', '/api/v1/views?entity=customers', { token: rep.token })
    ).json();
    expect(mine.items.map((view: { id: string }) => view.id)).toEqual([created.json().id]);

    const foreign = await t.call('DELETE', `/api/v1/views/${theirs.json().id}`, {
      token: rep.token,
    });
    expect(foreign.statusCode).toBe(404);
    const deleted = await t.call('DELETE', `/api/v1/views/${created.json().id}`, {
      token: rep.token,
    });
    expect(deleted.statusCode).toBe(204);
    expect(
      (await t.call('GET', '/api/v1/views?entity=customers', { token: rep.token })).json().items,
    ).toEqual([]);
  });
});
