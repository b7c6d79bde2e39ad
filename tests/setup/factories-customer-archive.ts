import { sql } from 'drizzle-orm';
import type { TestApp } from './test-app';

let sequence = 0;

/** Creates a customer through the API as `token`'s user (a rep's customer is the rep's own). */
export async function buildCustomer(
  t: TestApp,
  token: string,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; name: string; ownerId: string | null; version: number }> {
  sequence += 1;
  const response = await t.call('POST', '/api/v1/customers', {
    token,
    body: { name: `Archive Customer ${sequence} ${Date.now()}`, confirmDuplicate: true, ...fields },
  });
  if (response.statusCode !== 201) {
    throw new Error(`buildCustomer: ${response.statusCode} ${response.body}`);
  }
  return response.json();
}

export async function buildContact(
  t: TestApp,
  token: string,
  customerId: string,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; name: string; version: number; customerId: string }> {
  sequence += 1;
  const response = await t.call('POST', '/api/v1/contacts', {
    token,
    body: { customerId, name: `Contact ${sequence}`, ...fields },
  });
  if (response.statusCode !== 201) {
    throw new Error(`buildContact: ${response.statusCode} ${response.body}`);
  }
  return response.json();
}

export async function logActivity(
  t: TestApp,
  token: string,
  customerId: string,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; taskId: string | null; occurredAt: string }> {
  const response = await t.call('POST', '/api/v1/activities', {
    token,
    body: { customerId, type: 'call', effective: true, summary: 'Called', ...fields },
  });
  if (response.statusCode !== 201) {
    throw new Error(`logActivity: ${response.statusCode} ${response.body}`);
  }
  return response.json();
}

/** Rows of a table for the test's org, to assert that bad input wrote nothing. */
export async function countRows(t: TestApp, table: string): Promise<number> {
  const [row] = await t.database.query<{ count: number }>(
    // Table names come from the tests themselves, never from input.
    sql.raw(`select count(*)::int as count from ${table}`),
  );
  return row?.count ?? 0;
}
