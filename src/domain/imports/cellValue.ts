// Spreadsheet readers hand over more than plain values: exceljs gives formula cells
// as { formula, result }, rich text as { richText: [{ text }] }, hyperlinks as
// { text, hyperlink } and errors as { error: '#N/A' }. Every parser unwraps first.

/** Why a cell could not be read; stable codes the import report translates. */
export type CellError =
  | 'empty'
  | 'not_a_number'
  | 'bad_thousands_separator'
  | 'unsupported_currency'
  | 'out_of_range'
  | 'not_a_date'
  | 'invalid_date';

export type CellFailure = { ok: false; reason: CellError };

export function cellFailure(reason: CellError): CellFailure {
  return { ok: false, reason };
}

/** The plain value behind an exceljs cell object; other values come back unchanged. */
export function unwrapCell(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const cell = value as Record<string, unknown>;
  // A formula exceljs could not evaluate has no result: the cell is empty.
  if ('result' in cell || 'formula' in cell || 'sharedFormula' in cell) {
    return unwrapCell(cell.result);
  }
  // An error cell becomes its text ('#N/A'), which no parser accepts.
  if ('error' in cell) return String(cell.error);
  if (Array.isArray(cell.richText)) {
    return cell.richText
      .map((run: unknown) => {
        const text = (run as { text?: unknown } | null)?.text;
        return typeof text === 'string' ? text : '';
      })
      .join('');
  }
  if ('text' in cell) return unwrapCell(cell.text);
  return value;
}

/** A cell as trimmed display text: '' for empty, ISO day for a Date, String() for numbers. */
export function cellText(value: unknown): string {
  const plain = unwrapCell(value);
  if (typeof plain === 'string') return plain.trim();
  if (typeof plain === 'number' || typeof plain === 'bigint' || typeof plain === 'boolean') {
    return String(plain);
  }
  if (plain instanceof Date) {
    return Number.isNaN(plain.getTime()) ? '' : plain.toISOString().slice(0, 10);
  }
  return '';
}
