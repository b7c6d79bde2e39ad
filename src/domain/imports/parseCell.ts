// Amount and quantity cells from hand-made sales reports: numbers, numbers stored
// as text, thousands separators, full-width characters, currency marks, 万 and
// accounting negatives. Values are read as decimal digits, never through floats.
import { divideRounded } from '../format/decimal';
import { type CellFailure, cellFailure, unwrapCell } from './cellValue';

export type { CellError, CellFailure } from './cellValue';
export { type DateCellOptions, type DateResult, parseDateCell } from './parseDateCell';

export type AmountResult = { ok: true; cents: number } | CellFailure;
export type QuantityResult = { ok: true; quantity: string } | CellFailure;

/** An exact decimal: digits × 10^exponent. */
interface Decimal {
  negative: boolean;
  digits: string;
  exponent: number;
}

type ReadResult = { ok: true; value: Decimal } | CellFailure;

interface Affixes {
  prefixes: readonly string[];
  suffixes: readonly string[];
  rejectForeignCurrency: boolean;
}

// Lower case, longest first, since the text is lower-cased before matching.
const AMOUNT_AFFIXES: Affixes = {
  prefixes: ['人民币', 'rmb', 'cny', '¥'],
  suffixes: ['人民币', 'rmb', 'cny', '元'],
  rejectForeignCurrency: true,
};

const QUANTITY_AFFIXES: Affixes = {
  prefixes: [],
  // Units people type next to the number; the unit itself is not kept.
  suffixes: [
    ...['units', 'unit', 'sets', 'set', 'pcs', 'pc', 'ea', 'kg', '千克', '公斤'],
    ...'个件台套箱只支张本瓶包盒袋条根块片卷桶罐双副把辆米吨克升'.split(''),
  ],
  rejectForeignCurrency: false,
};

// 万 and 亿 scale the number; '1.5万元' is 15,000 yuan.
const MULTIPLIERS: Readonly<Record<string, number>> = { 万: 4, 亿: 8 };

// Amounts are stored without a currency, so anything that is not yuan is refused.
const FOREIGN_CURRENCY = /[$€£₩₹]|usd|eur|gbp|hkd|jpy|twd/;

const UNSIGNED = /^(\d*)(?:\.(\d*))?(?:e([+-]?\d{1,3}))?$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;

// Beyond this many integer digits nothing fits a cent or quantity column anyway;
// checking first keeps '1e999' from building a huge BigInt.
const MAX_INTEGER_DIGITS = 22;

/**
 * Cents from an amount cell in yuan, rounded half away from zero at 2 decimals.
 * Accepts '10,000.00', '1万元', '￥12，345．６', '(1,200)', '-¥5', 'RMB 3.5', 'CNY1200'.
 * A lone dash (Excel's accounting zero) and blank cells are 'empty'.
 */
export function parseAmountToCents(value: unknown): AmountResult {
  const read = readCell(value, AMOUNT_AFFIXES);
  if (!read.ok) return read;
  const cents = toScaled(read.value, 2);
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (cents > max || cents < -max) return cellFailure('out_of_range');
  return { ok: true, cents: Number(cents) };
}

/**
 * A quantity as a canonical decimal string with at most 3 decimals, rounded half
 * away from zero: '1,200件' → '1200', '2.50' → '2.5', -3 (a return) → '-3'.
 */
export function parseQuantity(value: unknown): QuantityResult {
  const read = readCell(value, QUANTITY_AFFIXES);
  if (!read.ok) return read;
  const thousandths = toScaled(read.value, 3);
  const limit = 10n ** 18n; // 15 integer digits, what a numeric(18,3) column holds
  if (thousandths >= limit || thousandths <= -limit) return cellFailure('out_of_range');
  return { ok: true, quantity: formatScaled(thousandths, 3) };
}

