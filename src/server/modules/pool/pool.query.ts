import { type SQL, sql } from 'drizzle-orm';
import { addDays, zonedDayStart } from '../../../domain/format/dates';
import { cooldownEndsAt, cooldownStart, type LapseReason } from '../../../domain/pool';
import { type Db, queryRows } from '../../db/client';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import {
  claimablePool,
  managedOwners,
  searchMatches,
  visibleCustomers,
} from '../customers/customers.access';
import { searchShape } from '../customers/customers.search';
import type { Viewer } from '../customers/customers.service';
import { customerGradeSql } from '../grading/customerGradeSql';
import type {
  OwnershipEvent,
  OwnershipEventQuery,
  OwnershipSettings,
  PoolCustomer,
  PoolQuery,
} from './pool.schema';

type Timestamp = Date | string | null;
const iso = (value: Timestamp) => (value === null ? null : new Date(value).toISOString());

interface RuleSnapshotJson {
  id: string;
  name: string;
  noActivityDays: number | null;
  noProgressDays: number | null;
  triggers: LapseReason[];
}

interface PoolRow {
  id: string;
  name: string;
  industry: string | null;
  headcount: number | null;
  province: string | null;
  city: string | null;
  source: string | null;
  grade: string | null;
  score: number | null;
  tags: string[];
  pool_team_id: string | null;
  pool_team_name: string | null;
  pooled_at: Timestamp;
  created_at: Timestamp;
  sort_at: Timestamp;
  returned_kind: 'released' | 'lapsed' | 'spilled' | null;
  returned_at: Timestamp;
  returned_reason: string | null;
  returned_rule: RuleSnapshotJson | null;
  returned_from: string | null;
  returned_from_name: string | null;
  my_loss_at: Timestamp;
}

/**
 * The pool page: pool customers the viewer may claim (org pool and their grid pools), newest
 * arrivals first, with why each came back and the viewer's own cool-down. Only the basics are
 * selected, so nothing hidden can leak through this list.
 */
export async function findPoolCustomers(
  db: Db,
  viewer: Viewer,
  query: PoolQuery,
  settings: OwnershipSettings,
  now: Date,
) {
  const where: SQL[] = [
    sql`c.org_id = ${viewer.orgId}`,
    sql`c.owner_id is null`,
    sql`c.archived_at is null`,
    claimablePool(viewer),
  ];
  if (query.q) {
    const byCandidates = (await searchShape(db, viewer.orgId, query.q)) === 'candidates';
    where.push(searchMatches(viewer, query.q, 'c', byCandidates));
  }
  if (query.province) where.push(sql`c.province = ${query.province}`);
  if (query.city) where.push(sql`c.city = ${query.city}`);
  if (query.industry) where.push(sql`c.industry = ${query.industry}`);
  if (query.source) where.push(sql`c.source = ${query.source}`);
  if (query.grade) where.push(sql`${customerGradeSql('c')} = ${query.grade}`);
  if (query.tag) where.push(sql`${query.tag} = any(c.tags)`);
  if (query.scope === 'org') where.push(sql`c.pool_team_id is null`);
  if (query.scope === 'team') where.push(sql`c.pool_team_id is not null`);
  if (query.returned === 'new') where.push(sql`r.kind is null`);
  else if (query.returned) where.push(sql`r.kind = ${query.returned}`);
  // Sorted by arrival in the pool; customers never routed sort by creation.
  const sortAt = sql`coalesce(c.pooled_at, c.created_at)`;
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2) as [string, string];
    where.push(sql`(${sortAt}, c.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await queryRows<PoolRow>(
    db,
    sql`select c.id, c.name, c.industry, c.headcount, c.province, c.city, c.source,
        ${customerGradeSql('c')} as grade, c.score, c.tags, c.pool_team_id,
        t.name as pool_team_name, c.pooled_at, c.created_at,
        ${sortAt} as sort_at, r.kind as returned_kind, r.at as returned_at,
        r.reason as returned_reason, r.rule as returned_rule, r.from_owner_id as returned_from,
        fu.name as returned_from_name,
        (select max(m.at) from ownership_events m
          where m.org_id = c.org_id and m.customer_id = c.id and m.from_owner_id = ${viewer.id}
            and m.kind in ('released', 'lapsed')
            and m.at >= ${cooldownStart(now, settings.cooldownDays)}) as my_loss_at
      from customers c
      left join teams t on t.org_id = c.org_id and t.id = c.pool_team_id
      left join lateral (
        select e.kind, e.at, e.reason, e.rule, e.from_owner_id from ownership_events e
        where e.org_id = c.org_id and e.customer_id = c.id
          and e.kind in ('released', 'lapsed', 'spilled')
        order by e.at desc, e.id desc limit 1) r on true
      left join users fu on fu.org_id = c.org_id and fu.id = r.from_owner_id
      where ${sql.join(where, sql` and `)}
      order by ${sortAt} desc, c.id desc
      limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => presentPoolCustomer(row, settings)),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([iso(last.sort_at), last.id]) : null,
  };
}

