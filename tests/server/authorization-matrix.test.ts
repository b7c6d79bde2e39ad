import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam } from '../setup/factories';
import { buildContact, logActivity } from '../setup/factories-customer-archive';
import { buildDeal, buildFunnel } from '../setup/factories-deals';
import { buildCustomer, buildMember } from '../setup/factories-pool';
import { createTestApp, type TestApp } from '../setup/test-app';

// The authorisation matrix (issue 5, SPEC §7): for every customer, contact, activity, task
// and deal route that takes an id, and for the lists and reports, a rep or manager of team A
// cannot read or change what belongs to team B (404, or absent from lists), and cannot act
// above their role (403). The admin reaching every row keeps the table honest.

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Member = Awaited<ReturnType<typeof buildMember>>;

interface Work {
  customer: string;
  customerName: string;
  contact: string;
  activity: string;
  task: string;
  deal: string;
  dealName: string;
}

let t: TestApp;
const TOMORROW = new Date(Date.now() + 86_400_000).toISOString();
const TODAY = new Date().toISOString().slice(0, 10);
let funnelId: string;
let secondStage: string;
const people = {} as Record<'repA' | 'repA2' | 'managerA' | 'repB' | 'managerB', Member>;
const work = {} as Record<'repA' | 'repA2' | 'repB', Work>;

/** A customer with a contact, an activity, a task and a deal, all held by `owner`. */
async function buildWork(owner: Member, label: string): Promise<Work> {
  const customer = await buildCustomer(t, owner.token, { name: `${label}客户` });
  const contact = await buildContact(t, owner.token, customer.id, { name: `${label}联系人` });
  const activity = await logActivity(t, owner.token, customer.id, { summary: `${label}拜访` });
  const task = await t.call('POST', '/api/v1/tasks', {
    token: owner.token,
    body: { title: `${label}任务`, dueAt: TOMORROW, customerId: customer.id },
  });
  expect(task.statusCode).toBe(201);
  const deal = await buildDeal(t, owner.token, {
    customerId: customer.id,
    funnelId,
    name: `${label}商机`,
  });
  return {
    customer: customer.id,
    customerName: customer.name,
    contact: contact.id,
    activity: activity.id,
    task: task.json().id,
    deal: deal.id,
    dealName: `${label}商机`,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const teamA = await buildTeam(t, { name: '甲队' });
  const teamB = await buildTeam(t, { name: '乙队' });
  people.managerA = await buildMember(t, { role: 'manager', teamId: teamA.id, name: '甲经理' });
  people.managerB = await buildMember(t, { role: 'manager', teamId: teamB.id, name: '乙经理' });
  people.repA = await buildMember(t, { teamId: teamA.id, name: '甲销售' });
  people.repA2 = await buildMember(t, { teamId: teamA.id, name: '甲销售二' });
  people.repB = await buildMember(t, { teamId: teamB.id, name: '乙销售' });
  const funnel = await buildFunnel(t);
  funnelId = funnel.id;
  secondStage = funnel.stages[1]?.key as string;
  work.repA = await buildWork(people.repA, '甲队');
  work.repA2 = await buildWork(people.repA2, '甲队同事');
  work.repB = await buildWork(people.repB, '乙队');
});
afterAll(async () => {
  await t.close();
});

/** Every route that names one customer, contact, activity, task or deal. */
function idRoutes(w: Work): [string, Method, string, unknown][] {
  return [
    ['read customer', 'GET', `/api/v1/customers/${w.customer}`, undefined],
    ['edit customer', 'PATCH', `/api/v1/customers/${w.customer}`, { version: 99, city: '杭州' }],
    ['customer timeline', 'GET', `/api/v1/customers/${w.customer}/timeline`, undefined],
    ['customer contacts', 'GET', `/api/v1/customers/${w.customer}/contacts`, undefined],
    ['customer activities', 'GET', `/api/v1/customers/${w.customer}/activities`, undefined],
    ['decision chain', 'GET', `/api/v1/customers/${w.customer}/decision-chain`, undefined],
    ['lifecycle', 'GET', `/api/v1/customers/${w.customer}/lifecycle`, undefined],
    ['lifecycle history', 'GET', `/api/v1/customers/${w.customer}/lifecycle/history`, undefined],
    ['ownership history', 'GET', `/api/v1/customers/${w.customer}/ownership-history`, undefined],
    ['claim', 'POST', `/api/v1/customers/${w.customer}/claim`, undefined],
    ['release', 'POST', `/api/v1/customers/${w.customer}/release`, { reason: '试探' }],
    ['read contact', 'GET', `/api/v1/contacts/${w.contact}`, undefined],
    ['edit contact', 'PATCH', `/api/v1/contacts/${w.contact}`, { version: 99, title: '经理' }],
    ['read activity', 'GET', `/api/v1/activities/${w.activity}`, undefined],
    ['read task', 'GET', `/api/v1/tasks/${w.task}`, undefined],
    ['edit task', 'PATCH', `/api/v1/tasks/${w.task}`, { version: 99, title: '改' }],
    ['read deal', 'GET', `/api/v1/deals/${w.deal}`, undefined],
    ['edit deal', 'PATCH', `/api/v1/deals/${w.deal}`, { version: 99, nextStep: '改' }],
    ['deal history', 'GET', `/api/v1/deals/${w.deal}/history`, undefined],
    ['deal gate', 'GET', `/api/v1/deals/${w.deal}/gate?toStageKey=${secondStage}`, undefined],
    ['deal documents', 'GET', `/api/v1/deals/${w.deal}/documents`, undefined],
    ['move deal', 'POST', `/api/v1/deals/${w.deal}/move`, { toStageKey: 'no-such-stage' }],
    [
      'tick checklist',
      'POST',
      `/api/v1/deals/${w.deal}/checklist`,
      { stageKey: 'no-such-stage', itemId: 'x', checked: true },
    ],
  ];
}

