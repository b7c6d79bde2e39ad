// The header of an upload and the rows under it, with the column mapping checked
// against the headers: what upload, preview and the background job all start from.
import {
  type FieldSynonyms,
  findHeaderRow,
  guessMapping,
} from '../../../domain/imports/headerMapping';
import { validationFailed } from '../../http/errors';
import { FIELDS_BY_KIND, type ImportKind, type Mapping, REQUIRED_FIELDS } from './imports.schema';
import { FileRefused } from './readers/fileRefused';
import type { Sheet, SheetRow } from './readers/sheet';

const HEADER_SCAN_ROWS = 20;

export interface Table {
  /** The sheet row number of the (first) header row. */
  headerRow: number;
  headers: string[];
  /** Present rows above the first data row (title and header rows). */
  rowsAbove: number;
  /** Data rows, from the first one under the header; read once. */
  rows: AsyncGenerator<SheetRow>;
  /** Stops reading early (an .xlsx holds a parser open until then). */
  close(): Promise<void>;
}

/** Finds the header among the first rows and hands back the rows under it. */
export async function openTable(sheet: Sheet, kind: ImportKind): Promise<Table> {
  const iterator = sheet.rows()[Symbol.asyncIterator]();
  const head: SheetRow[] = [];
  let exhausted = false;
  while (head.length < HEADER_SCAN_ROWS) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    head.push(next.value);
  }
  const synonyms: FieldSynonyms = FIELDS_BY_KIND[kind];
  const found = findHeaderRow(
    head.map((row) => row.cells),
    synonyms,
    HEADER_SCAN_ROWS,
  );
  const headerRow = head[found.index];
  if (found.index < 0 || !headerRow) {
    await iterator.return?.();
    throw new FileRefused('has no header row in its first rows');
  }
  const buffered = head.slice(found.dataStart);
  async function* rows(): AsyncGenerator<SheetRow> {
    try {
      yield* buffered;
      if (exhausted) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        yield next.value;
      }
      exhausted = true;
    } finally {
      if (!exhausted) await iterator.return?.();
    }
  }
  const generator = rows();
  return {
    headerRow: headerRow.number,
    headers: found.headers,
    rowsAbove: found.dataStart,
    rows: generator,
    async close() {
      await generator.return(undefined);
      if (!exhausted) await iterator.return?.();
    },
  };
}

export interface ResolvedMapping {
  /** Every field of the kind → the header it reads, or null. */
  mapping: Mapping;
  /** Field → column index. */
  columns: Record<string, number>;
}

/**
 * The mapping to import with: the one given (complete as given), or the guess from the
 * headers. Unknown fields, headers not in the file, a header used twice and missing
 * required fields are refused, naming body.mapping.<field>.
 */
export function resolveMapping(
  kind: ImportKind,
  headers: readonly string[],
  given: Mapping | undefined,
  options: { requireAll?: boolean } = {},
): ResolvedMapping {
  const synonyms: FieldSynonyms = FIELDS_BY_KIND[kind];
  const fields = Object.keys(synonyms);
  const guessed: Mapping = guessMapping(headers, synonyms);
  const source = given ?? guessed;
  const errors: { field: string; message: string }[] = [];
  const mapping: Mapping = {};
  const columns: Record<string, number> = {};
  const used = new Map<string, string>();
  for (const field of Object.keys(source)) {
    if (!fields.includes(field)) {
      errors.push({
        field: `body.mapping.${field}`,
        message: `is not a field of ${kind} imports (fields: ${fields.join(', ')})`,
      });
    }
  }
  for (const field of fields) {
    const header = source[field]?.trim() || null;
    mapping[field] = header;
    if (header === null) continue;
    const column = headers.indexOf(header);
    if (column < 0) {
      errors.push({
        field: `body.mapping.${field}`,
        message: `no column '${header}' in the file (columns: ${headers.filter(Boolean).join(', ')})`,
      });
      continue;
    }
    const other = used.get(header);
    if (other) {
      errors.push({
        field: `body.mapping.${field}`,
        message: `column '${header}' is already mapped to ${other}`,
      });
      continue;
    }
    used.set(header, field);
    columns[field] = column;
  }
  for (const field of options.requireAll === false ? [] : REQUIRED_FIELDS[kind]) {
    if (
      mapping[field] === null &&
      !errors.some((error) => error.field === `body.mapping.${field}`)
    ) {
      errors.push({
        field: `body.mapping.${field}`,
        message: given
          ? 'is required: name the column that holds it'
          : `is required, and no column looks like it (columns: ${headers.filter(Boolean).join(', ')})`,
      });
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
  return { mapping, columns };
}

/** The cells of the mapped fields of one row. */
export function pickCells(cells: readonly unknown[], columns: Record<string, number>) {
  const picked: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columns)) picked[field] = cells[column] ?? null;
  return picked;
}
