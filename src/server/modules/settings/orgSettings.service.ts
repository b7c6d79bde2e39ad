import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { notFound, versionConflict } from '../../http/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import { OrgSettings } from '../orgs/orgs.service';
import type { OrgSettingsView, UpdateOrgSettingsRequest } from './settings.schema';

type Actor = { orgId: string; id: string; ip?: string | null };

// The orgs table has no version column: the version lives in the settings JSON beside the
// settings it guards, so two admins editing at once still get 409 rather than a lost update.
const SELECT_ORG = sql`select id, name, time_zone, currency, settings,
  coalesce((settings->>'version')::int, 1) as version from orgs`;

interface OrgRow {
  id: string;
  name: string;
  time_zone: string;
  currency: string;
  settings: Record<string, unknown> | null;
  version: number;
}

function present(row: OrgRow): OrgSettingsView {
  const settings = OrgSettings.parse(row.settings ?? {});
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    currency: row.currency,
    neglectedAfterDays: settings.neglectedAfterDays,
    exportDailyRowQuota: settings.exportDailyRowQuota,
    exportWarningRows: settings.exportWarningRows,
    version: row.version,
  };
}

export async function getOrgSettings(db: Db, orgId: string): Promise<OrgSettingsView> {
  const [row] = await queryRows<OrgRow>(db, sql`${SELECT_ORG} where id = ${orgId}`);
  if (!row) throw notFound('Organisation');
  return present(row);
}

export async function updateOrgSettings(
  db: Db,
  actor: Actor,
  input: UpdateOrgSettingsRequest,
): Promise<OrgSettingsView> {
  return db.transaction(async (tx) => {
    const [row] = await queryRows<OrgRow>(
      tx,
      sql`${SELECT_ORG} where id = ${actor.orgId} for update`,
    );
    if (!row) throw notFound('Organisation');
    const before = present(row);
    if (before.version !== input.version) throw versionConflict(before);
    const { version, name, timeZone, ...inSettings } = input;
    const fields = { name, timeZone, ...inSettings };
    const settings = {
      ...(row.settings ?? {}),
      ...Object.fromEntries(Object.entries(inSettings).filter(([, value]) => value !== undefined)),
      version: version + 1,
    };
    await queryRows(
      tx,
      sql`update orgs set name = ${fields.name ?? before.name},
          time_zone = ${fields.timeZone ?? before.timeZone},
          settings = ${JSON.stringify(settings)}::jsonb
        where id = ${actor.orgId}`,
    );
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'update',
      entity: 'org',
      entityId: actor.orgId,
      changes: diffFields(before, fields),
    });
    return getOrgSettings(tx, actor.orgId);
  });
}
