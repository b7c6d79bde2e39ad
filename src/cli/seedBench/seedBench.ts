// `crm seed bench --customers N`: a large, consistent org for the benchmarks, written in SQL
// (INSERT … SELECT over generate_series) in chunks of customers, on PostgreSQL or PGlite.
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../server/db/client';
import { rebuildChurnInputs } from '../../server/modules/churn/churnFlags';
import { rebuildDealStageTotals } from '../../server/modules/reports/funnelTotals';
import {
  rebuildCustomerSalesMonths,
  rebuildCustomerSalesPipeline,
} from '../../server/modules/reports/salesMonths';
import {
  rebuildActivityDayCounts,
  rebuildCustomerContactBlocks,
  rebuildCustomerForwardBlocks,
  rebuildFirstActivities,
} from '../../server/modules/workData/activityDerived';
import { orgHasCustomers } from '../demo/seedDemo';
import { dealsChunk, stageHistoryChunk } from './benchDeals';
import { benchShape, createBenchPeople } from './benchPeople';
import {
  activitiesChunk,
  type ChunkContext,
  contactsChunk,
  customerSearchChunk,
  customersChunk,
  ownershipEventsChunk,
  salesChunk,
  tasksChunk,
} from './benchRows';

/** Tables the seed fills, in foreign-key order, with the statement writing one chunk. */
const STEPS: [string, (ctx: ChunkContext, lo: number, hi: number) => SQL][] = [
  ['customers', customersChunk],
  ['customer_search', customerSearchChunk],
  ['contacts', contactsChunk],
  ['activities', activitiesChunk],
  ['tasks', tasksChunk],
  ['deals', dealsChunk],
  ['stage_history', stageHistoryChunk],
  ['sales_lines', salesChunk],
  ['ownership_events', ownershipEventsChunk],
];
const TABLES = STEPS.map(([table]) => table);
const MARKER = 'crm seed bench ';

export interface SeedBenchOptions {
  customers: number;
  now: Date;
  /** Customers per statement. */
  chunk?: number;
  /**
   * Skip foreign-key triggers while loading (superusers only): the rows are consistent by
   * construction, and the tests load without it so the constraints check that.
   */
  fastLoad?: boolean;
  log?: (line: string) => void;
}

export interface SeedBenchResult {
  counts: Record<string, number>;
  seconds: number;
}

/** What a finished seed left on the customers table, or null (none, or interrupted). */
export async function benchSeedMarker(
  database: Database,
): Promise<{ customers: number; seededAt: string } | null> {
  const [row] = await database.query<{ comment: string | null }>(
    sql`select obj_description('customers'::regclass, 'pg_class') as comment`,
  );
  if (!row?.comment?.startsWith(MARKER)) return null;
  return JSON.parse(row.comment.slice(MARKER.length));
}

/**
 * Secondary indexes of the seeded tables, dropped for the load and built again afterwards:
 * building an index once is many times faster than updating it row by row.
 */
async function dropSecondaryIndexes(database: Database): Promise<string[]> {
  const rows = await database.query<{ name: string; definition: string }>(
    sql`select i.relname as name, pg_get_indexdef(i.oid) as definition
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relname in ${TABLES} and not x.indisprimary
        and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)`,
  );
  for (const row of rows) await database.query(sql.raw(`drop index if exists "${row.name}"`));
  return rows.map((row) => row.definition);
}

