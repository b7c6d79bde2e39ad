import { sql } from 'drizzle-orm';
import { attendanceInstant } from '../../../domain/campaigns/attendanceInstant';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { AppError, notFound, validationFailed } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { createActivity } from '../activities/activities.service';
import { recordAudit } from '../audit/audit.service';
import { visibleCustomers } from '../customers/customers.access';
import type { Viewer } from '../customers/customers.service';
import type { AddInviteesRequest, CampaignType, Invitee } from './campaigns.schema';
import type { Actor } from './campaigns.service';

const INVITEE_COLUMNS = sql`i.id, i.campaign_id, i.customer_id, c.name as customer_name, i.contact_id,
  ct.name as contact_name, o.name as owner_name, i.invited_at, i.attended_at, i.activity_id`;
const INVITEE_JOINS = sql`join customers c on c.org_id = i.org_id and c.id = i.customer_id
  left join contacts ct on ct.org_id = i.org_id and ct.id = i.contact_id
  left join users o on o.org_id = c.org_id and o.id = c.owner_id`;

interface InviteeRow {
  id: string;
  campaign_id: string;
  customer_id: string;
  customer_name: string;
  contact_id: string | null;
  contact_name: string | null;
  owner_name: string | null;
  invited_at: Date | string;
  attended_at: Date | string | null;
  activity_id: string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function present(row: InviteeRow): Invitee {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    contactId: row.contact_id,
    contactName: row.contact_name,
    ownerName: row.owner_name,
    invitedAt: iso(row.invited_at),
    attended: row.attended_at !== null,
    attendedAt: row.attended_at === null ? null : iso(row.attended_at),
    activityId: row.activity_id,
  };
}

interface CampaignFacts {
  id: string;
  type: CampaignType;
  name: string;
  starts_on: string;
  ends_on: string;
}

async function campaignFacts(db: Db, orgId: string, id: string): Promise<CampaignFacts> {
  const [row] = await queryRows<CampaignFacts>(
    db,
    sql`select id, type, name, starts_on::text as starts_on, ends_on::text as ends_on
      from campaigns where org_id = ${orgId} and id = ${id}`,
  );
  if (!row) throw notFound('Campaign');
  return row;
}

