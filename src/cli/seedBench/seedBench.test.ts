import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  keptAndRecountedBlocks,
  keptAndRecountedForwardBlocks,
} from '../../../tests/setup/contactBlocks';
import { createTestApp, type TestApp } from '../../../tests/setup/test-app';
import {
  emailDomain,
  normalizeCustomerName,
  normalizePhone,
} from '../../domain/customers/normalizeCustomerName';
import { queryRows } from '../../server/db/client';
import { BENCH_PASSWORD } from './benchPeople';
import { benchSeedMarker, seedBench } from './seedBench';

const NOW = new Date('2026-11-20T04:00:00Z');
const CUSTOMERS = 1500;

describe('seed bench', () => {
  let t: TestApp;
  let counts: Record<string, number>;
  const rows = <T>(statement: ReturnType<typeof sql>) => queryRows<T>(t.database.db, statement);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(NOW);
    // Foreign keys checked row by row here: the constraints vouch for the data's consistency.
    ({ counts } = await seedBench(t.database, t.orgId, {
      customers: CUSTOMERS,
      now: NOW,
      chunk: 600,
      fastLoad: false,
    }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes the per-customer amounts and leaves a marker', async () => {
    expect(counts).toMatchObject({
      customers: CUSTOMERS,
      customer_search: CUSTOMERS,
      contacts: 3 * CUSTOMERS,
      activities: 10 * CUSTOMERS,
      deals: CUSTOMERS,
      sales_lines: 5 * CUSTOMERS,
      tasks: 0.8 * CUSTOMERS,
    });
    expect((counts.stage_history ?? 0) / CUSTOMERS).toBeGreaterThan(4.5);
    expect((counts.stage_history ?? 0) / CUSTOMERS).toBeLessThan(5.5);
    expect(await benchSeedMarker(t.database)).toMatchObject({ customers: CUSTOMERS });
    await expect(seedBench(t.database, t.orgId, { customers: 10, now: NOW })).rejects.toThrow(
      /already has customers/,
    );
  });

  it('keys names, phones and domains as the app does', async () => {
    const customers = await rows<{
      name: string;
      name_key: string;
      phone: string;
      phone_key: string;
      email: string | null;
      domain_key: string | null;
    }>(sql`select name, name_key, phone, phone_key, email, domain_key from customers`);
    for (const c of customers) {
      expect(c.name_key, c.name).toBe(normalizeCustomerName(c.name));
      expect(c.phone_key, c.phone).toBe(normalizePhone(c.phone));
      expect(c.domain_key, c.email ?? '').toBe(emailDomain(c.email));
    }
    expect(customers.filter((c) => /[a-z]/i.test(c.name)).length).toBeGreaterThan(CUSTOMERS / 5);
    const staleGrams = await rows(sql`select c.id from customers c
      left join customer_search s on s.org_id = c.org_id and s.customer_id = c.id
      where (s.search_text, s.next_follow_up_at, s.archived)
        is distinct from (c.search_text, c.next_follow_up_at, c.archived_at is not null)`);
    expect(staleGrams).toEqual([]);
  });

  it('keeps owners within the holding limit, in their teams, and pools routed', async () => {
    const [limits] = await rows<{ most: number; limit: number }>(sql`select
      (select max(n) from (select count(*) as n from customers where owner_id is not null
        group by owner_id) x)::int as most,
      (select holding_limit from ownership_settings where org_id = ${t.orgId}) as limit`);
    expect(limits?.most).toBeLessThanOrEqual(limits?.limit ?? 0);
    // Every rep works a list of about the same size (none empty, none at the limit).
    const lists = await rows<{ n: number }>(sql`select count(c.id)::int as n from users u
      left join customers c on c.org_id = u.org_id and c.owner_id = u.id
      where u.role = 'rep' group by u.id`);
    const average = (0.8 * CUSTOMERS) / lists.length;
    for (const { n } of lists) expect(Math.abs(n - average)).toBeLessThan(average / 4);
    const wrong = await rows(sql`select c.id from customers c
      left join users u on u.org_id = c.org_id and u.id = c.owner_id
      left join team_territories tt on tt.org_id = c.org_id and tt.team_id = c.pool_team_id
      where (c.owner_id is not null and (u.role <> 'rep' or u.team_id is distinct from c.team_id
          or c.pooled_at is not null or c.claimed_at is null))
        or (c.owner_id is null and (c.pooled_at is null or c.team_id is not null))
        or (c.pool_team_id is not null and tt.province is distinct from c.province)`);
    expect(wrong).toEqual([]);
  });

  it('derives follow-up dates from the activities and tasks, within the lapse rule', async () => {
    const wrong = await rows(sql`select c.id from customers c
      where c.last_contact_at is distinct from (select max(a.occurred_at) from activities a
          where a.org_id = c.org_id and a.customer_id = c.id)
        or c.next_follow_up_at is distinct from (select min(k.due_at) from tasks k
          where k.org_id = c.org_id and k.customer_id = c.id and k.status = 'open')
        or (c.owner_id is not null and not exists (select 1 from activities a
          where a.org_id = c.org_id and a.customer_id = c.id and a.effective
            and a.user_id = c.owner_id and a.occurred_at > ${NOW}::timestamptz - interval '30 days'))`);
    expect(wrong).toEqual([]);
    const [future] = await rows<{ n: number }>(sql`select
      (select count(*) from activities where occurred_at > ${NOW})
      + (select count(*) from stage_history where at > ${NOW}) as n`);
    expect(future?.n).toBe(0);
  });

  it('leaves each deal where its history ends, moves chained, the funnel narrowing', async () => {
    const broken = await rows(sql`select d.id from deals d
      join lateral (select h.to_stage_key, h.at from stage_history h
        where h.org_id = d.org_id and h.deal_id = d.id order by h.at desc limit 1) last on true
      where last.to_stage_key <> d.stage_key or last.at <> d.stage_entered_at
        or (d.status = 'open') <> (d.stage_key not in ('won', 'lost'))
        or (d.status <> 'open' and d.stage_key <> d.status)`);
    expect(broken).toEqual([]);
    const unchained = await rows(sql`select h.id from stage_history h
      join lateral (select p.to_stage_key from stage_history p where p.org_id = h.org_id
        and p.deal_id = h.deal_id and p.at < h.at order by p.at desc limit 1) prev on true
      where prev.to_stage_key is distinct from h.from_stage_key`);
    expect(unchained).toEqual([]);
    const reached = await rows<{ key: string; deals: number }>(sql`select to_stage_key as key,
      count(distinct deal_id)::int as deals from stage_history group by to_stage_key`);
    const count = (key: string) => reached.find((r) => r.key === key)?.deals ?? 0;
    const path = ['target', 'potential', 'intent', 'approved', 'accepted', 'negotiation', 'won'];
    for (let i = 1; i < path.length; i += 1) {
      expect(count(path[i] ?? '')).toBeLessThan(count(path[i - 1] ?? ''));
    }
    const [pooled] = await rows<{ open: number }>(sql`select count(*)::int as open from deals d
      join customers c on c.org_id = d.org_id and c.id = d.customer_id
      where c.owner_id is null and d.status = 'open'`);
    expect(pooled?.open).toBe(0);
  });

  it('serves the app: a rep logs in and lists, searches and opens customers', async () => {
    const rep = await t.login('rep1@bench.crm', BENCH_PASSWORD);
    const list = await t.call('GET', '/api/v1/customers?sort=nextFollowUpAt&limit=20', {
      token: rep,
    });
    expect(list.statusCode, list.body.slice(0, 300)).toBe(200);
    const items = list.json().items as { id: string; nextFollowUpAt: string | null }[];
    expect(items).toHaveLength(20);
    const detail = await t.call('GET', `/api/v1/customers/${items[0]?.id}`, { token: rep });
    expect(detail.statusCode).toBe(200);
    const search = await t.call('GET', `/api/v1/customers?q=${encodeURIComponent('有限公司')}`, {
      token: t.adminToken,
    });
    expect(search.json().items.length).toBeGreaterThan(0);
  });
});

