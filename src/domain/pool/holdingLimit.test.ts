import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canHoldMore,
  DEFAULT_HOLDING_LIMIT,
  holdingLimitGuidance,
  isValidHoldingLimit,
  resolveHoldingLimit,
} from './holdingLimit';

describe('resolveHoldingLimit', () => {
  it('uses the org default of 50 without overrides', () => {
    expect(DEFAULT_HOLDING_LIMIT).toBe(50);
    expect(resolveHoldingLimit({ orgDefault: 50 })).toEqual({ limit: 50, source: 'org' });
  });

  it('prefers the team override to the org default, and the rep override to both', () => {
    expect(resolveHoldingLimit({ orgDefault: 50, teamLimit: 30 })).toEqual({
      limit: 30,
      source: 'team',
    });
    expect(resolveHoldingLimit({ orgDefault: 50, teamLimit: 30, repLimit: 70 })).toEqual({
      limit: 70,
      source: 'rep',
    });
  });

  it('treats an override of 0 as a real limit (the rep may hold nothing)', () => {
    expect(resolveHoldingLimit({ orgDefault: 50, repLimit: 0 })).toEqual({
      limit: 0,
      source: 'rep',
    });
  });

  it('always answers the most specific configured value', () => {
    const limit = fc.option(fc.integer({ min: 0, max: 500 }), { nil: null });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), limit, limit, (orgDefault, team, rep) => {
        const resolved = resolveHoldingLimit({ orgDefault, teamLimit: team, repLimit: rep });
        expect(resolved.limit).toBe(rep ?? team ?? orgDefault);
        expect(resolved.source).toBe(rep !== null ? 'rep' : team !== null ? 'team' : 'org');
      }),
    );
  });
});

describe('canHoldMore', () => {
  it('allows claims up to the limit and not one more', () => {
    expect(canHoldMore(49, 50)).toBe(true);
    expect(canHoldMore(50, 50)).toBe(false);
    expect(canHoldMore(45, 50, 5)).toBe(true);
    expect(canHoldMore(45, 50, 6)).toBe(false);
  });

  it('never lets a sequence of accepted claims end above the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.nat(200), (limit, attempts) => {
        let held = 0;
        for (let i = 0; i < attempts; i++) if (canHoldMore(held, limit)) held += 1;
        expect(held).toBe(Math.min(limit, attempts));
      }),
    );
  });
});

describe('guidance and validity', () => {
  it("compares with the seed's 30–70", () => {
    expect(holdingLimitGuidance(29)).toBe('below');
    expect(holdingLimitGuidance(30)).toBe('within');
    expect(holdingLimitGuidance(70)).toBe('within');
    expect(holdingLimitGuidance(71)).toBe('above');
  });

  it('accepts whole numbers from 0 to 10,000', () => {
    expect([0, 50, 10_000].every(isValidHoldingLimit)).toBe(true);
    expect([-1, 1.5, 10_001, Number.NaN].some(isValidHoldingLimit)).toBe(false);
  });
});
