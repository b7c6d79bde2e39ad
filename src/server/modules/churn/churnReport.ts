// The churn report's page and counts over customer_churn_inputs, reading a page per call:
// - the page: each visibility branch (the whole org; or the pool, one's own, a manager's
//   teams) read in the report's order from the urgency indexes (migration 0033) up to the
//   page's size after the cursor, merged;
// - the counts: summed from customer_churn_counts (flagged rows per owner, team, pool team and
//   levels) instead of every flagged row;
// - customers whose answer those two cannot give (a contract ending, which adds a warning; a
//   share, which no owner or pool says) come from a small set read row by row ("exceptional").
// Same answers as flagging every visible customer and sorting them (churnReport.test.ts).
import { type SQL, sql } from 'drizzle-orm';
import type { ChurnWarningCode } from '../../../domain/churn';
import { type Db, queryRows } from '../../db/client';
import type { AuthContext } from '../../http/auth';
import { unsharedBranches, visibleCustomers } from '../customers/customers.access';
import { CHURN_CODES, type ChurnReportQuery } from './churn.schema';
import type { ChurnConfig } from './churn.service';
import { contractCtes } from './churnFlags';

type Viewer = Pick<AuthContext, 'id' | 'orgId' | 'role' | 'teamId'>;
type Levels = Record<ChurnWarningCode, SQL>;
type Filters = Pick<ChurnReportQuery, 'ownerId' | 'teamId' | 'code' | 'severity'>;

/** [−critical warnings, −warnings, name, id]: the report's order, and its cursor. */
export type SortKey = [number, number, string, string];

export interface PageRow {
  id: string;
  name: string;
  critical: number;
  count: number;
}

const levelsOf = (alias: string, contract: SQL = sql`0`): Levels => ({
  no_order_overdue: sql.raw(`${alias}.no_order_overdue`),
  revenue_drop: sql.raw(`${alias}.revenue_drop`),
  payment_overdue: sql.raw(`${alias}.payment_overdue`),
  contract_ending: contract,
});

/** The code and severity filters on a row's levels. */
function levelFilter(query: Filters, levels: Levels): SQL {
  const parts: SQL[] = [sql`true`];
  if (query.code) parts.push(sql`${levels[query.code]} > 0`);
  if (query.severity) {
    const level = query.severity === 'critical' ? 2 : 1;
    const each = Object.values(levels).map((value) => sql`${value}::int`);
    parts.push(sql`${level}::int in (${sql.join(each, sql`, `)})`);
  }
  return sql.join(parts, sql` and `);
}

/** The owner and team filters on an alias with owner_id and team_id. */
function ownerTeam(query: Filters, alias: string): SQL[] {
  const parts: SQL[] = [];
  if (query.ownerId) parts.push(sql`${sql.raw(alias)}.owner_id = ${query.ownerId}`);
  if (query.teamId) parts.push(sql`${sql.raw(alias)}.team_id = ${query.teamId}`);
  return parts;
}

const or = (parts: SQL[]) => sql`(${sql.join(parts, sql` or `)})`;
const and = (parts: SQL[]) => sql.join(parts, sql` and `);

/** Flagged, unarchived rows of customer_churn_inputs, with the customer id as `id`. */
const flaggedInputs = (orgId: string) => sql`(select i.customer_id as id, i.name, i.owner_id,
    i.team_id, i.pool_team_id, i.no_order_overdue, i.revenue_drop, i.payment_overdue,
    i.critical, i.warnings
  from customer_churn_inputs i where i.org_id = ${orgId} and i.warnings > 0 and not i.archived)`;

/**
 * The CTEs both statements share: the contracts in scope, and `exceptional`: each customer
 * with a contract warning or shared with the viewer, its real levels and whether it is shown
 * (`shown`), and whether customer_churn_counts counts it under the viewer's unshared scope
 * and filters (`summarized`, with its levels there: no contract).
 */
function exceptionalCtes(viewer: Viewer, query: Filters, today: string, config: ChurnConfig): SQL {
  const { orgId } = viewer;
  const scope = (alias: string) => [visibleCustomers(viewer, alias), ...ownerTeam(query, alias)];
  const shared =
    viewer.role === 'admin'
      ? sql``
      : sql` union select cc.customer_id from customer_collaborators cc
          where cc.org_id = ${orgId} and cc.user_id = ${viewer.id}`;
  return sql`${contractCtes(orgId, today, config, scope('c'))}, exceptional as materialized (
      select x.id, coalesce(r.name, c.name) as name,
        coalesce(r.no_order_overdue, 0) as no_order_overdue,
        coalesce(r.revenue_drop, 0) as revenue_drop,
        coalesce(r.payment_overdue, 0) as payment_overdue,
        coalesce(k.level, 0) as contract_ending,
        coalesce(r.critical, 0) + (coalesce(k.level, 0) = 2)::int as critical,
        coalesce(r.warnings, 0) + (coalesce(k.level, 0) > 0)::int as count,
        r.id is not null and coalesce(${and(scope('r'))}, false) or k.id is not null as shown,
        r.id is not null
          and coalesce(${and([or(unsharedBranches(viewer, 'r')), ...ownerTeam(query, 'r')])}, false)
          as summarized
      from (select k.id from contract k${shared}) x
      join customers c on c.org_id = ${orgId} and c.id = x.id
      left join ${flaggedInputs(orgId)} r on r.id = x.id
      left join contract k on k.id = x.id
    )`;
}

