// One entry point for every upload: what format it really is (by its bytes, not its
// name), whether it is safe and small enough to read, and its rows in order.
import { csvRows, detectDelimiter } from './csvReader';
import { FileRefused, type ReadLimits } from './fileRefused';
import { decodeText, type TextEncoding } from './textFile';
import { readXls } from './xlsReader';
import { xlsxRows } from './xlsxReader';
import { inspectXlsx } from './zipGuard';

export type FileFormat = 'xlsx' | 'xls' | 'csv';

export interface SheetRow {
  /** The row number the spreadsheet shows (1-based). */
  number: number;
  /** Cell values, column A first: strings, numbers, booleans, Dates, exceljs cell objects. */
  cells: unknown[];
}

export interface Sheet {
  format: FileFormat;
  encoding: TextEncoding | null;
  sheetName: string | null;
  date1904: boolean;
  /** Rows in the sheet (present rows for .xlsx), title and header rows included. */
  rowCount: number;
  /** Reads the rows from the top; each call starts again. */
  rows(): AsyncIterable<SheetRow>;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function sniffFormat(bytes: Buffer): FileFormat {
  if (bytes.length === 0) throw new FileRefused('is empty');
  const starts = (magic: Buffer) => bytes.subarray(0, magic.length).equals(magic);
  if (starts(ZIP) || starts(EMPTY_ZIP)) return 'xlsx';
  if (starts(OLE2)) return 'xls';
  return 'csv';
}

function tooManyRows(limits: ReadLimits): FileRefused {
  return new FileRefused(
    `has more than ${limits.maxRows.toLocaleString('en')} rows; split it into smaller files`,
  );
}

export async function openSheet(bytes: Buffer, limits: ReadLimits): Promise<Sheet> {
  const format = sniffFormat(bytes);
  if (format === 'xlsx') {
    const inspection = await inspectXlsx(bytes, limits);
    return {
      format,
      encoding: null,
      sheetName: inspection.sheetName,
      date1904: inspection.date1904,
      rowCount: inspection.rowCount,
      rows: () => xlsxRows(bytes, inspection),
    };
  }
  if (format === 'xls') {
    const workbook = readXls(bytes);
    if (workbook.rows.length > limits.maxRows) throw tooManyRows(limits);
    return {
      format,
      encoding: null,
      sheetName: workbook.sheetName,
      date1904: workbook.date1904,
      rowCount: workbook.rows.length,
      rows: async function* () {
        yield* workbook.rows;
      },
    };
  }
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  let rowCount = 0;
  for (const _ of csvRows(text, delimiter)) {
    rowCount += 1;
    if (rowCount > limits.maxRows) throw tooManyRows(limits);
  }
  return {
    format,
    encoding,
    sheetName: null,
    date1904: false,
    rowCount,
    rows: async function* () {
      yield* csvRows(text, delimiter);
    },
  };
}
