// Row errors name the column as the file calls it and quote what was in the cell,
// so a person can find the cell and fix it: "价税合计 'abc': not a number".
import { type CellError, cellText } from './cellValue';

export interface RowProblem<F extends string = string> {
  field: F;
  message: string;
}

const REASONS: Record<CellError, string> = {
  empty: 'is empty',
  not_a_number: 'not a number',
  bad_thousands_separator: 'thousands separator in the wrong place',
  unsupported_currency: 'not in yuan (元)',
  out_of_range: 'out of range',
  not_a_date: 'not a date',
  invalid_date: 'no such day',
};

const MAX_QUOTED = 40;

/** "价税合计 'abc': not a number", or "客户 is empty" for a blank cell. */
export function cellProblem<F extends string>(
  field: F,
  column: string | undefined,
  value: unknown,
  reason: CellError | string,
): RowProblem<F> {
  const label = column || field;
  const text = cellText(value);
  const because = REASONS[reason as CellError] ?? reason;
  if (reason === 'empty' || text === '') return { field, message: `${label} ${because}` };
  const quoted = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
  return { field, message: `${label} '${quoted}': ${because}` };
}

/** Trimmed text of a cell, or null when blank. */
export function optionalText(value: unknown): string | null {
  const text = cellText(value).normalize('NFC');
  return text === '' ? null : text;
}
