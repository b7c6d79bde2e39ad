import { sql } from 'drizzle-orm';
import type { Role } from '../../src/domain/vocabulary';
import { newId } from '../../src/server/db/ids';
import { createSession } from '../../src/server/modules/auth/auth.service';
import { insertMember, type Member } from './members';
import type { TestApp } from './test-app';

let sequence = 0;

/** Creates a customer through the API (a rep's is theirs; an admin's goes to the pool). */
export async function buildCustomer(
  t: TestApp,
  token: string,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; ownerId: string | null; version: number; name: string }> {
  sequence += 1;
  const response = await t.call('POST', '/api/v1/customers', {
    token,
    body: { name: `Pool Test Customer ${sequence}-${Date.now()}`, ...fields },
  });
  if (response.statusCode !== 201) {
    throw new Error(`buildCustomer: ${response.statusCode} ${response.body}`);
  }
  return response.json();
}

/** Many pool customers at once, straight into the table (for limits and concurrency). */
export async function seedPoolCustomers(
  t: TestApp,
  count: number,
  prefix = 'Seeded',
): Promise<string[]> {
  sequence += 1;
  const rows = await t.database.query<{ id: string }>(
    sql`insert into customers (org_id, id, name, name_key, pooled_at)
      select ${t.orgId}, gen_random_uuid(), ${`${prefix} ${sequence} `} || g, ${`seeded-${sequence}-`} || g, now()
      from generate_series(1, ${count}) g
      returning id`,
  );
  return rows.map((row) => row.id);
}

export async function setPoolSettings(t: TestApp, fields: Record<string, unknown>) {
  const current = (await t.call('GET', '/api/v1/pool/settings', { token: t.adminToken })).json();
  const response = await t.call('PATCH', '/api/v1/pool/settings', {
    token: t.adminToken,
    body: { version: current.version, ...fields },
  });
  if (response.statusCode !== 200) {
    throw new Error(`setPoolSettings: ${response.statusCode} ${response.body}`);
  }
  return response.json();
}

export async function buildLapseRule(t: TestApp, fields: Record<string, unknown>) {
  sequence += 1;
  const response = await t.call('POST', '/api/v1/pool/lapse-rules', {
    token: t.adminToken,
    body: { name: `Rule ${sequence}`, ...fields },
  });
  if (response.statusCode !== 201) {
    throw new Error(`buildLapseRule: ${response.statusCode} ${response.body}`);
  }
  return response.json() as { id: string; version: number; name: string };
}

export const claim = (t: TestApp, token: string, id: string) =>
  t.call('POST', `/api/v1/customers/${id}/claim`, { token });

export const release = (t: TestApp, token: string, id: string, reason?: string) =>
  t.call('POST', `/api/v1/customers/${id}/release`, {
    token,
    ...(reason !== undefined ? { body: { reason } } : {}),
  });

export async function ownerOf(t: TestApp, id: string): Promise<string | null> {
  const [row] = await t.database.query<{ owner_id: string | null }>(
    sql`select owner_id from customers where id = ${id}`,
  );
  return row?.owner_id ?? null;
}

export async function eventsOf(t: TestApp, customerId: string) {
  return t.database.query<{
    kind: string;
    from_owner_id: string | null;
    to_owner_id: string | null;
    reason: string | null;
  }>(
    sql`select kind, from_owner_id, to_owner_id, reason from ownership_events
      where customer_id = ${customerId} order by at, id`,
  );
}

/** A user straight into the table with a non-expiring API token (see insertMember). */
export async function buildMember(
  t: TestApp,
  fields: { role?: Role; teamId?: string | null; name?: string } = {},
): Promise<Member> {
  sequence += 1;
  return insertMember(t.database.db, t.orgId, {
    email: `member${sequence}-${newId()}@test.local`,
    name: fields.name ?? `Member ${sequence}`,
    role: fields.role,
    teamId: fields.teamId,
    now: t.clock.now(),
  });
}

/** An API token for the bootstrap admin that survives clock moves. */
export async function adminApiToken(t: TestApp): Promise<string> {
  const [admin] = await t.database.query<{ id: string }>(
    sql`select id from users where org_id = ${t.orgId} and role = 'admin' order by created_at limit 1`,
  );
  if (!admin) throw new Error('no admin');
  return createSession(
    t.database.db,
    { orgId: t.orgId, id: admin.id },
    { now: t.clock.now(), ttlHours: null, kind: 'api' },
  );
}

/** A bare funnel row (stages are not read by the pool rules). */
export async function seedFunnel(t: TestApp): Promise<string> {
  const [row] = await t.database.query<{ id: string }>(
    sql`insert into funnels (org_id, id, name, stages)
      values (${t.orgId}, gen_random_uuid(), '{"zh-CN":"测试","en":"Test"}'::jsonb, '[]'::jsonb)
      returning id`,
  );
  return row?.id as string;
}

export async function seedDeal(
  t: TestApp,
  fields: {
    customerId: string;
    funnelId: string;
    ownerId: string;
    stageKey?: string;
    status?: 'open' | 'won' | 'lost';
  },
): Promise<string> {
  const [row] = await t.database.query<{ id: string }>(
    sql`insert into deals (org_id, id, customer_id, funnel_id, name, amount_cents, stage_key,
        stage_entered_at, probability, status, owner_id)
      values (${t.orgId}, gen_random_uuid(), ${fields.customerId}, ${fields.funnelId}, 'Deal', 100000,
        ${fields.stageKey ?? 'intent'}, now(), 50, ${fields.status ?? 'open'}, ${fields.ownerId})
      returning id`,
  );
  return row?.id as string;
}

export async function seedActivity(
  t: TestApp,
  fields: { customerId: string; userId: string; at: Date; effective: boolean },
) {
  await t.database.query(
    sql`insert into activities (org_id, id, customer_id, user_id, type, occurred_at, summary, effective)
      values (${t.orgId}, gen_random_uuid(), ${fields.customerId}, ${fields.userId}, 'call',
        ${fields.at}, 'Called', ${fields.effective})`,
  );
}