function presentPoolCustomer(row: PoolRow, settings: OwnershipSettings): PoolCustomer {
  return {
    id: row.id,
    name: row.name,
    industry: row.industry,
    headcount: row.headcount,
    province: row.province,
    city: row.city,
    source: row.source,
    grade: row.grade,
    score: row.score,
    tags: row.tags ?? [],
    poolTeamId: row.pool_team_id,
    poolTeamName: row.pool_team_name,
    pooledAt: iso(row.pooled_at),
    createdAt: iso(row.created_at) as string,
    returned:
      row.returned_kind && row.returned_at
        ? {
            kind: row.returned_kind,
            at: iso(row.returned_at) as string,
            reason: row.returned_reason,
            rule: row.returned_rule,
            fromOwnerId: row.returned_from,
            fromOwnerName: row.returned_from_name,
          }
        : null,
    cooldownUntil: row.my_loss_at
      ? cooldownEndsAt(new Date(row.my_loss_at), settings.cooldownDays).toISOString()
      : null,
  };
}

const EVENT_COLUMNS = sql`e.id, e.customer_id, c.name as customer_name, e.kind, e.at,
  e.actor_id, au.name as actor_name, e.from_owner_id, fu.name as from_owner_name,
  e.to_owner_id, tu.name as to_owner_name, e.pool_team_id, t.name as pool_team_name,
  e.reason, e.rule, e.deadline::text as deadline`;

const EVENT_JOINS = sql`join customers c on c.org_id = e.org_id and c.id = e.customer_id
  left join users au on au.org_id = e.org_id and au.id = e.actor_id
  left join users fu on fu.org_id = e.org_id and fu.id = e.from_owner_id
  left join users tu on tu.org_id = e.org_id and tu.id = e.to_owner_id
  left join teams t on t.org_id = e.org_id and t.id = e.pool_team_id`;

interface EventRow {
  id: string;
  customer_id: string;
  customer_name: string;
  kind: OwnershipEvent['kind'];
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  from_owner_id: string | null;
  from_owner_name: string | null;
  to_owner_id: string | null;
  to_owner_name: string | null;
  pool_team_id: string | null;
  pool_team_name: string | null;
  reason: string | null;
  rule: RuleSnapshotJson | null;
  deadline: string | null;
}

const presentEvent = (row: EventRow): OwnershipEvent => ({
  id: row.id,
  customerId: row.customer_id,
  customerName: row.customer_name,
  kind: row.kind,
  at: iso(row.at) as string,
  actorId: row.actor_id,
  actorName: row.actor_name,
  fromOwnerId: row.from_owner_id,
  fromOwnerName: row.from_owner_name,
  toOwnerId: row.to_owner_id,
  toOwnerName: row.to_owner_name,
  poolTeamId: row.pool_team_id,
  poolTeamName: row.pool_team_name,
  reason: row.reason,
  rule: row.rule,
  deadline: row.deadline,
});

/** One customer's ownership history, newest first (the caller checked it is visible). */
export async function findCustomerOwnershipHistory(
  db: Db,
  viewer: Viewer,
  customerId: string,
): Promise<OwnershipEvent[]> {
  const rows = await queryRows<EventRow>(
    db,
    sql`select ${EVENT_COLUMNS} from ownership_events e ${EVENT_JOINS}
      where e.org_id = ${viewer.orgId} and e.customer_id = ${customerId}
        and ${visibleCustomers(viewer)}
      order by e.at desc, e.id desc limit 500`,
  );
  return rows.map(presentEvent);
}

/** Whose events a viewer may list: a rep their own, a manager their teams', an admin all. */
function involving(viewer: Viewer): SQL {
  if (viewer.role === 'admin') return sql`true`;
  if (viewer.role === 'rep') {
    return sql`(e.from_owner_id = ${viewer.id} or e.to_owner_id = ${viewer.id})`;
  }
  return sql`(e.from_owner_id in ${managedOwners(viewer)} or e.to_owner_id in ${managedOwners(viewer)}
    or e.from_owner_id = ${viewer.id} or e.to_owner_id = ${viewer.id})`;
}

/** Claims, releases, lapses… across customers, newest first, for the history page. */
export async function findOwnershipEvents(
  db: Db,
  viewer: Viewer,
  query: OwnershipEventQuery,
  timeZone: string,
) {
  const where: SQL[] = [sql`e.org_id = ${viewer.orgId}`, involving(viewer)];
  if (query.userId) {
    where.push(sql`(e.from_owner_id = ${query.userId} or e.to_owner_id = ${query.userId})`);
  }
  if (query.kind) where.push(sql`e.kind = ${query.kind}`);
  if (query.from) where.push(sql`e.at >= ${zonedDayStart(query.from, timeZone)}`);
  if (query.to) where.push(sql`e.at < ${zonedDayStart(addDays(query.to, 1), timeZone)}`);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2) as [string, string];
    where.push(sql`(e.at, e.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await queryRows<EventRow>(
    db,
    sql`select ${EVENT_COLUMNS} from ownership_events e ${EVENT_JOINS}
      where ${sql.join(where, sql` and `)}
      order by e.at desc, e.id desc limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentEvent),
    nextCursor: rows.length > query.limit && last ? encodeCursor([iso(last.at), last.id]) : null,
  };
}
