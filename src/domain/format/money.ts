// Money is integer cents (分) everywhere; these are the only conversions to and
// from yuan (元) text, done on decimal strings so no float ever rounds a cent.
import type { Locale } from '../vocabulary';
import { assertSafeInteger, divideRounded, groupThousands, trimFraction } from './decimal';

export type YuanParseResult = { ok: true; cents: number } | { ok: false; reason: string };

// Optional sign, digits with an optional point, optional exponent ('1e3', which is
// also how String() writes very large or small numbers).
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/;

/**
 * Parses an amount in yuan into cents. Numbers go through their shortest decimal
 * form (what JSON.parse read), so 19.99 is exactly 1999; a float-arithmetic result
 * such as 0.1 + 0.2 (0.30000000000000004) has more than 2 decimals and is refused —
 * add cents, not yuan. Trailing zeros do not count as decimals ('1.500' is 150).
 * No thousands separators or currency signs: strip them where the text comes from.
 */
export function parseYuanToCents(value: number | string): YuanParseResult {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { ok: false, reason: `${value} is not an amount` };
  }
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL.exec(text);
  const [, sign = '', integerDigits = '', fractionDigits = '', exponent = '0'] = match ?? [];
  if (!match || integerDigits.length + fractionDigits.length === 0) {
    return { ok: false, reason: `'${text}' is not a decimal amount` };
  }
  const digits = integerDigits + fractionDigits;
  const point = integerDigits.length + Number(exponent);
  const shiftedInteger = point <= 0 ? '' : digits.slice(0, point).padEnd(point, '0');
  const shiftedFraction = point >= 0 ? digits.slice(point) : '0'.repeat(-point) + digits;
  const fraction = trimFraction(shiftedFraction);
  if (fraction.length > 2) {
    return { ok: false, reason: `'${text}' has more than 2 decimals` };
  }
  const magnitude = BigInt(shiftedInteger || '0') * 100n + BigInt(fraction.padEnd(2, '0'));
  const cents = sign === '-' ? -magnitude : magnitude;
  if (cents > BigInt(Number.MAX_SAFE_INTEGER) || cents < BigInt(Number.MIN_SAFE_INTEGER)) {
    return { ok: false, reason: `'${text}' is too large` };
  }
  // `+ 0` turns -0 into 0.
  return { ok: true, cents: Number(cents) + 0 };
}

/** Like parseYuanToCents, for values already validated: throws RangeError when invalid. */
export function yuanToCents(value: number | string): number {
  const parsed = parseYuanToCents(value);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  return parsed.cents;
}

/** 123450 → '1234.50', -5 → '-0.05': the API's yuan number and the CSV export cell. */
export function centsToYuanString(cents: number): string {
  assertSafeInteger(cents, 'cents');
  const magnitude = Math.abs(cents);
  const fraction = String(magnitude % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${Math.floor(magnitude / 100)}.${fraction}`;
}

export interface MoneyFormatOptions {
  /** ISO 4217 code of the org currency; amounts are hundredths of its main unit. */
  currency?: string;
  /** Approximate figure for cards and chart axes; show the exact one in a tooltip. */
  compact?: boolean;
}

const exactFormats = new Map<string, Intl.NumberFormat>();

function exactFormat(locale: Locale, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = exactFormats.get(key);
  if (!format) {
    // narrowSymbol: '¥' in English too, not 'CN¥'.
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    exactFormats.set(key, format);
  }
  return format;
}

/**
 * '¥1,234,567.00' (exact), or with `compact` '123.46 万' / '1.23 亿' in zh-CN and
 * '12.3K' / '1.23M' in en, without the currency sign (the card or axis names it).
 */
export function formatMoney(
  cents: number,
  locale: Locale,
  options: MoneyFormatOptions = {},
): string {
  assertSafeInteger(cents, 'cents');
  if (options.compact) return formatCompact(cents, locale);
  // A decimal string keeps Intl off the float path (Intl.NumberFormat v3).
  return exactFormat(locale, options.currency ?? 'CNY').format(
    centsToYuanString(cents) as Intl.StringNumericLiteral,
  );
}

interface CompactUnit {
  cents: bigint;
  suffix: string;
}

// Ascending; the figure moves to the next unit once it reaches it, also after rounding.
const COMPACT_UNITS: Record<Locale, CompactUnit[]> = {
  'zh-CN': [
    { cents: 10n ** 6n, suffix: ' 万' },
    { cents: 10n ** 10n, suffix: ' 亿' },
  ],
  en: [
    { cents: 10n ** 5n, suffix: 'K' },
    { cents: 10n ** 8n, suffix: 'M' },
    { cents: 10n ** 11n, suffix: 'B' },
    { cents: 10n ** 14n, suffix: 'T' },
  ],
};

const YUAN: CompactUnit = { cents: 100n, suffix: '' };

// zh-CN habit: two decimals of 万/亿 (123.46 万); en habit: three significant digits of K/M/B.
// Below the first unit an amount is short already: shown to the fen (¥500.55, not 501).
function decimalsFor(magnitude: bigint, unit: CompactUnit, locale: Locale): bigint {
  if (locale === 'zh-CN' || unit === YUAN) return 2n;
  const integerDigits = BigInt(String(magnitude / unit.cents).length);
  return integerDigits >= 3n ? 0n : 3n - integerDigits;
}

function formatCompact(cents: number, locale: Locale): string {
  const units = COMPACT_UNITS[locale];
  const magnitude = BigInt(Math.abs(cents));
  let index = units.findLastIndex((unit) => magnitude >= unit.cents);
  for (;;) {
    const unit = units[index] ?? YUAN;
    const decimals = decimalsFor(magnitude, unit, locale);
    const scale = 10n ** decimals;
    const scaled = divideRounded(magnitude, unit.cents / scale);
    const next = units[index + 1];
    if (next && scaled >= (next.cents / unit.cents) * scale) {
      index += 1;
      continue;
    }
    const integer = groupThousands(String(scaled / scale));
    const fraction = trimFraction(String(scaled % scale).padStart(Number(decimals), '0'));
    const sign = cents < 0 ? '-' : '';
    return `${sign}${integer}${fraction && decimals > 0n ? `.${fraction}` : ''}${unit.suffix}`;
  }
}

/** A percent value (12.5, not 0.125) with fixed decimals: '12.5%'; null (no data) → '—'. */
export function formatPercent(percent: number | null, digits = 1): string {
  if (percent === null) return '—';
  if (!Number.isFinite(percent)) throw new RangeError(`${percent} is not a percentage`);
  return `${percentFormat(digits).format(percent)}%`;
}

const percentFormats = new Map<number, Intl.NumberFormat>();

function percentFormat(digits: number): Intl.NumberFormat {
  let format = percentFormats.get(digits);
  if (!format) {
    // Intl rounds the shortest decimal of the double half-up (1.005 → '1.01', unlike
    // toFixed); signDisplay 'negative' avoids '-0.0%'.
    format = new Intl.NumberFormat('en', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      roundingMode: 'halfExpand',
      signDisplay: 'negative',
    });
    percentFormats.set(digits, format);
  }
  return format;
}
