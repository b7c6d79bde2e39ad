// The demo team's targets, campaigns and shared customers, made through the same services the
// API uses, so My day shows progress, the work data report has targets to compare with, the
// forecast has quotas, and the campaign report has something to say.
import { sql } from 'drizzle-orm';
import { addDays, zonedDay, zonedDayStart } from '../../domain/format/dates';
import { type Db, queryRows } from '../../server/db/client';
import { addInvitees, markAttended } from '../../server/modules/campaigns/campaigns.invitees';
import { CreateCampaignRequest } from '../../server/modules/campaigns/campaigns.schema';
import { createCampaign } from '../../server/modules/campaigns/campaigns.service';
import { shareCustomer } from '../../server/modules/collaborators/collaborators.service';
import { CreateTargetRequest } from '../../server/modules/forecast/forecast.schema';
import { createTarget } from '../../server/modules/forecast/targets.service';
import { createActivityTarget } from '../../server/modules/workData/activityTargets.service';
import { CreateActivityTargetRequest } from '../../server/modules/workData/workData.schema';
import type { DemoTeam, DemoUser } from './demoTeam';
import type { Random } from './random';

function actorOf(user: DemoUser, orgId: string) {
  return { id: user.id, orgId, role: user.role, teamId: user.teamId, ip: null };
}

/**
 * Each manager sets their reps the seeds' daily rhythm (5 new customers contacted and at least
 * three effective communications a day, seed 001 and 000), 4 visits a week and 6 proposals a
 * month, and a sales quota for this month and this quarter.
 */
async function setTargets(db: Db, team: DemoTeam, month: string, quarter: string) {
  const perRep = [
    { period: 'day', metric: 'new_customers', target: 5 },
    { period: 'day', metric: 'effective', target: 3 },
    { period: 'week', metric: 'visits', target: 4 },
    { period: 'month', metric: 'proposals', target: 6 },
  ] as const;
  for (const manager of team.managers) {
    const actor = actorOf(manager, team.orgId);
    for (const rep of team.reps.filter((r) => r.teamId === manager.teamId)) {
      for (const target of perRep) {
        const input = CreateActivityTargetRequest.parse({ userId: rep.id, ...target });
        await createActivityTarget(db, actor, input);
      }
      await createTarget(
        db,
        actor,
        CreateTargetRequest.parse({ userId: rep.id, periodKey: month, amount: '200000' }),
      );
      await createTarget(
        db,
        actor,
        CreateTargetRequest.parse({ userId: rep.id, periodKey: quarter, amount: '600000' }),
      );
    }
    await createTarget(
      db,
      actor,
      CreateTargetRequest.parse({ teamId: manager.teamId, periodKey: quarter, amount: '2400000' }),
    );
  }
}

/**
 * Customers of a team's reps already on file `before` the campaign, for invitations (a stable
 * order, then shuffled by the seed).
 */
async function teamCustomers(db: Db, team: DemoTeam, teamId: string, random: Random, before: Date) {
  const owners = team.reps.filter((rep) => rep.teamId === teamId).map((rep) => rep.id);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from customers where org_id = ${team.orgId}
      and owner_id in (${sql.join(
        owners.map((id) => sql`${id}`),
        sql`, `,
      )}) and created_at < ${before.toISOString()}::timestamptz order by id`,
  );
  const ids = rows.map((row) => row.id);
  for (let i = ids.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
  }
  return ids;
}

/**
 * Seed 001's ways of turning list customers into potential ones: a seminar held a month ago
 * (most invitees came, which logged a follow-up on each), a trade show two months ago, and a
 * user conference coming up.
 */
async function runCampaigns(
  db: Db,
  team: DemoTeam,
  random: Random,
  today: string,
  timeZone: string,
  now: Date,
) {
  const admin = {
    id: team.adminId,
    orgId: team.orgId,
    role: 'admin' as const,
    teamId: null,
    ip: null,
  };
  const [east, other] = team.managers;
  const plans = [
    {
      manager: east,
      type: 'seminar',
      name: '企业数字化管理研讨会（上海）',
      place: '上海浦东香格里拉酒店',
      startsOn: addDays(today, -30),
      days: 1,
      invite: 14,
      attend: 9,
      cost: '38000',
    },
    {
      manager: other,
      type: 'exhibition',
      name: '华南国际工业博览会',
      place: '广州琶洲会展中心',
      startsOn: addDays(today, -60),
      days: 3,
      invite: 10,
      attend: 6,
      cost: '120000',
    },
    {
      manager: east,
      type: 'user_conference',
      name: '年度用户大会',
      place: '杭州国际博览中心',
      startsOn: addDays(today, 10),
      days: 1,
      invite: 12,
      attend: 0,
      cost: '80000',
    },
  ] as const;
  for (const plan of plans) {
    if (!plan.manager?.teamId) continue;
    const campaign = await createCampaign(
      db,
      admin,
      CreateCampaignRequest.parse({
        type: plan.type,
        name: plan.name,
        place: plan.place,
        startsOn: plan.startsOn,
        endsOn: addDays(plan.startsOn, plan.days - 1),
        ownerId: plan.manager.id,
        cost: plan.cost,
        source: '展会及研讨会',
      }),
    );
    const startsAt = zonedDayStart(plan.startsOn, timeZone);
    const invited = (await teamCustomers(db, team, plan.manager.teamId, random, startsAt)).slice(
      0,
      plan.invite,
    );
    await addInvitees(
      db,
      admin,
      campaign.id,
      { invitees: invited.map((customerId) => ({ customerId })) },
      now,
    );
    const invitees = await queryRows<{ id: string }>(
      db,
      sql`select id from campaign_invitees where org_id = ${team.orgId} and campaign_id = ${campaign.id}
        order by id limit ${plan.attend}`,
    );
    for (const invitee of invitees) {
      await markAttended(db, admin, campaign.id, invitee.id, {
        attendedOn: plan.startsOn,
        now,
        timeZone,
      });
    }
  }
}

/**
 * Two reps of a team work some customers together (协同): the first rep lets the second read
 * three of theirs, and gives write access on one to a colleague who supports the deal.
 */
async function shareCustomers(db: Db, team: DemoTeam, now: Date) {
  const [owner, reader, writer] = team.reps;
  if (!owner || !reader || !writer) return;
  const theirs = await queryRows<{ id: string }>(
    db,
    sql`select id from customers where org_id = ${team.orgId} and owner_id = ${owner.id}
      order by id limit 4`,
  );
  const actor = actorOf(owner, team.orgId);
  for (const [index, customer] of theirs.entries()) {
    if (index < 3) await shareCustomer(db, actor, customer.id, reader.id, 'read', now);
    else await shareCustomer(db, actor, customer.id, writer.id, 'write', now);
  }
}

export async function seedTeamwork(
  db: Db,
  team: DemoTeam,
  random: Random,
  clock: { now: Date; timeZone: string },
): Promise<void> {
  const today = zonedDay(clock.now, clock.timeZone);
  const month = today.slice(0, 7);
  const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  await setTargets(db, team, month, quarter);
  await runCampaigns(db, team, random, today, clock.timeZone, clock.now);
  await shareCustomers(db, team, clock.now);
}
