// Export watch (SPEC §7): a customer base is what a leaving rep most wants to take. Reps and
// managers export at most the org's daily row quota; a rep's large export puts a reminder on
// their manager's task list (the header bell and My day show it).
import { sql } from 'drizzle-orm';
import { zonedDay, zonedDayStart } from '../../../domain/format/dates';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/client';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import type { OrgInfo } from '../orgs/orgs.service';
import { insertTask } from '../tasks/tasks.service';

interface Exporter {
  orgId: string;
  id: string;
  role: 'admin' | 'manager' | 'rep';
  teamId: string | null;
  ip?: string | null;
}

/** Customer rows the user has exported since the start of the org's day, from the audit log. */
export async function rowsExportedToday(
  db: Db,
  user: { orgId: string; id: string },
  org: OrgInfo,
  now: Date,
): Promise<number> {
  const since = zonedDayStart(zonedDay(now, org.timeZone), org.timeZone);
  const [row] = await queryRows<{ rows: number }>(
    db,
    sql`select coalesce(sum((changes->>'rows')::int), 0)::int as rows from audit_log
      where org_id = ${user.orgId} and user_id = ${user.id} and action = 'export'
        and entity = 'customer' and at >= ${since}`,
  );
  return row?.rows ?? 0;
}

/**
 * Logs the export with the rows it is about to send, once it fits today's quota (admins have
 * none): before a byte is streamed, so the quota counts it from the start. Under a per-user
 * lock in one transaction, so two exports at once cannot both pass on the same rows left.
 * A refusal is 429 export_quota_exceeded with quota, used and requested, and is logged too.
 */
export async function reserveExport(
  db: Db,
  user: Exporter,
  org: OrgInfo,
  request: { rows: number; format: string; filters: unknown },
  now: Date,
): Promise<void> {
  const quota = org.settings.exportDailyRowQuota;
  const refusal = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`export:${user.id}`}))`);
    if (user.role !== 'admin') {
      const used = await rowsExportedToday(tx, user, org, now);
      if (used + request.rows > quota) return { quota, used, requested: request.rows };
    }
    await recordAudit(tx, {
      orgId: user.orgId,
      userId: user.id,
      ip: user.ip,
      at: now,
      action: 'export',
      entity: 'customer',
      changes: {
        format: request.format,
        rows: request.rows,
        filters: request.filters as Record<string, unknown>,
      },
    });
    return null;
  });
  if (!refusal) return;
  // The refusal is worth knowing about too: someone tried to take more than allowed.
  await recordAudit(db, {
    orgId: user.orgId,
    userId: user.id,
    ip: user.ip,
    at: now,
    action: 'export_refused',
    entity: 'customer',
    changes: refusal,
  });
  throw new AppError(
    'export_quota_exceeded',
    `This export has ${refusal.requested} rows; ${Math.max(0, quota - refusal.used)} of today's ${quota} are left`,
    undefined,
    refusal,
  );
}

const TITLES = {
  'zh-CN': (name: string, rows: number) => `大量导出提醒：${name} 导出了 ${rows} 个客户`,
  en: (name: string, rows: number) => `Large export: ${name} exported ${rows} customers`,
};

/**
 * A reminder due now for the rep's team manager (or, with none, every active admin) when a
 * rep exports at least the org's warning size. Returns who was told.
 */
export async function warnOfLargeExport(
  db: Db,
  user: Exporter,
  org: OrgInfo,
  rows: number,
  now: Date,
): Promise<string[]> {
  if (user.role !== 'rep' || rows < org.settings.exportWarningRows) return [];
  return db.transaction(async (tx) => {
    const [rep] = await queryRows<{ name: string }>(
      tx,
      sql`select name from users where org_id = ${user.orgId} and id = ${user.id}`,
    );
    const managers = await queryRows<{ id: string; locale: string | null }>(
      tx,
      sql`select u.id, u.locale from teams t
          join users u on u.org_id = t.org_id and u.id = t.manager_id and u.active
        where t.org_id = ${user.orgId} and t.id = ${user.teamId}`,
    );
    const told =
      managers.length > 0
        ? managers
        : await queryRows<{ id: string; locale: string | null }>(
            tx,
            sql`select id, locale from users
              where org_id = ${user.orgId} and role = 'admin' and active order by id`,
          );
    for (const person of told) {
      const title = TITLES[person.locale === 'en' ? 'en' : 'zh-CN'](rep?.name ?? '', rows);
      await insertTask(tx, user, {
        title,
        notes: null,
        dueAt: now,
        customerId: null,
        assigneeId: person.id,
      });
    }
    return told.map((person) => person.id);
  });
}
