// The bench org's people and settings: teams of ten reps with a manager, grid territories,
// the seven-stage funnel, lost reasons, a lapse rule, and a holding limit the reps' lists fit in.
import { sql } from 'drizzle-orm';
import type { FunnelStage } from '../../domain/funnels';
import { type Db, queryRows } from '../../server/db/client';
import { hashPassword } from '../../server/modules/auth/password';
import { ensureLostReasons } from '../../server/modules/deals/lostReasons.service';
import { createFunnel } from '../../server/modules/funnels/funnels.service';
import { createLapseRule } from '../../server/modules/lapseRules/lapseRules.service';
import { GIVEN, PROVINCES, SURNAMES } from '../demo/vocabulary';
import { before, pick, stableId } from './benchSql';

export const BENCH_PASSWORD = 'bench-2026-pass';

/** Id kinds (the first eight hex digits of every seeded id). */
export const KIND = {
  team: 0x7e000001,
  rep: 0x7e000002,
  manager: 0x7e000003,
  territory: 0x7e000004,
  customer: 0x7e000010,
  contact: 0x7e000011,
  activity: 0x7e000012,
  task: 0x7e000013,
  deal: 0x7e000014,
  history: 0x7e000015,
  sale: 0x7e000016,
  event: 0x7e000017,
} as const;

/**
 * How many people hold N customers: a rep per 2,000 customers (80% owned, so about 1,600 on
 * each list, under the org's holding limit of 2,000), ten reps per team, at least two teams.
 */
export function benchShape(customers: number) {
  const reps = Math.max(4, Math.ceil(customers / 2000));
  const teams = Math.max(2, Math.ceil(reps / 10));
  return {
    customers,
    reps,
    teams,
    holdingLimit: 2000,
    gridTeams: Math.min(teams, PROVINCES.length),
  };
}
export type BenchShape = ReturnType<typeof benchShape>;

export interface BenchPeople {
  adminId: string;
  funnelId: string;
  stages: readonly FunnelStage[];
  lostReasons: { id: string; name: string }[];
}

export const repId = (r: number) => stableId(KIND.rep, sql`${r}::int`);

export async function createBenchPeople(
  db: Db,
  orgId: string,
  shape: BenchShape,
  now: Date,
): Promise<BenchPeople> {
  const [admin] = await queryRows<{ id: string }>(
    db,
    sql`select id from users where org_id = ${orgId} and role = 'admin' order by created_at limit 1`,
  );
  if (!admin) throw new Error('The org has no admin to seed with');
  const actor = { id: admin.id, orgId, role: 'admin' as const, teamId: null, ip: null };
  // One hash for every seeded account: scrypt per user would take minutes at 500 reps.
  const hash = await hashPassword(BENCH_PASSWORD);
  const personName = (n: string) =>
    sql`${pick(SURNAMES, sql`${sql.raw(n)} * 7`)} || ${pick(GIVEN, sql`${sql.raw(n)} * 3`)}
      || case when ${sql.raw(n)} % 2 = 0 then ${pick(GIVEN, sql`${sql.raw(n)} * 11 + 5`)} else '' end`;
  await queryRows(
    db,
    sql`insert into ownership_settings (org_id, holding_limit) values (${orgId}, ${shape.holdingLimit})
      on conflict (org_id) do update set holding_limit = excluded.holding_limit`,
  );
  await queryRows(
    db,
    sql`insert into teams (org_id, id, name, created_at, updated_at)
      select ${orgId}, ${stableId(KIND.team, sql`t`)}, '网格组 ' || (t + 1), ${before(now, sql`500`)}, ${now}
      from generate_series(0, ${shape.teams - 1}) t`,
  );
  await queryRows(
    db,
    sql`insert into users (org_id, id, email, name, role, team_id, password_hash, created_at, updated_at)
      select ${orgId}, ${stableId(KIND.manager, sql`t`)}, 'manager' || (t + 1) || '@bench.crm',
        ${personName('(t + 1000)')} || '经理', 'manager', ${stableId(KIND.team, sql`t`)}, ${hash},
        ${before(now, sql`500`)}, ${now}
      from generate_series(0, ${shape.teams - 1}) t`,
  );
  await queryRows(
    db,
    sql`update teams t set manager_id = u.id from users u
      where u.org_id = t.org_id and u.team_id = t.id and u.role = 'manager' and t.org_id = ${orgId}`,
  );
  await queryRows(
    db,
    sql`insert into users (org_id, id, email, name, role, team_id, password_hash, created_at, updated_at)
      select ${orgId}, ${stableId(KIND.rep, sql`r`)}, 'rep' || (r + 1) || '@bench.crm',
        ${personName('r')}, 'rep', ${stableId(KIND.team, sql`r % ${shape.teams}`)}, ${hash},
        ${before(now, sql`450`)}, ${now}
      from generate_series(0, ${shape.reps - 1}) r`,
  );
  // Grid teams (网格): team t holds PROVINCES[t]; their pools hold that province's pool customers.
  await queryRows(
    db,
    sql`insert into team_territories (org_id, id, team_id, province, created_at)
      select ${orgId}, ${stableId(KIND.territory, sql`t`)}, ${stableId(KIND.team, sql`t`)},
        ${pick(
          PROVINCES.map((p) => p.province),
          sql`t`,
        )}, ${before(now, sql`500`)}
      from generate_series(0, ${shape.gridTeams - 1}) t`,
  );
  const funnel = await createFunnel(
    db,
    actor,
    { template: 'seven-stage', purpose: 'deals' },
    'zh-CN',
  );
  await ensureLostReasons(db, orgId);
  const lostReasons = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from lost_reasons where org_id = ${orgId} order by sort`,
  );
  await createLapseRule(
    db,
    actor,
    {
      name: '30 天无有效沟通收回公海',
      noActivityDays: 30,
      warnDays: 5,
      exemptWon: true,
      exemptStageKeys: [],
      exemptGrades: [],
      active: true,
    },
    now,
  );
  return { adminId: admin.id, funnelId: funnel.id, stages: funnel.stages, lostReasons };
}
