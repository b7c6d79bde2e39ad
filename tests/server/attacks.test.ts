import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/server/db/ids';
import { orgs } from '../../src/server/db/schema';
import { ensureOrgDefaults } from '../../src/server/modules/orgs/orgDefaults';
import { buildContact, buildCustomer, logActivity } from '../setup/factories-customer-archive';
import { buildDeal, SMALL_FUNNEL_STAGES } from '../setup/factories-deals';
import { insertMember } from '../setup/members';
import { createTestApp, type TestApp } from '../setup/test-app';

// Attacks (issue 10), each failing if its defence goes: SQL injection in every list route's
// query parameters (values bound, sorts whitelisted), IDOR into another org through every
// route that takes an id, cookie and header hardening.

let t: TestApp;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface OpenApiParameter {
  in: string;
  name: string;
  schema?: { type?: string; enum?: unknown[]; format?: string; anyOf?: unknown[] };
}
let spec: { paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>> };

/** Org B: its own admin and a customer with a contact, an activity, a task, a deal, … */
const b = {} as Record<string, string>;

async function buildOrgB() {
  const orgId = newId();
  await t.database.db.transaction(async (tx) => {
    await tx.insert(orgs).values({ id: orgId, name: '乙公司' });
    await ensureOrgDefaults(tx, orgId);
  });
  const { id: adminId, token } = await insertMember(t.database.db, orgId, {
    email: 'admin@org-b.local',
    name: '乙公司管理员',
    role: 'admin',
    now: t.clock.now(),
  });
  const call = async (method: Method, url: string, body?: unknown) => {
    const response = await t.call(method, `/api/v1${url}`, { token, body });
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };
  const customer = await buildCustomer(t, token, { name: '乙公司的秘密客户' });
  const funnel = await buildFunnelAs(token);
  Object.assign(b, {
    orgId,
    adminId,
    token,
    customer: customer.id,
    contact: (await buildContact(t, token, customer.id)).id,
    activity: (await logActivity(t, token, customer.id)).id,
    task: (
      await call('POST', '/tasks', {
        title: '乙任务',
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        customerId: customer.id,
      })
    ).id,
    funnel: funnel.id,
    inquiry: (await call('POST', '/inquiries', { channel: 'email', body: '乙公司的询盘' })).id,
    team: (await call('POST', '/teams', { name: '乙队' })).id,
    user: adminId,
    topic: (
      await call('POST', '/topics', { category: 'price_change', title: '乙话题', template: '内容' })
    ).id,
    view: (await call('POST', '/views', { entity: 'customers', name: '乙视图', filters: {} })).id,
    lapseRule: (await call('POST', '/pool/lapse-rules', { name: '乙规则', noActivityDays: 30 })).id,
  });
}

