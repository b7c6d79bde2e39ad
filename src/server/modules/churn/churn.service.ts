import { type SQL, sql } from 'drizzle-orm';
import {
  type ChurnOptions,
  type ChurnWarning,
  churnWarnings,
  DEFAULT_CHURN_OPTIONS,
} from '../../../domain/churn';
import { isValidDay, zonedDay } from '../../../domain/format/dates';
import type { Locale } from '../../../domain/vocabulary';
import { type Db, queryRows } from '../../db/client';
import type { AuthContext } from '../../http/auth';
import { validationFailed } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { visibleCustomers } from '../customers/customers.access';
import { customerGradeSql } from '../grading/customerGradeSql';
import {
  ensureCustomFields,
  readSetting,
  type StoredSetting,
  writeSetting,
} from '../scoring/qualificationSettings';
import type {
  ChurnReport,
  ChurnReportQuery,
  ChurnSettings,
  FlaggedCustomer,
  UpdateChurnSettingsRequest,
} from './churn.schema';
import { CONTRACT_END_FIELD, refreshChurnInputs } from './churnFlags';
import { churnCounts, churnPage, type SortKey } from './churnReport';

type Viewer = Pick<AuthContext, 'id' | 'orgId' | 'role' | 'teamId'>;

export type ChurnConfig = Required<ChurnOptions> & { defaultPaymentTermsDays: number };

const DEFAULT_CHURN: ChurnConfig = { ...DEFAULT_CHURN_OPTIONS, defaultPaymentTermsDays: 30 };
export function readChurnConfig(db: Db, orgId: string): Promise<StoredSetting<ChurnConfig>> {
  return readSetting(db, orgId, 'churn', DEFAULT_CHURN, (tx) =>
    ensureCustomFields(tx, orgId, [{ key: CONTRACT_END_FIELD, label: '合同到期日', type: 'date' }]),
  );
}

const presentSettings = (stored: StoredSetting<ChurnConfig>): ChurnSettings => ({
  ...stored.value,
  version: stored.version,
  updatedAt: stored.updatedAt,
  updatedBy: stored.updatedBy,
});

export async function getChurnSettings(db: Db, orgId: string): Promise<ChurnSettings> {
  return presentSettings(await readChurnConfig(db, orgId));
}

export async function updateChurnSettings(
  db: Db,
  actor: Viewer & { ip?: string | null },
  input: UpdateChurnSettingsRequest,
): Promise<ChurnSettings> {
  return db.transaction(async (tx) => {
    const current = (await readChurnConfig(tx, actor.orgId)).value;
    const { version, ...changes } = input;
    const next: ChurnConfig = { ...current, ...changes };
    return presentSettings(await writeSetting(tx, actor, 'churn', version, next, DEFAULT_CHURN));
  });
}

interface InputRow {
  id: string;
  name: string;
  owner_id: string | null;
  owner_name: string | null;
  team_id: string | null;
  grade: string | null;
  contract_end: string | null;
  order_dates: string[] | null;
  last90: number | null;
  prev90: number | null;
  overdue: number | null;
}

/**
 * The inputs of churnWarnings per customer, in one query: distinct order days of the last
 * three years, revenue in the last 90 days and the 90 before, the unpaid amount past its due
 * date (or past the default terms when a record has none), and the contract end date.
 * Only customers with sales records or a contract end date can be flagged.
 */
function inputsQuery(orgId: string, today: string, config: ChurnConfig, where: SQL[]): SQL {
  const due = sql`coalesce(s.due_date, s.order_date + ${config.defaultPaymentTermsDays}::int)`;
  return sql`with candidates as (
      select c.id, c.name, c.owner_id, u.name as owner_name, c.team_id,
        ${customerGradeSql('c')} as grade,
        c.custom->>${CONTRACT_END_FIELD} as contract_end
      from customers c left join users u on u.org_id = c.org_id and u.id = c.owner_id
      where ${sql.join(where, sql` and `)}
    ), sales as (
      select s.customer_id,
        array_agg(distinct s.order_date::text) filter (
          -- older orders say little about the customer's rhythm today
          where s.order_date > (${today}::date - interval '3 years')::date
        ) as order_dates,
        sum(s.amount_cents) filter (where s.order_date > ${today}::date - 90)::bigint as last90,
        sum(s.amount_cents) filter (where s.order_date <= ${today}::date - 90
          and s.order_date > ${today}::date - 180)::bigint as prev90,
        sum(greatest(s.amount_cents - coalesce(s.paid_cents, 0), 0))
          filter (where ${due} < ${today}::date)::bigint as overdue
      from sales_lines s join candidates k on k.id = s.customer_id
      where s.org_id = ${orgId} and s.order_date <= ${today}::date
      group by s.customer_id
    )
    select k.*, s.order_dates, s.last90, s.prev90, s.overdue
    from candidates k left join sales s on s.customer_id = k.id
    where s.customer_id is not null or k.contract_end is not null`;
}

