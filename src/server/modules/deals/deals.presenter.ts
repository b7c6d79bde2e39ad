// How a deal row leaves the server: columns read, money in yuan, days in stage, stale flag.
import { sql } from 'drizzle-orm';
import { weightedAmountCents } from '../../../domain/forecast';
import { centsToYuanString } from '../../../domain/format';
import type { FunnelStage } from '../../../domain/funnels';
import type { Locale } from '../../../domain/vocabulary';
import type { Deal } from './deals.schema';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Columns of a deal read, with deals d, customers c, owner u and lost reason lr joined. */
export const DEAL_COLUMNS = sql`d.id, d.name, d.customer_id, c.name as customer_name, d.funnel_id,
  d.stage_key, d.stage_entered_at, d.stale_at, d.status, d.amount_cents, d.budget_cents,
  d.probability, d.probability_overridden, d.expected_close_date::text as expected_close_date,
  d.products, d.competitors, d.next_step, d.owner_id, u.name as owner_name,
  lr.name as lost_reason, d.closed_at, d.version, d.created_at, d.updated_at`;
export const DEAL_JOINS = sql`join customers c on c.org_id = d.org_id and c.id = d.customer_id
  left join users u on u.org_id = d.org_id and u.id = d.owner_id
  left join lost_reasons lr on lr.org_id = d.org_id and lr.id = d.lost_reason_id`;

export interface DealRow {
  id: string;
  name: string;
  customer_id: string;
  customer_name: string;
  funnel_id: string;
  stage_key: string;
  stage_entered_at: Date | string;
  stale_at: Date | string | null;
  status: 'open' | 'won' | 'lost';
  amount_cents: number;
  budget_cents: number | null;
  probability: number;
  probability_overridden: boolean;
  expected_close_date: string | null;
  products: string[];
  competitors: string[];
  next_step: string | null;
  owner_id: string;
  owner_name: string | null;
  lost_reason: string | null;
  closed_at: Date | string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();
export const yuan = (cents: number) => Number(centsToYuanString(cents));

/** stage_entered_at + the stage's stale threshold, or null when it never goes stale. */
export function staleAtFor(stage: FunnelStage, enteredAt: Date): Date | null {
  if (stage.terminal || stage.staleAfterDays === null) return null;
  return new Date(enteredAt.getTime() + stage.staleAfterDays * DAY_MS);
}

export function presentDeal(
  row: DealRow,
  stages: readonly FunnelStage[],
  locale: Locale,
  now: Date,
): Deal {
  const staleAt = row.stale_at === null ? null : new Date(row.stale_at);
  return {
    id: row.id,
    name: row.name,
    customerId: row.customer_id,
    customerName: row.customer_name,
    funnelId: row.funnel_id,
    stageKey: row.stage_key,
    stageName: stages.find((stage) => stage.key === row.stage_key)?.name[locale] ?? row.stage_key,
    stageEnteredAt: iso(row.stage_entered_at),
    daysInStage: Math.max(
      0,
      Math.floor((now.getTime() - new Date(row.stage_entered_at).getTime()) / DAY_MS),
    ),
    stale: row.status === 'open' && staleAt !== null && staleAt <= now,
    staleAt: staleAt?.toISOString() ?? null,
    status: row.status,
    amount: yuan(row.amount_cents),
    budget: row.budget_cents === null ? null : yuan(row.budget_cents),
    probability: row.probability,
    probabilityOverridden: row.probability_overridden,
    weightedAmount: yuan(weightedAmountCents(row.amount_cents, row.probability)),
    expectedCloseDate: row.expected_close_date,
    products: row.products ?? [],
    competitors: row.competitors ?? [],
    nextStep: row.next_step,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    lostReason: row.lost_reason,
    closedAt: row.closed_at === null ? null : iso(row.closed_at),
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** The next stage forward: the following open stage, or won after the last one. */
export function nextStageOf(stages: readonly FunnelStage[], key: string): FunnelStage | undefined {
  const path = [
    ...stages.filter((stage) => stage.terminal === null),
    ...stages.filter((stage) => stage.terminal === 'won'),
  ];
  const index = path.findIndex((stage) => stage.key === key);
  return index === -1 ? undefined : path[index + 1];
}

export function dealFieldsOf(row: DealRow) {
  return {
    amountCents: row.amount_cents,
    budgetCents: row.budget_cents,
    expectedCloseDate: row.expected_close_date,
    products: row.products ?? [],
    competitors: row.competitors ?? [],
    nextStep: row.next_step,
  };
}
