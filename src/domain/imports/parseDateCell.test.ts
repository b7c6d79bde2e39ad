import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DateCellOptions, parseDateCell } from './parseDateCell';

function day(value: unknown, opts?: DateCellOptions): string {
  const result = parseDateCell(value, opts);
  return result.ok ? result.date : `!${result.reason}`;
}

describe('parseDateCell: Excel serials', () => {
  it.each([
    [46086, '2026-03-05'],
    [46086.75, '2026-03-05'],
    [46086.999, '2026-03-05'],
    [45658, '2025-01-01'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [2958465, '9999-12-31'],
  ])('%s → %s', (serial, expected) => {
    expect(day(serial)).toBe(expected);
  });

  it("refuses 60, Excel's fictitious 1900-02-29", () => {
    expect(day(60)).toBe('!invalid_date');
    expect(day(60.5)).toBe('!invalid_date');
  });

  it.each([[0], [-1], [0.5], [2958466], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    '%s is no serial',
    (serial) => {
      expect(day(serial)).toMatch(/^!(out_of_range|not_a_date)$/);
    },
  );

  it('reads the 1904 date system', () => {
    expect(day(0, { date1904: true })).toBe('1904-01-01');
    expect(day(44624, { date1904: true })).toBe('2026-03-05');
    expect(day(59, { date1904: true })).toBe('1904-02-29');
    expect(day(-1, { date1904: true })).toBe('!out_of_range');
  });

  it('agrees with Date arithmetic for every serial from 1900-03-01 on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const expected = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
        expect(day(serial)).toBe(expected.toISOString().slice(0, 10));
        // The 1904 system counts the same days 1462 lower.
        if (serial >= 1462) expect(day(serial - 1462, { date1904: true })).toBe(day(serial));
      }),
    );
  });

  it('reads yyyymmdd stored as a number', () => {
    expect(day(20260305)).toBe('2026-03-05');
    expect(day(20260230)).toBe('!invalid_date');
  });
});

describe('parseDateCell: Date objects', () => {
  it('reads the UTC day, as exceljs stores the wall-clock time at UTC', () => {
    expect(day(new Date(Date.UTC(2026, 2, 5)))).toBe('2026-03-05');
    expect(day(new Date(Date.UTC(2026, 2, 5, 23, 59, 59)))).toBe('2026-03-05');
    expect(day(new Date('2026-03-05T00:00:00.000Z'))).toBe('2026-03-05');
  });

  it('refuses an invalid Date', () => {
    expect(day(new Date(Number.NaN))).toBe('!invalid_date');
  });

  it('unwraps an exceljs formula cell holding a Date', () => {
    expect(day({ formula: 'TODAY()', result: new Date(Date.UTC(2026, 2, 5)) })).toBe('2026-03-05');
  });
});

describe('parseDateCell: text', () => {
  it.each([
    ['2026/3/5', '2026-03-05'],
    ['2026/03/05', '2026-03-05'],
    ['2026-03-05', '2026-03-05'],
    ['2026-3-5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026年03月05日', '2026-03-05'],
    ['2026年3月5号', '2026-03-05'],
    ['2026年3月5', '2026-03-05'],
    ['２０２６年３月５日', '2026-03-05'],
    ['２０２６－０３－０５', '2026-03-05'],
    ['20260305', '2026-03-05'],
    [' 2026-03-05 ', '2026-03-05'],
    ['2026-03-05 14:30', '2026-03-05'],
    ['2026-03-05 14:30:59', '2026-03-05'],
    ['2026-03-05T14:30:00.000Z', '2026-03-05'],
    ['2026-03-05T14:30:00+08:00', '2026-03-05'],
    ['2026/3/5 下午', '!not_a_date'],
    ['2026年3月5日 9:05', '2026-03-05'],
    ['46086', '2026-03-05'],
    ['5-Mar-2026', '2026-03-05'],
    ['05-mar-2026', '2026-03-05'],
    ['5 March 2026', '2026-03-05'],
    ['Mar 5, 2026', '2026-03-05'],
    ['March 5th, 2026', '2026-03-05'],
    ['Sept 5, 2026', '2026-09-05'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('%j → %s', (text, expected) => {
    expect(day(text)).toBe(expected);
  });

  it.each([
    ['2026-02-30', '!invalid_date'],
    ['2026-02-29', '!invalid_date'],
    ['1900-02-29', '!invalid_date'],
    ['2026-13-01', '!invalid_date'],
    ['2026-00-10', '!invalid_date'],
    ['2026-04-31', '!invalid_date'],
    ['2026年2月30日', '!invalid_date'],
    ['20261301', '!invalid_date'],
    ['31/31/2026', '!invalid_date'],
    ['1899-12-31', '!out_of_range'],
    ['', '!empty'],
    ['  ', '!empty'],
    ['-', '!empty'],
    [null, '!empty'],
    [undefined, '!empty'],
    ['2026', '!not_a_date'],
    ['2026-03', '!not_a_date'],
    ['2026年3月', '!not_a_date'],
    ['2026/03-05', '!not_a_date'],
    ['tomorrow', '!not_a_date'],
    ['5 Foo 2026', '!not_a_date'],
    ['Marz 5, 2026', '!not_a_date'],
    ['#N/A', '!not_a_date'],
    [true, '!not_a_date'],
  ])('%j → %s', (value, expected) => {
    expect(day(value)).toBe(expected);
  });
});

describe('parseDateCell: year-last dates', () => {
  it('reads the only possible order when one part is over 12', () => {
    expect(day('13/3/2026')).toBe('2026-03-13');
    expect(day('3/13/2026')).toBe('2026-03-13');
    expect(day('13.3.2026', { dayFirst: false })).toBe('2026-03-13');
    expect(day('3/13/2026', { dayFirst: true })).toBe('2026-03-13');
  });

  it("reads ambiguous '/' and '-' dates month first, as Excel en-US exports them", () => {
    expect(day('3/5/2026')).toBe('2026-03-05');
    expect(day('03-05-2026')).toBe('2026-03-05');
    expect(day('3/5/2026 2:30 PM')).toBe('2026-03-05');
  });

  it("reads ambiguous '.' dates day first, as European exports write them", () => {
    expect(day('05.03.2026')).toBe('2026-03-05');
  });

  it('follows dayFirst when the caller knows the file', () => {
    expect(day('3/5/2026', { dayFirst: true })).toBe('2026-05-03');
    expect(day('05.03.2026', { dayFirst: false })).toBe('2026-05-03');
  });

  it('expands two-digit years as Excel does', () => {
    expect(day('3/5/26')).toBe('2026-03-05');
    expect(day('3/5/29')).toBe('2029-03-05');
    expect(day('3/5/30')).toBe('1930-03-05');
  });
});
