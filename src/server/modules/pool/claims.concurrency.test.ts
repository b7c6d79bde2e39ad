import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMember,
  claim,
  ownerOf,
  seedPoolCustomers,
} from '../../../../tests/setup/factories-pool';
import { createTestApp, type TestApp } from '../../../../tests/setup/test-app';

// Claims are decided in SQL (a conditional UPDATE counting the claimant's list, under a
// per-claimant advisory lock), so they hold however many requests arrive at once.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const count = async (statement: ReturnType<typeof sql>) =>
  (await t.database.query<{ n: number }>(statement))[0]?.n;

describe('concurrent claims', () => {
  it('leave exactly one owner when 60 reps claim one customer at the same instant', async () => {
    const reps = await Promise.all(Array.from({ length: 60 }, () => buildMember(t)));
    const [id] = await seedPoolCustomers(t, 1, 'Contested');
    const responses = await Promise.all(reps.map((rep) => claim(t, rep.token, id as string)));
    const codes = responses.map((response) => response.statusCode);
    expect(codes.filter((code) => code === 200)).toHaveLength(1);
    const refusals = responses.filter((response) => response.statusCode !== 200);
    expect(new Set(refusals.map((response) => response.json().code))).toEqual(
      new Set(['already_claimed']),
    );
    const winner = reps[codes.indexOf(200)];
    expect(await ownerOf(t, id as string)).toBe(winner?.id);
    expect(
      await count(sql`select count(*)::int as n from ownership_events
        where customer_id = ${id} and kind = 'claimed'`),
    ).toBe(1);
  });

  it('never take one rep past the limit when they fire 50 claims near it', async () => {
    const rep = await buildMember(t);
    const held = await seedPoolCustomers(t, 45, 'Already held');
    await t.database.query(
      sql`update customers set owner_id = ${rep.id}, pooled_at = null where id in ${held}`,
    );
    const wanted = await seedPoolCustomers(t, 50, 'Wanted');
    const responses = await Promise.all(wanted.map((id) => claim(t, rep.token, id)));
    const ok = responses.filter((response) => response.statusCode === 200);
    expect(ok).toHaveLength(5);
    const refused = responses.filter((response) => response.statusCode !== 200);
    expect(new Set(refused.map((response) => response.json().code))).toEqual(
      new Set(['holding_limit_reached']),
    );
    expect(
      await count(sql`select count(*)::int as n from customers where owner_id = ${rep.id}`),
    ).toBe(50);
  });

  it('keep every customer single-owned and every list within its limit in a free-for-all', async () => {
    const reps = await Promise.all(Array.from({ length: 10 }, () => buildMember(t)));
    for (const rep of reps) {
      await t.call('PUT', `/api/v1/pool/holding-limits/users/${rep.id}`, {
        token: t.adminToken,
        body: { holdingLimit: 3 },
      });
    }
    const ids = await seedPoolCustomers(t, 20, 'Free for all');
    const attempts = reps.flatMap((rep) => ids.map((id) => ({ rep, id })));
    const responses = await Promise.all(attempts.map(({ rep, id }) => claim(t, rep.token, id)));
    // Ten lists of three have room for all twenty.
    expect(responses.filter((response) => response.statusCode === 200)).toHaveLength(20);
    const lists = await t.database.query<{ owner_id: string; n: number }>(
      sql`select owner_id, count(*)::int as n from customers
        where id in ${ids} group by owner_id`,
    );
    expect(lists.every((list) => list.owner_id !== null && list.n <= 3)).toBe(true);
  });
});
