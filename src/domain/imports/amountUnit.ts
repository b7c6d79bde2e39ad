// Reports often state the unit once in the header, '金额(万元)' or '销售额/万', and
// then list 12.5 meaning 125,000 元. The cells of such a column are scaled before
// parseAmountToCents reads them, as text, so no float rounding creeps in.
import { unwrapCell } from './cellValue';

/** The multiplier word parseAmountToCents understands for a unit: 万 (10^4) or 亿 (10^8). */
export type AmountUnit = '万' | '亿' | null;

const BRACKETED = (unit: string) => new RegExp(`[(\\[【/:]\\s*${unit}\\s*[)\\]】]?$`);

/** The unit a column header gives its amounts: '金额(万元)' → 万, '价税合计' → null. */
export function headerAmountUnit(header: string): AmountUnit {
  const text = header.normalize('NFKC').replace(/\s+/g, '');
  if (text.includes('亿元') || BRACKETED('亿').test(text)) return '亿';
  if (text.includes('万元') || BRACKETED('万').test(text)) return '万';
  return null;
}

/**
 * A cell of a column whose header gives a unit, with the unit spelled into it so
 * parseAmountToCents scales it exactly: 12.5 → '12.5万', '(1,200)' → '(1,200万)'.
 * A cell that names its own unit ('3万元', '500元') keeps it; blank cells stay blank.
 */
export function withAmountUnit(value: unknown, unit: AmountUnit): unknown {
  const plain = unwrapCell(value);
  if (unit === null) return plain;
  if (typeof plain === 'number') return Number.isFinite(plain) ? `${String(plain)}${unit}` : plain;
  if (typeof plain !== 'string') return plain;
  const text = plain.normalize('NFKC').trim();
  if (text === '' || /^-+$/.test(text) || /[万亿元]/.test(text)) return plain;
  return text.replace(/(\)?)$/, `${unit}$1`);
}