export async function seedBench(
  database: Database,
  orgId: string,
  options: SeedBenchOptions,
): Promise<SeedBenchResult> {
  const log = options.log ?? (() => {});
  const { customers, now } = options;
  if (!Number.isInteger(customers) || customers < 1)
    throw new Error('--customers must be a positive whole number');
  if (await orgHasCustomers(database.db, orgId)) {
    throw new Error('The org already has customers: seed bench fills an empty database');
  }
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const shape = benchShape(customers);
  const people = await createBenchPeople(database.db, orgId, shape, now);
  log(`${shape.teams} teams, ${shape.reps} reps, ${shape.teams} managers (${elapsed()})`);
  const ctx: ChunkContext = { orgId, now, shape, people };
  const [role] = await database.query<{ superuser: boolean }>(
    sql`select current_setting('is_superuser') = 'on' as superuser`,
  );
  const fastLoad = (options.fastLoad ?? true) && role?.superuser === true;
  const chunk = options.chunk ?? 20_000;

  const indexes = await dropSecondaryIndexes(database);
  try {
    for (let lo = 1; lo <= customers; lo += chunk) {
      const hi = Math.min(customers, lo + chunk - 1);
      for (const [, statement] of STEPS) {
        await database.db.transaction(async (tx) => {
          if (fastLoad) await tx.execute(sql`set local session_replication_role = replica`);
          await tx.execute(statement(ctx, lo, hi));
        });
      }
      log(
        `${hi.toLocaleString('en')} / ${customers.toLocaleString('en')} customers with their rows (${elapsed()})`,
      );
    }
  } finally {
    log(`building ${indexes.length} indexes…`);
    for (const definition of indexes) await database.query(sql.raw(definition));
    log(`indexes built (${elapsed()})`);
  }
  await rebuildBenchRollups(database, orgId, { log, elapsed });
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await database.query<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table)} where org_id = ${orgId}`,
    );
    counts[table] = row?.n ?? 0;
  }
  const seconds = (performance.now() - started) / 1000;
  const marker = JSON.stringify({
    customers,
    seededAt: new Date().toISOString(),
    seconds: Math.round(seconds),
  });
  await database.query(sql.raw(`comment on table customers is '${MARKER}${marker}'`));
  return { counts, seconds };
}

/**
 * What triggers keep, rebuilt once after a load that ran with its triggers off, then the
 * statistics. The loaded tables are analyzed first: unanalyzed, deals and stage_history were
 * estimated at 5,000 and 25,000 rows and the forecast facts' rebuild planned a loop of 5M
 * customer lookups (over 25 minutes at 1M customers; analyzed, 290 s at load 10).
 */
export async function rebuildBenchRollups(
  database: Database,
  orgId: string,
  progress: { log: (line: string) => void; elapsed: () => string },
): Promise<void> {
  const { log, elapsed } = progress;
  for (const table of TABLES) await database.query(sql.raw(`analyze ${table}`));
  log(`loaded tables analyzed (${elapsed()})`);
  // The funnel report's totals: the fast load wrote deals with their triggers off.
  await database.db.transaction(async (tx) => {
    for (const statement of rebuildDealStageTotals(orgId)) await tx.execute(statement);
  });
  log(`deal_stage_totals rebuilt (${elapsed()})`);
  // The forecast's facts (stage_history's, deals' and customers' triggers), planned after.
  await database.query(sql`select forecast_facts_refresh(${orgId}::uuid, null)`);
  for (const table of ['deal_stage_visits', 'stage_visit_totals', 'forecast_open_deals']) {
    await database.query(sql.raw(`vacuum analyze ${table}`));
  }
  log(`forecast facts rebuilt (${elapsed()})`);
  // And what the activity triggers keep: first follow-ups, the work data day counts and the
  // contact blocks (distinct customers contacted).
  await database.db.transaction(async (tx) => {
    await tx.execute(rebuildFirstActivities(orgId));
    for (const statement of rebuildActivityDayCounts(orgId)) await tx.execute(statement);
    await tx.execute(rebuildCustomerContactBlocks(orgId));
    // And the customers moved forward, from the stage history and deals.
    await tx.execute(rebuildCustomerForwardBlocks(orgId));
  });
  log(`first activities, activity_day_counts, contact and forward blocks rebuilt (${elapsed()})`);
  // And the account assessment's sales per customer and month (sales_lines' triggers).
  await database.db.transaction(async (tx) => {
    for (const statement of rebuildCustomerSalesMonths(orgId)) await tx.execute(statement);
    // And each customer's sales and open pipeline (sales_lines', deals' and customers' triggers).
    await tx.execute(rebuildCustomerSalesPipeline(orgId));
  });
  log(`customer_sales_months and customer_sales_pipeline rebuilt (${elapsed()})`);
  // And the churn warnings' figures and flags per customer (sales_lines' triggers).
  await database.db.transaction(async (tx) => {
    for (const statement of rebuildChurnInputs(orgId)) await tx.execute(statement);
  });
  log(`customer_churn_inputs rebuilt (${elapsed()})`);
  // Users, teams and the work data rollups too: with autovacuum off, users never analyzed were
  // estimated at 2 rows and the whole-org reports planned a loop over them.
  const written = [
    'customer_sales_months',
    'customer_sales_pipeline',
    'users',
    'teams',
    'activity_day_counts',
  ];
  for (const table of [
    ...TABLES,
    ...written,
    'customer_contact_blocks',
    'customer_forward_blocks',
    'customer_churn_inputs',
    'customer_churn_counts',
  ]) {
    await database.query(sql.raw(`vacuum analyze ${table}`));
  }
  log(`vacuum analyze done (${elapsed()})`);
}
