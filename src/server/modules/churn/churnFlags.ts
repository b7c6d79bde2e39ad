// The churn rules of domain/churn's churnWarnings as SQL over customer_churn_inputs (kept per
// customer, migration 0032) and the contract end custom field, so the report can filter,
// count, sort and page every flagged customer in the database. Only which codes a customer
// has and how severe they are come from here; the warnings shown (labels, figures) are still
// churnWarnings' own (churn.service). churnFlags.test.ts checks both agree.
import { type SQL, sql } from 'drizzle-orm';
import { DEFAULT_CHURN_OPTIONS } from '../../../domain/churn';
import { type Db, queryRows } from '../../db/client';
import type { ChurnConfig } from './churn.service';

export const CONTRACT_END_FIELD = 'contractEndDate';

/**
 * Brings the org's customer_churn_inputs up to `today` under `config`: recomputes what the
 * sales records or the day have made stale; returns how many rows it read the lines of.
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
 * Each customer in `scope` (conditions on `c`: owner_id, team_id, pool_team_id, id), not
 * archived, with at least one warning today: id, name, and per code 0 (none), 1 (warning) or
 * 2 (critical) in the columns no_order_overdue, revenue_drop, payment_overdue,
 * contract_ending; `critical` and `count` count its critical and all warnings. The first three come from customer_churn_inputs (refreshChurnInputs first),
 * the contract from the customer's custom field.
 */
export function flaggedCustomersSql(
  orgId: string,
  today: string,
  config: ChurnConfig,
  scope: SQL[],
): SQL {
  const contractEnd = sql.raw(`(c.custom ->> '${CONTRACT_END_FIELD}')`);
  const where = sql.join(scope, sql` and `);
  return sql`with contracts as materialized (
      select c.id, ${validDay(contractEnd)} - ${today}::date as days_left
      from customers c
      where c.org_id = ${orgId} and ${contractEnd} is not null and c.archived_at is null
        and ${where}
    ), contract as materialized (
      select k.id, case when k.days_left < 0 then 2 else 1 end as level
      from contracts k where k.days_left <= ${config.contractDays}::int
    )
    select c.id, c.name, c.no_order_overdue, c.revenue_drop, c.payment_overdue,
      coalesce(k.level, 0) as contract_ending,
      c.critical + (coalesce(k.level, 0) = 2)::int as critical,
      c.warnings + (coalesce(k.level, 0) > 0)::int as count
    from (select i.customer_id as id, i.name, i.owner_id, i.team_id, i.pool_team_id,
        i.no_order_overdue, i.revenue_drop, i.payment_overdue, i.critical, i.warnings
      from customer_churn_inputs i
      where i.org_id = ${orgId} and i.warnings > 0 and not i.archived) c
      left join contract k on k.id = c.id
    where ${where}
    union all
    select k.id, c.name, 0, 0, 0, k.level, (k.level = 2)::int, 1
    from contract k join customers c on c.org_id = ${orgId} and c.id = k.id
    where not exists (select 1 from customer_churn_inputs i
      where i.org_id = ${orgId} and i.customer_id = k.id and i.warnings > 0 and not i.archived)`;
}

/**
 * Rebuilds an org's customer_churn_inputs for loads that write sales_lines with triggers off
 * (`crm seed bench`): a row per customer with sales records, computed for the org's today
 * under its stored settings (the defaults when none), as migration 0032 did.
 */
export function rebuildChurnInputs(orgId: string): SQL[] {
  const setting = (key: string, cast: string, fallback: number) =>
    sql.raw(`coalesce((q.value->>'${key}')::${cast}, ${fallback})`);
  return [
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
    sql`cluster customer_churn_inputs using customer_churn_inputs_org_id_customer_id_pk`,
    sql`analyze customer_churn_inputs`,
  ];
}
