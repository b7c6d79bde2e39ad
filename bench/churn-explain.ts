// Plans of the churn report's statements (churnReport.ts: the page and the counts) for the
// admin, manager1 and rep1 of a seeded bench database, first page and a later one, with and
// without a filter. Brings the inputs up to date first (churn_inputs_refresh writes), so run it
// on a copy: `create database crm_churn_copy template crm_scale_bench`.
// Run: npx tsx bench/churn-explain.ts --url postgres://postgres@127.0.0.1:5432/crm_churn_copy
//   [--filter code=no_order_overdue] [--mine] [--text] (--text: the whole plans; else a summary)
import { parseArgs } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import { zonedDay } from '../src/domain/format/dates';
import { openDatabase, queryRows } from '../src/server/db/client';
import type { ChurnReportQuery } from '../src/server/modules/churn/churn.schema';
import { readChurnConfig } from '../src/server/modules/churn/churn.service';
import { refreshChurnInputs } from '../src/server/modules/churn/churnFlags';
import {
  churnCountsSql,
  churnPage,
  churnPageSql,
  type SortKey,
} from '../src/server/modules/churn/churnReport';
import { BENCH_ADMIN_EMAIL } from './scale/table';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    filter: { type: 'string', multiple: true, default: [] },
    mine: { type: 'boolean', default: false },
    text: { type: 'boolean', default: false },
  },
});
if (!values.url) throw new Error('--url postgres://… (a copy of the bench database)');
const database = await openDatabase({ databaseUrl: values.url, poolSize: 1 });
const db = database.db;
type Who = { id: string; orgId: string; role: 'admin' | 'manager' | 'rep'; teamId: string | null };

const explain = async (label: string, statement: SQL) => {
  const rows = await queryRows<{ 'QUERY PLAN': string }>(
    db,
    sql`explain (analyze, buffers) ${statement}`,
  );
  const lines = rows.map((row) => row['QUERY PLAN']);
  console.log(`--- ${label}: ${lines.find((line) => line.startsWith('Execution Time'))}`);
  const shown = values.text
    ? lines
    : lines.filter((line) => /Scan|Sort|Limit|Execution|Aggregate/.test(line));
  for (const line of shown) console.log(`  ${line}`);
};

try {
  const query = Object.fromEntries(
    (values.filter ?? []).map((pair) => pair.split('=') as [string, string]),
  ) as Partial<ChurnReportQuery>;
  for (const email of [BENCH_ADMIN_EMAIL, 'manager1@bench.crm', 'rep1@bench.crm']) {
    const [who] = await queryRows<Who & { timeZone: string }>(
      db,
      sql`select u.id, u.org_id as "orgId", u.role, u.team_id as "teamId", o.time_zone as "timeZone"
        from users u join orgs o on o.id = u.org_id where u.email = ${email}`,
    );
    if (!who) throw new Error(`${email}: not in this database`);
    const config = (await readChurnConfig(db, who.orgId)).value;
    const today = zonedDay(new Date(), who.timeZone);
    const started = performance.now();
    await refreshChurnInputs(db, who.orgId, today, config);
    console.log(`=== ${email}: refresh ${(performance.now() - started).toFixed(0)} ms`);
    const filters = { ...query, ...(values.mine ? { ownerId: who.id } : {}) };
    await explain('page 1', churnPageSql(who, filters, today, config, null, 51));
    const first = await churnPage(db, who, filters, today, config, null, 51);
    const last = first.at(49);
    if (last) {
      const after: SortKey = [-last.critical, -last.count, last.name, last.id];
      await explain('page 2', churnPageSql(who, filters, today, config, after, 51));
    }
    await explain('counts', churnCountsSql(who, filters, today, config));
  }
} finally {
  await database.close();
}
