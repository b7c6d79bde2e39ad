import { type SQL, sql } from 'drizzle-orm';
import { centsToYuanString } from '../../../domain/format/money';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { AppError, notFound, validationFailed, versionConflict } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { diffFields, recordAudit } from '../audit/audit.service';
import { visibleCustomers } from '../customers/customers.access';
import type { Viewer } from '../customers/customers.service';
import type {
  Campaign,
  CampaignListQuery,
  CreateCampaignRequest,
  UpdateCampaignRequest,
} from './campaigns.schema';

export type Actor = Viewer & { ip?: string | null; locale?: string | null };

/**
 * One campaign, aliased k, with its owner's name and its invitee counts; the counts cover
 * only customers the viewer may see (customers.access), so a list never reveals others'.
 */
function campaignColumns(viewer: Viewer): SQL {
  const invitees = (extra: SQL) => sql`(select count(distinct i.customer_id)::int
    from campaign_invitees i join customers c on c.org_id = i.org_id and c.id = i.customer_id
    where i.org_id = k.org_id and i.campaign_id = k.id and ${visibleCustomers(viewer)} ${extra})`;
  return sql`k.id, k.type, k.name, k.starts_on::text as starts_on, k.ends_on::text as ends_on,
    k.place, k.owner_id, u.name as owner_name, k.cost_cents, k.source, k.notes, k.version,
    k.created_at, k.updated_at, ${invitees(sql``)} as invited,
    ${invitees(sql`and i.attended_at is not null`)} as attended`;
}

const OWNER_JOIN = sql`join users u on u.org_id = k.org_id and u.id = k.owner_id`;

