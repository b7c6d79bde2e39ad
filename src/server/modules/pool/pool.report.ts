import { type SQL, sql } from 'drizzle-orm';
import { addDays, zonedDayStart } from '../../../domain/format/dates';
import { claimDayWindow, holdingLimitGuidance, resolveHoldingLimit } from '../../../domain/pool';
import { type Db, queryRows } from '../../db/client';
import { validationFailed } from '../../http/errors';
import { managedOwners } from '../customers/customers.access';
import type { Viewer } from '../customers/customers.service';
import { heldBy } from './holdings';
import type {
  Holdings,
  OwnershipReportQuery,
  OwnershipReportRow,
  OwnershipSettings,
} from './pool.schema';

/** The users whose lists a viewer may look at: themselves, a manager's teams, or everyone. */
function listedUsers(viewer: Viewer, teamId?: string): SQL {
  const scope =
    viewer.role === 'admin'
      ? sql`true`
      : viewer.role === 'manager'
        ? sql`(u.id = ${viewer.id} or u.id in ${managedOwners(viewer)})`
        : sql`u.id = ${viewer.id}`;
  return sql`u.org_id = ${viewer.orgId} and u.active and ${scope}
    ${teamId ? sql`and u.team_id = ${teamId}` : sql``}`;
}

interface HoldingRow {
  id: string;
  name: string;
  team_id: string | null;
  count: number;
  rep_limit: number | null;
  team_limit: number | null;
}

/** Each listed user's holding count against their limit (the "my list" header, the team view). */
export async function findHoldings(
  db: Db,
  viewer: Viewer,
  settings: OwnershipSettings,
  teamId?: string,
): Promise<Holdings[]> {
  const rows = await queryRows<HoldingRow>(
    db,
    sql`select u.id, u.name, u.team_id,
        ${heldBy(viewer.orgId, sql.raw('u.id'), settings.wonDealsExempt)} as count,
        (select h.holding_limit from holding_limits h
          where h.org_id = u.org_id and h.user_id = u.id) as rep_limit,
        (select h.holding_limit from holding_limits h
          where h.org_id = u.org_id and h.team_id = u.team_id) as team_limit
      from users u where ${listedUsers(viewer, teamId)}
      order by u.name, u.id`,
  );
  return rows.map((row) => {
    const limit = resolveHoldingLimit({
      orgDefault: settings.holdingLimit,
      teamLimit: row.team_limit,
      repLimit: row.rep_limit,
    });
    return {
      userId: row.id,
      name: row.name,
      teamId: row.team_id,
      count: row.count,
      limit: limit.limit,
      limitSource: limit.source,
      remaining: Math.max(0, limit.limit - row.count),
    };
  });
}

export async function findMyHoldings(
  db: Db,
  viewer: Viewer,
  settings: OwnershipSettings,
  timeZone: string,
  now: Date,
) {
  const [mine] = await findHoldings(db, { ...viewer, role: 'rep' }, settings);
  if (!mine) throw validationFailed([{ field: 'user', message: 'is not active' }]);
  const { start, end } = claimDayWindow(now, timeZone);
  const [row] = await queryRows<{ claims: number }>(
    db,
    sql`select count(*)::int as claims from ownership_events e
      where e.org_id = ${viewer.orgId} and e.to_owner_id = ${viewer.id} and e.kind = 'claimed'
        and e.at >= ${start} and e.at < ${end}`,
  );
  return {
    ...mine,
    wonDealsExempt: settings.wonDealsExempt,
    claimsToday: row?.claims ?? 0,
    dailyClaimQuota: settings.dailyClaimQuota,
    cooldownDays: settings.cooldownDays,
    guidance: holdingLimitGuidance(mine.limit),
  };
}

/**
 * The lapse/claim history report: per user, in the period (org days, inclusive), how many
 * customers they registered, claimed, were given or lost to a reassignment, released and let
 * lapse, and how many lapse warnings they got; with what they hold now.
 */
export async function ownershipReport(
  db: Db,
  viewer: Viewer,
  query: OwnershipReportQuery,
  settings: OwnershipSettings,
  timeZone: string,
): Promise<OwnershipReportRow[]> {
  if (query.to < query.from) {
    throw validationFailed([{ field: 'querystring.to', message: 'must not be before from' }]);
  }
  const from = zonedDayStart(query.from, timeZone);
  const to = zonedDayStart(addDays(query.to, 1), timeZone);
  const rows = await queryRows<{
    id: string;
    name: string;
    team_id: string | null;
    created: number;
    claimed: number;
    assigned_in: number;
    assigned_out: number;
    released: number;
    lapsed: number;
    warnings: number;
    holding: number;
  }>(
    db,
    sql`with period as (
        select e.* from ownership_events e
        where e.org_id = ${viewer.orgId} and e.at >= ${from} and e.at < ${to})
      select u.id, u.name, u.team_id,
        count(*) filter (where p.kind = 'created' and p.to_owner_id = u.id)::int as created,
        count(*) filter (where p.kind = 'claimed' and p.to_owner_id = u.id)::int as claimed,
        count(*) filter (where p.kind = 'assigned' and p.to_owner_id = u.id)::int as assigned_in,
        count(*) filter (where p.kind = 'assigned' and p.from_owner_id = u.id)::int as assigned_out,
        count(*) filter (where p.kind = 'released' and p.from_owner_id = u.id)::int as released,
        count(*) filter (where p.kind = 'lapsed' and p.from_owner_id = u.id)::int as lapsed,
        count(*) filter (where p.kind = 'lapse_warning' and p.from_owner_id = u.id)::int as warnings,
        ${heldBy(viewer.orgId, sql.raw('u.id'), settings.wonDealsExempt)} as holding
      from users u
      left join period p on p.from_owner_id = u.id or p.to_owner_id = u.id
      where ${listedUsers(viewer, query.teamId)}
      group by u.org_id, u.id, u.name, u.team_id
      order by u.name, u.id`,
  );
  return rows.map((row) => ({
    userId: row.id,
    name: row.name,
    teamId: row.team_id,
    created: row.created,
    claimed: row.claimed,
    assignedIn: row.assigned_in,
    assignedOut: row.assigned_out,
    released: row.released,
    lapsed: row.lapsed,
    warnings: row.warnings,
    holding: row.holding,
  }));
}
