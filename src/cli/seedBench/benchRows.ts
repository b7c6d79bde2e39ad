// One chunk of bench customers (numbers lo..hi) and everything hanging off them, each table in
// one INSERT … SELECT over generate_series. Customer g:
//   - each block of five customers belongs to rep (g / 5) % reps: four owned (in the rep's
//     team), the fifth in a pool: a grid team's pool when its
//     province is a territory (every other one), otherwise the org pool, with the previous
//     owner's history ending before the release;
//   - 3 contacts, 10 follow-ups over the last year (the newest within 30 days for owned ones,
//     so the 30-day lapse rule holds), an open task behind next_follow_up_at for owned ones;
//   - one deal with its stage history (1–9 moves, 5 on average), 5 sales lines.
import { type SQL, sql } from 'drizzle-orm';
import {
  CONTACT_ROLES,
  INDUSTRIES,
  LEGAL,
  NAME_HEADS,
  NAME_TAILS,
  PRODUCTS,
  PROVINCES,
  SOURCES,
  SUMMARIES,
} from '../demo/vocabulary';
import { type BenchPeople, type BenchShape, KIND } from './benchPeople';
import { before, below, pick, stableId } from './benchSql';

export interface ChunkContext {
  orgId: string;
  now: Date;
  shape: BenchShape;
  people: BenchPeople;
}

const PAIRS = PROVINCES.flatMap((p, index) =>
  p.cities.map((city) => ({ province: p.province, city, index })),
);
const LATIN_BRANDS = [
  'North',
  'Blue',
  'Silver',
  'Golden',
  'Green',
  'Bright',
  'Pacific',
  'Summit',
  'River',
  'Oak',
];
const LATIN_ENDS = [
  'star',
  'peak',
  'field',
  'wave',
  'line',
  'gate',
  'bridge',
  'point',
  'stone',
  'wood',
];
const LATIN_TRADES = [
  'Trading',
  'Software',
  'Machinery',
  'Electronics',
  'Logistics',
  'Materials',
  'Medical',
];
const LATIN_LEGAL = ['Co., Ltd.', 'Inc.', 'GmbH'];
const FOLLOW_UPS = Object.entries(SUMMARIES).flatMap(([type, lines]) =>
  lines.map((line) => ({ type, line })),
);

/** The per-customer facts every table derives its rows from. */
export function base(ctx: ChunkContext, lo: number, hi: number): SQL {
  const { reps, gridTeams } = ctx.shape;
  const provinceIndex = sql`(${sql.param(PAIRS.map((p) => p.index))}::int[])[1 + q]`;
  return sql`(select b.*,
      not owned and not latin and ${provinceIndex} < ${gridTeams} and (g / 5) % 2 = 0 as grid,
      ${provinceIndex} as province_index
    from (select g, g % 5 <> 0 as owned, (g / 5) % ${reps} as r, ${below(sql`g`, 1, PAIRS.length)} as q,
        ${below(sql`g`, 2, 10)} < 3 as latin,
        g % 30 + case when g % 5 = 0 then 120 else 0 end as last_days
      from generate_series(${lo}::int, ${hi}::int) g) b) s`;
}

export const customerId = stableId(KIND.customer, sql`s.g`);
const contactId = (j: SQL) => stableId(KIND.contact, sql`s.g`, j);
/** The owner, or for a pool customer the rep who had it before. */
const ownerRep = (_ctx: ChunkContext) => stableId(KIND.rep, sql`s.r`);
const teamOfRep = (ctx: ChunkContext) => stableId(KIND.team, sql`s.r % ${ctx.shape.teams}`);
const dueAt = (ctx: ChunkContext) =>
  sql`(${ctx.now}::timestamptz + (${below(sql`s.g`, 6, 28)} - 7) * interval '1 day' + ${below(sql`s.g`, 11, 9)} * interval '1 hour')`;
const activityAt = (ctx: ChunkContext, k: SQL) =>
  before(ctx.now, sql`s.last_days + (${k}) * 33`, below(sql`s.g * 10 + ${k}`, 13, 8));
const pooledAt = (ctx: ChunkContext) =>
  sql`case when s.grid then ${before(ctx.now, sql`s.g % 6`)} else ${before(ctx.now, sql`1 + s.g % 90`)} end`;