const statusOf = async (token: string, method: Method, url: string, body: unknown) =>
  (await t.call(method, url, { token, body })).statusCode;

describe('another team’s rows answer 404 to reps and managers, for every id route', () => {
  const cases: [string, () => Member, () => Work][] = [
    ["a rep of team A, team B's", () => people.repA, () => work.repB],
    ["a rep of team A, a teammate's", () => people.repA, () => work.repA2],
    ["a manager of team A, team B's", () => people.managerA, () => work.repB],
    ["a manager of team B, team A's", () => people.managerB, () => work.repA],
  ];
  for (const [who, actor, rows] of cases) {
    it(`${who}`, async () => {
      const seen: [string, number][] = [];
      for (const [what, method, url, body] of idRoutes(rows())) {
        seen.push([what, await statusOf(actor().token, method, url, body)]);
      }
      expect(seen.filter(([, status]) => status !== 404)).toEqual([]);
    });
  }

  it('while the admin, the owner and their manager reach every one of them', async () => {
    for (const token of [t.adminToken, people.repB.token, people.managerB.token]) {
      const seen: [string, number][] = [];
      for (const [what, method, url, body] of idRoutes(work.repB)) {
        if (what === 'release') continue; // would change the owner for the next token
        seen.push([what, await statusOf(token, method, url, body)]);
      }
      expect(seen.filter(([, status]) => status === 404 || status === 403)).toEqual([]);
    }
  });
});

describe('lists and reports leave another team’s rows out', () => {
  /** Lists and reports, each filtered to the other team's rep where it takes a filter. */
  const views = (): string[] => [
    `/api/v1/customers?limit=500`,
    `/api/v1/customers?ownerId=${people.repB.id}`,
    `/api/v1/customers/export?format=csv&ownerId=${people.repB.id}`,
    `/api/v1/deals?limit=500`,
    `/api/v1/deals/board?funnelId=${funnelId}`,
    `/api/v1/tasks?status=all&assigneeId=${people.repB.id}`,
    `/api/v1/tasks?status=all&customerId=${work.repB.customer}`,
    `/api/v1/pool/history?userId=${people.repB.id}`,
    `/api/v1/reports/funnel/stale?funnelId=${funnelId}`,
  ];
  const markers = () => [work.repB.customerName, work.repB.dealName, '乙队任务'];
  const leaks = async (token: string) => {
    const found: string[] = [];
    for (const url of views()) {
      const response = await t.call('GET', url, { token });
      expect([url, response.statusCode]).toEqual([url, 200]);
      for (const marker of markers()) if (response.body.includes(marker)) found.push(url);
    }
    return [...new Set(found)];
  };

  it('for a rep and a manager of team A', async () => {
    expect(await leaks(people.repA.token)).toEqual([]);
    expect(await leaks(people.managerA.token)).toEqual([]);
  });

  it('but not for the admin (so the markers are really there)', async () => {
    const shown = await leaks(t.adminToken);
    expect(shown).toEqual(
      expect.arrayContaining([
        `/api/v1/customers?ownerId=${people.repB.id}`,
        `/api/v1/deals?limit=500`,
        `/api/v1/tasks?status=all&assigneeId=${people.repB.id}`,
      ]),
    );
  });

  it('counts none of team B’s deals in the funnel report for team A', async () => {
    const total = async (token: string) => {
      const response = await t.call(
        'GET',
        `/api/v1/reports/funnel?funnelId=${funnelId}&ownerId=${people.repB.id}`,
        { token },
      );
      expect(response.statusCode).toBe(200);
      return response
        .json()
        .stages.reduce((sum: number, stage: { count: number }) => sum + stage.count, 0);
    };
    expect(await total(t.adminToken)).toBe(1);
    expect(await total(people.managerB.token)).toBe(1);
    expect(await total(people.repA.token)).toBe(0);
    expect(await total(people.managerA.token)).toBe(0);
  });

  it('lists only the people a viewer may see in the holdings and the ownership report', async () => {
    const names = async (token: string, url: string, key: 'items' | 'rows') =>
      (await t.call('GET', url, { token })).json()[key].map((row: { name: string }) => row.name);
    const report = `/api/v1/pool/report?from=${TODAY}&to=${TODAY}`;
    expect(await names(people.repA.token, report, 'rows')).toEqual(['甲销售']);
    expect((await names(people.managerA.token, report, 'rows')).sort()).toEqual(
      ['甲经理', '甲销售', '甲销售二'].sort(),
    );
    expect(await names(people.managerA.token, '/api/v1/pool/holdings', 'items')).not.toContain(
      '乙销售',
    );
  });
});

