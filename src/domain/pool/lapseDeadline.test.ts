import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, zonedDay } from '../format/dates';
import { evaluateLapse, lapseDeadline, triggerCutoffs, triggerStatus } from './lapseDeadline';

const SHANGHAI = 'Asia/Shanghai';

describe('triggerStatus', () => {
  it('keeps the customer through the deadline day and lapses it the day after', () => {
    expect(lapseDeadline('2026-03-01', 30)).toBe('2026-03-31');
    expect(triggerStatus('2026-03-01', 30, 3, '2026-03-27')).toMatchObject({ status: 'ok' });
    expect(triggerStatus('2026-03-01', 30, 3, '2026-03-28')).toEqual({
      status: 'warning',
      deadline: '2026-03-31',
      daysLeft: 3,
    });
    expect(triggerStatus('2026-03-01', 30, 3, '2026-03-31')).toMatchObject({
      status: 'warning',
      daysLeft: 0,
    });
    expect(triggerStatus('2026-03-01', 30, 3, '2026-04-01')).toMatchObject({
      status: 'lapsed',
      daysLeft: -1,
    });
  });

  it('warns on the last day only with warnDays 0', () => {
    expect(triggerStatus('2026-03-01', 10, 0, '2026-03-10').status).toBe('ok');
    expect(triggerStatus('2026-03-01', 10, 0, '2026-03-11').status).toBe('warning');
  });
});

describe('triggerCutoffs', () => {
  it("turns the day rule into instants at midnight in the org's zone", () => {
    const cutoffs = triggerCutoffs(30, 3, '2026-04-01', SHANGHAI);
    // Lapses today when the baseline was before 2026-03-02 00:00 in Shanghai (16:00 UTC the day before).
    expect(cutoffs.lapseBefore.toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(cutoffs.warnBefore.toISOString()).toBe('2026-03-05T16:00:00.000Z');
  });

  const zones = fc.constantFrom(
    'Asia/Shanghai',
    'UTC',
    'America/New_York',
    'Europe/Berlin',
    'Australia/Lord_Howe',
    'Pacific/Kiritimati',
    'America/Sao_Paulo',
  );
  const instants = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) });

  it('agrees with the calendar-day rule for any baseline, day and zone', () => {
    fc.assert(
      fc.property(
        instants,
        fc.integer({ min: -5, max: 400 }),
        fc.integer({ min: 1, max: 365 }),
        fc.integer({ min: 0, max: 30 }),
        zones,
        (baselineMs, offset, days, warn, zone) => {
          const warnDays = Math.min(warn, days - 1);
          const baseline = new Date(baselineMs);
          const baselineDay = zonedDay(baseline, zone);
          const today = addDays(baselineDay, offset);
          const byDay = triggerStatus(baselineDay, days, warnDays, today).status;
          const cutoffs = triggerCutoffs(days, warnDays, today, zone);
          const byInstant =
            baseline < cutoffs.lapseBefore
              ? 'lapsed'
              : baseline < cutoffs.warnBefore
                ? 'warning'
                : 'ok';
          expect(byInstant).toBe(byDay);
        },
      ),
    );
  });

  it('once lapsed, stays lapsed on every later day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 365 }),
        fc.nat(100),
        (offset, days, later) => {
          const today = addDays('2026-01-01', offset);
          if (triggerStatus('2026-01-01', days, 0, today).status !== 'lapsed') return;
          expect(triggerStatus('2026-01-01', days, 0, addDays(today, later)).status).toBe('lapsed');
        },
      ),
    );
  });
});

describe('evaluateLapse', () => {
  const rule = { noActivityDays: 14, noProgressDays: 60, warnDays: 3 };
  const claimedAt = new Date('2026-01-10T02:00:00Z'); // 10:00 in Shanghai

  it('counts from the claim when the owner never logged anything', () => {
    const facts = { claimedAt, lastEffectiveAt: null, lastProgressAt: null };
    expect(evaluateLapse(rule, facts, '2026-01-20', SHANGHAI)).toEqual({
      status: 'ok',
      reasons: [],
      deadline: '2026-01-24',
      daysLeft: 4,
    });
    expect(evaluateLapse(rule, facts, '2026-01-21', SHANGHAI)).toMatchObject({
      status: 'warning',
      reasons: ['no_activity'],
      deadline: '2026-01-24',
    });
    expect(evaluateLapse(rule, facts, '2026-01-25', SHANGHAI)).toMatchObject({
      status: 'lapsed',
      reasons: ['no_activity'],
    });
  });

  it('restarts the clock at the last effective activity, but never before the claim', () => {
    const old = new Date('2025-12-01T00:00:00Z');
    const recent = new Date('2026-01-20T15:59:59Z'); // 23:59:59 on the 20th in Shanghai
    expect(
      evaluateLapse(
        rule,
        { claimedAt, lastEffectiveAt: old, lastProgressAt: null },
        '2026-01-25',
        SHANGHAI,
      ).status,
    ).toBe('lapsed');
    expect(
      evaluateLapse(
        rule,
        { claimedAt, lastEffectiveAt: recent, lastProgressAt: null },
        '2026-02-03',
        SHANGHAI,
      ),
    ).toMatchObject({ status: 'warning', deadline: '2026-02-03', daysLeft: 0 });
  });

  it('names both triggers when both fire', () => {
    const facts = { claimedAt, lastEffectiveAt: null, lastProgressAt: null };
    expect(evaluateLapse(rule, facts, '2026-06-01', SHANGHAI).reasons).toEqual([
      'no_activity',
      'no_progress',
    ]);
  });

  it('never lapses under a rule without triggers', () => {
    const facts = { claimedAt, lastEffectiveAt: null, lastProgressAt: null };
    expect(
      evaluateLapse(
        { noActivityDays: null, noProgressDays: null, warnDays: 0 },
        facts,
        '2030-01-01',
        SHANGHAI,
      ).status,
    ).toBe('ok');
  });
});
