import { countKeyActions, type FunnelStage } from '../../../domain/funnels';
import type { Db } from '../../db/client';
import { loadGateFactsForDeals } from '../funnels/gateFacts';
import type { DealRow } from './deals.presenter';

/** How many of its stage's key actions an open deal has met: the card's "2/3". */
export interface KeyActionSummary {
  met: number;
  total: number;
}

/**
 * Key-action progress of the open deals among `rows`, counted by the same pure rule as the
 * deal's own checklist. Deals whose stage asks for no key action are left out.
 */
export async function keyActionSummaries(
  db: Db,
  orgId: string,
  rows: readonly DealRow[],
  stagesOf: (funnelId: string) => readonly FunnelStage[],
  now: Date,
): Promise<Map<string, KeyActionSummary>> {
  const stageOf = (row: DealRow) =>
    stagesOf(row.funnel_id).find((stage) => stage.key === row.stage_key);
  const counted = rows.filter(
    (row) => row.status === 'open' && (stageOf(row)?.keyActions.length ?? 0) > 0,
  );
  const stages = [...new Set(counted.map((row) => row.funnel_id))].flatMap(stagesOf);
  const facts = await loadGateFactsForDeals(
    db,
    orgId,
    counted.map((row) => ({
      dealId: row.id,
      customerId: row.customer_id,
      stageEnteredAt: new Date(row.stage_entered_at),
      deal: {
        amountCents: row.amount_cents,
        budgetCents: row.budget_cents,
        expectedCloseDate: row.expected_close_date,
        products: row.products,
        competitors: row.competitors,
        nextStep: row.next_step,
      },
    })),
    stages,
    now,
  );
  const summaries = new Map<string, KeyActionSummary>();
  for (const row of counted) {
    const dealFacts = facts.get(row.id);
    const keyActions = stageOf(row)?.keyActions ?? [];
    if (!dealFacts) continue;
    const progress = countKeyActions(keyActions, dealFacts);
    summaries.set(row.id, {
      met: progress.filter((action) => action.met).length,
      total: progress.length,
    });
  }
  return summaries;
}