function present(row: InputRow, warnings: ChurnWarning[], locale: Locale): FlaggedCustomer {
  return {
    customerId: row.id,
    customerName: row.name,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    teamId: row.team_id,
    grade: row.grade,
    warnings: warnings.map((w) => ({
      code: w.code,
      severity: w.severity,
      label: w.label[locale],
      detail: w.detail,
    })),
  };
}

/** churnWarnings over the inputs of the customers matching `where` that have any warning. */
async function flaggedCustomers(
  db: Db,
  orgId: string,
  where: SQL[],
  today: string,
  config: ChurnConfig,
  locale: Locale,
): Promise<FlaggedCustomer[]> {
  const rows = await queryRows<InputRow>(db, inputsQuery(orgId, today, config, where));
  const flagged: FlaggedCustomer[] = [];
  for (const row of rows) {
    const warnings = churnWarnings(
      {
        orderDates: row.order_dates ?? [],
        revenueLast90Cents: Number(row.last90 ?? 0),
        revenuePrev90Cents: Number(row.prev90 ?? 0),
        overdueCents: Number(row.overdue ?? 0),
        contractEndDate: row.contract_end && isValidDay(row.contract_end) ? row.contract_end : null,
        today,
      },
      config,
    );
    if (warnings.length > 0) flagged.push(present(row, warnings, locale));
  }
  return flagged;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function readCursor(cursor: string): SortKey {
  const key = decodeCursor(cursor, 4);
  const [critical, count, name, id] = key;
  if (
    !Number.isInteger(critical) ||
    !Number.isInteger(count) ||
    Math.abs(critical as number) > 10 ||
    Math.abs(count as number) > 10 ||
    typeof name !== 'string' ||
    typeof id !== 'string' ||
    !UUID.test(id)
  ) {
    throw validationFailed([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
  }
  return key as SortKey;
}

/**
 * Flagged customers the viewer sees, most urgent first, paged by a cursor on that order, with
 * the counts per code over every one that matches. Which customers are flagged, with which
 * codes and severities, is decided in SQL over customer_churn_inputs (churnFlags.ts), paged and
 * counted by churnReport.ts; the page's warnings are churnWarnings' own.
 */
export async function findChurnWarnings(
  db: Db,
  viewer: Viewer,
  query: ChurnReportQuery,
  context: { now: Date; timeZone: string; locale: Locale },
): Promise<ChurnReport> {
  const config = (await readChurnConfig(db, viewer.orgId)).value;
  const today = zonedDay(context.now, context.timeZone);
  await refreshChurnInputs(db, viewer.orgId, today, config);
  const after = query.cursor ? readCursor(query.cursor) : null;
  const [page, counts] = await Promise.all([
    churnPage(db, viewer, query, today, config, after, query.limit + 1),
    churnCounts(db, viewer, query, today, config),
  ]);
  const shown = page.slice(0, query.limit);
  const ids = shown.map((row) => row.id);
  const warned =
    ids.length === 0
      ? []
      : await flaggedCustomers(
          db,
          viewer.orgId,
          [sql`c.org_id = ${viewer.orgId}`, sql`c.id = any(${sql.param(ids)}::uuid[])`],
          today,
          config,
          context.locale,
        );
  const byId = new Map(warned.map((customer) => [customer.customerId, customer]));
  const items = shown.flatMap((row) => byId.get(row.id) ?? []);
  const last = shown.at(-1);
  return {
    items,
    nextCursor:
      page.length > query.limit && last
        ? encodeCursor([-last.critical, -last.count, last.name, last.id])
        : null,
    counts,
    asOf: today,
  };
}

/** The warnings of one customer the viewer can see ([] when none); null when not visible. */
export async function warningsOfCustomer(
  db: Db,
  viewer: Viewer,
  customerId: string,
  context: { now: Date; timeZone: string; locale: Locale },
): Promise<{ asOf: string; warnings: FlaggedCustomer['warnings'] } | null> {
  const [visible] = await queryRows(
    db,
    sql`select 1 from customers c where c.org_id = ${viewer.orgId} and c.id = ${customerId}
      and ${visibleCustomers(viewer)}`,
  );
  if (!visible) return null;
  const config = (await readChurnConfig(db, viewer.orgId)).value;
  const today = zonedDay(context.now, context.timeZone);
  const where = [sql`c.org_id = ${viewer.orgId}`, sql`c.id = ${customerId}`];
  const flagged = await flaggedCustomers(db, viewer.orgId, where, today, config, context.locale);
  return { asOf: today, warnings: flagged[0]?.warnings ?? [] };
}
