import { type SQL, sql } from 'drizzle-orm';
import {
  classifyInquiry,
  INQUIRY_PLAYBOOKS,
  type InquiryClass,
  type Signal,
} from '../../../domain/inquiries';
import { BACKGROUND_CHECK } from '../../../domain/inquiries/playbooks';
import type { Locale } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { newId } from '../../db/ids';
import { inquiries } from '../../db/schema';
import type { AuthContext } from '../../http/auth';
import {
  AppError,
  forbidden,
  notFound,
  validationFailed,
  versionConflict,
} from '../../http/errors';
import { diffFields, recordAudit } from '../audit/audit.service';
import { managedOwners } from '../customers/customers.access';
import { findDuplicates } from '../customers/customers.service';
import type {
  CreateInquiryRequest,
  Inquiry,
  InquiryDetail,
  InquiryListItem,
  UpdateInquiryRequest,
} from './inquiries.schema';

export type Viewer = Pick<AuthContext, 'id' | 'orgId' | 'role' | 'teamId'>;
export type Actor = Viewer & { ip?: string | null };

/**
 * Who sees an inquiry: the shared inbox (no assignee) is everyone's; an assigned one is its
 * assignee's, their manager's and the admins'. Queries alias inquiries i.
 */
export function visibleInquiries(viewer: Viewer): SQL {
  if (viewer.role === 'admin') return sql`true`;
  if (viewer.role === 'manager') {
    return sql`(i.assignee_id is null or i.assignee_id = ${viewer.id} or i.assignee_id in ${managedOwners(viewer)})`;
  }
  return sql`(i.assignee_id is null or i.assignee_id = ${viewer.id})`;
}

export const INQUIRY_COLUMNS = sql`i.id, i.channel, i.subject, i.body, i.sender_name, i.sender_email,
  i.company, i.country, i.received_at, i.classification, i.corrected_class, i.confidence, i.signals,
  i.status, i.assignee_id, u.name as assignee_name, i.first_response_at, i.customer_id, i.contact_id,
  i.deal_id, i.converted_at, i.version, i.created_at, i.updated_at`;
export const INQUIRY_JOINS = sql`left join users u on u.org_id = i.org_id and u.id = i.assignee_id`;

