// The churn report reads a page per call (each visibility branch in the report's order from
// its index, merged) and sums its counts from customer_churn_counts; these check it answers
// exactly what flagging every visible customer and sorting them would, for an admin, a manager
// and a rep, under every filter, page after page, after writes that move customers between
// owners, pools and flags (which the counts' triggers must follow).
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { BENCH_PASSWORD } from '../../../cli/seedBench/benchPeople';
import { seedBench } from '../../../cli/seedBench/seedBench';
import { addDays, zonedDay } from '../../../domain/format/dates';
import { queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { visibleCustomers } from '../customers/customers.access';
import { readChurnConfig } from './churn.service';
import { contractCtes } from './churnFlags';

const NOW = new Date('2026-11-20T04:00:00Z');
const TODAY = zonedDay(NOW, 'Asia/Shanghai');
const CODES = ['no_order_overdue', 'revenue_drop', 'payment_overdue', 'contract_ending'] as const;
let t: TestApp;
type Who = { id: string; orgId: string; role: 'admin' | 'manager' | 'rep'; teamId: string | null };
interface Row extends Record<(typeof CODES)[number], number> {
  id: string;
  name: string;
  critical: number;
  count: number;
}

const run = (statement: SQL) => queryRows<Record<string, unknown>>(t.database.db, statement);

async function viewer(email: string): Promise<Who> {
  const [row] = await queryRows<Who>(
    t.database.db,
    sql`select id, org_id as "orgId", role, team_id as "teamId" from users where email = ${email}`,
  );
  if (!row) throw new Error(email);
  return row;
}

/** Every flagged customer in scope, read whole: the report's answer before it paged. */
async function everyFlagged(who: Who, scope: SQL[]): Promise<Row[]> {
  const config = (await readChurnConfig(t.database.db, t.orgId)).value;
  const where = sql.join([visibleCustomers(who), ...scope], sql` and `);
  const rows = await queryRows<Row>(
    t.database.db,
    sql`with ${contractCtes(t.orgId, TODAY, config, [where])}
    select c.id, c.name, c.no_order_overdue, c.revenue_drop, c.payment_overdue,
      coalesce(k.level, 0) as contract_ending,
      c.critical + (coalesce(k.level, 0) = 2)::int as critical,
      c.warnings + (coalesce(k.level, 0) > 0)::int as count
    from (select i.customer_id as id, i.* from customer_churn_inputs i
      where i.org_id = ${t.orgId} and i.warnings > 0 and not i.archived) c
      left join contract k on k.id = c.id
    where ${where}
    union all
    select k.id, c.name, 0, 0, 0, k.level, (k.level = 2)::int, 1
    from contract k join customers c on c.org_id = ${t.orgId} and c.id = k.id
    where not exists (select 1 from customer_churn_inputs i
      where i.org_id = ${t.orgId} and i.customer_id = k.id and i.warnings > 0 and not i.archived)`,
  );
  const key = (r: Row) => [-r.critical, -r.count, r.name, r.id] as const;
  return rows.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) {
      const [p, q] = [x[i] as string | number, y[i] as string | number];
      if (p !== q) return p < q ? -1 : 1;
    }
    return 0;
  });
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(NOW);
  await seedBench(t.database, t.orgId, { customers: 400, now: NOW, chunk: 400 });
  const rep = await viewer('rep1@bench.crm');
  const manager = await viewer('manager1@bench.crm');
  const share = (user: Who, where: SQL) =>
    run(sql`insert into customer_collaborators (org_id, id, customer_id, user_id, access, added_by)
      select c.org_id, gen_random_uuid(), c.id, ${user.id}, 'read', c.owner_id from customers c
      where c.org_id = ${t.orgId} and ${where} order by c.id limit 2`);
  // Shares: another team's customers, and one the rep already owns.
  await share(rep, sql`c.team_id <> ${rep.teamId} and c.owner_id is not null`);
  await share(rep, sql`c.owner_id = ${rep.id}`);
  await share(manager, sql`c.team_id <> ${manager.teamId} and c.owner_id is not null`);
  // Contracts ending (and ended) on flagged and unflagged customers, visible and not.
  await run(sql`update customers c set custom = c.custom || jsonb_build_object('contractEndDate',
      (${TODAY}::date + (c.id::text < '8')::int * 40 - 20 + (ascii(c.id::text) % 10))::text)
    where c.org_id = ${t.orgId} and ('x' || substr(md5(c.id::text), 1, 2))::bit(8)::int % 5 = 0`);
  // Owner changes (into the pool, to another rep), an archived customer, records undone:
  // each a write the counts must follow.
  await run(sql`update customers set owner_id = null, pool_team_id = null
    where org_id = ${t.orgId} and id in (select customer_id from customer_churn_inputs
      where org_id = ${t.orgId} and owner_id = ${rep.id} and warnings > 0 order by customer_id limit 3)`);
  await run(sql`update customers set owner_id = ${rep.id}
    where org_id = ${t.orgId} and id in (select customer_id from customer_churn_inputs
      where org_id = ${t.orgId} and owner_id <> ${rep.id} and warnings > 0 order by customer_id limit 3)`);
  await run(sql`update customers set archived_at = now() where org_id = ${t.orgId}
    and id in (select customer_id from customer_churn_inputs where org_id = ${t.orgId}
      and warnings > 0 order by customer_id desc limit 4)`);
  await run(sql`delete from sales_lines where org_id = ${t.orgId} and customer_id in (
    select customer_id from customer_churn_inputs where org_id = ${t.orgId} and warnings > 0
    order by name limit 5)`);
  // The read that brings the inputs up to date (the whole reads below do not refresh).
  await t.call('GET', '/api/v1/reports/churn-warnings?limit=1', { token: t.adminToken });
});
afterAll(async () => {
  await t.close();
});

