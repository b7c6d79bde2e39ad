// GET /reports/activity (fixed by API.md): per user, activities logged in the period, the
// effective ones, distinct customers and those contacted by nobody before.
import type { Db } from '../../db/client';
import { EMPTY_FACTS, listedUsers, loadActivityFacts } from './activityFacts';
import type { ActivityReportQuery } from './workData.schema';
import { periodInstants, scopedUsers, type Viewer } from './workData.scope';

export async function activityReport(
  db: Db,
  viewer: Viewer,
  query: ActivityReportQuery,
  timeZone: string,
) {
  const period = periodInstants(query, timeZone);
  const users = await scopedUsers(db, viewer, query);
  const { byUser: facts } = await loadActivityFacts(db, viewer.orgId, users, period);
  const listed = await listedUsers(db, users, facts);
  const rows = listed.map((user) => {
    const f = facts.get(user.id) ?? EMPTY_FACTS;
    return {
      userId: user.id,
      activities: f.activities,
      effective: f.effective,
      customersContacted: f.customersContacted,
      newCustomersContacted: f.newCustomersContacted,
    };
  });
  rows.sort((a, b) => b.activities - a.activities);
  return { rows };
}
