// Rows of the chosen worksheet through exceljs's streaming reader. exceljs reads a zip
// front to back and parks worksheets in temp files when the shared strings come later
// (as Excel writes them), so it is handed a zip rebuilt from the checked entries in the
// order it wants: relationships, workbook, styles, shared strings, then the one sheet.
// The entries are handed over inflated, in chunks that end on whole UTF-8 characters:
// exceljs 4.4.0 decodes each chunk on its own and turns a Chinese character split
// between two chunks into '��' (exceljs issues #2063, #2084).
import { Readable } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { SheetRow } from './sheet';
import type { XlsxInspection, ZipEntry } from './zipGuard';

const READ_ORDER = [
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/styles.xml',
  'xl/sharedStrings.xml',
] as const;
// exceljs only parses entries named like this.
const SHEET_PATH = 'xl/worksheets/sheet1.xml';
const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
);

/** A local header for an uncompressed (stored) entry of known size and CRC. */
function storedHeader(name: string, crc: number, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6); // UTF-8 names; sizes are in this header
  header.writeUInt16LE(0, 8);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes]);
}

/** Where the last whole UTF-8 character of a chunk ends. */
function wholeCharacters(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(4, chunk.length); back++) {
    const byte = chunk[chunk.length - back] as number;
    if (byte < 0x80) return chunk.length;
    if ((byte & 0xc0) === 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length <= back ? chunk.length : chunk.length - back;
    }
  }
  return chunk.length;
}

async function* inflated(bytes: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  const chunks: Iterable<Buffer> | AsyncIterable<Buffer> =
    entry.method === 0 ? [data] : Readable.from([data]).pipe(createInflateRaw());
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const joined = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const end = wholeCharacters(joined);
    if (end > 0) yield joined.subarray(0, end);
    carry = joined.subarray(end);
  }
  if (carry.length > 0) yield carry;
}

async function* orderedZip(bytes: Buffer, inspection: XlsxInspection): AsyncGenerator<Buffer> {
  for (const name of READ_ORDER) {
    const entry = inspection.entries.get(name);
    if (entry) {
      yield storedHeader(name, entry.crc, entry.size);
      yield* inflated(bytes, entry);
    } else if (name === 'xl/sharedStrings.xml') {
      // Without shared strings exceljs would park the sheet in a temp file.
      yield storedHeader(name, crc32(EMPTY_SHARED_STRINGS), EMPTY_SHARED_STRINGS.length);
      yield EMPTY_SHARED_STRINGS;
    }
  }
  yield storedHeader(SHEET_PATH, inspection.sheet.crc, inspection.sheet.size);
  yield* inflated(bytes, inspection.sheet);
}

/** The sheet's rows as plain arrays (column A at index 0), numbered as in the sheet. */
export async function* xlsxRows(
  bytes: Buffer,
  inspection: XlsxInspection,
): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    Readable.from(orderedZip(bytes, inspection)),
    {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    },
  );
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      // row.values is sparse and 1-based; holes become nulls.
      const values = row.values as unknown[];
      yield { number: row.number, cells: Array.from(values.slice(1), (value) => value ?? null) };
    }
    return;
  }
}
