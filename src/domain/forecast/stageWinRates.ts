// The org's own conversion facts per stage (seed 000: "结合历史转化率数据，进行科学的销售预测").
import { daysBetween } from '../format/dates';
import { percentileNearestRank } from './velocity';

export interface StageVisit {
  stageKey: string;
  /** Day the deal entered the stage (org time zone). */
  enteredAt: string;
}

/** One deal of the look-back window; the caller picks the window and the deals in it. */
export interface DealStageFacts {
  dealId: string;
  outcome: 'won' | 'lost' | 'open';
  /** Day the deal was won or lost; won deals without it add nothing to days to close. */
  closedAt?: string | null;
  /** Every entry into a stage; a deal that went back and forth has several per stage. */
  visits: readonly StageVisit[];
}

export interface StageWinRate {
  stageKey: string;
  /** Distinct deals that entered the stage. */
  entered: number;
  won: number;
  lost: number;
  open: number;
  /** won / (won + lost), a ratio 0..1 (not percent); null when none has closed. */
  winProbability: number | null;
  /** Nearest-rank median of days from the last entry into the stage to the win. */
  medianDaysToClose: number | null;
}

interface Tally {
  won: number;
  lost: number;
  open: number;
  daysToWin: number[];
}

/**
 * Per stage: how the deals that reached it ended. Only deals that entered a stage count
 * for it; skipped stages are not filled in. Stages come out in order of first appearance.
 */
export function historicalStageWinRates(history: readonly DealStageFacts[]): StageWinRate[] {
  const tallies = new Map<string, Tally>();
  for (const deal of history) {
    // The last entry per stage: an open deal's clock also runs from its latest entry.
    const lastEntry = new Map<string, string>();
    for (const visit of deal.visits) {
      // Entries after the close date are data errors; they neither add nor count.
      if (deal.closedAt && daysBetween(visit.enteredAt, deal.closedAt) < 0) continue;
      const previous = lastEntry.get(visit.stageKey);
      if (previous === undefined || daysBetween(previous, visit.enteredAt) > 0) {
        lastEntry.set(visit.stageKey, visit.enteredAt);
      }
    }
    for (const [stageKey, enteredAt] of lastEntry) {
      let tally = tallies.get(stageKey);
      if (!tally) {
        tally = { won: 0, lost: 0, open: 0, daysToWin: [] };
        tallies.set(stageKey, tally);
      }
      tally[deal.outcome] += 1;
      if (deal.outcome === 'won' && deal.closedAt) {
        tally.daysToWin.push(daysBetween(enteredAt, deal.closedAt));
      }
    }
  }
  return [...tallies].map(([stageKey, tally]) => {
    const closed = tally.won + tally.lost;
    return {
      stageKey,
      entered: closed + tally.open,
      won: tally.won,
      lost: tally.lost,
      open: tally.open,
      winProbability: closed === 0 ? null : tally.won / closed,
      medianDaysToClose: percentileNearestRank(
        tally.daysToWin.sort((a, b) => a - b),
        50,
      ),
    };
  });
}
