// Accuracy of a past forecast against what actually closed in its period.
import { assertSafeInteger, percentOneDecimal } from '../format/decimal';

export interface ForecastError {
  /** forecast − actual: positive when the forecast was too high. */
  errorCents: number;
  /** errorCents / |actual| in percent with one decimal; null when nothing closed. */
  errorPercent: number | null;
}

export function forecastError(forecastCents: number, actualCents: number): ForecastError {
  assertSafeInteger(forecastCents, 'forecastCents');
  assertSafeInteger(actualCents, 'actualCents');
  const errorCents = forecastCents - actualCents;
  assertSafeInteger(errorCents, 'errorCents');
  return {
    errorCents,
    errorPercent: actualCents === 0 ? null : percentOneDecimal(errorCents, Math.abs(actualCents)),
  };
}