/** Per code, how many customers the viewer sees flagged under the filters. */
export async function churnCounts(
  db: Db,
  viewer: Viewer,
  query: Filters,
  today: string,
  config: ChurnConfig,
): Promise<Record<ChurnWarningCode, number>> {
  const [row] = await queryRows<Record<ChurnWarningCode, number>>(
    db,
    churnCountsSql(viewer, query, today, config),
  );
  return Object.fromEntries(CHURN_CODES.map((code) => [code, Number(row?.[code] ?? 0)])) as Record<
    ChurnWarningCode,
    number
  >;
}

/** churnCounts' statement (bench/churn-explain.ts explains it). */
export function churnCountsSql(
  viewer: Viewer,
  query: Filters,
  today: string,
  config: ChurnConfig,
): SQL {
  const counted = [or(unsharedBranches(viewer, 's')), ...ownerTeam(query, 's')];
  const sums = sql.join(
    CHURN_CODES.map(
      (code) =>
        sql`coalesce(sum(t.n) filter (where t.${sql.identifier(code)} > 0), 0)::int as ${sql.identifier(code)}`,
    ),
    sql`, `,
  );
  return sql`with ${exceptionalCtes(viewer, query, today, config)}
    select ${sums} from (
      select s.no_order_overdue, s.revenue_drop, s.payment_overdue, 0 as contract_ending,
        s.customers as n
      from customer_churn_counts s
      where s.org_id = ${viewer.orgId} and ${and(counted)} and ${levelFilter(query, levelsOf('s'))}
      union all
      select e.no_order_overdue, e.revenue_drop, e.payment_overdue, 0, -1 from exceptional e
      where e.summarized and ${levelFilter(query, levelsOf('e'))}
      union all
      select e.no_order_overdue, e.revenue_drop, e.payment_overdue, e.contract_ending, 1
      from exceptional e
      where e.shown and ${levelFilter(query, levelsOf('e', sql`e.contract_ending`))}
    ) t`;
}

/** The first `limit` flagged customers after `after` in the report's order. */
export function churnPage(
  db: Db,
  viewer: Viewer,
  query: Filters,
  today: string,
  config: ChurnConfig,
  after: SortKey | null,
  limit: number,
): Promise<PageRow[]> {
  return queryRows<PageRow>(db, churnPageSql(viewer, query, today, config, after, limit));
}

/** churnPage's statement (bench/churn-explain.ts explains it). */
export function churnPageSql(
  viewer: Viewer,
  query: Filters,
  today: string,
  config: ChurnConfig,
  after: SortKey | null,
  limit: number,
): SQL {
  const keyset = (alias: string, critical: SQL, count: SQL) =>
    after
      ? sql`(-${critical}, -${count}, ${sql.raw(alias)}.name collate "C", ${sql.raw(alias)}.id)
          > (${after[0]}::int, ${after[1]}::int, ${after[2]} collate "C", ${after[3]}::uuid)`
      : sql`true`;
  // With an owner filter, one branch: that owner's rows, by the owner index.
  const branches = query.ownerId
    ? [or(unsharedBranches(viewer, 'r'))]
    : unsharedBranches(viewer, 'r');
  const fromBranches = branches.map(
    (branch) => sql`(select r.id, r.name, r.critical::int as critical, r.warnings::int as count
      from ${flaggedInputs(viewer.orgId)} r
      where ${and([branch, ...ownerTeam(query, 'r')])} and ${levelFilter(query, levelsOf('r'))}
        and ${keyset('r', sql`r.critical`, sql`r.warnings`)}
        and r.id not in (select e.id from exceptional e)
      order by -r.critical, -r.warnings, r.name collate "C", r.id
      limit ${limit})`,
  );
  return sql`with ${exceptionalCtes(viewer, query, today, config)}
    select * from (
      ${sql.join(fromBranches, sql` union `)}
      union
      select e.id, e.name, e.critical, e.count from exceptional e
      where e.shown and ${levelFilter(query, levelsOf('e', sql`e.contract_ending`))}
        and ${keyset('e', sql`e.critical`, sql`e.count`)}
    ) p
    order by p.critical desc, p.count desc, p.name collate "C", p.id
    limit ${limit}`;
}
