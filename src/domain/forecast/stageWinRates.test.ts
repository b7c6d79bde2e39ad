import { describe, expect, it } from 'vitest';
import { historicalStageWinRates } from './stageWinRates';
import { HISTORY } from './stageWinRates.fixture';

describe('historicalStageWinRates', () => {
  it('counts how deals that entered each stage ended, and how long wins took', () => {
    expect(historicalStageWinRates(HISTORY)).toEqual([
      {
        // d1, d4, d5 won; d2, d6 lost; d3 open. Days to win: d1 89 (Jan 1 → Mar 31),
        // d4 68 from its last entry (Feb 1 → Apr 10); lower middle of [68, 89].
        stageKey: 'potential',
        entered: 6,
        won: 3,
        lost: 2,
        open: 1,
        winProbability: 0.6,
        medianDaysToClose: 68,
      },
      {
        // d1 58 days (Feb 1 → Mar 31), d4 40 (Mar 1 → Apr 10).
        stageKey: 'intent',
        entered: 3,
        won: 2,
        lost: 1,
        open: 0,
        winProbability: 2 / 3,
        medianDaysToClose: 40,
      },
      {
        stageKey: 'order',
        entered: 2,
        won: 2,
        lost: 0,
        open: 0,
        winProbability: 1,
        medianDaysToClose: 9,
      },
    ]);
  });

  it('has no probability or duration while nothing has closed', () => {
    const rates = historicalStageWinRates([
      { dealId: 'x', outcome: 'open', visits: [{ stageKey: 'target', enteredAt: '2026-01-01' }] },
    ]);
    expect(rates).toEqual([
      {
        stageKey: 'target',
        entered: 1,
        won: 0,
        lost: 0,
        open: 1,
        winProbability: null,
        medianDaysToClose: null,
      },
    ]);
  });

  it('gives nothing for no history', () => {
    expect(historicalStageWinRates([])).toEqual([]);
  });
});
