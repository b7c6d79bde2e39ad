// The customers list reads a rep's or manager's visible customers branch by branch (own, pools,
// shares, team) and merges them; these check it returns exactly what one query over
// visibleCustomers would, in the same order, page after page.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { BENCH_PASSWORD } from '../../../cli/seedBench/benchPeople';
import { seedBench } from '../../../cli/seedBench/seedBench';
import { queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { visibilityBranches, visibleCustomers } from './customers.access';

const NOW = new Date('2026-11-20T04:00:00Z');
let t: TestApp;
type Who = { id: string; orgId: string; role: 'admin' | 'manager' | 'rep'; teamId: string | null };

async function viewer(email: string): Promise<Who> {
  const [row] = await queryRows<Who>(
    t.database.db,
    sql`select id, org_id as "orgId", role, team_id as "teamId" from users where email = ${email}`,
  );
  if (!row) throw new Error(email);
  return row;
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(NOW);
  await seedBench(t.database, t.orgId, { customers: 400, now: NOW, chunk: 400 });
  // rep1 also sees another rep's customer shared with them, and a manager one of another team.
  const rep = await viewer('rep1@bench.crm');
  const manager = await viewer('manager1@bench.crm');
  await queryRows(
    t.database.db,
    sql`insert into customer_collaborators (org_id, id, customer_id, user_id, access, added_by)
      select c.org_id, ${newId()}::uuid, c.id, ${rep.id}, 'read', c.owner_id from customers c
      where c.owner_id not in (${rep.id}) and c.team_id <> ${rep.teamId} limit 1`,
  );
  await queryRows(
    t.database.db,
    sql`insert into customer_collaborators (org_id, id, customer_id, user_id, access, added_by)
      select c.org_id, ${newId()}::uuid, c.id, ${manager.id}, 'write', c.owner_id from customers c
      where c.team_id <> ${manager.teamId} limit 1`,
  );
});
afterAll(async () => {
  await t.close();
});

const ids = async (where: ReturnType<typeof sql>, order = sql`c.id`) =>
  (
    await queryRows<{ id: string }>(
      t.database.db,
      sql`select c.id from customers c where c.org_id = ${t.orgId} and c.archived_at is null
        and ${where} order by ${order}`,
    )
  ).map((row) => row.id);

describe('the customers list, branch by branch', () => {
  for (const email of ['rep1@bench.crm', 'manager1@bench.crm', 'admin@test.local']) {
    it(`covers exactly the visible customers of ${email}`, async () => {
      const who = await viewer(email);
      const visible = await ids(visibleCustomers(who));
      const branches = visibilityBranches(who);
      const union = new Set<string>();
      for (const branch of branches) for (const id of await ids(branch)) union.add(id);
      expect([...union].sort()).toEqual(visible);
      expect(visible.length).toBeGreaterThan(20);
    });
  }

  for (const [sort, order] of [
    ['nextFollowUpAt', sql`c.next_follow_up_at asc nulls last, c.id asc`],
    ['-createdAt', sql`c.created_at desc nulls last, c.id desc`],
    ['name', sql`c.name asc nulls last, c.id asc`],
  ] as const) {
    it(`pages a rep's and a manager's list by ${sort} as one query would`, async () => {
      for (const email of ['rep1@bench.crm', 'manager1@bench.crm']) {
        const token = await t.login(email, BENCH_PASSWORD);
        const expected = await ids(visibleCustomers(await viewer(email)), order);
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page = await t.call(
            'GET',
            `/api/v1/customers?sort=${sort}&limit=13${cursor ? `&cursor=${cursor}` : ''}`,
            { token },
          );
          expect(page.statusCode, page.body.slice(0, 200)).toBe(200);
          seen.push(...page.json().items.map((item: { id: string }) => item.id));
          cursor = page.json().nextCursor;
        } while (cursor);
        expect(seen).toEqual(expected);
      }
    });
  }
});