/** The campaign's invitees the viewer may see (customers.access), by customer name. */
export async function findInvitees(
  db: Db,
  viewer: Viewer,
  campaignId: string,
  query: { limit: number; cursor?: string },
) {
  await campaignFacts(db, viewer.orgId, campaignId);
  const after = query.cursor
    ? (() => {
        const [name, id] = decodeCursor(query.cursor, 2) as [string, string];
        return sql`(c.name, i.id) > (${name}, ${id}::uuid)`;
      })()
    : sql`true`;
  const rows = await queryRows<InviteeRow>(
    db,
    sql`select ${INVITEE_COLUMNS} from campaign_invitees i ${INVITEE_JOINS}
      where i.org_id = ${viewer.orgId} and i.campaign_id = ${campaignId}
        and ${visibleCustomers(viewer)} and ${after}
      order by c.name, i.id limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(present),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([last.customer_name, last.id]) : null,
  };
}

/**
 * Invites customers (or their contacts). Each must be a customer the actor may see and each
 * contact one of that customer's; anything else refuses the whole list. Already invited
 * ones are kept as they are.
 */
export async function addInvitees(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: AddInviteesRequest,
  now: Date,
): Promise<{ added: number }> {
  return db.transaction(async (tx) => {
    await campaignFacts(tx, actor.orgId, campaignId);
    const customerIds = [...new Set(input.invitees.map((entry) => entry.customerId))];
    const seen = await queryRows<{ id: string }>(
      tx,
      sql`select c.id from customers c where c.org_id = ${actor.orgId}
        and c.id = any(${sql.param(customerIds)}::uuid[]) and ${visibleCustomers(actor)}`,
    );
    const visible = new Set(seen.map((row) => row.id));
    const contactIds = input.invitees.flatMap((entry) =>
      entry.contactId ? [entry.contactId] : [],
    );
    const contacts = await queryRows<{ id: string; customer_id: string }>(
      tx,
      sql`select id, customer_id from contacts
        where org_id = ${actor.orgId} and id = any(${sql.param(contactIds)}::uuid[])`,
    );
    const contactOwner = new Map(contacts.map((row) => [row.id, row.customer_id]));
    const errors = input.invitees.flatMap((entry, index) => {
      if (!visible.has(entry.customerId)) {
        return [{ field: `body.invitees.${index}.customerId`, message: 'no such customer' }];
      }
      if (entry.contactId && contactOwner.get(entry.contactId) !== entry.customerId) {
        return [
          {
            field: `body.invitees.${index}.contactId`,
            message: 'is not a contact of this customer',
          },
        ];
      }
      return [];
    });
    if (errors.length > 0) throw validationFailed(errors);
    let added = 0;
    for (const entry of input.invitees) {
      const conflict = entry.contactId
        ? sql`(org_id, campaign_id, contact_id) where contact_id is not null`
        : sql`(org_id, campaign_id, customer_id) where contact_id is null`;
      const inserted = await queryRows<{ id: string }>(
        tx,
        sql`insert into campaign_invitees
            (org_id, id, campaign_id, customer_id, contact_id, invited_by, invited_at)
          values (${actor.orgId}, ${newId()}, ${campaignId}, ${entry.customerId},
            ${entry.contactId ?? null}, ${actor.id}, ${now})
          on conflict ${conflict} do nothing
          returning id`,
      );
      added += inserted.length;
    }
    if (added > 0) {
      await recordAudit(tx, {
        orgId: actor.orgId,
        userId: actor.id,
        ip: actor.ip,
        action: 'invite',
        entity: 'campaign',
        entityId: campaignId,
        changes: { invitees: input.invitees, added },
      });
    }
    return { added };
  });
}

/** The invitee, locked, when its customer is visible to the actor; 404 otherwise. */
async function lockedInvitee(tx: Db, actor: Actor, campaignId: string, inviteeId: string) {
  const [row] = await queryRows<InviteeRow>(
    tx,
    sql`select ${INVITEE_COLUMNS} from campaign_invitees i ${INVITEE_JOINS}
      where i.org_id = ${actor.orgId} and i.campaign_id = ${campaignId} and i.id = ${inviteeId}
        and ${visibleCustomers(actor)}
      for update of i`,
  );
  if (!row) throw notFound('Invitee');
  return row;
}

/** Takes back an invitation; one that was attended stays, as its activity does. */
export async function removeInvitee(
  db: Db,
  actor: Actor,
  campaignId: string,
  inviteeId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const invitee = await lockedInvitee(tx, actor, campaignId, inviteeId);
    if (invitee.attended_at !== null) {
      throw new AppError('conflict', 'This invitee attended; the attendance stays on record');
    }
    await queryRows(
      tx,
      sql`delete from campaign_invitees where org_id = ${actor.orgId} and id = ${inviteeId}`,
    );
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'uninvite',
      entity: 'campaign',
      entityId: campaignId,
      changes: { customerId: invitee.customer_id, contactId: invitee.contact_id },
    });
  });
}

const SUMMARY = {
  'zh-CN': (name: string) => `参加市场活动：${name}`,
  en: (name: string) => `Attended the campaign: ${name}`,
};

/**
 * Marks an invitee as attended and logs the attendance on the customer through the
 * activities feature (an effective meeting), in one transaction. The activity's id is kept
 * on the invitee, so marking again changes nothing and logs nothing.
 */
export async function markAttended(
  db: Db,
  actor: Actor,
  campaignId: string,
  inviteeId: string,
  options: { attendedOn?: string; now: Date; timeZone: string },
): Promise<Invitee> {
  return db.transaction(async (tx) => {
    const campaign = await campaignFacts(tx, actor.orgId, campaignId);
    const invitee = await lockedInvitee(tx, actor, campaignId, inviteeId);
    if (invitee.attended_at !== null) return present(invitee);
    const when = attendanceInstant(
      { startsOn: campaign.starts_on, endsOn: campaign.ends_on },
      options.now,
      options.timeZone,
      options.attendedOn,
    );
    if (!when.ok) throw validationFailed([{ field: 'body.attendedOn', message: when.reason }]);
    const activity = await createActivity(
      tx,
      actor,
      {
        customerId: invitee.customer_id,
        contactId: invitee.contact_id,
        type: 'meeting',
        // A roadshow (路演) is one of seed 001's contact methods; other events have no channel.
        channel: campaign.type === 'roadshow' ? 'roadshow' : null,
        effective: true,
        summary: (actor.locale === 'en' ? SUMMARY.en : SUMMARY['zh-CN'])(campaign.name),
        occurredAt: when.at.toISOString(),
      },
      options.now,
    );
    await queryRows(
      tx,
      sql`update campaign_invitees set attended_at = ${when.at}, activity_id = ${activity.id}
        where org_id = ${actor.orgId} and id = ${inviteeId}`,
    );
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'attend',
      entity: 'campaign',
      entityId: campaignId,
      changes: { inviteeId, customerId: invitee.customer_id, activityId: activity.id },
    });
    return present(await lockedInvitee(tx, actor, campaignId, inviteeId));
  });
}
