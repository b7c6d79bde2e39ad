import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimDayWindow, cooldownEndsAt, cooldownStart, gridSpillCutoff } from './claimRules';

describe('cool-down', () => {
  it('blocks a reclaim until the period has passed since the loss', () => {
    const lostAt = new Date('2026-03-01T08:00:00Z');
    expect(cooldownEndsAt(lostAt, 30).toISOString()).toBe('2026-03-31T08:00:00.000Z');
    expect(cooldownStart(new Date('2026-03-31T07:59:59Z'), 30) <= lostAt).toBe(true);
    expect(cooldownStart(new Date('2026-03-31T08:00:01Z'), 30) <= lostAt).toBe(false);
  });

  it('agrees: a loss blocks at `now` exactly when `now` is before its end', () => {
    fc.assert(
      fc.property(fc.nat(10 ** 12), fc.nat(10 ** 10), fc.nat(365), (lost, later, days) => {
        const lostAt = new Date(lost);
        const now = new Date(lost + later);
        expect(lostAt >= cooldownStart(now, days)).toBe(now <= cooldownEndsAt(lostAt, days));
      }),
    );
  });
});

describe('claimDayWindow', () => {
  it("is the org's calendar day", () => {
    const window = claimDayWindow(new Date('2026-03-05T17:30:00Z'), 'Asia/Shanghai');
    expect(window.start.toISOString()).toBe('2026-03-05T16:00:00.000Z');
    expect(window.end.toISOString()).toBe('2026-03-06T16:00:00.000Z');
  });
});

describe('gridSpillCutoff', () => {
  it('is the given number of days before now', () => {
    expect(gridSpillCutoff(new Date('2026-03-08T00:00:00Z'), 7).toISOString()).toBe(
      '2026-03-01T00:00:00.000Z',
    );
  });
});