describe('the churn report, a page at a time', () => {
  const filters = [
    '',
    '&code=no_order_overdue',
    '&code=revenue_drop',
    '&code=payment_overdue',
    '&code=contract_ending',
    '&severity=critical',
    '&severity=warning',
    '&code=payment_overdue&severity=critical',
  ];
  for (const email of ['admin@test.local', 'manager1@bench.crm', 'rep1@bench.crm']) {
    it(`pages and counts as a whole read would, for ${email}`, async () => {
      const who = await viewer(email);
      const token = email.startsWith('admin') ? t.adminToken : await t.login(email, BENCH_PASSWORD);
      const someone = await viewer('rep2@bench.crm');
      const scopes: [string, SQL[]][] = [
        ['', []],
        [`&ownerId=${someone.id}`, [sql`c.owner_id = ${someone.id}`]],
        [`&teamId=${someone.teamId}`, [sql`c.team_id = ${someone.teamId}`]],
      ];
      let shown = 0;
      for (const [scopeQuery, scope] of scopes) {
        for (const filter of filters) {
          const whole = (await everyFlagged(who, scope)).filter(
            (row) =>
              (!filter.includes('code=') ||
                CODES.some((code) => filter.includes(`code=${code}`) && row[code] > 0)) &&
              (!filter.includes('severity=') ||
                CODES.some((code) => row[code] === (filter.includes('severity=critical') ? 2 : 1))),
          );
          const seen: string[] = [];
          let cursor: string | null = null;
          do {
            const response = await t.call(
              'GET',
              `/api/v1/reports/churn-warnings?limit=7${scopeQuery}${filter}${cursor ? `&cursor=${cursor}` : ''}`,
              { token },
            );
            expect(response.statusCode).toBe(200);
            const page = response.json();
            seen.push(...page.items.map((item: { customerId: string }) => item.customerId));
            expect(page.counts).toEqual(
              Object.fromEntries(
                CODES.map((code) => [code, whole.filter((row) => row[code] > 0).length]),
              ),
            );
            cursor = page.nextCursor;
          } while (cursor);
          expect(seen).toEqual(whole.map((row) => row.id));
          shown += seen.length;
        }
      }
      expect(shown).toBeGreaterThan(100);
    }, 120_000);
  }

  it('keeps its counts equal to the flagged rows through writes, merged', async () => {
    const recount = sql`select owner_id, team_id, pool_team_id, no_order_overdue, revenue_drop,
        payment_overdue, count(*)::int as customers
      from customer_churn_inputs where org_id = ${t.orgId} and warnings > 0 and not archived
      group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`;
    const merged = sql`select owner_id, team_id, pool_team_id, no_order_overdue, revenue_drop,
        payment_overdue, customers from customer_churn_counts where org_id = ${t.orgId}
      order by 1, 2, 3, 4, 5, 6`;
    // A day later every flag is recomputed; the report's read merges what that appended.
    t.clock.set(new Date(NOW.getTime() + 86_400_000));
    const next = await t.call('GET', '/api/v1/reports/churn-warnings?limit=1', {
      token: t.adminToken,
    });
    expect(next.json().asOf).toBe(addDays(TODAY, 1));
    expect(await run(merged)).toEqual(await run(recount));
    expect(
      await run(sql`select count(*)::int as n from customer_churn_counts
      where org_id = ${t.orgId} and not merged`),
    ).toEqual([{ n: 0 }]);
    t.clock.set(NOW);
  });

  it('refuses a cursor it did not give out', async () => {
    const forged = Buffer.from(JSON.stringify([0, -1, 'x', 'not-a-uuid'])).toString('base64url');
    const huge = Buffer.from(JSON.stringify([1e20, -1, 'x', newId()])).toString('base64url');
    for (const cursor of [forged, huge]) {
      const response = await t.call('GET', `/api/v1/reports/churn-warnings?cursor=${cursor}`, {
        token: t.adminToken,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe('cursor');
    }
  });
});
