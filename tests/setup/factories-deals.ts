import { sql } from 'drizzle-orm';
import type { ActivityType, ContactRole } from '../../src/domain/vocabulary';
import { newId } from '../../src/server/db/ids';
import { activities, contacts } from '../../src/server/db/schema';
import type { TestApp } from './test-app';

let sequence = 0;

/** A customer created through the API as `token`'s user (a rep's customer is the rep's own). */
export async function buildDealCustomer(
  t: TestApp,
  token: string,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; name: string; ownerId: string | null }> {
  sequence += 1;
  const response = await t.call('POST', '/api/v1/customers', {
    token,
    body: { name: `Deal Customer ${sequence} ${Date.now()}`, confirmDuplicate: true, ...fields },
  });
  if (response.statusCode !== 201) {
    throw new Error(`buildDealCustomer: ${response.statusCode} ${response.body}`);
  }
  return response.json();
}

/**
 * qualify → propose → negotiate → won | lost. Leaving qualify takes two effective calls,
 * entering propose the need confirmed; leaving propose a proposal document; entering
 * negotiate the shortlist; leaving negotiate a budget.
 */
export const SMALL_FUNNEL_STAGES = [
  {
    key: 'qualify',
    name: { 'zh-CN': '资格确认', en: 'Qualify' },
    probability: 10,
    staleAfterDays: 30,
    keyActions: [
      {
        id: 'calls',
        kind: 'activity',
        activityTypes: ['call'],
        effectiveOnly: true,
        minCount: 2,
        label: { 'zh-CN': '两次有效电话', en: 'Two effective calls' },
      },
    ],
    scripts: ['Ask about the current supplier'],
    objections: [{ objection: 'No time', answer: 'Offer a 10-minute call' }],
  },
  {
    key: 'propose',
    name: { 'zh-CN': '方案', en: 'Propose' },
    probability: 40,
    staleAfterDays: 21,
    criteria: [
      { id: 'need_confirmed', label: { 'zh-CN': '需求已确认', en: 'Need confirmed' } },
      { id: 'nice_to_have', label: 'Optional item', required: false },
    ],
    keyActions: [
      {
        id: 'proposal',
        kind: 'document',
        documentKind: 'proposal',
        minCount: 1,
        label: { 'zh-CN': '提交方案', en: 'Proposal submitted' },
      },
    ],
  },
  {
    key: 'negotiate',
    name: { 'zh-CN': '谈判', en: 'Negotiate' },
    probability: 70,
    staleAfterDays: 14,
    criteria: [{ id: 'shortlisted', label: { 'zh-CN': '已入围', en: 'Shortlisted' } }],
    keyActions: [
      {
        id: 'budget',
        kind: 'field',
        field: 'budget',
        minCount: 1,
        label: { 'zh-CN': '预算已填写', en: 'Budget filled in' },
      },
    ],
  },
];

export async function buildFunnel(
  t: TestApp,
  body: Record<string, unknown> = { name: 'Small funnel', stages: SMALL_FUNNEL_STAGES },
): Promise<{ id: string; version: number; stages: { key: string }[] }> {
  const response = await t.call('POST', '/api/v1/funnels', { token: t.adminToken, body });
  if (response.statusCode !== 201) {
    throw new Error(`buildFunnel: ${response.statusCode} ${response.body}`);
  }
  return response.json();
}

export async function buildDeal(
  t: TestApp,
  token: string,
  fields: { customerId: string; funnelId: string } & Record<string, unknown>,
): Promise<{ id: string; version: number; stageKey: string; ownerId: string }> {
  sequence += 1;
  const response = await t.call('POST', '/api/v1/deals', {
    token,
    body: { name: `Deal ${sequence}`, amount: 10000, ...fields },
  });
  if (response.statusCode !== 201) {
    throw new Error(`buildDeal: ${response.statusCode} ${response.body}`);
  }
  return response.json();
}

/**
 * A contact written straight to the table: these tests need a decision-chain role on a fact,
 * the contacts feature tests its own API.
 */
export async function insertContact(
  t: TestApp,
  customerId: string,
  role: ContactRole | null,
): Promise<string> {
  const id = newId();
  await t.database.db
    .insert(contacts)
    .values({ orgId: t.orgId, id, customerId, name: `Contact ${id.slice(-4)}`, role });
  return id;
}

/** A follow-up record written straight to the table, dated by the test clock unless given. */
export async function insertActivity(
  t: TestApp,
  fields: {
    customerId: string;
    userId: string;
    dealId?: string | null;
    contactId?: string | null;
    type?: ActivityType;
    effective?: boolean;
    occurredAt?: Date;
  },
): Promise<string> {
  const id = newId();
  await t.database.db.insert(activities).values({
    orgId: t.orgId,
    id,
    customerId: fields.customerId,
    userId: fields.userId,
    dealId: fields.dealId ?? null,
    contactId: fields.contactId ?? null,
    type: fields.type ?? 'call',
    effective: fields.effective ?? true,
    occurredAt: fields.occurredAt ?? t.clock.now(),
    summary: 'Logged for a gate test',
  });
  return id;
}

/** Rows of one of the funnel feature's tables, to assert that refused input wrote nothing. */
export async function countOf(
  t: TestApp,
  table: 'deals' | 'stage_history' | 'stage_checks' | 'deal_documents' | 'funnels' | 'audit_log',
): Promise<number> {
  const [row] = await t.database.query<{ count: number }>(
    sql.raw(`select count(*)::int as count from ${table}`),
  );
  return row?.count ?? 0;
}
