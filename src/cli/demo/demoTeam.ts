// The demo's people and settings, made through the same services the API uses.
import { sql } from 'drizzle-orm';
import type { FunnelStage } from '../../domain/funnels';
import type { Role } from '../../domain/vocabulary';
import { type Db, queryRows } from '../../server/db/client';
import { ensureLostReasons } from '../../server/modules/deals/lostReasons.service';
import { createFunnel } from '../../server/modules/funnels/funnels.service';
import { createLapseRule } from '../../server/modules/lapseRules/lapseRules.service';
import { createTerritory } from '../../server/modules/pool/territories.service';
import { createTeam } from '../../server/modules/teams/teams.service';
import { createUser } from '../../server/modules/users/users.service';
import { EAST_PROVINCES } from './vocabulary';

export const DEMO_PASSWORD = 'demo-2026-pass';

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
}

export interface DemoTeam {
  orgId: string;
  adminId: string;
  eastTeamId: string;
  otherTeamId: string;
  managers: DemoUser[];
  reps: DemoUser[];
  funnelId: string;
  stages: readonly FunnelStage[];
  lostReasons: { id: string; name: string }[];
  lapseRule: { id: string; name: string; noActivityDays: number };
}

const TEAMS = [
  { key: 'east', name: '华东网格组', manager: ['manager1@demo.crm', '周经理'] },
  { key: 'other', name: '华南华北网格组', manager: ['manager2@demo.crm', '吴经理'] },
] as const;

const ORG_NAME = '华信数智软件有限公司';
const ADMIN_NAME = '系统管理员';

const REP_NAMES = ['王小明', '李娜', '张伟', '刘洋', '陈静', '杨帆', '黄磊', '赵敏'];

/**
 * Two grid teams with a manager each (east: 江苏, 浙江, 上海, 山东), eight reps, the seven-stage
 * funnel, the default lost reasons, and a lapse rule (30 days without effective communication,
 * warned 5 days before), all as of `now`.
 */
export async function createDemoTeam(db: Db, orgId: string, now: Date): Promise<DemoTeam> {
  const [admin] = await queryRows<{ id: string }>(
    db,
    sql`select id from users where org_id = ${orgId} and role = 'admin' order by created_at limit 1`,
  );
  if (!admin) throw new Error('The org has no admin to create the demo with');
  // A company and an administrator with names, not the first start's placeholders.
  await queryRows(db, sql`update orgs set name = ${ORG_NAME} where id = ${orgId}`);
  await queryRows(
    db,
    sql`update users set name = ${ADMIN_NAME} where org_id = ${orgId} and id = ${admin.id}`,
  );
  // The services name their actor differently; one object serves them all.
  const actor = {
    id: admin.id,
    userId: admin.id,
    orgId,
    role: 'admin' as const,
    teamId: null,
    ip: null,
  };
  const teamIds: string[] = [];
  const managers: DemoUser[] = [];
  for (const spec of TEAMS) {
    const team = await createTeam(db, actor, { name: spec.name });
    teamIds.push(team.id);
    const [email, name] = spec.manager;
    const user = await createUser(db, actor, {
      email,
      name,
      password: DEMO_PASSWORD,
      role: 'manager',
      teamId: team.id,
    });
    managers.push({ id: user.id, email, name, role: 'manager', teamId: team.id });
    await queryRows(
      db,
      sql`update teams set manager_id = ${user.id} where org_id = ${orgId} and id = ${team.id}`,
    );
  }
  const [eastTeamId, otherTeamId] = teamIds as [string, string];
  const reps: DemoUser[] = [];
  for (const [index, name] of REP_NAMES.entries()) {
    const email = `rep${index + 1}@demo.crm`;
    const teamId = index < 4 ? eastTeamId : otherTeamId;
    const user = await createUser(db, actor, {
      email,
      name,
      password: DEMO_PASSWORD,
      role: 'rep',
      teamId,
    });
    reps.push({ id: user.id, email, name, role: 'rep', teamId });
  }
  for (const province of EAST_PROVINCES) {
    await createTerritory(db, actor, { teamId: eastTeamId, province }, now);
  }
  for (const province of ['广东', '北京']) {
    await createTerritory(db, actor, { teamId: otherTeamId, province }, now);
  }
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
  const lapseRule = await createLapseRule(
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
  return {
    orgId,
    adminId: admin.id,
    eastTeamId,
    otherTeamId,
    managers,
    reps,
    funnelId: funnel.id,
    stages: funnel.stages,
    lostReasons,
    lapseRule: { id: lapseRule.id, name: lapseRule.name, noActivityDays: 30 },
  };
}
