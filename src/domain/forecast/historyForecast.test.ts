import { describe, expect, it } from 'vitest';
import { historyForecast, type OpenDeal } from './historyForecast';
import { historicalStageWinRates } from './stageWinRates';
import { HISTORY } from './stageWinRates.fixture';

// potential: 3/5 won, median 68 days; intent: 2/3, 40 days; order: 1/1, 9 days.
const RATES = historicalStageWinRates(HISTORY);
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const TODAY = '2026-03-10';

const DEALS: OpenDeal[] = [
  {
    id: 'a',
    amountCents: 1_000_000,
    stageKey: 'potential',
    stageEnteredAt: '2026-02-01',
    expectedCloseDate: '2026-03-20',
  },
  // 2026-02-20 + 40 days = 2026-04-01: next month.
  { id: 'b', amountCents: 333_333, stageKey: 'intent', stageEnteredAt: '2026-02-20' },
  // 2026-02-01 + 40 days = 2026-03-13; 100 × 2/3 = 66.67 → 67.
  { id: 'c', amountCents: 100, stageKey: 'intent', stageEnteredAt: '2026-02-01' },
  // Overdue: still open, so it can close from today on.
  {
    id: 'd',
    amountCents: 500_000,
    stageKey: 'order',
    stageEnteredAt: '2026-01-15',
    expectedCloseDate: '2026-02-15',
  },
  // No history for the stage: its configured 40 % is used.
  {
    id: 'e',
    amountCents: 200_000,
    stageKey: 'negotiation',
    stageEnteredAt: '2026-03-01',
    expectedCloseDate: '2026-03-25',
    stageProbability: 40,
  },
  {
    id: 'f',
    amountCents: 200_000,
    stageKey: 'negotiation',
    stageEnteredAt: '2026-03-01',
    expectedCloseDate: '2026-03-25',
  },
  {
    id: 'g',
    amountCents: 300_000,
    stageKey: 'negotiation',
    stageEnteredAt: '2026-03-01',
    stageProbability: 40,
  },
];

describe('historyForecast', () => {
  it('adds amount × historical win rate of the deals closing in the period', () => {
    const forecast = historyForecast(DEALS, RATES, MARCH, TODAY);
    // 600,000 (a) + 67 (c) + 500,000 (d) + 80,000 (e).
    expect(forecast.expectedCents).toBe(1_180_067);
    expect(forecast.deals.map((d) => [d.id, d.closeDate, d.inPeriod, d.expectedCents])).toEqual([
      ['a', '2026-03-20', true, 600_000],
      ['b', '2026-04-01', false, 0],
      ['c', '2026-03-13', true, 67],
      ['d', '2026-03-10', true, 500_000],
      ['e', '2026-03-25', true, 80_000],
      ['f', '2026-03-25', true, 0],
      ['g', null, false, 0],
    ]);
  });

  it('says where each date and probability came from', () => {
    const byId = new Map(historyForecast(DEALS, RATES, MARCH, TODAY).deals.map((d) => [d.id, d]));
    expect(byId.get('a')).toMatchObject({
      closeDateSource: 'expected',
      probability: 0.6,
      probabilitySource: 'history',
    });
    expect(byId.get('c')).toMatchObject({
      closeDateSource: 'history',
      probabilitySource: 'history',
    });
    expect(byId.get('e')).toMatchObject({ probability: 0.4, probabilitySource: 'stage' });
    expect(byId.get('f')).toMatchObject({ probability: null, probabilitySource: null });
    expect(byId.get('g')).toMatchObject({ closeDate: null, closeDateSource: null });
  });

  it('never places an open deal in a period that has passed', () => {
    const february = historyForecast(DEALS, RATES, { from: '2026-02-01', to: '2026-02-28' }, TODAY);
    expect(february.expectedCents).toBe(0);
    expect(february.deals.every((d) => !d.inPeriod)).toBe(true);
  });

  it('counts the period days inclusively', () => {
    const lastDay = historyForecast(DEALS, RATES, { from: '2026-03-25', to: '2026-03-25' }, TODAY);
    expect(lastDay.expectedCents).toBe(80_000);
    expect(historyForecast([], RATES, MARCH, TODAY)).toEqual({ expectedCents: 0, deals: [] });
  });
});