/** A funnel made by org B's admin (buildFunnel makes one as org A's). */
async function buildFunnelAs(token: string): Promise<{ id: string }> {
  const response = await t.call('POST', '/api/v1/funnels', {
    token,
    body: { name: 'B funnel', stages: SMALL_FUNNEL_STAGES },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

beforeAll(async () => {
  t = await createTestApp();
  spec = t.app.swagger() as unknown as typeof spec;
  await buildCustomer(t, t.adminToken, { name: '甲公司客户一', city: '杭州' });
  await buildCustomer(t, t.adminToken, { name: '甲公司客户二', city: '宁波' });
  await buildOrgB();
});
afterAll(async () => {
  await t.close();
});

/** Per-table row counts, to show an attack wrote nothing. */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = await t.database.query<{ name: string }>(
    sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'audit_log'
        and table_name not like '%migrations%' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await t.database.query<{ count: number }>(
      sql.raw(`select count(*)::int as count from "${name}"`),
    );
    counts[name] = row?.count ?? 0;
  }
  return counts;
}

describe('SQL injection in every list parameter', () => {
  const PAYLOADS = [
    "' or '1'='1",
    "x'; drop table customers; --",
    '1) or 1=1 --',
    'name desc, (select pg_sleep(5))',
  ];

  it('binds every value and takes only whitelisted sort columns', async () => {
    // Once plainly first: some reads lay down an org's default settings row on first use.
    for (const [path, operations] of Object.entries(spec.paths)) {
      if (operations.get && !path.includes('{') && path.startsWith('/api/v1/')) {
        await t.call('GET', path, { token: t.adminToken });
      }
    }
    const before = await tableCounts();
    const tried: string[] = [];
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(spec.paths)) {
      const get = operations.get;
      if (!get || path.includes('{') || !path.startsWith('/api/v1/') || path.includes('/test/'))
        continue;
      for (const parameter of get.parameters ?? []) {
        if (parameter.in !== 'query' || parameter.name === 'cursor') continue;
        const schema = parameter.schema ?? {};
        const free = schema.type === 'string' && !schema.enum && !schema.format;
        const probe = async (value: string) =>
          t.call('GET', `${path}?${new URLSearchParams({ [parameter.name]: value })}`, {
            token: t.adminToken,
          });
        const benign = await probe('zzqx-no-such-value');
        const responses = await Promise.all(PAYLOADS.map(probe));
        for (const [index, payload] of PAYLOADS.entries()) {
          tried.push(`${path}?${parameter.name}`);
          const response = responses[index] as Awaited<ReturnType<typeof probe>>;
          const where = `${path}?${parameter.name}=${payload}: ${response.statusCode}`;
          if (response.statusCode >= 500) problems.push(where);
          else if (!free && response.statusCode !== 400 && benign.statusCode === 400) {
            // A whitelisted value (sort, enum, id, date) refuses anything else.
            problems.push(where);
          } else if (
            free &&
            response.statusCode === 200 &&
            benign.statusCode === 200 &&
            String(response.headers['content-type']).includes('json')
          ) {
            // A bound value behaves like any other string that matches nothing.
            const count = (body: string) => JSON.stringify(JSON.parse(body).items?.length ?? null);
            if (count(response.body) !== count(benign.body)) problems.push(`${where} (matched)`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(new Set(tried).size).toBeGreaterThan(40);
    expect(await tableCounts()).toEqual(before);
    // Hundreds of requests, more with every route: 30 s was too little on a loaded CI machine.
  }, 180_000);

  it('refuses a sort outside the whitelist on the customer list', async () => {
    const response = await t.call('GET', '/api/v1/customers?sort=name;drop table customers', {
      token: t.adminToken,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('querystring.sort');
  });
});

describe('IDOR across orgs', () => {
  /** Org B's id for a route, from its first segment after /api/v1. */
  function idFor(path: string, param: string): string {
    if (param === 'scope') return 'users';
    if (param === 'targetId') return b.user as string;
    if (param === 'code') return 'no_contact';
    if (param === 'period') return '2026-03-1';
    if (param === 'name') return 'lapse';
    const segment = path.replace('/api/v1/', '').split('/').slice(0, 2).join('/');
    const byPrefix: Record<string, string | undefined> = {
      customers: b.customer,
      contacts: b.contact,
      activities: b.activity,
      tasks: b.task,
      deals: b.customer, // a deal of org B: see below
      inquiries: b.inquiry,
      funnels: b.funnel,
      users: b.user,
      teams: b.team,
      topics: b.topic,
      views: b.view,
      'pool/lapse-rules': b.lapseRule,
    };
    return byPrefix[segment] ?? byPrefix[segment.split('/')[0] as string] ?? (b.customer as string);
  }

  it('answers 404 to org A’s admin on every route naming one of org B’s rows, changing nothing', async () => {
    const deal = await buildDeal(t, b.token as string, {
      customerId: b.customer as string,
      funnelId: b.funnel as string,
    });
    b.deal = deal.id;
    const before = await tableCounts();
    const seen: string[] = [];
    const wrong: string[] = [];
    for (const [path, operations] of Object.entries(spec.paths)) {
      if (!path.includes('{') || path.includes('/test/')) continue;
      for (const method of Object.keys(operations)) {
        let url = path.replace(/\{(\w+)\}/g, (_, param: string) => idFor(path, param));
        if (path.startsWith('/api/v1/deals/')) url = url.replace(b.customer as string, b.deal);
        const body =
          method === 'get' || method === 'delete'
            ? undefined
            : {
                version: 1,
                name: 'x',
                title: 'x',
                city: 'x',
                reason: 'x',
                toStageKey: 'x',
                stageKey: 'x',
                itemId: 'x',
                checked: true,
                ownerId: b.user,
                holdingLimit: 5,
              };
        const response = await t.call(method.toUpperCase() as Method, url, {
          token: t.adminToken,
          body,
        });
        seen.push(`${method} ${path}`);
        // 400 is a body this probe got wrong, not a leak; anything else but 404 is.
        if (![404, 400].includes(response.statusCode)) {
          wrong.push(`${method} ${url}: ${response.statusCode}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(seen.length).toBeGreaterThan(60);
    expect(await tableCounts()).toEqual(before);
  });

  it('answers 404 to the main reads and edits of org B’s rows (not a 400 first)', async () => {
    const cases: [Method, string, unknown][] = [
      ['GET', `/customers/${b.customer}`, undefined],
      ['PATCH', `/customers/${b.customer}`, { version: 1, city: '偷改' }],
      ['POST', `/customers/${b.customer}/claim`, undefined],
      ['GET', `/customers/${b.customer}/timeline`, undefined],
      ['GET', `/contacts/${b.contact}`, undefined],
      ['PATCH', `/contacts/${b.contact}`, { version: 1, title: '偷改' }],
      ['GET', `/activities/${b.activity}`, undefined],
      ['PATCH', `/tasks/${b.task}`, { version: 1, title: '偷改' }],
      ['GET', `/deals/${b.deal}`, undefined],
      ['PATCH', `/deals/${b.deal}`, { version: 1, nextStep: '偷改' }],
      ['GET', `/inquiries/${b.inquiry}`, undefined],
      ['PATCH', `/users/${b.user}`, { version: 1, name: '偷改' }],
      ['PATCH', `/teams/${b.team}`, { version: 1, name: '偷改' }],
      ['GET', `/funnels/${b.funnel}`, undefined],
      ['DELETE', `/views/${b.view}`, undefined],
      ['DELETE', `/topics/${b.topic}`, undefined],
      ['DELETE', `/pool/lapse-rules/${b.lapseRule}`, undefined],
    ];
    const seen: [string, number][] = [];
    for (const [method, url, body] of cases) {
      const response = await t.call(method, `/api/v1${url}`, { token: t.adminToken, body });
      seen.push([`${method} ${url}`, response.statusCode]);
    }
    expect(seen.filter(([, status]) => status !== 404)).toEqual([]);
  });

  it('leaves org B’s rows out of org A’s lists and searches', async () => {
    for (const url of [
      '/customers?q=乙公司',
      '/customers?limit=500',
      '/deals?limit=500',
      '/tasks?status=all',
      '/inquiries',
      '/users',
      '/teams',
      '/audit?limit=200',
    ]) {
      const response = await t.call('GET', `/api/v1${url}`, { token: t.adminToken });
      expect([url, response.statusCode]).toEqual([url, 200]);
      expect([url, response.body.includes('乙')]).toEqual([url, false]);
    }
  });
});

describe('cookies and headers', () => {
  it('sets an HttpOnly SameSite session cookie and refuses a cookie change with no origin', async () => {
    const login = await t.call('POST', '/api/v1/auth/login', {
      body: { email: 'admin@test.local', password: 'admin-password-1' },
    });
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const token = login.json().token as string;
    const noOrigin = await t.call('POST', '/api/v1/customers', {
      headers: { cookie: `crm_session=${token}` },
      body: { name: '跨站创建' },
    });
    expect(noOrigin.statusCode).toBe(403);
    expect(noOrigin.json().code).toBe('csrf_rejected');
  });

  it('sends the security headers, with a CSP that allows no inline script', async () => {
    const response = await t.call('GET', '/api/health');
    const csp = String(response.headers['content-security-policy']);
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc.trim()).toBe("'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
