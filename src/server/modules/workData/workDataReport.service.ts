// The work data report (工作数据): per rep, the work done in the period and what it led to,
// the calendar, the trend against targets. Every figure is from workDataFacts/activityFacts.
import { daysBetween } from '../../../domain/format/dates';
import { ACTIVITY_TYPES } from '../../../domain/vocabulary';
import { CONTACT_CHANNELS, CONVERSION_BENCHMARK, TARGET_METRICS } from '../../../domain/workData';
import type { Db } from '../../db/client';
import { validationFailed } from '../../http/errors';
import { EMPTY_FACTS, listedUsers, loadActivityFacts } from './activityFacts';
import { contactedThenWon, customersContacted } from './customersContacted';
import type { WorkDataQuery, WorkDataReport, WorkDataRow } from './workData.schema';
import { periodInstants, scopedUsers, type Viewer } from './workData.scope';
import {
  activityCalendar,
  activityTrend,
  bucketTargets,
  customersMovedForward,
  followUpsBeforeWin,
  inquiryReplies,
  typeAndChannelCounts,
} from './workDataFacts';

/** A year and a bit: longer periods belong to an export of several reports. */
const MAX_DAYS = 400;

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const byUser = <T extends { user_id: string }>(rows: T[]) =>
  new Map(rows.map((row) => [row.user_id, row]));

/** Per-user counts and the scope's own (the grouping-sets row with user_id null). */
function withTotal(rows: { user_id: string | null; n: number }[]) {
  const perUser = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    if (row.user_id === null) total = row.n;
    else perUser.set(row.user_id, row.n);
  }
  return { perUser, total };
}

function emptyCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

type Totals = WorkDataReport['totals'];

/** Figures about customers: distinct over the scope, not the sum of the reps' counts. */
interface DistinctTotals {
  customersContacted: number;
  contactedWon: number;
  customersMovedForward: number;
}

function totalsOf(rows: WorkDataRow[], distinct: DistinctTotals): Totals {
  const sum = (pick: (row: WorkDataRow) => number) => rows.reduce((n, row) => n + pick(row), 0);
  const byType = emptyCounts(ACTIVITY_TYPES);
  const byChannel = emptyCounts([...CONTACT_CHANNELS, 'none'] as const);
  for (const row of rows) {
    for (const key of ACTIVITY_TYPES) byType[key] += row.byType[key];
    for (const key of Object.keys(byChannel) as (keyof typeof byChannel)[]) {
      byChannel[key] += row.byChannel[key];
    }
  }
  const activities = sum((r) => r.activities);
  const effective = sum((r) => r.effective);
  const { customersContacted, contactedWon, customersMovedForward } = distinct;
  const dealsWon = sum((r) => r.dealsWon);
  const inquiriesAnswered = sum((r) => r.inquiriesAnswered);
  return {
    activities,
    effective,
    customersContacted,
    newCustomersContacted: sum((r) => r.newCustomersContacted),
    visits: sum((r) => r.visits),
    calls: sum((r) => r.calls),
    proposals: sum((r) => r.proposals),
    effectiveRatio: ratio(effective, activities),
    customersMovedForward,
    contactedWon,
    conversion: ratio(contactedWon, customersContacted),
    dealsWon,
    avgFollowUpsBeforeWin: ratio(
      sum((r) => (r.avgFollowUpsBeforeWin ?? 0) * r.dealsWon),
      dealsWon,
    ),
    inquiriesAnswered,
    avgFirstReplyMinutes: ratio(
      sum((r) => (r.avgFirstReplyMinutes ?? 0) * r.inquiriesAnswered),
      inquiriesAnswered,
    ),
    byType,
    byChannel,
  };
}

