import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTimestamp } from './timestamps';

/** PostgreSQL's text of a UTC timestamp with the given fraction digits (0: none). */
function postgresText(date: Date, micros: number, digits: number): string {
  const [day, time] = date.toISOString().slice(0, 19).split('T');
  const fraction = String(date.getUTCMilliseconds() * 1000 + micros)
    .padStart(6, '0')
    .slice(0, digits);
  return `${day} ${time}${digits > 0 ? `.${fraction}` : ''}+00`;
}

describe('isoTimestamp', () => {
  it('writes what new Date(text).toISOString() writes, fractions truncated', () => {
    expect(isoTimestamp('2026-12-07 10:00:00.123956+00')).toBe('2026-12-07T10:00:00.123Z');
    expect(isoTimestamp('2026-12-07 23:59:59.999999+00')).toBe('2026-12-07T23:59:59.999Z');
    expect(isoTimestamp('2026-12-07 10:00:00.5+00')).toBe('2026-12-07T10:00:00.500Z');
    expect(isoTimestamp('2026-12-07 10:00:00+00')).toBe('2026-12-07T10:00:00.000Z');
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 6 }),
        (date, micros, digits) => {
          const text = postgresText(date, micros, digits);
          expect(isoTimestamp(text)).toBe(new Date(text).toISOString());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('leaves other time zones, far years and Dates to Date', () => {
    expect(isoTimestamp('2026-12-07 10:00:00+08')).toBe('2026-12-07T02:00:00.000Z');
    expect(isoTimestamp('2026-12-07 10:00:00+05:30')).toBe('2026-12-07T04:30:00.000Z');
    expect(isoTimestamp('0099-01-01 00:00:00+00')).toBe(
      new Date('0099-01-01 00:00:00+00').toISOString(),
    );
    expect(isoTimestamp(new Date('2026-12-07T10:00:00.123Z'))).toBe('2026-12-07T10:00:00.123Z');
    expect(() => isoTimestamp('infinity')).toThrow(RangeError);
  });
});
