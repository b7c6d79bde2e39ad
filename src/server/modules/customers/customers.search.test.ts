// Substring search through both indexes: three or more characters through the trigram index,
// one and two (华远, 远) through customer_search's grams. Whatever the path, the answer must be
// exactly the customers whose visible text contains the term.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../../tests/setup/factories';
import { csvText, importFile } from '../../../../tests/setup/factories-imports';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { searchMatches } from './customers.access';
import { findCustomers } from './customers.query';
import { CustomerListQuery } from './customers.schema';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;

interface Listed {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  inPool: boolean;
}

beforeAll(async () => {
  t = await createTestApp();
  rep = await buildUser(t, { name: '张三' });
});
afterAll(async () => {
  await t.close();
});

const create = async (token: string, body: Record<string, unknown>) => {
  const response = await t.call('POST', '/api/v1/customers', { token, body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Listed & { version: number };
};

/** Customers whose customer_search row is missing or differs from the customer. */
const staleGrams = () =>
  t.database.query<{ id: string }>(sql`select c.id from customers c
    left join customer_search s on s.org_id = c.org_id and s.customer_id = c.id
    where (s.search_text, s.next_follow_up_at, s.archived)
      is distinct from (c.search_text, c.next_follow_up_at, c.archived_at is not null)`);

const list = async (token: string, query: string): Promise<Listed[]> => {
  const response = await t.call('GET', `/api/v1/customers?limit=200&archived=all${query}`, {
    token,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
};

/** The substring rule itself: a rep matches a pool customer by name only (details hidden). */
const contains = (customer: Listed, term: string, asRep: boolean) => {
  const text =
    asRep && customer.inPool
      ? customer.name
      : `${customer.name} ${customer.phone ?? ''} ${customer.email ?? ''}`;
  return text.toLowerCase().includes(term.trim().toLowerCase());
};

const TERMS = [
  '华远', // two Chinese characters: the grams
  '远', // one Chinese character: the grams
  '科技',
  '上海',
  '华远科', // three: the trigram index
  '远华',
  'a', // one ASCII letter: no gram, read in sort order
  'ac',
  'AC',
  'me',
  '66',
  '9900',
  'a栋', // mixed
  '栋2',
  '@h',
  '司 0', // across name and phone
  ' 流 ', // trimmed, as the query schema does
  '%',
  '_',
  '恒',
  'zz',
];

describe('GET /customers?q=', () => {
  beforeAll(async () => {
    await create(t.adminToken, { name: '苏州华远科技有限公司', phone: '0512-66889900' });
    await create(t.adminToken, { name: '北京远华贸易', email: 'sales@huayuan.cn' });
    await create(t.adminToken, { name: 'Acme Trading Co., Ltd.', email: 'buyer@acme.com' });
    await create(t.adminToken, { name: '华为' });
    await create(rep.token, { name: '上海华远物流', phone: '021-99001234' });
    await create(rep.token, { name: 'A栋2号 设计工作室', email: 'hi@studio.cn' });
    await create(rep.token, { name: '深圳科技园 Macro Ltd' });
    const renamed = await create(rep.token, { name: '杭州华远恒通' });
    const patched = await t.call('PATCH', `/api/v1/customers/${renamed.id}`, {
      token: rep.token,
      body: { version: renamed.version, name: '杭州恒通机电', phone: '0571-66880000' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const job = await importFile(t, rep.token, {
      file: Buffer.from(
        csvText([
          ['公司名称', '电话', '邮箱'],
          ['宁波华远模具', '0574-12349900', ''],
          ['Zeta Acoustics', '', 'info@zeta.de'],
        ]),
      ),
      fields: { kind: 'customers' },
    });
    expect(job).toMatchObject({ status: 'done', imported: 2 });
  });

  it('keeps every customer’s grams in step with its name, phone and email', async () => {
    expect(await staleGrams()).toEqual([]);
    const [renamed] = await t.database.query<{ grams: string[] }>(sql`select
      customer_search_grams(s.search_text) as grams from customer_search s join customers c on c.org_id = s.org_id and c.id = s.customer_id
      where c.name = '杭州恒通机电'`);
    expect(renamed?.grams).toEqual(expect.arrayContaining(['恒通', '66', '机']));
    expect(renamed?.grams).not.toContain('华远');
  });

  it('finds exactly the customers containing the term, for the admin and for a rep', async () => {
    for (const [token, asRep] of [
      [t.adminToken, false],
      [rep.token, true],
    ] as const) {
      const everyone = await list(token, '');
      for (const term of TERMS) {
        const found = await list(token, `&q=${encodeURIComponent(term)}`);
        const expected = everyone.filter((customer) => contains(customer, term, asRep));
        expect(found.map((c) => c.name).sort(), `${term} (${asRep ? 'rep' : 'admin'})`).toEqual(
          expected.map((c) => c.name).sort(),
        );
      }
    }
    const huayuan = await list(t.adminToken, `&q=${encodeURIComponent('华远')}`);
    expect(huayuan.map((c) => c.name).sort()).toEqual([
      '上海华远物流',
      '宁波华远模具',
      '苏州华远科技有限公司',
    ]);
  });

  it('matches the same customers whether a short term reads in sort order or by candidates', async () => {
    // A common term (over SEARCH_CANDIDATES_MAX matches) is read in sort order; both shapes
    // must select the same rows.
    const viewers = [
      { id: rep.id, orgId: t.orgId, role: 'rep' as const, teamId: null },
      { id: rep.id, orgId: t.orgId, role: 'admin' as const, teamId: null },
    ];
    for (const viewer of viewers) {
      for (const term of TERMS) {
        const ids = async (byCandidates: boolean) =>
          (
            await t.database.query<{ id: string }>(sql`select c.id from customers c
              where c.org_id = ${t.orgId} and ${searchMatches(viewer, term.trim(), 'c', byCandidates)}
              order by c.id`)
          ).map((row) => row.id);
        expect(await ids(false), `${term} (${viewer.role})`).toEqual(await ids(true));
      }
    }
  });

  it('pages every short-term shape exactly as the plain list orders it', async () => {
    // 'sorted' reads the matches in customer_search's copy of the sort key and archived flag:
    // after a task moves a follow-up and a customer is archived, its pages must still be the
    // plain list's, page after page, for every archived filter.
    const [first] = await list(t.adminToken, `&q=${encodeURIComponent('华远')}`);
    const task = await t.call('POST', '/api/v1/tasks', {
      token: t.adminToken,
      body: { title: '回访', dueAt: '2026-12-01T02:00:00.000Z', customerId: first?.id },
    });
    expect(task.statusCode, task.body).toBe(201);
    const archived = (await list(t.adminToken, `&q=${encodeURIComponent('远华')}`))[0] as Listed & {
      version: number;
    };
    expect(archived.name).toBe('北京远华贸易');
    const patch = await t.call('PATCH', `/api/v1/customers/${archived.id}`, {
      token: t.adminToken,
      body: { version: archived.version, archived: true },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(await staleGrams()).toEqual([]);

    const admin = { id: rep.id, orgId: t.orgId, role: 'admin' as const, teamId: null };
    const context = { now: new Date(), timeZone: 'UTC' };
    for (const term of ['华远', '远', '科技', '上海', 'ac', '恒']) {
      for (const archivedFilter of ['false', 'true', 'all']) {
        const plain = await findCustomers(
          t.database.db,
          admin,
          CustomerListQuery.parse({ q: term, archived: archivedFilter, limit: 200 }),
          context,
          null,
        );
        for (const shape of ['candidates', 'sorted', 'walk'] as const) {
          const seen: string[] = [];
          let cursor: string | null = null;
          do {
            const page: { items: { id: string }[]; nextCursor: string | null } =
              await findCustomers(
                t.database.db,
                admin,
                CustomerListQuery.parse({
                  q: term,
                  archived: archivedFilter,
                  limit: 2,
                  ...(cursor ? { cursor } : {}),
                }),
                context,
                shape,
              );
            seen.push(...page.items.map((item) => item.id));
            cursor = page.nextCursor;
          } while (cursor);
          expect(seen, `${term} ${archivedFilter} ${shape}`).toEqual(
            plain.items.map((item) => item.id),
          );
        }
      }
    }
  });

  it('does not let a rep find a pool customer by its hidden phone', async () => {
    const found = await list(rep.token, '&q=66');
    expect(found.map((c) => c.name)).not.toContain('苏州华远科技有限公司');
    const asAdmin = await list(t.adminToken, '&q=66');
    expect(asAdmin.map((c) => c.name)).toContain('苏州华远科技有限公司');
  });

  it('searches the pool list the same way', async () => {
    const response = await t.call('GET', `/api/v1/pool/customers?q=${encodeURIComponent('华远')}`, {
      token: rep.token,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items.map((c: { name: string }) => c.name)).toEqual([
      '苏州华远科技有限公司',
    ]);
  });
});
