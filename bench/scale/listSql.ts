// The exact SQL the customers list runs for a viewer and query, captured from the service
// itself (a stand-in database records the statement), so the bench can time it directly
// with `pg` and EXPLAIN it.
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../../src/server/db/client';
import { findCustomers } from '../../src/server/modules/customers/customers.query';
import { CustomerListQuery } from '../../src/server/modules/customers/customers.schema';
import type { Viewer } from '../../src/server/modules/customers/customers.service';

export async function customerListSql(
  viewer: Viewer,
  query: Record<string, string | number>,
  now: Date,
): Promise<{ text: string; values: unknown[] }> {
  let captured: SQL | null = null;
  const recorder = {
    execute: async (statement: SQL) => {
      captured = statement;
      return { rows: [] };
    },
  } as unknown as Db;
  await findCustomers(recorder, viewer, CustomerListQuery.parse(query), {
    now,
    timeZone: 'Asia/Shanghai',
  });
  if (!captured) throw new Error('the customers list ran no SQL');
  const { sql: text, params } = new PgDialect().sqlToQuery(captured);
  return { text, values: params };
}
