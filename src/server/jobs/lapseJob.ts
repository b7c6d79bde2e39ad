import { sql } from 'drizzle-orm';
import { zonedDay } from '../../domain/format/dates';
import { type Db, queryRows } from '../db/client';
import {
  dueForLapseCtes,
  rulesForDay,
  tuneForOrgScan,
} from '../modules/lapseRules/lapseEvaluation';
import { activeRulesForEvaluation } from '../modules/lapseRules/lapseRules.service';
import { sqlNewId, territoryTeamOf } from '../modules/pool/poolEvents';
import type { Job, JobSummary } from './scheduler';

/**
 * The daily lapse run (回收) for one org, in one transaction: the customers due are found in
 * one read-only pass (which PostgreSQL may run in parallel), then one statement returns those
 * past a rule's deadline to the pool (their territory's grid pool, or the org's), each with a
 * 'lapsed' event naming the rule and triggers, cancels their former owners' open tasks on them,
 * and gives owners of customers within the warning window one 'lapse_warning' per deadline.
 * A second run finds nothing more to do. Each lapse is an audit row too, written by the same
 * statement (the job has no user: user_id is null), and so is each share (协同) the lapsed
 * customers lose: a pool customer keeps no collaborators (see collaborators.service dropShares).
 */
export async function lapseOrg(
  db: Db,
  org: { id: string; timeZone: string },
  now: Date,
): Promise<JobSummary> {
  const rules = await activeRulesForEvaluation(db, org.id);
  if (rules.length === 0) return { lapsed: 0, warned: 0, tasksCancelled: 0 };
  const ranked = rulesForDay(rules, zonedDay(now, org.timeZone), org.timeZone);
  return db.transaction(async (tx) => {
    await tuneForOrgScan(tx);
    await tx.execute(
      sql`create temp table lapse_due on commit drop as
        with ${dueForLapseCtes({ orgId: org.id, timeZone: org.timeZone }, ranked)}
        select * from due`,
    );
    // Most warnings were given on an earlier day (one per deadline): dropped here, before ids
    // and the rule's json are made for them below (whose conflict clause covers a concurrent
    // run). A statement of its own: inside the take-back, an anti-join planned from an empty
    // table's statistics re-read ownership_events, which that statement fills, once per warning.
    await tx.execute(
      sql`delete from lapse_due d where d.status = 'warning' and exists (
        select 1 from ownership_events e
        where e.org_id = ${org.id} and e.kind = 'lapse_warning' and e.customer_id = d.customer_id
          and e.from_owner_id = d.owner_id and e.deadline = d.deadline)`,
    );
    // lapse_due is not analyzed: with its real size the planner took back a normal day's 13,000
    // customers by a hash join over a seq scan of all customers (2.2 s), not by 13,000 probes.
    const [row] = await queryRows<{ lapsed: number; warned: number; tasks_cancelled: number }>(
      tx,
      sql`with lapsed as (
          update customers c set owner_id = null, claimed_at = null, pooled_at = ${now},
            pool_team_id = ${territoryTeamOf('c')}, version = c.version + 1, updated_at = ${now}
          from lapse_due d
          where c.org_id = ${org.id} and c.id = d.customer_id and d.status = 'lapsed'
            and c.owner_id = d.owner_id
          returning c.id, d.owner_id, d.rule_id, d.rule_name, d.act_days, d.prog_days,
            d.triggers, d.deadline, c.pool_team_id),
        lapse_events as (
          insert into ownership_events (org_id, id, customer_id, kind, at, from_owner_id,
            pool_team_id, rule_id, rule, deadline)
          select ${org.id}, ${sqlNewId(now)}, l.id, 'lapsed', ${now}, l.owner_id, l.pool_team_id,
            l.rule_id, jsonb_build_object('id', l.rule_id, 'name', l.rule_name,
              'noActivityDays', l.act_days, 'noProgressDays', l.prog_days, 'triggers', l.triggers),
            l.deadline
          from lapsed l
          returning 1),
        lapse_audit as (
          insert into audit_log (org_id, id, at, user_id, action, entity, entity_id, changes)
          select ${org.id}, ${sqlNewId(now)}, ${now}, null, 'lapse', 'customer', l.id::text,
            jsonb_build_object('ownerId', jsonb_build_object('from', l.owner_id, 'to', null),
              'rule', l.rule_name, 'triggers', l.triggers)
          from lapsed l
          returning 1),
        -- Shares (协同) are the owner's act: a customer back in the pool keeps none.
        unshared as (
          delete from customer_collaborators cc using lapsed l, users u
          where cc.org_id = ${org.id} and cc.customer_id = l.id
            and u.org_id = cc.org_id and u.id = cc.user_id
          returning cc.customer_id, cc.user_id, cc.access, u.name as user_name),
        unshare_audit as (
          insert into audit_log (org_id, id, at, user_id, action, entity, entity_id, changes)
          select ${org.id}, ${sqlNewId(now)}, ${now}, null, 'unshare', 'customer',
            x.customer_id::text, jsonb_build_object('userId', x.user_id, 'userName', x.user_name,
              'access', jsonb_build_object('from', x.access, 'to', null), 'reason', 'released')
          from unshared x
          returning 1),
        cancelled as (
          update tasks t set status = 'cancelled', version = t.version + 1, updated_at = ${now}
          from lapsed l
          where t.org_id = ${org.id} and t.customer_id = l.id and t.assignee_id = l.owner_id
            and t.status = 'open'
          returning 1),
        warned as (
          insert into ownership_events (org_id, id, customer_id, kind, at, from_owner_id, rule_id,
            rule, deadline)
          select ${org.id}, ${sqlNewId(now)}, d.customer_id, 'lapse_warning', ${now}, d.owner_id,
            d.rule_id, jsonb_build_object('id', d.rule_id, 'name', d.rule_name,
              'noActivityDays', d.act_days, 'noProgressDays', d.prog_days, 'triggers', d.triggers),
            d.deadline
          from lapse_due d where d.status = 'warning'
          on conflict (org_id, customer_id, from_owner_id, deadline) where kind = 'lapse_warning'
            do nothing
          returning 1)
        select (select count(*)::int from lapse_events) as lapsed,
          (select count(*)::int from warned) as warned,
          (select count(*)::int from cancelled) as tasks_cancelled`,
    );
    return {
      lapsed: row?.lapsed ?? 0,
      warned: row?.warned ?? 0,
      tasksCancelled: row?.tasks_cancelled ?? 0,
    };
  });
}

export const lapseJob: Job = { name: 'lapse', runForOrg: lapseOrg };
