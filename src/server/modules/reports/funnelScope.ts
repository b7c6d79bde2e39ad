// The deals a funnel report covers: one funnel, the viewer's visible deals, an owner or a
// team, and (for the snapshot) the deals created in the period. Shared by every funnel view.
import { type SQL, sql } from 'drizzle-orm';
import { addDays, zonedDayStart } from '../../../domain/format/dates';
import type { FunnelStage } from '../../../domain/funnels';
import type { Locale } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { notFound, validationFailed } from '../../http/errors';
import type { Viewer } from '../deals/deals.access';
import { visibleDeals } from '../deals/deals.access';
import type { FunnelReportQuery } from './funnelReport.schema';

export interface ScopedFunnel {
  id: string;
  stages: FunnelStage[];
}

export interface StageInfo {
  key: string;
  name: string;
  ord: number;
  probability: number;
  terminal: 'won' | 'lost' | null;
}

export function checkDays(query: { from?: string; to?: string }): void {
  if (query.from && query.to && query.from > query.to) {
    throw validationFailed([{ field: 'querystring.to', message: 'must not be before from' }]);
  }
}

/** The asked funnel, else the org's first deal funnel; 404 when there is none. */
export async function reportFunnel(
  db: Db,
  orgId: string,
  funnelId: string | undefined,
): Promise<ScopedFunnel> {
  const [row] = await queryRows<ScopedFunnel>(
    db,
    funnelId
      ? sql`select id, stages from funnels where org_id = ${orgId} and id = ${funnelId}`
      : sql`select id, stages from funnels where org_id = ${orgId} and purpose = 'deals'
          order by created_at, id limit 1`,
  );
  if (!row) throw notFound('Funnel');
  return row;
}

export function stageInfos(funnel: ScopedFunnel, locale: Locale): StageInfo[] {
  return funnel.stages.map((stage, ord) => ({
    key: stage.key,
    name: stage.name[locale] ?? stage.key,
    ord,
    probability: stage.probability,
    terminal: stage.terminal ?? null,
  }));
}

/** The period's inclusive days as [start, end) instants in the org's time zone. */
export function periodInstants(
  query: { from?: string; to?: string },
  timeZone: string,
): { start: Date | null; end: Date | null } {
  return {
    start: query.from ? zonedDayStart(query.from, timeZone) : null,
    end: query.to ? zonedDayStart(addDays(query.to, 1), timeZone) : null,
  };
}

/**
 * Conditions on deals `d` (joined to customers `c` when `joinsCustomer`): org, funnel,
 * visibility (unless `visibility: false`: the caller applies it), owner, team and — with
 * `cohort` — creation inside the period.
 */
export function dealConditions(
  viewer: Viewer,
  query: FunnelReportQuery,
  funnelId: string,
  options: { timeZone: string; cohort: boolean; visibility?: boolean },
): SQL[] {
  const conditions: SQL[] = [sql`d.org_id = ${viewer.orgId}`, sql`d.funnel_id = ${funnelId}`];
  if (viewer.role !== 'admin' && options.visibility !== false) {
    conditions.push(visibleDeals(viewer));
  }
  if (query.ownerId) conditions.push(sql`d.owner_id = ${query.ownerId}`);
  if (query.teamId) {
    conditions.push(sql`d.owner_id in (select u.id from users u
      where u.org_id = ${viewer.orgId} and u.team_id = ${query.teamId})`);
  }
  if (options.cohort) {
    const { start, end } = periodInstants(query, options.timeZone);
    if (start) conditions.push(sql`d.created_at >= ${start}`);
    if (end) conditions.push(sql`d.created_at < ${end}`);
  }
  return conditions;
}

/** `from deals d [join customers c]`: the customer join only when visibility or a column needs it. */
export function dealsFrom(viewer: Viewer, needsCustomer = false): SQL {
  return viewer.role === 'admin' && !needsCustomer
    ? sql`deals d`
    : sql`deals d join customers c on c.org_id = d.org_id and c.id = d.customer_id`;
}

/** The funnel's stages as an SQL row source `st(key, ord)`. */
export function stageRows(stages: readonly StageInfo[]): SQL {
  if (stages.length === 0) return sql`(select null::text as key, null::int as ord where false)`;
  return sql`(values ${sql.join(
    stages.map((stage) => sql`(${stage.key}::text, ${stage.ord}::int)`),
    sql`, `,
  )})`;
}

export const cents = (value: unknown): number => Number(value ?? 0);
export const yuan = (value: unknown): number => Number(value ?? 0) / 100;
export const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;
