import { describe, expect, it } from 'vitest';
import { birthdayInYear, birthdayKeysInWindow, upcomingBirthday } from './upcomingBirthdays';

describe('upcomingBirthday', () => {
  it('finds a birthday today and six days ahead, not seven', () => {
    expect(upcomingBirthday('1980-03-05', '2026-03-05', 7)).toEqual({
      date: '2026-03-05',
      daysAway: 0,
      turns: 46,
    });
    expect(upcomingBirthday('1980-03-11', '2026-03-05', 7)?.daysAway).toBe(6);
    expect(upcomingBirthday('1980-03-12', '2026-03-05', 7)).toBeNull();
    expect(upcomingBirthday('1980-03-04', '2026-03-05', 7)).toBeNull();
  });

  it('wraps into the new year', () => {
    expect(upcomingBirthday('1990-01-02', '2026-12-29', 7)).toEqual({
      date: '2027-01-02',
      daysAway: 4,
      turns: 37,
    });
  });

  it('celebrates 29 February on the 28th in common years and on the 29th in leap years', () => {
    expect(upcomingBirthday('1992-02-29', '2026-02-25', 7)?.date).toBe('2026-02-28');
    expect(upcomingBirthday('1992-02-29', '2028-02-25', 7)?.date).toBe('2028-02-29');
    expect(upcomingBirthday('1992-02-29', '2026-03-01', 7)).toBeNull();
    expect(birthdayInYear('1992-02-29', 2100)).toBe('2100-02-28');
  });
});

describe('birthdayKeysInWindow', () => {
  it('covers the window across the year end', () => {
    expect(birthdayKeysInWindow('2026-12-29', 7)).toEqual([
      '12-29',
      '12-30',
      '12-31',
      '01-01',
      '01-02',
      '01-03',
      '01-04',
    ]);
  });

  it('adds 29 February when the 28th of a common year is in the window', () => {
    expect(birthdayKeysInWindow('2026-02-27', 2)).toEqual(['02-27', '02-28', '02-29']);
    expect(birthdayKeysInWindow('2028-02-27', 2)).toEqual(['02-27', '02-28']);
  });
});
