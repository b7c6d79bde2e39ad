// Opportunity signals (商机信号). Seed 001: a list customer (清单客户) showing one of these
// signals has become a potential customer, so such customers are suggested for the next
// lifecycle stage; the report shows which signals came before wins.
import { sql } from 'drizzle-orm';
import { OPPORTUNITY_SIGNALS, type OpportunitySignal } from '../../../domain/workData';
import { type Db, queryRows } from '../../db/client';
import { visibleCustomers } from '../customers/customers.access';
import type { ActivityReportQuery } from './workData.schema';
import { occurredIn, periodInstants, scopedUsers, type Viewer } from './workData.scope';

/** The six-step lifecycle's list stage; a signal suggests the stage after it (潜在). */
const LIST_STAGE = 'list';

interface SuggestionRow {
  customer_id: string;
  customer_name: string;
  signals: OpportunitySignal[];
  last_signal_at: Date | string;
  stages: { key: string }[];
}

/**
 * Visible customers at the list stage with a signal logged since they entered it — the ones
 * a rep should move on (reps: their own; managers: their teams'), newest signal first.
 */
export async function signalSuggestions(
  db: Db,
  viewer: Viewer,
  options: { customerId?: string; limit: number },
) {
  const rows = await queryRows<SuggestionRow>(
    db,
    sql`select c.id as customer_id, c.name as customer_name, f.stages,
        array(select distinct s from activities a2, unnest(a2.signals) s
          where a2.org_id = c.org_id and a2.customer_id = c.id
            and a2.occurred_at >= coalesce(c.lifecycle_entered_at, c.created_at)
          order by s) as signals,
        max(a.occurred_at) as last_signal_at
      from customers c
      join funnels f on f.org_id = c.org_id and f.id = c.lifecycle_funnel_id
      join activities a on a.org_id = c.org_id and a.customer_id = c.id
        and cardinality(a.signals) > 0
        and a.occurred_at >= coalesce(c.lifecycle_entered_at, c.created_at)
      where c.org_id = ${viewer.orgId} and c.lifecycle_stage_key = ${LIST_STAGE}
        and c.owner_id is not null and ${visibleCustomers(viewer)}
        ${options.customerId ? sql`and c.id = ${options.customerId}` : sql``}
      group by c.org_id, c.id, c.name, f.stages
      order by max(a.occurred_at) desc, c.id limit ${options.limit}`,
  );
  const items = [];
  for (const row of rows) {
    const index = row.stages.findIndex((stage) => stage.key === LIST_STAGE);
    const next = row.stages[index + 1];
    if (index < 0 || !next) continue;
    items.push({
      customerId: row.customer_id,
      customerName: row.customer_name,
      signals: row.signals,
      lastSignalAt: new Date(row.last_signal_at).toISOString(),
      fromStageKey: LIST_STAGE,
      toStageKey: next.key,
    });
  }
  return { items };
}

/**
 * Per signal: activities tagged in the period by the scoped users, the customers tagged, and
 * of those the ones that won a deal after their first such tag in the period.
 */
export async function signalsReport(
  db: Db,
  viewer: Viewer,
  query: ActivityReportQuery,
  timeZone: string,
) {
  const period = periodInstants(query, timeZone);
  const users = await scopedUsers(db, viewer, query);
  const rows = await queryRows<{
    signal: OpportunitySignal;
    tagged: number;
    customers: number;
    won: number;
  }>(
    db,
    sql`with tagged as (
        select s as signal, a.customer_id, a.occurred_at
        from activities a, unnest(a.signals) s
        where a.org_id = ${viewer.orgId} and cardinality(a.signals) > 0 and ${occurredIn(period)}
          and a.user_id in (select u.id from users u where ${users})),
      firsts as (select signal, customer_id, min(occurred_at) as first_at
        from tagged group by signal, customer_id)
      select t.signal, t.tagged, f.customers, f.won
      from (select signal, count(*)::int as tagged from tagged group by signal) t
      join (select signal, count(*)::int as customers,
          count(*) filter (where exists (select 1 from deals d where d.org_id = ${viewer.orgId}
            and d.customer_id = firsts.customer_id and d.status = 'won'
            and d.closed_at >= firsts.first_at))::int as won
        from firsts group by signal) f on f.signal = t.signal`,
  );
  const bySignal = new Map(rows.map((row) => [row.signal, row]));
  return {
    rows: OPPORTUNITY_SIGNALS.map((signal) => {
      const row = bySignal.get(signal);
      const customers = row?.customers ?? 0;
      const won = row?.won ?? 0;
      return {
        signal,
        tagged: row?.tagged ?? 0,
        customers,
        won,
        winRate: customers === 0 ? null : won / customers,
      };
    }),
  };
}