function readCell(value: unknown, affixes: Affixes): ReadResult {
  const plain = unwrapCell(value);
  if (plain === null || plain === undefined) return cellFailure('empty');
  if (typeof plain === 'number') {
    if (!Number.isFinite(plain)) return cellFailure('not_a_number');
    // String() gives the shortest decimal that reads back as the double: what was typed.
    const text = String(plain);
    return text.startsWith('-') ? readUnsigned(text.slice(1), true) : readUnsigned(text, false);
  }
  if (typeof plain === 'bigint') {
    return readUnsigned(String(plain < 0n ? -plain : plain), plain < 0n);
  }
  if (typeof plain === 'string') return readText(plain, affixes);
  return cellFailure('not_a_number');
}

function readText(text: string, affixes: Affixes): ReadResult {
  // NFKC turns full-width digits, '．', '，', '（）' and '￥' into their ASCII forms.
  let s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '');
  const withoutMarks = s.replace(/[()¥]|rmb|cny|人民币|元/g, '');
  if (withoutMarks === '' || /^-+$/.test(withoutMarks)) return cellFailure('empty');
  if (affixes.rejectForeignCurrency && FOREIGN_CURRENCY.test(s)) {
    return cellFailure('unsupported_currency');
  }

  let negative = false;
  let signs = 0;
  let prefixed = false;
  // Sign, parentheses and currency come in any order: '-¥5', '¥-5', '(¥5)', '¥(5)'.
  for (let step = 0; step < 3; step++) {
    if (s.startsWith('(') && s.endsWith(')')) {
      s = s.slice(1, -1);
      negative = true;
      signs++;
    } else if (s.startsWith('-') || s.startsWith('+')) {
      negative = negative || s.startsWith('-');
      s = s.slice(1);
      signs++;
    } else if (!prefixed) {
      const prefix = affixes.prefixes.find((p) => s.startsWith(p));
      if (prefix === undefined) break;
      s = s.slice(prefix.length);
      prefixed = true;
    }
  }
  if (signs > 1) return cellFailure('not_a_number');

  const suffix = affixes.suffixes.find((p) => s.endsWith(p));
  if (suffix !== undefined) s = s.slice(0, -suffix.length);
  const shift = MULTIPLIERS[s.slice(-1)] ?? 0;
  if (shift > 0) s = s.slice(0, -1);

  if (s.includes(',')) {
    // Only 3-digit groups: '1,50' may be a European decimal comma, so it is refused.
    if (!GROUPED.test(s)) return cellFailure('bad_thousands_separator');
    s = s.replaceAll(',', '');
  }
  const read = readUnsigned(s, negative);
  if (read.ok) read.value.exponent += shift;
  return read;
}

function readUnsigned(text: string, negative: boolean): ReadResult {
  const match = UNSIGNED.exec(text);
  if (!match) return cellFailure('not_a_number');
  const [, integer = '', fraction = '', exponent = '0'] = match;
  if (integer === '' && fraction === '') return cellFailure('not_a_number');
  const digits = (integer + fraction).replace(/^0+(?=\d)/, '');
  const value = { negative, digits, exponent: Number(exponent) - fraction.length };
  if (digits !== '0' && digits.length + value.exponent > MAX_INTEGER_DIGITS) {
    return cellFailure('out_of_range');
  }
  return { ok: true, value };
}

/** The decimal × 10^places as an integer, rounded half away from zero. */
function toScaled(value: Decimal, places: number): bigint {
  const shift = value.exponent + places;
  const digits = BigInt(value.digits);
  const magnitude =
    shift >= 0 ? digits * 10n ** BigInt(shift) : divideRounded(digits, 10n ** BigInt(-shift));
  return value.negative ? -magnitude : magnitude;
}

/** 2500n at 3 places → '2.5'; no trailing zeros, no '-0'. */
function formatScaled(scaled: bigint, places: number): string {
  const magnitude = (scaled < 0n ? -scaled : scaled).toString().padStart(places + 1, '0');
  const integer = magnitude.slice(0, -places);
  const fraction = magnitude.slice(-places).replace(/0+$/, '');
  return `${scaled < 0n ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`;
}
