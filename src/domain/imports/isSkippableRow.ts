// Reports interleave data with blank spacer rows and 合计/小计 lines; importing a
// subtotal would count its amount twice.
import { cellText, unwrapCell } from './cellValue';

export type SkipReason = 'blank' | 'subtotal';

const CHINESE_TOTAL = /合计|小计|总计|共计|合計|小計|總計/;
// 'Total', 'Grand Total', 'Sub-total:', 'Total for March', 'East Region Total' —
// but not a customer called 'Total SA'.
const ENGLISH_TOTAL = /^(?:grand |sub ?)?totals?(?: (?:for|of) .*)?$|(?:^| )(?:sub ?)?totals?$/;

function isTotalLabel(text: string): boolean {
  const normal = text.normalize('NFKC').toLowerCase();
  if (CHINESE_TOTAL.test(normal.replace(/\s+/g, ''))) return true;
  return ENGLISH_TOTAL.test(normal.replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
}

/** Why a data row should not be imported: 'blank', 'subtotal' (合计/小计/总计/Total…), or null. */
export function isSkippableRow(cells: readonly unknown[]): SkipReason | null {
  if (cells.every((cell) => cellText(cell) === '')) return 'blank';
  const hasTotal = cells.some((cell) => {
    const plain = unwrapCell(cell);
    return typeof plain === 'string' && isTotalLabel(plain);
  });
  return hasTotal ? 'subtotal' : null;
}
