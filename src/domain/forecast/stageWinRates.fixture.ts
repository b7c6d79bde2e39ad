// Worked example shared by the win-rate and forecast tests.
import type { DealStageFacts } from './stageWinRates';

export const HISTORY: DealStageFacts[] = [
  {
    dealId: 'd1',
    outcome: 'won',
    closedAt: '2026-03-31',
    visits: [
      { stageKey: 'potential', enteredAt: '2026-01-01' },
      { stageKey: 'intent', enteredAt: '2026-02-01' },
      { stageKey: 'order', enteredAt: '2026-03-01' },
    ],
  },
  {
    dealId: 'd2',
    outcome: 'lost',
    closedAt: '2026-02-15',
    visits: [
      { stageKey: 'potential', enteredAt: '2026-01-10' },
      { stageKey: 'intent', enteredAt: '2026-02-01' },
    ],
  },
  { dealId: 'd3', outcome: 'open', visits: [{ stageKey: 'potential', enteredAt: '2026-02-01' }] },
  {
    // Went back from intent to potential, then on to a win.
    dealId: 'd4',
    outcome: 'won',
    closedAt: '2026-04-10',
    visits: [
      { stageKey: 'potential', enteredAt: '2026-01-05' },
      { stageKey: 'intent', enteredAt: '2026-01-20' },
      { stageKey: 'potential', enteredAt: '2026-02-01' },
      { stageKey: 'intent', enteredAt: '2026-03-01' },
      { stageKey: 'order', enteredAt: '2026-04-01' },
    ],
  },
  // Won without a close day: counts as won, adds no duration.
  { dealId: 'd5', outcome: 'won', visits: [{ stageKey: 'potential', enteredAt: '2026-01-01' }] },
  {
    // An entry after the close day is bad data and is ignored.
    dealId: 'd6',
    outcome: 'lost',
    closedAt: '2026-02-01',
    visits: [
      { stageKey: 'potential', enteredAt: '2026-01-15' },
      { stageKey: 'intent', enteredAt: '2026-03-01' },
    ],
  },
];
