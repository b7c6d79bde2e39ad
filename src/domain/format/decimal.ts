// Exact integer arithmetic for money and rates: floats of yuan or percent drift
// (19.99 * 100 === 1998.9999999999998), so every rounding here works on integers.

/**
 * `numerator / denominator` rounded half away from zero (PostgreSQL's `round()` on
 * numeric), so SQL and TypeScript agree on every cent. `denominator` must be positive.
 */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const sign = numerator < 0n ? -1n : 1n;
  const magnitude = numerator * sign;
  const quotient = magnitude / denominator;
  const remainder = magnitude % denominator;
  return sign * (2n * remainder >= denominator ? quotient + 1n : quotient);
}

/** Converts back to a number, refusing values a double cannot hold exactly. */
export function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${value} is outside the safe integer range`);
  }
  return Number(value);
}

export function assertSafeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a safe integer, got ${value}`);
  }
}

/** `numerator / denominator` as a percent with one decimal, rounded half away from zero. */
export function percentOneDecimal(numerator: number, denominator: number): number {
  assertSafeInteger(numerator, 'numerator');
  assertSafeInteger(denominator, 'denominator');
  const tenths = divideRounded(BigInt(numerator) * 1000n, BigInt(denominator));
  // tenths / 10 is the double closest to the decimal, so it prints as that decimal.
  return Number(tenths) / 10;
}

/** Drops trailing zeros of a fraction's digits: '50' → '5', '00' → ''. */
export function trimFraction(digits: string): string {
  return digits.replace(/0+$/, '');
}

/** Groups an unsigned integer string in threes: '1234567' → '1,234,567'. */
export function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
