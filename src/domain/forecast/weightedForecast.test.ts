import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../format/dates';
import { weightedForecastCents } from './weightedForecast';
import { weightedPipelineCents } from './weightedPipeline';

const MARCH = { from: '2026-03-01', to: '2026-03-31' };

describe('weightedForecastCents', () => {
  it('weights the open deals closing in the period, slipped deals closing today', () => {
    const deals = [
      { amountCents: 1_000_000, probability: 40, expectedCloseDate: '2026-03-31' }, // 400,000
      { amountCents: 333, probability: 50, expectedCloseDate: '2026-03-01' }, // 166.5 → 167
      { amountCents: 500_000, probability: 70, expectedCloseDate: '2026-02-10' }, // slipped: 350,000
      { amountCents: 900_000, probability: 90, expectedCloseDate: '2026-04-01' }, // next month
      { amountCents: 900_000, probability: 90, expectedCloseDate: null }, // no date
    ];
    expect(weightedForecastCents(deals, MARCH, '2026-03-10')).toBe(750_167);
    // Seen from February, the slipped deal is still due in February.
    expect(weightedForecastCents(deals, MARCH, '2026-02-01')).toBe(400_167);
  });

  it('never exceeds the weighted pipeline of all dated deals, and splits across periods', () => {
    const deal = fc.record({
      amountCents: fc.integer({ min: -1_000_000, max: 1_000_000_000 }),
      probability: fc.integer({ min: 0, max: 100 }),
      expectedCloseDate: fc.integer({ min: 0, max: 120 }).map((d) => addDays('2026-02-01', d)),
    });
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 30 }), (deals) => {
        const today = '2026-02-01';
        const parts = [
          { from: '2026-02-01', to: '2026-02-28' },
          { from: '2026-03-01', to: '2026-03-31' },
          { from: '2026-04-01', to: '2026-06-30' },
        ].map((period) => weightedForecastCents(deals, period, today));
        expect(parts.reduce((a, b) => a + b, 0)).toBe(weightedPipelineCents(deals));
      }),
    );
  });
});
