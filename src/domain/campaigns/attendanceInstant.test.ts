import { describe, expect, it } from 'vitest';
import { attendanceInstant } from './attendanceInstant';

const SHANGHAI = 'Asia/Shanghai';
const campaign = { startsOn: '2026-03-10', endsOn: '2026-03-12' };

describe('attendanceInstant', () => {
  it('dates a finished campaign at noon of its first day in the org’s zone', () => {
    const result = attendanceInstant(campaign, new Date('2026-03-20T01:00:00Z'), SHANGHAI);
    expect(result).toEqual({ ok: true, at: new Date('2026-03-10T04:00:00Z') });
  });

  it('logs today’s attendance now while the campaign runs, an earlier day’s at its noon', () => {
    // 2026-03-11 09:30 and 18:00 in Shanghai.
    const morning = new Date('2026-03-11T01:30:00Z');
    expect(attendanceInstant(campaign, morning, SHANGHAI)).toEqual({ ok: true, at: morning });
    const evening = new Date('2026-03-11T10:00:00Z');
    expect(attendanceInstant(campaign, evening, SHANGHAI)).toEqual({ ok: true, at: evening });
    expect(attendanceInstant(campaign, evening, SHANGHAI, '2026-03-10')).toEqual({
      ok: true,
      at: new Date('2026-03-10T04:00:00Z'),
    });
  });

  it('honours a chosen day within the campaign', () => {
    const result = attendanceInstant(
      campaign,
      new Date('2026-04-01T00:00:00Z'),
      SHANGHAI,
      '2026-03-12',
    );
    expect(result).toEqual({ ok: true, at: new Date('2026-03-12T04:00:00Z') });
  });

  it('uses the org’s day, not UTC’s, at the day boundary', () => {
    // 2026-03-09T17:00Z is already 2026-03-10 01:00 in Shanghai: the campaign has started.
    const now = new Date('2026-03-09T17:00:00Z');
    expect(attendanceInstant(campaign, now, SHANGHAI)).toEqual({ ok: true, at: now });
    expect(attendanceInstant(campaign, now, 'UTC').ok).toBe(false);
  });

  it('refuses days outside the campaign and days to come', () => {
    const now = new Date('2026-03-20T00:00:00Z');
    expect(attendanceInstant(campaign, now, SHANGHAI, '2026-03-09')).toEqual({
      ok: false,
      reason: 'must be within the campaign’s dates',
    });
    expect(attendanceInstant(campaign, now, SHANGHAI, '2026-03-13').ok).toBe(false);
    const before = new Date('2026-03-01T00:00:00Z');
    expect(attendanceInstant(campaign, before, SHANGHAI)).toEqual({
      ok: false,
      reason: 'cannot be in the future',
    });
  });
});
