import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { openTestDatabase } from '../setup/databases';

// Keeps the schema ready to shard by org_id (docs/scaling.md): every table carries org_id
// and every unique index (primary keys included) starts with it. orgs is the tenant table.
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('multi-tenant schema', () => {
  it('gives every table an org_id column', async () => {
    const rows = await database.query<{ table_name: string }>(sql`
      select t.table_name from information_schema.tables t
      where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and t.table_name <> 'orgs'
        and not exists (select 1 from information_schema.columns c
          where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'org_id')`);
    expect(rows.map((row) => row.table_name)).toEqual([]);
  });

  it('starts every unique index with org_id', async () => {
    const rows = await database.query<{ index_name: string; first_column: string | null }>(sql`
      select i.relname as index_name, a.attname as first_column
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      left join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
      where n.nspname = 'public' and x.indisunique and t.relname <> 'orgs'`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.first_column !== 'org_id')).toEqual([]);
  });
});
