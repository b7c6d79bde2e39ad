// Fills an empty org with the demo sales team and a year of its work.
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { addDays, zonedDay, zonedDayStart } from '../../domain/format/dates';
import { periodContaining } from '../../domain/reports';
import { type Db, queryRows } from '../../server/db/client';
import {
  activities,
  auditLog,
  contacts,
  customers,
  deals,
  ownershipEvents,
  salesLines,
  stageHistory,
  tasks,
} from '../../server/db/schema';
import { gradingForOrg } from '../../server/jobs/gradingJob';
import {
  changeStatus,
  openMyReview,
} from '../../server/modules/funnelReviews/funnelReviews.service';
import { createInquiry, updateInquiry } from '../../server/modules/inquiries/inquiries.service';
import { recomputeScores } from '../../server/modules/scoring/scoring.service';
import { createDemoTeam, type DemoTeam } from './demoTeam';
import { seedTeamwork } from './demoTeamwork';
import { planDemoWorld, type Row } from './demoWorld';
import { DEMO_INQUIRIES } from './inquiries';
import { Random } from './random';

/**
 * The last finished semi-monthly period's funnel reports (半月漏斗报表): five reps filed theirs on
 * the due day (the 1st or 16th) in the morning, one only now (late), prefilled from their open
 * deals; two did not, so the manager sees missing reports and the leak rate has something to say.
 */
async function submitLastReports(db: Db, team: DemoTeam, timeZone: string, now: Date) {
  const current = periodContaining(zonedDay(now, timeZone));
  const last = periodContaining(addDays(current.from, -1));
  const dueDayStart = zonedDayStart(current.from, timeZone).getTime();
  for (const [index, rep] of team.reps.slice(0, 6).entries()) {
    const actor = {
      id: rep.id,
      orgId: team.orgId,
      role: 'rep' as const,
      teamId: rep.teamId,
      ip: null,
    };
    const onTime = dueDayStart + (9 * 60 + index * 47) * 60_000;
    const clocked = {
      now: index === 5 ? now : new Date(Math.min(now.getTime(), onTime)),
      timeZone,
    };
    const review = await openMyReview(db, actor, last.key, clocked);
    await changeStatus(db, actor, review.id, { to: 'submitted', version: review.version }, clocked);
  }
}

export interface DemoSummary {
  team: DemoTeam;
  counts: Record<string, number>;
}

async function insertAll(db: Db, table: PgTable, rows: Row[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    // Rows are built to the table's shape by the planner; drizzle checks names at run time.
    await db.insert(table).values(rows.slice(start, start + 500) as never);
  }
}

/** Whether the org already holds customers (the demo only fills an empty one). */
export async function orgHasCustomers(db: Db, orgId: string): Promise<boolean> {
  const [row] = await queryRows(db, sql`select 1 from customers where org_id = ${orgId} limit 1`);
  return row !== undefined;
}

export async function seedDemo(
  db: Db,
  orgId: string,
  options: { seed: number; now: Date; customers?: number },
): Promise<DemoSummary> {
  const { now } = options;
  const random = new Random(options.seed);
  const team = await createDemoTeam(db, orgId, now);
  const world = planDemoWorld(team, random, now, options.customers);
  await db.transaction(async (tx) => {
    await insertAll(tx, customers, world.customers);
    await insertAll(tx, auditLog, world.audit);
    await insertAll(tx, contacts, world.contacts);
    await insertAll(tx, deals, world.deals);
    await insertAll(tx, stageHistory, world.stageHistory);
    await insertAll(tx, activities, world.activities);
    await insertAll(tx, salesLines, world.salesLines);
    await insertAll(tx, ownershipEvents, world.ownershipEvents);
    await insertAll(tx, tasks, world.tasks);
    // The archive's derived dates, as logging through the API keeps them.
    await tx.execute(sql`update customers c set
        last_contact_at = (select max(a.occurred_at) from activities a
          where a.org_id = c.org_id and a.customer_id = c.id),
        next_follow_up_at = (select min(t.due_at) from tasks t
          where t.org_id = c.org_id and t.customer_id = c.id and t.status = 'open')
      where c.org_id = ${orgId}`);
  });
  const rep = team.reps[0];
  if (rep) {
    const actor = { id: rep.id, orgId, role: 'rep' as const, teamId: rep.teamId, ip: null };
    for (const [index, inquiry] of DEMO_INQUIRIES.entries()) {
      const receivedAt = new Date(now.getTime() - (index + 1) * 7 * 60 * 60 * 1000);
      const created = await createInquiry(
        db,
        actor,
        { ...inquiry, receivedAt: receivedAt.toISOString() },
        { now, locale: 'zh-CN' },
      );
      // The older half is handled: real ones answered within hours (the reply time in the work
      // data report), scams archived after the background check; the newest wait in the inbox.
      if (index < DEMO_INQUIRIES.length / 2) continue;
      const handledAt = new Date(receivedAt.getTime() + random.int(20, 300) * 60 * 1000);
      const status = created.classification === 'scam' ? 'archived' : 'replied';
      await updateInquiry(
        db,
        actor,
        created.id,
        { version: created.version, status },
        { now: handledAt, locale: 'zh-CN' },
      );
    }
  }
  await recomputeScores(db, orgId);
  const [org] = await queryRows<{ time_zone: string }>(
    db,
    sql`select time_zone from orgs where id = ${orgId}`,
  );
  const timeZone = org?.time_zone ?? 'Asia/Shanghai';
  await gradingForOrg(db, { id: orgId, timeZone }, now);
  await submitLastReports(db, team, timeZone, now);
  await seedTeamwork(db, team, random, { now, timeZone });
  return {
    team,
    // Printed at start as "600 customers, 240 in the pool, …": names read as words.
    counts: {
      customers: world.customers.length,
      'in the pool': world.customers.filter((customer) => customer.ownerId === null).length,
      contacts: world.contacts.length,
      'follow-ups': world.activities.length,
      deals: world.deals.length,
      'stage moves': world.stageHistory.length,
      'sales lines': world.salesLines.length,
      inquiries: DEMO_INQUIRIES.length,
    },
  };
}
