// The churn rules of domain/churn's churnWarnings as SQL over customer_churn_inputs (kept per
// customer, migration 0032) and the contract end custom field, so the report can filter,
// count, sort and page every flagged customer in the database (churnReport.ts). Only which
// codes a customer has and how severe they are come from here; the warnings shown (labels,
// figures) are still churnWarnings' own (churn.service). churnFlags.test.ts checks both agree.
import { type SQL, sql } from 'drizzle-orm';
import { DEFAULT_CHURN_OPTIONS } from '../../../domain/churn';
import { type Db, queryRows } from '../../db/client';
import type { ChurnConfig } from './churn.service';

export const CONTRACT_END_FIELD = 'contractEndDate';

/**
 * Brings the org's customer_churn_inputs up to `today` under `config`: recomputes what the
 * sales records or the day have made stale, and merges customer_churn_counts; returns how
 * many rows it read the lines of.
 */
export async function refreshChurnInputs(
  db: Db,
  orgId: string,
  today: string,
  config: ChurnConfig,
): Promise<number> {
  const [row] = await queryRows<{ refreshed: number }>(
    db,
    sql`select churn_inputs_refresh(${orgId}, ${today}::date, ${config.intervalFactor}::float8,
      ${config.dropPercent}::int, ${config.minOrders}::int,
      ${config.defaultPaymentTermsDays}::int) as refreshed`,
  );
  // The counts' deltas this and other writes appended, folded (migration 0033).
  await queryRows(db, sql`select churn_counts_merge(${orgId}::uuid)`);
  return Number(row?.refreshed ?? 0);
}

/**
 * The day a YYYY-MM-DD text names, or null for anything else (isValidDay's rule, without the
 * error a cast would raise on 2024-02-30). Year 0000 is the proleptic year 0, as in JavaScript.
 */
function validDay(text: SQL): SQL {
  const year = sql`(case when substr(${text}, 1, 4) = '0000' then -1 else substr(${text}, 1, 4)::int end)`;
  const month = sql`substr(${text}, 6, 2)::int`;
  const first = sql`make_date(${year}, ${month}, 1)`;
  return sql`(case when ${text} ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
    and substr(${text}, 9, 2)::int <= (${first} + interval '1 month')::date - ${first}
    then make_date(${year}, ${month}, substr(${text}, 9, 2)::int) end)`;
}

/**
 * Two materialized CTEs (put after `with`): `contracts`, the customers in `scope` (conditions
 * on `c`, the customers table), not archived, with a contract end date, and `contract`, those
 * ending within the setting's days: id and level (1 ending, 2 ended).
 */
export function contractCtes(orgId: string, today: string, config: ChurnConfig, scope: SQL[]): SQL {
  const contractEnd = sql.raw(`(c.custom ->> '${CONTRACT_END_FIELD}')`);
  return sql`contracts as materialized (
      select c.id, ${validDay(contractEnd)} - ${today}::date as days_left
      from customers c
      where c.org_id = ${orgId} and ${contractEnd} is not null and c.archived_at is null
        and ${sql.join(scope, sql` and `)}
    ), contract as materialized (
      select k.id, case when k.days_left < 0 then 2 else 1 end as level
      from contracts k where k.days_left <= ${config.contractDays}::int
    )`;
}

/**
 * Rebuilds an org's customer_churn_inputs for loads that write sales_lines with triggers off
 * (`crm seed bench`): a row per customer with sales records, computed for the org's today
 * under its stored settings (the defaults when none), as migration 0032 did, and its
 * customer_churn_counts counted afresh. Run in one transaction: the counts' triggers are off
 * meanwhile (ALTER TABLE locks the table until the end), since capturing every row of the
 * bulk writes in transition tables tripled the rebuild at 1M.
 */
export function rebuildChurnInputs(orgId: string): SQL[] {
  const setting = (key: string, cast: string, fallback: number) =>
    sql.raw(`coalesce((q.value->>'${key}')::${cast}, ${fallback})`);
  const triggers = (on: boolean) =>
    ['insert', 'update', 'delete'].map((event) =>
      sql.raw(
        `alter table customer_churn_inputs ${on ? 'enable' : 'disable'} trigger customer_churn_inputs_count_${event}`,
      ),
    );
  return [
    ...triggers(false),
    sql`delete from customer_churn_inputs where org_id = ${orgId}`,
    sql`delete from churn_inputs_state where org_id = ${orgId}`,
    sql`insert into customer_churn_inputs
        (org_id, customer_id, name, owner_id, team_id, pool_team_id, archived)
      select c.org_id, c.id, c.name, c.owner_id, c.team_id, c.pool_team_id, c.archived_at is not null
      from customers c
      where c.org_id = ${orgId}
        and c.id in (select s.customer_id from sales_lines s where s.org_id = ${orgId})`,
    sql`select churn_inputs_refresh(o.id, (now() at time zone o.time_zone)::date,
        ${setting('intervalFactor', 'float8', DEFAULT_CHURN_OPTIONS.intervalFactor)},
        ${setting('dropPercent', 'int', DEFAULT_CHURN_OPTIONS.dropPercent)},
        ${setting('minOrders', 'int', DEFAULT_CHURN_OPTIONS.minOrders)},
        ${setting('defaultPaymentTermsDays', 'int', 30)})
      from orgs o left join qualification_settings q on q.org_id = o.id and q.kind = 'churn'
      where o.id = ${orgId}`,
    ...triggers(true),
    sql`delete from customer_churn_counts where org_id = ${orgId}`,
    sql`insert into customer_churn_counts (org_id, owner_id, team_id, pool_team_id,
        no_order_overdue, revenue_drop, payment_overdue, customers, merged)
      select i.org_id, i.owner_id, i.team_id, i.pool_team_id, i.no_order_overdue, i.revenue_drop,
        i.payment_overdue, count(*), true
      from customer_churn_inputs i where i.org_id = ${orgId} and i.warnings > 0 and not i.archived
      group by 1, 2, 3, 4, 5, 6, 7`,
    sql`cluster customer_churn_inputs using customer_churn_inputs_org_id_customer_id_pk`,
    sql`analyze customer_churn_inputs`,
    sql`analyze customer_churn_counts`,
  ];
}