export async function workDataReport(
  db: Db,
  viewer: Viewer,
  query: WorkDataQuery,
  timeZone: string,
): Promise<WorkDataReport> {
  const instants = periodInstants(query, timeZone);
  if (daysBetween(query.from, query.to) >= MAX_DAYS) {
    throw validationFailed([{ field: 'querystring.to', message: `at most ${MAX_DAYS} days` }]);
  }
  const period = {
    start: instants.start as Date,
    end: instants.end as Date,
    from: query.from,
    to: query.to,
  };
  const users = await scopedUsers(db, viewer, query);
  const orgId = viewer.orgId;
  const granularity = daysBetween(query.from, query.to) < 62 ? 'day' : 'week';
  // The whole org's distinct customers (contacted, moved forward) are kept in blocks; a
  // team's are counted from its rows.
  const wholeOrg = viewer.role === 'admin' && !query.ownerId && !query.teamId;
  const [loaded, split, moved, contacted, contactedWon, wins, replies, calendar, trend, targets] =
    await Promise.all([
      // Distinct customers come from customersContacted below.
      loadActivityFacts(db, orgId, users, period, { customers: false }),
      typeAndChannelCounts(db, orgId, users, period),
      customersMovedForward(db, orgId, users, period, wholeOrg).then(withTotal),
      customersContacted(db, orgId, users, period, wholeOrg ? 'wholeOrg' : 'scope').then(withTotal),
      contactedThenWon(db, orgId, users, period).then(withTotal),
      followUpsBeforeWin(db, orgId, users, period).then(byUser),
      inquiryReplies(db, orgId, users, period).then(byUser),
      activityCalendar(db, orgId, users, period),
      activityTrend(db, orgId, users, period, timeZone, granularity),
      // A team's target stands for the team unless the report is one rep's.
      bucketTargets(db, orgId, users, granularity, viewer.role !== 'rep' && !query.ownerId),
    ]);
  const facts = loaded.byUser;
  const withWork = new Set([
    ...facts.keys(),
    ...wins.keys(),
    ...replies.keys(),
    ...moved.perUser.keys(),
  ]);
  const listed = await listedUsers(db, users, withWork);
  const rows: WorkDataRow[] = listed.map((user) => {
    const f = facts.get(user.id) ?? EMPTY_FACTS;
    const byType = emptyCounts(ACTIVITY_TYPES);
    const byChannel = emptyCounts([...CONTACT_CHANNELS, 'none'] as const);
    for (const line of split) {
      if (line.user_id !== user.id) continue;
      byType[line.type as keyof typeof byType] += line.n;
      byChannel[line.channel as keyof typeof byChannel] += line.n;
    }
    const customersContacted = contacted.perUser.get(user.id) ?? 0;
    const won = contactedWon.perUser.get(user.id) ?? 0;
    const win = wins.get(user.id);
    const reply = replies.get(user.id);
    return {
      userId: user.id,
      userName: user.name,
      teamId: user.team_id,
      teamName: user.team_name,
      ...f,
      customersContacted,
      effectiveRatio: ratio(f.effective, f.activities),
      customersMovedForward: moved.perUser.get(user.id) ?? 0,
      contactedWon: won,
      conversion: ratio(won, customersContacted),
      dealsWon: win?.won ?? 0,
      avgFollowUpsBeforeWin: win ? ratio(win.follow_ups, win.won) : null,
      inquiriesAnswered: reply?.answered ?? 0,
      avgFirstReplyMinutes: reply ? ratio(reply.minutes, reply.answered) : null,
      byType,
      byChannel,
    };
  });
  rows.sort((a, b) => b.effective - a.effective || b.activities - a.activities);
  const trendTargets = Object.fromEntries(
    TARGET_METRICS.map((metric) => [
      metric,
      targets.find((row) => row.metric === metric)?.total ?? null,
    ]),
  ) as WorkDataReport['trendTargets'];
  return {
    from: query.from,
    to: query.to,
    benchmark: CONVERSION_BENCHMARK,
    rows,
    totals: totalsOf(rows, {
      customersContacted: contacted.total,
      contactedWon: contactedWon.total,
      customersMovedForward: moved.total,
    }),
    calendar: calendar.map((row) => ({ userId: row.user_id, day: row.day, count: row.n })),
    granularity,
    trend: trend.map((row) => ({
      bucket: row.bucket,
      activities: row.activities,
      effective: row.effective,
      newCustomers: row.new_customers,
      visits: row.visits,
      calls: row.calls,
      proposals: row.proposals,
    })),
    trendTargets,
  };
}
