import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTeam, buildUser } from '../../../../tests/setup/factories';
import { buildDealCustomer, buildFunnel } from '../../../../tests/setup/factories-deals';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { weightedAmountCents } from '../../../domain/forecast';

let t: TestApp;
let rep: Awaited<ReturnType<typeof buildUser>>;
let manager: Awaited<ReturnType<typeof buildUser>>;
let otherRep: Awaited<ReturnType<typeof buildUser>>;
let funnelId: string;
let teamId: string;
let mineId: string;
let theirsId: string;
let now: Date;

const OPEN_DEALS = 2000;

/** 2,000 open deals: those of `rep` in their team, every fifth one `otherRep`'s. */
async function seedDeals() {
  const mine = await buildDealCustomer(t, rep.token);
  const theirs = await buildDealCustomer(t, otherRep.token);
  mineId = mine.id;
  theirsId = theirs.id;
  now = t.clock.now();
  await t.database.query(sql`insert into deals (org_id, id, customer_id, funnel_id, name,
      amount_cents, stage_key, stage_entered_at, stale_at, probability, status, owner_id,
      expected_close_date, created_at, updated_at)
    select ${t.orgId}, gen_random_uuid(),
      case when g % 5 = 0 then ${theirs.id}::uuid else ${mine.id}::uuid end,
      ${funnelId}, 'Bulk deal ' || g, (g * 7919) % 1000000 + 1, s.key,
      ${now}::timestamptz - (g % 40) * interval '1 day',
      ${now}::timestamptz - (g % 40) * interval '1 day' + s.stale_days * interval '1 day',
      s.probability, 'open',
      case when g % 5 = 0 then ${otherRep.id}::uuid else ${rep.id}::uuid end,
      date '2030-01-01' + (g % 90), ${now}::timestamptz, ${now}::timestamptz - g * interval '1 second'
    from generate_series(1, ${OPEN_DEALS}) g
    join (values (0, 'qualify', 30, 10), (1, 'propose', 21, 40), (2, 'negotiate', 14, 70))
      as s(n, key, stale_days, probability) on s.n = g % 3`);
}

beforeAll(async () => {
  t = await createTestApp();
  manager = await buildUser(t, { role: 'manager' });
  teamId = (await buildTeam(t, { managerId: manager.id })).id;
  rep = await buildUser(t, { teamId });
  otherRep = await buildUser(t);
  funnelId = (await buildFunnel(t)).id;
  await seedDeals();
});
afterAll(async () => {
  await t.close();
});

interface Column {
  key: string;
  count: number;
  amount: number;
  weightedAmount: number;
  staleCount: number;
  deals: { id: string; stageKey: string }[];
  nextCursor: string | null;
}

const board = async (query: string, token = t.adminToken) =>
  t.call('GET', `/api/v1/deals/board?funnelId=${funnelId}${query}`, { token });

/** Independent per-stage totals: amounts from SQL, weighted per deal by the domain function. */
async function expectedTotals(where = sql`true`) {
  const rows = await t.database.query<{ stage_key: string; amount_cents: number; p: number }>(
    sql`select stage_key, amount_cents, probability as p from deals d
      where funnel_id = ${funnelId} and ${where}`,
  );
  const totals = new Map<string, { count: number; cents: number; weighted: number }>();
  for (const row of rows) {
    const total = totals.get(row.stage_key) ?? { count: 0, cents: 0, weighted: 0 };
    total.count += 1;
    total.cents += row.amount_cents;
    total.weighted += weightedAmountCents(row.amount_cents, row.p);
    totals.set(row.stage_key, total);
  }
  return totals;
}

