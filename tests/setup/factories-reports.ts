// A small hand-built world for the report and forecast tests: deals and their stage history
// written straight to the tables so every instant is exact.
import { sql } from 'drizzle-orm';
import { newId } from '../../src/server/db/ids';
import { buildTeam, buildUser } from './factories';
import { buildDealCustomer, buildFunnel } from './factories-deals';
import type { TestApp } from './test-app';

export interface DealFixture {
  customerId: string;
  ownerId: string;
  funnelId: string;
  amountCents: number;
  probability: number;
  /** [stage key, ISO instant], oldest first; the last one is where the deal is now. */
  path: [string, string][];
  expectedCloseDate?: string | null;
  staleAt?: string | null;
  lostReasonId?: string | null;
  products?: string[];
  name?: string;
}

const ORDER = ['qualify', 'propose', 'negotiate'];

export async function insertDeal(t: TestApp, deal: DealFixture): Promise<string> {
  const id = newId();
  const [lastKey, lastAt] = deal.path.at(-1) as [string, string];
  const status = lastKey === 'won' ? 'won' : lastKey === 'lost' ? 'lost' : 'open';
  const createdAt = deal.path[0]?.[1] as string;
  // As the moves leave it: the furthest open stage on the path.
  const furthest = ORDER[Math.max(-1, ...deal.path.map(([key]) => ORDER.indexOf(key)))] ?? null;
  await t.database.query(sql`insert into deals (org_id, id, customer_id, funnel_id, name, amount_cents,
      expected_close_date, products, stage_key, furthest_stage_key, stage_entered_at, stale_at, probability, status,
      closed_at, lost_reason_id, owner_id, created_by, created_at, updated_at)
    values (${t.orgId}, ${id}, ${deal.customerId}, ${deal.funnelId}, ${deal.name ?? `Deal ${id.slice(-4)}`},
      ${deal.amountCents}, ${deal.expectedCloseDate ?? null}, ${sql.param(deal.products ?? [])}::text[],
      ${lastKey}, ${furthest}, ${lastAt}::timestamptz, ${deal.staleAt ?? null}::timestamptz, ${deal.probability},
      ${status}, ${status === 'open' ? null : lastAt}::timestamptz, ${deal.lostReasonId ?? null},
      ${deal.ownerId}, ${deal.ownerId}, ${createdAt}::timestamptz, ${lastAt}::timestamptz)`);
  let previous: string | null = null;
  for (const [key, at] of deal.path) {
    const direction =
      previous === null
        ? 'initial'
        : key === 'won' || key === 'lost'
          ? 'terminal'
          : ORDER.indexOf(key) > ORDER.indexOf(previous)
            ? 'forward'
            : 'backward';
    await t.database.query(sql`insert into stage_history (org_id, id, customer_id, deal_id, funnel_id,
        from_stage_key, to_stage_key, direction, at, by_user_id, lost_reason_id)
      values (${t.orgId}, ${newId()}, ${deal.customerId}, ${id}, ${deal.funnelId}, ${previous}, ${key},
        ${direction}, ${at}::timestamptz, ${deal.ownerId},
        ${key === 'lost' ? (deal.lostReasonId ?? null) : null})`);
    previous = key;
  }
  return id;
}

export async function insertLostReason(t: TestApp, name: string): Promise<string> {
  const id = newId();
  await t.database.query(
    sql`insert into lost_reasons (org_id, id, name) values (${t.orgId}, ${id}, ${name})`,
  );
  return id;
}

/**
 * Team T: manager M, reps R1 and R2; R3 in no team. Six deals in the small funnel
 * (qualify 10 % → propose 40 % → negotiate 70 % → won | lost), Asia/Shanghai.
 */
export async function buildFunnelWorld(t: TestApp) {
  const manager = await buildUser(t, { role: 'manager' });
  const team = await buildTeam(t, { name: `Team ${newId().slice(-6)}`, managerId: manager.id });
  const r1 = await buildUser(t, { teamId: team.id, name: 'Rep One' });
  const r2 = await buildUser(t, { teamId: team.id, name: 'Rep Two' });
  const r3 = await buildUser(t, { name: 'Rep Three' });
  const funnel = await buildFunnel(t);
  const c1 = await buildDealCustomer(t, r1.token, { source: '展会及研讨会' });
  const c2 = await buildDealCustomer(t, r2.token, { source: '互联网' });
  const c3 = await buildDealCustomer(t, r3.token);
  const price = await insertLostReason(t, `Price ${newId().slice(-4)}`);
  const f = funnel.id;
  const ids = {
    d1: await insertDeal(t, {
      customerId: c1.id,
      ownerId: r1.id,
      funnelId: f,
      amountCents: 100_000,
      probability: 100,
      products: ['OA'],
      path: [
        ['qualify', '2026-03-05T02:00:00Z'],
        ['propose', '2026-03-10T02:00:00Z'],
        ['negotiate', '2026-03-15T02:00:00Z'],
        ['won', '2026-03-20T02:00:00Z'],
      ],
    }),
    d2: await insertDeal(t, {
      customerId: c1.id,
      ownerId: r1.id,
      funnelId: f,
      amountCents: 200_000,
      probability: 0,
      lostReasonId: price,
      path: [
        ['qualify', '2026-03-06T02:00:00Z'],
        ['propose', '2026-03-11T02:00:00Z'],
        ['lost', '2026-03-25T02:00:00Z'],
      ],
    }),
    d3: await insertDeal(t, {
      customerId: c1.id,
      ownerId: r1.id,
      funnelId: f,
      amountCents: 300_000,
      probability: 40,
      expectedCloseDate: '2026-04-20',
      staleAt: '2026-05-01T00:00:00Z',
      products: ['OA', 'HR'],
      path: [
        ['qualify', '2026-03-07T02:00:00Z'],
        ['propose', '2026-03-12T02:00:00Z'],
        ['negotiate', '2026-03-16T02:00:00Z'],
        ['propose', '2026-03-18T02:00:00Z'],
      ],
    }),
    // Created 00:30 on 1 April in Shanghai: outside March there, inside it in UTC.
    d4: await insertDeal(t, {
      customerId: c2.id,
      ownerId: r2.id,
      funnelId: f,
      amountCents: 50_055,
      probability: 10,
      expectedCloseDate: '2026-05-10',
      path: [['qualify', '2026-03-31T16:30:00Z']],
    }),
    d5: await insertDeal(t, {
      customerId: c3.id,
      ownerId: r3.id,
      funnelId: f,
      amountCents: 400_000,
      probability: 70,
      expectedCloseDate: '2026-04-30',
      staleAt: '2026-04-01T00:00:00Z',
      path: [
        ['qualify', '2026-03-08T02:00:00Z'],
        ['negotiate', '2026-03-17T02:00:00Z'],
      ],
    }),
    // Created 00:30 on 1 March in Shanghai (still 28 February in UTC).
    d6: await insertDeal(t, {
      customerId: c2.id,
      ownerId: r2.id,
      funnelId: f,
      amountCents: 10_000,
      probability: 0,
      path: [
        ['qualify', '2026-02-28T16:30:00Z'],
        ['lost', '2026-03-02T02:00:00Z'],
      ],
    }),
  };
  return { manager, team, r1, r2, r3, funnelId: f, customers: { c1, c2, c3 }, price, ids };
}
