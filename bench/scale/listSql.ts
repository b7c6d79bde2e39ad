// The exact SQL the customers list runs for a viewer and query, captured from the service
// itself (a stand-in database records the statement), so the bench can time it directly
// with `pg` and EXPLAIN it.
import type { Query, SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../../src/server/db/client';
import { findCustomers } from '../../src/server/modules/customers/customers.query';
import { CustomerListQuery } from '../../src/server/modules/customers/customers.schema';
import type { Viewer } from '../../src/server/modules/customers/customers.service';

export async function customerListSql(
  viewer: Viewer,
  query: Record<string, string | number>,
  now: Date,
  /** Answers the statements before the list's own (a short search term's match count). */
  answer?: (text: string, values: unknown[]) => Promise<unknown[]>,
): Promise<{ text: string; values: unknown[] }> {
  let captured: { text: string; values: unknown[] } | null = null;
  const dialect = new PgDialect();
  const record = async ({ sql: text, params }: { sql: string; params: unknown[] }) => {
    captured = { text, values: params };
    return {
      rows:
        answer && text.includes('from customer_search') && text.includes('count(*)')
          ? await answer(text, params)
          : [],
    };
  };
  const recorder = {
    execute: (statement: SQL) => record(dialect.sqlToQuery(statement)),
    // The plain list runs as a prepared statement (queryRowsPrepared).
    _: { session: { prepareQuery: (query: Query) => ({ execute: () => record(query) }) } },
  } as unknown as Db;
  await findCustomers(recorder, viewer, CustomerListQuery.parse(query), {
    now,
    timeZone: 'Asia/Shanghai',
  });
  if (!captured) throw new Error('the customers list ran no SQL');
  return captured;
}
