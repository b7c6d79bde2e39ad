import { sql } from 'drizzle-orm';
import type { DealFacts, DocumentKind, FunnelStage } from '../../../domain/funnels';
import type { ActivityType, ContactRole } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import { CUSTOMER_FACT_FIELDS } from './funnels.schema';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The deal fields a key action can ask for; null for a customer's lifecycle. */
export interface DealFields {
  amountCents: number;
  budgetCents: number | null;
  expectedCloseDate: string | null;
  products: string[];
  competitors: string[];
  nextStep: string | null;
}

export interface FactSubject {
  orgId: string;
  customerId: string;
  /** Facts of this deal only; null: everything logged for the customer (lifecycle). */
  dealId: string | null;
  deal: DealFields | null;
  stageEnteredAt: Date;
  now: Date;
  stages: readonly FunnelStage[];
}

function hasValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Names of the fields that have a value, as 'field' key actions name them. */
export function fieldsPresent(
  customer: Record<string, unknown> & { custom?: Record<string, unknown> | null },
  deal: DealFields | null,
): Set<string> {
  const present = new Set<string>();
  for (const field of CUSTOMER_FACT_FIELDS) if (hasValue(customer[field])) present.add(field);
  for (const [key, value] of Object.entries(customer.custom ?? {})) {
    if (hasValue(value)) present.add(`custom.${key}`);
  }
  if (deal) {
    // An amount of 0 is how a deal without a known value is entered.
    if (deal.amountCents > 0) present.add('amount');
    if (deal.budgetCents !== null && deal.budgetCents > 0) present.add('budget');
    if (hasValue(deal.expectedCloseDate)) present.add('expectedCloseDate');
    if (hasValue(deal.products)) present.add('products');
    if (hasValue(deal.competitors)) present.add('competitors');
    if (hasValue(deal.nextStep)) present.add('nextStep');
  }
  return present;
}

/**
 * What the gate counts: activities logged against the deal (or, for the customer lifecycle,
 * every activity with the customer), its documents, and the fields that have a value. Only
 * facts since the earliest moment any key action of the funnel looks back to are loaded.
 */
export async function loadGateFacts(db: Db, subject: FactSubject): Promise<DealFacts> {
  const longestWindow = Math.max(
    0,
    ...subject.stages.flatMap((stage) => stage.keyActions.map((action) => action.windowDays ?? 0)),
  );
  const from = new Date(
    Math.min(subject.stageEnteredAt.getTime(), subject.now.getTime() - longestWindow * DAY_MS),
  );
  // The customer filter uses activities' (org_id, customer_id, occurred_at) index.
  const activityRows = await queryRows<{
    type: ActivityType;
    effective: boolean;
    occurred_at: Date | string;
    contact_role: ContactRole | null;
  }>(
    db,
    sql`select a.type, a.effective, a.occurred_at, ct.role as contact_role
      from activities a
      left join contacts ct on ct.org_id = a.org_id and ct.id = a.contact_id
      where a.org_id = ${subject.orgId} and a.customer_id = ${subject.customerId}
        ${subject.dealId ? sql`and a.deal_id = ${subject.dealId}` : sql``}
        and a.occurred_at >= ${from} and a.occurred_at <= ${subject.now}`,
  );
  const documentRows = await queryRows<{ kind: DocumentKind; added_at: Date | string }>(
    db,
    sql`select kind, added_at from deal_documents
      where org_id = ${subject.orgId}
        and ${subject.dealId ? sql`deal_id = ${subject.dealId}` : sql`customer_id = ${subject.customerId}`}
        and added_at >= ${from} and added_at <= ${subject.now}`,
  );
  const [customer] = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${sql.raw(CUSTOMER_FACT_FIELDS.join(', '))}, custom from customers
      where org_id = ${subject.orgId} and id = ${subject.customerId}`,
  );
  return {
    activities: activityRows.map((row) => ({
      type: row.type,
      effective: row.effective,
      occurredAt: new Date(row.occurred_at),
      contactRole: row.contact_role,
    })),
    documents: documentRows.map((row) => ({ kind: row.kind, addedAt: new Date(row.added_at) })),
    fieldsPresent: fieldsPresent(
      (customer ?? {}) as Record<string, unknown> & { custom?: Record<string, unknown> },
      subject.deal,
    ),
    stageEnteredAt: subject.stageEnteredAt,
    now: subject.now,
  };
}

/** One open deal whose key-action progress a list shows. */
export interface DealFactSubject {
  dealId: string;
  customerId: string;
  deal: DealFields;
  stageEnteredAt: Date;
}

/**
 * The gate facts of many deals of one funnel in three queries (the board's cards), each
 * deal counting only what was logged against it, as loadGateFacts does for one.
 */
export async function loadGateFactsForDeals(
  db: Db,
  orgId: string,
  subjects: readonly DealFactSubject[],
  stages: readonly FunnelStage[],
  now: Date,
): Promise<Map<string, DealFacts>> {
  const facts = new Map<string, DealFacts>();
  if (subjects.length === 0) return facts;
  const longestWindow = Math.max(
    0,
    ...stages.flatMap((stage) => stage.keyActions.map((action) => action.windowDays ?? 0)),
  );
  const from = new Date(
    Math.min(
      now.getTime() - longestWindow * DAY_MS,
      ...subjects.map((subject) => subject.stageEnteredAt.getTime()),
    ),
  );
  const dealIds = subjects.map((subject) => subject.dealId);
  const customerIds = [...new Set(subjects.map((subject) => subject.customerId))];
  const activityRows = await queryRows<{
    deal_id: string;
    type: ActivityType;
    effective: boolean;
    occurred_at: Date | string;
    contact_role: ContactRole | null;
  }>(
    db,
    sql`select a.deal_id, a.type, a.effective, a.occurred_at, ct.role as contact_role
      from activities a
      left join contacts ct on ct.org_id = a.org_id and ct.id = a.contact_id
      where a.org_id = ${orgId} and a.customer_id in ${customerIds} and a.deal_id in ${dealIds}
        and a.occurred_at >= ${from} and a.occurred_at <= ${now}`,
  );
  const documentRows = await queryRows<{
    deal_id: string;
    kind: DocumentKind;
    added_at: Date | string;
  }>(
    db,
    sql`select deal_id, kind, added_at from deal_documents
      where org_id = ${orgId} and deal_id in ${dealIds}
        and added_at >= ${from} and added_at <= ${now}`,
  );
  const customerRows = await queryRows<Record<string, unknown> & { id: string }>(
    db,
    sql`select id, ${sql.raw(CUSTOMER_FACT_FIELDS.join(', '))}, custom from customers
      where org_id = ${orgId} and id in ${customerIds}`,
  );
  for (const subject of subjects) {
    const customer = customerRows.find((row) => row.id === subject.customerId) ?? {};
    facts.set(subject.dealId, {
      activities: activityRows
        .filter((row) => row.deal_id === subject.dealId)
        .map((row) => ({
          type: row.type,
          effective: row.effective,
          occurredAt: new Date(row.occurred_at),
          contactRole: row.contact_role,
        })),
      documents: documentRows
        .filter((row) => row.deal_id === subject.dealId)
        .map((row) => ({ kind: row.kind, addedAt: new Date(row.added_at) })),
      fieldsPresent: fieldsPresent(
        customer as Record<string, unknown> & { custom?: Record<string, unknown> },
        subject.deal,
      ),
      stageEnteredAt: subject.stageEnteredAt,
      now,
    });
  }
  return facts;
}