describe('no one acts above their role (403)', () => {
  it('a rep, on their own rows and the org’s settings', async () => {
    const rep = people.repA;
    const own = work.repA;
    const attempts: [string, Method, string, unknown][] = [
      [
        'assign own customer',
        'POST',
        `/api/v1/customers/${own.customer}/assign`,
        { ownerId: people.repA2.id },
      ],
      [
        'register for another',
        'POST',
        '/api/v1/customers',
        { name: '代别人报备', ownerId: people.repA2.id },
      ],
      [
        'task for another',
        'POST',
        '/api/v1/tasks',
        { title: 'x', dueAt: TOMORROW, assigneeId: people.repA2.id },
      ],
      [
        'hand own deal over',
        'PATCH',
        `/api/v1/deals/${own.deal}`,
        { version: 1, ownerId: people.repA2.id },
      ],
      [
        'open a deal past the first stage',
        'POST',
        '/api/v1/deals',
        { customerId: own.customer, funnelId, name: 'x', amount: 1, stageKey: secondStage },
      ],
      ['create a funnel', 'POST', '/api/v1/funnels', { template: 'six-step' }],
      [
        'create a user',
        'POST',
        '/api/v1/users',
        { email: 'x@test.local', name: 'x', password: 'password-123', role: 'admin' },
      ],
      ['create a team', 'POST', '/api/v1/teams', { name: '丙队' }],
      ['org settings', 'PATCH', '/api/v1/settings/org', { version: 1, neglectedAfterDays: 3 }],
      ['read the audit log', 'GET', '/api/v1/audit', undefined],
      ['pool policy', 'PATCH', '/api/v1/pool/settings', { version: 1, holdingLimit: 999 }],
      [
        'own holding limit',
        'PUT',
        `/api/v1/pool/holding-limits/users/${rep.id}`,
        { holdingLimit: 999 },
      ],
      ['lapse rules', 'POST', '/api/v1/pool/lapse-rules', { name: 'x', noActivityDays: 999 }],
      ['team holdings', 'GET', '/api/v1/pool/holdings', undefined],
    ];
    const seen: [string, number][] = [];
    for (const [what, method, url, body] of attempts) {
      seen.push([what, await statusOf(rep.token, method, url, body)]);
    }
    expect(seen.filter(([, status]) => status !== 403)).toEqual([]);
  });

  it('a manager, towards another team and the org’s settings', async () => {
    const manager = people.managerA;
    const attempts: [string, Method, string, unknown][] = [
      [
        'assign to team B',
        'POST',
        `/api/v1/customers/${work.repA.customer}/assign`,
        { ownerId: people.repB.id, moveOpenWork: true },
      ],
      [
        'task for team B',
        'POST',
        '/api/v1/tasks',
        { title: 'x', dueAt: TOMORROW, assigneeId: people.repB.id },
      ],
      [
        'register for team B',
        'POST',
        '/api/v1/customers',
        { name: '代乙队报备', ownerId: people.repB.id },
      ],
      ['create a funnel', 'POST', '/api/v1/funnels', { template: 'six-step' }],
      [
        'create a user',
        'POST',
        '/api/v1/users',
        { email: 'y@test.local', name: 'y', password: 'password-123', role: 'admin' },
      ],
      ['org settings', 'PATCH', '/api/v1/settings/org', { version: 1, neglectedAfterDays: 3 }],
      ['pool policy', 'PATCH', '/api/v1/pool/settings', { version: 1, holdingLimit: 999 }],
      ['lapse rules', 'POST', '/api/v1/pool/lapse-rules', { name: 'x', noActivityDays: 999 }],
    ];
    const seen: [string, number][] = [];
    for (const [what, method, url, body] of attempts) {
      seen.push([what, await statusOf(manager.token, method, url, body)]);
    }
    expect(seen.filter(([, status]) => status !== 403)).toEqual([]);
  });
});