export function customersChunk(ctx: ChunkContext, lo: number, hi: number): SQL {
  const n = (salt: number, size: number) => below(sql`s.g`, salt, size);
  const chineseCore = sql`(${sql.param(PAIRS.map((p) => p.city))}::text[])[1 + s.q] || ${pick(NAME_HEADS, n(20, 400))}
    || ${pick(NAME_HEADS, n(21, 400))} || ${pick(NAME_HEADS, n(22, 400))} || ${pick(NAME_TAILS, n(23, 1400))}`;
  const brand = sql`${pick(LATIN_BRANDS, n(24, 1000))} || ${pick(LATIN_ENDS, n(25, 1000))}`;
  const trade = pick(LATIN_TRADES, n(26, 700));
  const domain = sql`lower(${brand}) || s.g || '.com'`;
  const digits = sql`(20000000 + ${n(4, 79_999_999)})::text`;
  const area = sql`(100 + s.q * 37)::text`;
  return sql`insert into customers (org_id, id, name, name_key, industry, headcount, province, city,
      country, phone, phone_key, email, domain_key, website, source, owner_id, team_id,
      last_contact_at, next_follow_up_at, pool_team_id, pooled_at, claimed_at, created_by,
      created_at, updated_at)
    select ${ctx.orgId}, ${customerId},
      case when s.latin then ${brand} || ' ' || ${trade} || ' ' || ${pick(LATIN_LEGAL, n(27, 300))}
        else ${chineseCore} || ${pick(LEGAL, n(28, 300))} end,
      case when s.latin then lower(${brand} || ${trade}) else ${chineseCore} end,
      ${pick(INDUSTRIES, n(29, 800))}, 10 + ${n(3, 2000)},
      case when not s.latin then (${sql.param(PAIRS.map((p) => p.province))}::text[])[1 + s.q] end,
      case when not s.latin then (${sql.param(PAIRS.map((p) => p.city))}::text[])[1 + s.q] end,
      case when s.latin then ${pick(['Germany', 'United States', 'Singapore'], n(30, 300))} else '中国' end,
      case when s.latin then '+1 415 ' || substr(${digits}, 2) else '0' || ${area} || '-' || ${digits} end,
      case when s.latin then '1415' || substr(${digits}, 2) else ${area} || ${digits} end,
      case when s.latin then 'sales@' || ${domain} end,
      case when s.latin then ${domain} end,
      case when s.latin then 'https://www.' || ${domain} end,
      ${pick(SOURCES, n(31, 800))},
      case when s.owned then ${ownerRep(ctx)} end,
      case when s.owned then ${teamOfRep(ctx)} end,
      ${activityAt(ctx, sql`0`)},
      case when s.owned then ${dueAt(ctx)} end,
      case when s.grid then ${stableId(KIND.team, sql`s.province_index`)} end,
      case when not s.owned then ${pooledAt(ctx)} end,
      case when s.owned then ${before(ctx.now, sql`340 + s.g % 60`)} end,
      ${ctx.people.adminId}, ${before(ctx.now, sql`400 + s.g % 300`)}, ${activityAt(ctx, sql`0`)}
    from ${base(ctx, lo, hi)}`;
}

/**
 * The chunk's search grams (customer_search): the seed loads with triggers off, so it writes
 * them itself; without fast load the insert trigger already has, hence "do nothing".
 */
export function customerSearchChunk(ctx: ChunkContext, lo: number, hi: number): SQL {
  return sql`insert into customer_search (org_id, customer_id, next_follow_up_at, archived, search_text)
    select c.org_id, c.id, c.next_follow_up_at, c.archived_at is not null, c.search_text from customers c
    where c.org_id = ${ctx.orgId}
      and c.id in (select ${customerId} from generate_series(${lo}::int, ${hi}::int) s(g))
    on conflict (org_id, customer_id) do nothing`;
}

export function contactsChunk(ctx: ChunkContext, lo: number, hi: number): SQL {
  const roleIndex = sql`case when j = 0 then 0 else 1 + ${below(sql`s.g * 3 + j`, 7, CONTACT_ROLES.length - 1)} end`;
  return sql`insert into contacts (org_id, id, customer_id, name, title, mobile, role,
      decision_weight, is_primary, created_at, updated_at)
    select ${ctx.orgId}, ${contactId(sql`j`)}, ${customerId},
      ${pick(['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴'], below(sql`s.g * 3 + j`, 8, 1000))}
        || ${pick(['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇'], below(sql`s.g * 3 + j`, 9, 1000))},
      (${sql.param(CONTACT_ROLES.map((r) => r.title))}::text[])[1 + ${roleIndex}],
      '13' || (10000000 + ${below(sql`s.g * 3 + j`, 10, 89_999_999)})::text || j,
      (${sql.param(CONTACT_ROLES.map((r) => r.role))}::text[])[1 + ${roleIndex}],
      case when j = 0 then 5 else 1 + ${below(sql`s.g * 3 + j`, 14, 4)} end, j = 0,
      ${before(ctx.now, sql`400 + s.g % 300`)}, ${before(ctx.now, sql`400 + s.g % 300`)}
    from ${base(ctx, lo, hi)}, generate_series(0, 2) j`;
}