describe('seed bench, fast load (triggers off)', () => {
  it('writes the search grams itself', async () => {
    const t = await createTestApp();
    try {
      const { counts } = await seedBench(t.database, t.orgId, { customers: 40, now: NOW });
      expect(counts).toMatchObject({ customers: 40, customer_search: 40 });
      const stale = await queryRows(
        t.database.db,
        sql`select c.id from customers c
        left join customer_search s on s.org_id = c.org_id and s.customer_id = c.id
        where (s.search_text, s.next_follow_up_at, s.archived)
        is distinct from (c.search_text, c.next_follow_up_at, c.archived_at is not null)`,
      );
      expect(stale).toEqual([]);
      // The funnel report's totals are rebuilt after the load, as the deals left them.
      const totals = await queryRows<{ deals: number; amount: string }>(
        t.database.db,
        sql`select (select coalesce(sum(deals), 0)::int from deal_stage_totals) as deals,
          (select coalesce(sum(amount_cents), 0)::text from deal_stage_totals) as amount`,
      );
      const truth = await queryRows<{ deals: number; amount: string }>(
        t.database.db,
        sql`select count(*)::int as deals, coalesce(sum(amount_cents), 0)::text as amount from deals`,
      );
      expect(truth[0]?.deals).toBeGreaterThan(0);
      expect(totals).toEqual(truth);
      // And what the activity triggers keep: each customer's first follow-up, the day counts,
      // the contact blocks.
      const firsts = await queryRows(
        t.database.db,
        sql`select c.id from customers c
          left join lateral (select a.id from activities a
            where a.org_id = c.org_id and a.customer_id = c.id
            order by a.occurred_at, a.id limit 1) f on true
          where c.first_activity_id is distinct from f.id`,
      );
      expect(firsts).toEqual([]);
      const days = await queryRows<{ counted: number; activities: number }>(
        t.database.db,
        sql`select (select coalesce(sum(activities), 0)::int from activity_day_counts) as counted,
          (select count(*)::int from activities) as activities`,
      );
      expect(days[0]?.activities).toBeGreaterThan(0);
      expect(days[0]?.counted).toBe(days[0]?.activities);
      const blocks = await keptAndRecountedBlocks(t.database, t.orgId);
      expect(blocks.kept.length).toBeGreaterThan(0);
      expect(blocks.kept).toEqual(blocks.recounted);
      // And the customers moved forward (stage history's and deals' triggers).
      const forward = await keptAndRecountedForwardBlocks(t.database, t.orgId);
      expect(forward.kept.length).toBeGreaterThan(0);
      expect(forward.kept).toEqual(forward.recounted);
      // And the sales per customer and month (sales_lines' triggers).
      const months = await queryRows<{ kept: string; recounted: string; rows: number }>(
        t.database.db,
        sql`select (select count(*)::int from customer_sales_months) as rows,
          (select string_agg(concat_ws('/', customer_id, month, amount_cents, lines), ',' order by customer_id, month)
            from customer_sales_months) as kept,
          (select string_agg(concat_ws('/', customer_id, month, amount, lines), ',' order by customer_id, month)
            from (select customer_id, date_trunc('month', order_date)::date as month,
              sum(amount_cents) as amount, count(*) as lines from sales_lines group by 1, 2) r) as recounted`,
      );
      expect(months[0]?.rows).toBeGreaterThan(0);
      expect(months[0]?.kept).toBe(months[0]?.recounted);
      // And each customer's sales and open pipeline (sales_lines', deals' and customers' triggers).
      const pipeline = await queryRows<{ kept: string; recounted: string; rows: number }>(
        t.database.db,
        sql`select (select count(*)::int from customer_sales_pipeline) as rows,
          (select string_agg(concat_ws('/', customer_id, owner_id, pool_team_id, sales_cents,
              sales_lines, first_order_on, last_order_on, open_deals, potential_cents), ','
              order by customer_id) from customer_sales_pipeline) as kept,
          (select string_agg(concat_ws('/', c.id, c.owner_id, c.pool_team_id, coalesce(s.amount, 0),
              coalesce(s.n, 0), s.first_on, s.last_on, coalesce(d.n, 0), coalesce(d.potential, 0)), ','
              order by c.id)
            from customers c
            left join (select customer_id, sum(amount_cents) as amount, count(*) as n,
                min(order_date) as first_on, max(order_date) as last_on
              from sales_lines group by 1) s on s.customer_id = c.id
            left join (select customer_id, count(*) as n,
                sum(round(amount_cents * probability / 100.0)) as potential
              from deals where status = 'open' group by 1) d on d.customer_id = c.id
            where s.n > 0 or d.n > 0) as recounted`,
      );
      expect(pipeline[0]?.rows).toBeGreaterThan(0);
      expect(pipeline[0]?.kept).toBe(pipeline[0]?.recounted);
    } finally {
      await t.close();
    }
  });
});
