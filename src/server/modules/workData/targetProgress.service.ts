// "My day" progress: each target about the caller (their own, their team's, for a manager the
// teams they lead) against the work done so far in the day, week or month that contains today
// in the org's time zone.
import { sql } from 'drizzle-orm';
import { zonedDay } from '../../../domain/format/dates';
import { periodBounds, type TargetMetric, type TargetPeriod } from '../../../domain/workData';
import { type Db, queryRows } from '../../db/client';
import { managedTeams } from '../teams/targetScope';
import { EMPTY_FACTS, loadActivityFacts, metricValue } from './activityFacts';
import type { MyProgress } from './workData.schema';
import { periodInstants, type Viewer } from './workData.scope';

interface OwnTargetRow {
  id: string;
  user_id: string | null;
  team_id: string | null;
  team_name: string | null;
  period: TargetPeriod;
  metric: TargetMetric;
  target: number;
}

const PERIOD_ORDER: Record<TargetPeriod, number> = { day: 0, week: 1, month: 2 };

export async function myProgress(
  db: Db,
  viewer: Viewer,
  timeZone: string,
  now: Date,
): Promise<MyProgress> {
  const today = zonedDay(now, timeZone);
  const targets = await queryRows<OwnTargetRow>(
    db,
    sql`select t.id, t.user_id, t.team_id, tm.name as team_name, t.period, t.metric, t.target
      from activity_targets t left join teams tm on tm.org_id = t.org_id and tm.id = t.team_id
      where t.org_id = ${viewer.orgId}
        and (t.user_id = ${viewer.id} or t.team_id in ${managedTeams(viewer)})`,
  );
  const items = [];
  // At most three periods × two subjects: one facts query each.
  const cache = new Map<string, Awaited<ReturnType<typeof loadActivityFacts>>['byUser']>();
  for (const target of targets) {
    const bounds = periodBounds(target.period, today);
    const key = `${target.period}:${target.team_id ?? 'me'}`;
    let facts = cache.get(key);
    if (!facts) {
      const users = target.team_id
        ? sql`u.org_id = ${viewer.orgId} and u.team_id = ${target.team_id}`
        : sql`u.org_id = ${viewer.orgId} and u.id = ${viewer.id}`;
      const period = periodInstants(bounds, timeZone);
      // No target counts distinct customers: skip that pass.
      facts = (await loadActivityFacts(db, viewer.orgId, users, period, { customers: false }))
        .byUser;
      cache.set(key, facts);
    }
    let actual = 0;
    for (const f of facts.size ? facts.values() : [{ ...EMPTY_FACTS, userId: '' }]) {
      actual += metricValue(f, target.metric);
    }
    items.push({
      targetId: target.id,
      userId: target.user_id,
      teamId: target.team_id,
      teamName: target.team_name,
      period: target.period,
      metric: target.metric,
      from: bounds.from,
      to: bounds.to,
      actual,
      target: target.target,
    });
  }
  items.sort(
    (a, b) =>
      Number(a.teamId !== null) - Number(b.teamId !== null) ||
      PERIOD_ORDER[a.period] - PERIOD_ORDER[b.period] ||
      a.metric.localeCompare(b.metric),
  );
  return { date: today, items };
}