export function activitiesChunk(ctx: ChunkContext, lo: number, hi: number): SQL {
  const j = below(sql`s.g * 10 + k`, 15, FOLLOW_UPS.length);
  return sql`insert into activities (org_id, id, customer_id, contact_id, user_id, type,
      occurred_at, summary, effective, next_action, next_action_at, created_at)
    select ${ctx.orgId}, ${stableId(KIND.activity, sql`s.g`, sql`k`)}, ${customerId},
      ${contactId(sql`k % 3`)}, ${ownerRep(ctx)},
      (${sql.param(FOLLOW_UPS.map((f) => f.type))}::text[])[1 + ${j}],
      ${activityAt(ctx, sql`k`)},
      (${sql.param(FOLLOW_UPS.map((f) => f.line))}::text[])[1 + ${j}],
      k % 3 <> 2,
      case when k = 0 and s.owned then '再次跟进' end,
      case when k = 0 and s.owned then ${dueAt(ctx)} end,
      ${activityAt(ctx, sql`k`)}
    from ${base(ctx, lo, hi)}, generate_series(0, 9) k`;
}

export function tasksChunk(ctx: ChunkContext, lo: number, hi: number): SQL {
  return sql`insert into tasks (org_id, id, title, customer_id, contact_id, activity_id,
      assignee_id, created_by, due_at, status, created_at, updated_at)
    select ${ctx.orgId}, ${stableId(KIND.task, sql`s.g`)}, '再次跟进', ${customerId},
      ${contactId(sql`0`)}, ${stableId(KIND.activity, sql`s.g`, sql`0`)}, ${ownerRep(ctx)},
      ${ownerRep(ctx)}, ${dueAt(ctx)}, 'open', ${activityAt(ctx, sql`0`)}, ${activityAt(ctx, sql`0`)}
    from ${base(ctx, lo, hi)} where s.owned`;
}

export function ownershipEventsChunk(ctx: ChunkContext, lo: number, hi: number): SQL {
  return sql`insert into ownership_events (org_id, id, customer_id, kind, at, actor_id,
      from_owner_id, pool_team_id, reason)
    select ${ctx.orgId}, ${stableId(KIND.event, sql`s.g`, sql`e`)}, ${customerId},
      case when e = 0 then 'released' else 'routed' end, ${pooledAt(ctx)},
      case when e = 0 then ${ownerRep(ctx)} end, case when e = 0 then ${ownerRep(ctx)} end,
      case when e = 1 then ${stableId(KIND.team, sql`s.province_index`)} end,
      case when e = 0 then '客户暂无需求' end
    from ${base(ctx, lo, hi)}, generate_series(0, 1) e
    where not s.owned and (e = 0 or s.grid)`;
}

export function salesChunk(ctx: ChunkContext, lo: number, hi: number): SQL {
  const x = (salt: number, size: number) => below(sql`s.g * 5 + k`, salt, size);
  return sql`insert into sales_lines (org_id, id, customer_id, product, quantity, amount_cents,
      order_date, order_no, paid_cents, paid_at, due_date, owner_id, natural_key, created_at)
    select ${ctx.orgId}, ${stableId(KIND.sale, sql`s.g`, sql`k`)}, ${customerId},
      ${pick(PRODUCTS, x(16, 600))}, q.quantity, q.quantity * q.unit_cents, q.ordered,
      'SO' || lpad(s.g::text, 8, '0') || '-' || k,
      case when q.paid then q.quantity * q.unit_cents end,
      case when q.paid then q.ordered + 30 end, q.ordered + 60, ${ownerRep(ctx)},
      'SO' || lpad(s.g::text, 8, '0') || '-' || k, ${ctx.now}
    from ${base(ctx, lo, hi)}, generate_series(0, 4) k,
      lateral (select 1 + ${x(17, 20)} as quantity, (500 + ${x(18, 49_500)})::bigint * 100 as unit_cents,
        (${ctx.now}::timestamptz at time zone 'Asia/Shanghai')::date - (k * 70 + s.g % 60) as ordered,
        ${x(19, 10)} < 8 as paid) q`;
}
