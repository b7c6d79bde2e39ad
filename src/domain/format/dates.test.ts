import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatDate,
  isValidDay,
  splitWholeMonths,
  zonedDay,
  zonedDayStart,
} from './dates';

const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/Berlin'];

const day = fc
  .date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('2100-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

describe('formatDate', () => {
  it('writes the day as each locale does', () => {
    expect(formatDate('2026-03-05', 'zh-CN')).toBe('2026年3月5日');
    expect(formatDate('2026-03-05', 'en')).toBe('Mar 5, 2026');
    expect(formatDate('2024-12-31', 'en')).toBe('Dec 31, 2024');
  });

  it('refuses what is not a calendar day', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-3-5', '20260305', '2026-03-05T00:00']) {
      expect(() => formatDate(bad, 'en'), bad).toThrow(RangeError);
      expect(isValidDay(bad)).toBe(false);
    }
    expect(isValidDay('2024-02-29')).toBe(true);
  });
});

describe('addDays and daysBetween', () => {
  it('cross month, leap day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-01', '2026-03-05')).toBe(4);
    expect(daysBetween('2026-03-05', '2026-03-01')).toBe(-4);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('are inverse to each other', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -5000, max: 5000 }), (from, n) => {
        return daysBetween(from, addDays(from, n)) === n;
      }),
    );
  });
});

describe('zonedDay', () => {
  it('reads the calendar day in the zone', () => {
    const instant = new Date('2026-03-04T16:30:00Z');
    expect(zonedDay(instant, 'Asia/Shanghai')).toBe('2026-03-05');
    expect(zonedDay(instant, 'UTC')).toBe('2026-03-04');
    expect(zonedDay(new Date('2026-01-01T04:59:59.999Z'), 'America/New_York')).toBe('2025-12-31');
  });

  it('refuses unknown zones and invalid dates', () => {
    expect(() => zonedDay(new Date(), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => zonedDay(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});

describe('zonedDayStart', () => {
  it('gives local midnight in zones without DST', () => {
    expect(zonedDayStart('2026-03-05', 'Asia/Shanghai').toISOString()).toBe(
      '2026-03-04T16:00:00.000Z',
    );
    expect(zonedDayStart('2026-03-05', 'UTC').toISOString()).toBe('2026-03-05T00:00:00.000Z');
  });

  it('uses the offset in force at midnight on DST change days', () => {
    // New York springs forward at 02:00 on 2026-03-08 and falls back on 2026-11-01.
    expect(zonedDayStart('2026-03-08', 'America/New_York').toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(zonedDayStart('2026-03-09', 'America/New_York').toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
    expect(zonedDayStart('2026-11-01', 'America/New_York').toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
    expect(zonedDayStart('2026-11-02', 'America/New_York').toISOString()).toBe(
      '2026-11-02T05:00:00.000Z',
    );
    expect(zonedDayStart('2026-03-29', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(zonedDayStart('2026-03-30', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
  });

  it('starts at the jump where DST skips midnight', () => {
    // São Paulo went from 00:00 to 01:00 on 2018-11-04 (UTC−3 → UTC−2).
    expect(zonedDayStart('2018-11-04', 'America/Sao_Paulo').toISOString()).toBe(
      '2018-11-04T03:00:00.000Z',
    );
    // Havana did the same on 2013-03-10 (UTC−5 → UTC−4).
    expect(zonedDayStart('2013-03-10', 'America/Havana').toISOString()).toBe(
      '2013-03-10T05:00:00.000Z',
    );
  });

  it('is the first instant of the day in common zones', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...ZONES), (d, timeZone) => {
        const start = zonedDayStart(d, timeZone);
        return (
          zonedDay(start, timeZone) === d &&
          zonedDay(new Date(start.getTime() - 1), timeZone) === addDays(d, -1)
        );
      }),
    );
  });
});

describe('splitWholeMonths', () => {
  it('keeps whole months apart from the loose days at either edge', () => {
    expect(splitWholeMonths('2025-12-08', '2026-12-07')).toEqual({
      months: { from: '2026-01-01', until: '2026-12-01' },
      days: [
        { from: '2025-12-08', until: '2026-01-01' },
        { from: '2026-12-01', until: '2026-12-08' },
      ],
    });
    expect(splitWholeMonths('2024-02-01', '2024-02-29')).toEqual({
      months: { from: '2024-02-01', until: '2024-03-01' },
      days: [],
    });
    expect(splitWholeMonths('2026-01-05', '2026-01-31')).toEqual({
      months: null,
      days: [{ from: '2026-01-05', until: '2026-02-01' }],
    });
    expect(splitWholeMonths(null, '2026-03-20')).toEqual({
      months: { from: null, until: '2026-03-01' },
      days: [{ from: '2026-03-01', until: '2026-03-21' }],
    });
    expect(splitWholeMonths('2026-12-10', null)).toEqual({
      months: { from: '2027-01-01', until: null },
      days: [{ from: '2026-12-10', until: '2027-01-01' }],
    });
    expect(splitWholeMonths(null, null)).toEqual({ months: { from: null, until: null }, days: [] });
  });

  it('covers every day of the period exactly once, with months whole', () => {
    const someDay = fc.integer({ min: 0, max: 800 }).map((offset) => addDays('2025-01-01', offset));
    fc.assert(
      fc.property(someDay, fc.integer({ min: 0, max: 120 }), (from, length) => {
        const to = addDays(from, length);
        const { months, days } = splitWholeMonths(from, to);
        const covered: string[] = [];
        const walk = (lo: string, until: string, into = covered) => {
          for (let d = lo; d < until; d = addDays(d, 1)) into.push(d);
        };
        for (const run of days) walk(run.from as string, run.until as string);
        if (months) {
          expect(months.from?.endsWith('-01')).toBe(true);
          expect(months.until?.endsWith('-01')).toBe(true);
          walk(months.from as string, months.until as string);
        }
        const expected: string[] = [];
        walk(from, addDays(to, 1), expected);
        expect(covered.sort()).toEqual(expected);
      }),
    );
  });
});