export interface InquiryRow {
  id: string;
  channel: string;
  subject: string | null;
  body: string;
  sender_name: string | null;
  sender_email: string | null;
  company: string | null;
  country: string | null;
  received_at: Date | string;
  classification: InquiryClass;
  corrected_class: InquiryClass | null;
  confidence: number;
  signals: Signal[];
  status: Inquiry['status'];
  assignee_id: string | null;
  assignee_name: string | null;
  first_response_at: Date | string | null;
  customer_id: string | null;
  contact_id: string | null;
  deal_id: string | null;
  converted_at: Date | string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

function presentFields(row: InquiryRow) {
  const received = new Date(row.received_at).getTime();
  const firstResponse = row.first_response_at ? new Date(row.first_response_at).getTime() : null;
  return {
    id: row.id,
    channel: row.channel,
    subject: row.subject,
    senderName: row.sender_name,
    senderEmail: row.sender_email,
    company: row.company,
    country: row.country,
    receivedAt: iso(row.received_at),
    classification: row.corrected_class ?? row.classification,
    originalClassification: row.classification,
    corrected: row.corrected_class !== null && row.corrected_class !== row.classification,
    confidence: Number(row.confidence),
    status: row.status,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    firstResponseAt: isoOrNull(row.first_response_at),
    firstResponseMinutes:
      firstResponse === null ? null : Math.max(0, Math.floor((firstResponse - received) / 60_000)),
    customerId: row.customer_id,
    contactId: row.contact_id,
    dealId: row.deal_id,
    convertedAt: isoOrNull(row.converted_at),
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function presentListItem(row: InquiryRow): InquiryListItem {
  return { ...presentFields(row), excerpt: row.body.slice(0, 200) };
}

export function presentInquiry(row: InquiryRow, locale: Locale): Inquiry {
  return {
    ...presentFields(row),
    body: row.body,
    signals: row.signals.map((signal) => ({
      code: signal.code,
      class: signal.class,
      weight: signal.weight,
      label: signal.label[locale],
      evidence: signal.evidence ?? null,
    })),
  };
}

/** The inquiry if the viewer sees it (404 otherwise); `lock` holds it for an update. */
export async function getInquiryRow(
  db: Db,
  viewer: Viewer,
  id: string,
  lock = false,
): Promise<InquiryRow> {
  const [row] = await queryRows<InquiryRow>(
    db,
    sql`select ${INQUIRY_COLUMNS} from inquiries i ${INQUIRY_JOINS}
      where i.org_id = ${viewer.orgId} and i.id = ${id} and ${visibleInquiries(viewer)}
      ${lock ? sql`for update of i` : sql``}`,
  );
  if (!row) throw notFound('Inquiry');
  return row;
}

export async function createInquiry(
  db: Db,
  actor: Actor,
  input: CreateInquiryRequest,
  context: { now: Date; locale: Locale },
): Promise<Inquiry> {
  const triage = classifyInquiry({
    channel: input.channel,
    body: input.body,
    subject: input.subject ?? undefined,
    senderName: input.senderName ?? undefined,
    senderEmail: input.senderEmail ?? undefined,
    company: input.company ?? undefined,
    country: input.country ?? undefined,
  });
  return db.transaction(async (tx) => {
    const id = newId();
    await tx.insert(inquiries).values({
      orgId: actor.orgId,
      id,
      channel: input.channel,
      subject: input.subject || null,
      body: input.body,
      senderName: input.senderName || null,
      senderEmail: input.senderEmail || null,
      company: input.company || null,
      country: input.country || null,
      receivedAt: input.receivedAt ? new Date(input.receivedAt) : context.now,
      classification: triage.classification,
      confidence: triage.confidence,
      signals: triage.signals,
      scores: triage.scores,
      // A rep pasting an inquiry they received keeps it; others post to the shared inbox.
      assigneeId: actor.role === 'rep' ? actor.id : null,
      createdBy: actor.id,
      createdAt: context.now,
      updatedAt: context.now,
    });
    await recordAudit(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      ip: actor.ip,
      action: 'create',
      entity: 'inquiry',
      entityId: id,
      changes: { channel: input.channel, classification: triage.classification },
    });
    return presentInquiry(await getInquiryRow(tx, { ...actor, role: 'admin' }, id), context.locale);
  });
}

export async function getInquiry(
  db: Db,
  viewer: Viewer,
  id: string,
  locale: Locale,
): Promise<InquiryDetail> {
  const row = await getInquiryRow(db, viewer, id);
  const inquiry = presentInquiry(row, locale);
  const playbook = INQUIRY_PLAYBOOKS[inquiry.classification];
  const possibleDuplicates =
    row.customer_id === null && (row.company || row.sender_email)
      ? await findDuplicates(db, viewer.orgId, {
          name: row.company,
          email: row.sender_email,
        })
      : [];
  return {
    ...inquiry,
    locale,
    playbook: {
      title: playbook.title[locale],
      traits: playbook.traits[locale],
      steps: playbook.steps.map((step) => step[locale]),
      source: playbook.source[locale],
      backgroundCheck: {
        title: BACKGROUND_CHECK.title[locale],
        steps: BACKGROUND_CHECK.steps.map((step) => step[locale]),
      },
    },
    possibleDuplicates,
  };
}

/** Reps take inquiries for themselves; managers give them to their team; admins to anyone. */
async function assertAssignable(tx: Db, actor: Actor, assigneeId: string): Promise<void> {
  const [user] = await queryRows<{ active: boolean; managed: boolean }>(
    tx,
    sql`select u.active, u.id in ${managedOwners(actor)} as managed
      from users u where u.org_id = ${actor.orgId} and u.id = ${assigneeId}`,
  );
  if (!user?.active) {
    throw validationFailed([{ field: 'body.assigneeId', message: 'no such active user' }]);
  }
  if (actor.role === 'admin' || assigneeId === actor.id) return;
  if (actor.role === 'manager' && user.managed) return;
  throw forbidden(
    actor.role === 'rep'
      ? 'A rep can only take inquiries for themselves'
      : 'A manager can only assign inquiries to their own team',
  );
}

export async function updateInquiry(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateInquiryRequest,
  context: { now: Date; locale: Locale },
): Promise<Inquiry> {
  return db.transaction(async (tx) => {
    const row = await getInquiryRow(tx, actor, id, true);
    if (row.version !== input.version) {
      throw versionConflict(presentInquiry(row, context.locale));
    }
    const changes: Record<string, unknown> = {};
    const set: SQL[] = [];

    if (input.classification !== undefined) {
      const corrected = input.classification === row.classification ? null : input.classification;
      if (corrected !== row.corrected_class) {
        set.push(sql`corrected_class = ${corrected}, corrected_by = ${actor.id},
          corrected_at = ${context.now}`);
        changes.classification = {
          from: row.corrected_class ?? row.classification,
          to: input.classification,
        };
      }
    }

    let assigneeId = input.assigneeId;
    if (input.status !== undefined && input.status !== row.status) {
      if (row.status === 'converted') {
        throw new AppError('unprocessable', 'A converted inquiry keeps its status', [
          { field: 'body.status', message: 'the inquiry is already converted' },
        ]);
      }
      set.push(sql`status = ${input.status}`);
      changes.status = { from: row.status, to: input.status };
      if (input.status === 'replied' && row.first_response_at === null) {
        set.push(sql`first_response_at = ${context.now}, first_response_by = ${actor.id}`);
        changes.firstResponseAt = context.now.toISOString();
        // Whoever answers an inbox inquiry first takes it.
        if (row.assignee_id === null && assigneeId === undefined) assigneeId = actor.id;
      }
    }

    if (assigneeId !== undefined && assigneeId !== row.assignee_id) {
      if (assigneeId !== null) await assertAssignable(tx, actor, assigneeId);
      else if (actor.role === 'rep' && row.assignee_id !== actor.id) {
        throw forbidden('A rep can only hand back their own inquiries');
      }
      set.push(sql`assignee_id = ${assigneeId}`);
      Object.assign(changes, diffFields({ assigneeId: row.assignee_id }, { assigneeId }));
    }

    if (set.length > 0) {
      await tx.execute(sql`update inquiries set ${sql.join(set, sql`, `)},
          version = version + 1, updated_at = ${context.now}
        where org_id = ${actor.orgId} and id = ${id}`);
      await recordAudit(tx, {
        orgId: actor.orgId,
        userId: actor.id,
        ip: actor.ip,
        action: 'update',
        entity: 'inquiry',
        entityId: id,
        changes,
      });
    }
    return presentInquiry(await getInquiryRow(tx, { ...actor, role: 'admin' }, id), context.locale);
  });
}