interface CampaignRow {
  id: string;
  type: Campaign['type'];
  name: string;
  starts_on: string;
  ends_on: string;
  place: string | null;
  owner_id: string;
  owner_name: string;
  cost_cents: number | null;
  source: string | null;
  notes: string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  invited: number;
  attended: number;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function present(row: CampaignRow): Campaign {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    place: row.place,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    cost: row.cost_cents === null ? null : Number(centsToYuanString(row.cost_cents)),
    source: row.source,
    notes: row.notes,
    invited: row.invited,
    attended: row.attended,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Every campaign of the org is visible to all its users; its invitees are filtered. */
export async function getCampaign(db: Db, viewer: Viewer, id: string): Promise<Campaign> {
  const [row] = await queryRows<CampaignRow>(
    db,
    sql`select ${campaignColumns(viewer)} from campaigns k ${OWNER_JOIN}
      where k.org_id = ${viewer.orgId} and k.id = ${id}`,
  );
  if (!row) throw notFound('Campaign');
  return present(row);
}

/** Newest first by start day. */
export async function findCampaigns(db: Db, viewer: Viewer, query: CampaignListQuery) {
  if (query.from && query.to && query.to < query.from) {
    throw validationFailed([{ field: 'querystring.to', message: 'must not be before from' }]);
  }
  const where: SQL[] = [sql`k.org_id = ${viewer.orgId}`];
  if (query.type) where.push(sql`k.type = ${query.type}`);
  if (query.from) where.push(sql`k.starts_on >= ${query.from}::date`);
  if (query.to) where.push(sql`k.starts_on <= ${query.to}::date`);
  if (query.q) where.push(sql`lower(k.name) like ${`%${query.q.toLowerCase()}%`}`);
  if (query.cursor) {
    const [day, id] = decodeCursor(query.cursor, 2) as [string, string];
    where.push(sql`(k.starts_on, k.id) < (${day}::date, ${id}::uuid)`);
  }
  const rows = await queryRows<CampaignRow>(
    db,
    sql`select ${campaignColumns(viewer)} from campaigns k ${OWNER_JOIN}
      where ${sql.join(where, sql` and `)}
      order by k.starts_on desc, k.id desc limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(present),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.starts_on, last.id]) : null,
  };
}

async function assertOwner(tx: Db, orgId: string, ownerId: string) {
  const [owner] = await queryRows<{ active: boolean }>(
    tx,
    sql`select active from users where org_id = ${orgId} and id = ${ownerId}`,
  );
  if (!owner?.active) {
    throw validationFailed([{ field: 'body.ownerId', message: 'no such active user' }]);
  }
}

async function assertSource(tx: Db, orgId: string, source: string | null | undefined) {
  if (!source) return;
  const [found] = await queryRows(
    tx,
    sql`select 1 from source_channels
      where org_id = ${orgId} and name = ${source} and active`,
  );
  if (!found) {
    throw validationFailed([{ field: 'body.source', message: 'is not an active source channel' }]);
  }
}

export async function createCampaign(
  db: Db,
  actor: Actor,
  input: CreateCampaignRequest,
): Promise<Campaign> {
  return db.transaction(async (tx) => {
    const ownerId = input.ownerId ?? actor.id;
    await assertOwner(tx, actor.orgId, ownerId);
    await assertSource(tx, actor.orgId, input.source);
    const id = newId();
    const fields = {
      type: input.type,
      name: input.name,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      place: input.place || null,
      ownerId,
      costCents: input.cost ?? null,
      source: input.source || null,
      notes: input.notes || null,
    };
    await queryRows(
      tx,
      sql`insert into campaigns (org_id, id, type, name, starts_on, ends_on, place, owner_id,
          cost_cents, source, notes, created_by)
        values (${actor.orgId}, ${id}, ${fields.type}, ${fields.name}, ${fields.startsOn}::date,
          ${fields.endsOn}::date, ${fields.place}, ${ownerId}, ${fields.costCents}, ${fields.source},
          ${fields.notes}, ${actor.id})`,
    );
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'campaign',
      entityId: id,
      changes: fields,
    });
    return getCampaign(tx, actor, id);
  });
}

export async function updateCampaign(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateCampaignRequest,
): Promise<Campaign> {
  return db.transaction(async (tx) => {
    const [locked] = await queryRows<{ cost_cents: number | null }>(
      tx,
      sql`select cost_cents from campaigns where org_id = ${actor.orgId} and id = ${id} for update`,
    );
    if (!locked) throw notFound('Campaign');
    const before = await getCampaign(tx, actor, id);
    if (before.version !== input.version) throw versionConflict(before);
    const next = {
      type: input.type ?? before.type,
      name: input.name ?? before.name,
      startsOn: input.startsOn ?? before.startsOn,
      endsOn: input.endsOn ?? before.endsOn,
      place: input.place === undefined ? before.place : input.place || null,
      ownerId: input.ownerId ?? before.ownerId,
      costCents: input.cost === undefined ? locked.cost_cents : input.cost,
      source: input.source === undefined ? before.source : input.source || null,
      notes: input.notes === undefined ? before.notes : input.notes || null,
    };
    if (next.endsOn < next.startsOn) {
      throw validationFailed([{ field: 'body.endsOn', message: 'must not be before startsOn' }]);
    }
    if (next.ownerId !== before.ownerId) await assertOwner(tx, actor.orgId, next.ownerId);
    if (next.source !== before.source) await assertSource(tx, actor.orgId, next.source);
    await queryRows(
      tx,
      sql`update campaigns set type = ${next.type}, name = ${next.name},
          starts_on = ${next.startsOn}::date, ends_on = ${next.endsOn}::date, place = ${next.place},
          owner_id = ${next.ownerId}, cost_cents = ${next.costCents}, source = ${next.source},
          notes = ${next.notes}, version = version + 1, updated_at = now()
        where org_id = ${actor.orgId} and id = ${id}`,
    );
    const { costCents, ...rest } = next;
    const beforeFields = { ...before, costCents: locked.cost_cents };
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'update',
      entity: 'campaign',
      entityId: id,
      changes: diffFields(beforeFields, { ...rest, costCents }),
    });
    return getCampaign(tx, actor, id);
  });
}

/**
 * Deletes a campaign with its invitations, at the caller's version. One with attendance stays
 * (409): its meetings are activities in the customers' histories and the report's wins.
 */
export async function deleteCampaign(db: Db, actor: Actor, id: string, version: number) {
  await db.transaction(async (tx) => {
    const [locked] = await queryRows<{ cost_cents: number | null }>(
      tx,
      sql`select cost_cents from campaigns where org_id = ${actor.orgId} and id = ${id} for update`,
    );
    if (!locked) throw notFound('Campaign');
    const before = await getCampaign(tx, actor, id);
    if (before.version !== version) throw versionConflict(before);
    const [attended] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from campaign_invitees
        where org_id = ${actor.orgId} and campaign_id = ${id} and attended_at is not null`,
    );
    if (attended && attended.n > 0) {
      throw new AppError(
        'conflict',
        'A campaign with attendance cannot be deleted: its meetings are in the customers’ histories',
        [{ field: 'id', message: `${attended.n} invitees attended` }],
      );
    }
    const invitees = await queryRows<{ id: string }>(
      tx,
      sql`delete from campaign_invitees where org_id = ${actor.orgId} and campaign_id = ${id}
        returning id`,
    );
    await queryRows(tx, sql`delete from campaigns where org_id = ${actor.orgId} and id = ${id}`);
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'delete',
      entity: 'campaign',
      entityId: id,
      changes: {
        type: before.type,
        name: before.name,
        startsOn: before.startsOn,
        endsOn: before.endsOn,
        place: before.place,
        ownerId: before.ownerId,
        costCents: locked.cost_cents,
        source: before.source,
        notes: before.notes,
        invitees: invitees.length,
      },
    });
  });
}
