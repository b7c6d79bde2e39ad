import { describe, expect, it } from 'vitest';
import { forecastError } from './forecastError';

describe('forecastError', () => {
  it('is forecast minus actual, positive when the forecast was too high', () => {
    expect(forecastError(1_180_067, 1_000_000)).toEqual({ errorCents: 180_067, errorPercent: 18 });
    expect(forecastError(800_000, 1_000_000)).toEqual({ errorCents: -200_000, errorPercent: -20 });
    expect(forecastError(1, 3)).toEqual({ errorCents: -2, errorPercent: -66.7 });
    expect(forecastError(500, 500)).toEqual({ errorCents: 0, errorPercent: 0 });
  });

  it('keeps the sign meaning when net returns make the actual negative', () => {
    expect(forecastError(0, -1_000)).toEqual({ errorCents: 1_000, errorPercent: 100 });
  });

  it('has no percentage when nothing closed', () => {
    expect(forecastError(250_000, 0)).toEqual({ errorCents: 250_000, errorPercent: null });
    expect(forecastError(0, 0)).toEqual({ errorCents: 0, errorPercent: null });
  });

  it('refuses fractions of a cent', () => {
    expect(() => forecastError(1.5, 1)).toThrow(RangeError);
  });
});