describe('GET /deals/board', () => {
  it('needs a session and a funnel', async () => {
    expect((await t.call('GET', `/api/v1/deals/board?funnelId=${funnelId}`)).statusCode).toBe(401);
    const missing = await t.call('GET', '/api/v1/deals/board', { token: t.adminToken });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('querystring.funnelId');
    const unknown = await t.call('GET', `/api/v1/deals/board?funnelId=${teamId}`, {
      token: t.adminToken,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('sums every deal of each column in SQL and shows the first cards of 2,000', async () => {
    const response = await board('&limit=20');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const expected = await expectedTotals();
    expect(body.stages.map((column: Column) => column.key)).toEqual([
      'qualify',
      'propose',
      'negotiate',
      'won',
      'lost',
    ]);
    let openCount = 0;
    for (const column of body.stages as Column[]) {
      const total = expected.get(column.key) ?? { count: 0, cents: 0, weighted: 0 };
      expect(column.count).toBe(total.count);
      expect(Math.round(column.amount * 100)).toBe(total.cents);
      expect(Math.round(column.weightedAmount * 100)).toBe(total.weighted);
      expect(column.deals.length).toBe(Math.min(20, total.count));
      expect(column.deals.every((deal) => deal.stageKey === column.key)).toBe(true);
      expect(column.nextCursor === null).toBe(total.count <= 20);
      openCount += column.count;
    }
    expect(openCount).toBe(OPEN_DEALS);
    expect(body.open.count).toBe(OPEN_DEALS);
  });

  it('loads the rest of a column through GET /deals without gaps or repeats', async () => {
    const first = (await board('&limit=25')).json().stages[0] as Column;
    const seen = first.deals.map((deal) => deal.id);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await t.call(
        'GET',
        `/api/v1/deals?funnelId=${funnelId}&stageKey=qualify&limit=300&cursor=${cursor}`,
        { token: t.adminToken },
      );
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().items.map((deal: { id: string }) => deal.id));
      cursor = page.json().nextCursor;
    }
    expect(seen.length).toBe(first.count);
    expect(new Set(seen).size).toBe(first.count);
  });

  it('filters by owner, team, stale and expected close month', async () => {
    const byOwner = (await board(`&ownerId=${otherRep.id}`)).json();
    const ownerTotals = await expectedTotals(sql`owner_id = ${otherRep.id}`);
    expect(byOwner.stages[0].count).toBe(ownerTotals.get('qualify')?.count);

    const byTeam = (await board(`&teamId=${teamId}`)).json();
    expect(byTeam.open.count).toBe(OPEN_DEALS - OPEN_DEALS / 5);

    const stale = (await board('&stale=true')).json();
    const staleTotals = await expectedTotals(sql`stale_at <= ${now}`);
    for (const column of stale.stages as Column[]) {
      expect(column.count).toBe(staleTotals.get(column.key)?.count ?? 0);
      expect(column.staleCount).toBe(column.count);
    }
    const fresh = (await board('&stale=false')).json();
    expect(fresh.open.count + stale.open.count).toBe(OPEN_DEALS);

    const february = (await board('&closeMonth=2030-02')).json();
    const februaryTotals = await expectedTotals(
      sql`expected_close_date >= date '2030-02-01' and expected_close_date < date '2030-03-01'`,
    );
    expect(february.stages[1].count).toBe(februaryTotals.get('propose')?.count);
  });

  it('shows a rep only the deals of customers they may see', async () => {
    const mine = (await board('', rep.token)).json();
    expect(mine.open.count).toBe(OPEN_DEALS - OPEN_DEALS / 5);
    const theirs = (await board('', otherRep.token)).json();
    expect(theirs.open.count).toBe(OPEN_DEALS / 5);
  });

  // A rep's board is read from their customers' deals (boardOfScope), everyone else's column by
  // column: the same deals must give the same board, totals, cards, order and cursors alike.
  const SORTS = ['-updatedAt', '-amount', 'expectedCloseDate', 'stageEnteredAt', '-createdAt'];

  it("gives a rep the admin's board of the same deals, in every sort and filter", async () => {
    // Deals of the rep's customer without a close date: that sort puts them last.
    await t.database.query(sql`insert into deals (org_id, id, customer_id, funnel_id, name,
        amount_cents, stage_key, stage_entered_at, stale_at, probability, status, owner_id,
        created_at, updated_at)
      select ${t.orgId}, gen_random_uuid(), ${mineId}, ${funnelId}, 'Undated ' || g, 500 * g,
        'qualify', ${now}, ${now}, 10, 'open', ${rep.id}, ${now}, ${now}
      from generate_series(1, 3) g`);
    // The rep's deals are those of their customer, all of them theirs (the admin's ownerId).
    for (const sort of SORTS) {
      for (const filter of ['', '&stale=true', '&closeMonth=2030-02']) {
        const query = `&limit=7&sort=${sort}${filter}`;
        const mine = (await board(query, rep.token)).json();
        expect(mine.open.count).toBeGreaterThan(0);
        expect(mine).toEqual((await board(`${query}&ownerId=${rep.id}`)).json());
      }
    }
    // The whole stale qualify column (the undated deals are stale from now): they come last.
    const column = (await board('&limit=200&sort=expectedCloseDate&stale=true', rep.token)).json()
      .stages[0];
    expect(column.nextCursor).toBeNull();
    expect(
      column.deals
        .slice(-3)
        .map((deal: { name: string }) => deal.name)
        .sort(),
    ).toEqual(['Undated 1', 'Undated 2', 'Undated 3']);
  });

  it('adds the customers shared with a rep, each deal once', async () => {
    const share = await t.call('PUT', `/api/v1/customers/${theirsId}/collaborators/${rep.id}`, {
      token: t.adminToken,
      body: { access: 'read' },
    });
    expect(share.statusCode).toBe(200);
    // A share left on a customer the rep also owns (given to them later) counts it once.
    await t.database.query(sql`insert into customer_collaborators (org_id, id, customer_id,
        user_id, access, added_by) values (${t.orgId}, gen_random_uuid(), ${mineId}, ${rep.id},
        'read', ${otherRep.id})`);
    try {
      // Every deal of the funnel is now the rep's to see, each once.
      const every = [...(await expectedTotals()).values()].reduce((n, total) => n + total.count, 0);
      for (const sort of SORTS) {
        const query = `&limit=7&sort=${sort}`;
        const mine = (await board(query, rep.token)).json();
        expect(mine.open.count).toBe(every);
        expect(mine).toEqual((await board(query)).json());
      }
    } finally {
      await t.database.query(sql`delete from customer_collaborators
        where org_id = ${t.orgId} and user_id = ${rep.id}`);
    }
  });

  // An admin's and a manager's totals come from deal_stage_totals with the stale count as open
  // less fresh deals (boardTotals.ts); a stale filter still sums the deals themselves.
  it("gives a manager the admin's board of their team's deals, shared customers once", async () => {
    for (const sort of SORTS) {
      const query = `&limit=7&sort=${sort}`;
      const theirs = (await board(query, manager.token)).json();
      expect(theirs.open.count).toBeGreaterThan(0);
      expect(theirs).toEqual((await board(`${query}&ownerId=${rep.id}`)).json());
    }
    const staleOnly = (await board('&limit=1&stale=true', manager.token)).json();
    const all = (await board('&limit=1', manager.token)).json();
    const staleCounts = all.stages.map((column: Column) => column.staleCount);
    expect(staleCounts).toEqual(staleOnly.stages.map((column: Column) => column.count));
    expect(staleCounts.some((n: number) => n > 0)).toBe(true);
    expect(all.open.count).toBeGreaterThan(staleOnly.open.count);
    // A customer of another team shared with the manager; one of their own team's shared too.
    for (const customerId of [theirsId, mineId]) {
      await t.database.query(sql`insert into customer_collaborators (org_id, id, customer_id,
          user_id, access, added_by) values (${t.orgId}, gen_random_uuid(), ${customerId},
          ${manager.id}, 'read', ${otherRep.id})`);
    }
    try {
      const query = '&limit=7&sort=-amount';
      const shared = (await board(query, manager.token)).json();
      expect(shared).toEqual((await board(query)).json());
      expect(shared.open.count).toBe(all.open.count + OPEN_DEALS / 5);
      const byTeam = (await board(`${query}&teamId=${teamId}`, manager.token)).json();
      expect(byTeam).toEqual((await board(`${query}&ownerId=${rep.id}`)).json());
    } finally {
      await t.database.query(sql`delete from customer_collaborators
        where org_id = ${t.orgId} and user_id = ${manager.id}`);
    }
  });
});
