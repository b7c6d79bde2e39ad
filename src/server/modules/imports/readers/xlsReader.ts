// Excel 97–2003 workbooks (BIFF8): the first visible worksheet's cells as rows. Only
// what an import needs is read: numbers, text (shared strings included), booleans,
// errors, formula results, and which number formats are dates.
import { readCompoundStream } from './compoundFile';
import { FileRefused } from './fileRefused';
import type { SheetRow } from './sheet';

export interface XlsWorkbook {
  sheetName: string | null;
  date1904: boolean;
  rows: SheetRow[];
}

const BOF = 0x0809;
const EOF = 0x000a;
const FILEPASS = 0x002f;
const DATEMODE = 0x0022;
const FORMAT = 0x041e;
const XF = 0x00e0;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const CONTINUE = 0x003c;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const BOOLERR = 0x0205;
const FORMULA = 0x0006;
const STRING = 0x0207;

const MAX_COLUMNS = 1024;
const ERRORS: Record<number, string> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
};
// Built-in number formats that show dates or times (14–22, 45–47, and the CJK ones).
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

const refused = (why: string) => new FileRefused(`is not a readable .xls file: ${why}`);

interface Record_ {
  type: number;
  data: Buffer;
  /** Data of the CONTINUE records that follow, for records that spill over. */
  continues: Buffer[];
}

function* records(stream: Buffer, from: number): Generator<Record_> {
  let pos = from;
  while (pos + 4 <= stream.length) {
    const type = stream.readUInt16LE(pos);
    const length = stream.readUInt16LE(pos + 2);
    const end = pos + 4 + length;
    if (end > stream.length) throw refused('a record runs past the end');
    const record: Record_ = { type, data: stream.subarray(pos + 4, end), continues: [] };
    pos = end;
    while (pos + 4 <= stream.length && stream.readUInt16LE(pos) === CONTINUE) {
      const size = stream.readUInt16LE(pos + 2);
      if (pos + 4 + size > stream.length) throw refused('a record runs past the end');
      record.continues.push(stream.subarray(pos + 4, pos + 4 + size));
      pos += 4 + size;
    }
    yield record;
    if (type === EOF) return;
  }
}

/** Reads across a record and its CONTINUE records; strings restart their flags at a break. */
class Segments {
  private index = 0;
  private pos = 0;
  constructor(private readonly parts: Buffer[]) {}

  get done(): boolean {
    while (
      this.index < this.parts.length &&
      this.pos >= (this.parts[this.index] as Buffer).length
    ) {
      this.index += 1;
      this.pos = 0;
    }
    return this.index >= this.parts.length;
  }

  private current(): Buffer {
    if (this.done) throw refused('a string runs past its record');
    return this.parts[this.index] as Buffer;
  }

  byte(): number {
    const part = this.current();
    return part[this.pos++] as number;
  }

  u16(): number {
    return this.byte() | (this.byte() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(count: number): void {
    let left = count;
    while (left > 0) {
      const part = this.current();
      const step = Math.min(left, part.length - this.pos);
      this.pos += step;
      left -= step;
    }
  }

  /** An XLUnicodeRichExtendedString (shared strings, LABEL, STRING). */
  string(charCount?: number): string {
    const count = charCount ?? this.u16();
    let flags = this.byte();
    const runs = flags & 0x08 ? this.u16() : 0;
    const extra = flags & 0x04 ? this.u32() : 0;
    let text = '';
    let left = count;
    while (left > 0) {
      const part = this.parts[this.index];
      if (part === undefined) throw refused('a string runs past its record');
      if (this.pos >= part.length) {
        // A string broken by a CONTINUE record starts the next one with a new flags byte.
        this.index += 1;
        this.pos = 0;
        flags = this.byte();
        continue;
      }
      const width = flags & 1 ? 2 : 1;
      const available = Math.floor((part.length - this.pos) / width);
      if (available === 0) throw refused('a string is cut in half');
      const take = Math.min(left, available);
      const end = this.pos + take * width;
      text += part.toString(width === 2 ? 'utf16le' : 'latin1', this.pos, end);
      this.pos = end;
      left -= take;
    }
    this.skip(runs * 4 + extra);
    return text;
  }
}

function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return bare.toLowerCase() !== 'general' && /[ymdhs年月日]/i.test(bare);
}

function rkValue(rk: number): number {
  let value: number;
  if (rk & 2) {
    value = rk >> 2;
  } else {
    const buffer = Buffer.alloc(8);
    buffer.writeInt32LE((rk & 0xfffffffc) | 0, 4);
    value = buffer.readDoubleLE(0);
  }
  return rk & 1 ? value / 100 : value;
}

export function readXls(bytes: Buffer): XlsWorkbook {
  try {
    return readWorkbook(bytes);
  } catch (error) {
    // Short records make Buffer reads throw RangeError: the file is broken, not the server.
    if (error instanceof FileRefused) throw error;
    throw refused('a record is broken');
  }
}

function readWorkbook(bytes: Buffer): XlsWorkbook {
  const stream = readCompoundStream(bytes, ['Workbook', 'Book']);
  if (stream === null) throw refused('no workbook stream');
  let date1904 = false;
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  const sheets: { offset: number; name: string }[] = [];
  let strings: string[] = [];

  for (const record of records(stream, 0)) {
    const { type, data } = record;
    if (type === BOF && data.readUInt16LE(0) !== 0x0600) {
      throw refused('an Excel 5.0/95 workbook; save it as .xlsx');
    }
    if (type === FILEPASS) throw refused('the workbook is password-protected');
    if (type === DATEMODE) date1904 = data.readUInt16LE(0) === 1;
    if (type === FORMAT) {
      formats.set(
        data.readUInt16LE(0),
        new Segments([data.subarray(2), ...record.continues]).string(),
      );
    }
    if (type === XF) xfFormats.push(data.readUInt16LE(2));
    if (type === BOUNDSHEET && data[4] === 0 && data[5] === 0) {
      const name = new Segments([data.subarray(7)]).string(data[6]);
      sheets.push({ offset: data.readUInt32LE(0), name });
    }
    if (type === SST) strings = readSharedStrings(data, record.continues);
  }
  const sheet = sheets[0];
  if (!sheet) throw refused('the workbook has no visible worksheet');

  const isDate = (xf: number) => {
    const format = xfFormats[xf];
    if (format === undefined) return false;
    const code = formats.get(format);
    return code === undefined ? BUILTIN_DATES.has(format) : isDateFormat(code);
  };
  const numberCell = (xf: number, value: number): number | Date => {
    if (!isDate(xf)) return value;
    const serial = date1904 ? value + 1462 : value;
    return new Date(Math.round((serial - 25569) * 86_400_000));
  };

  const rows = new Map<number, unknown[]>();
  const put = (row: number, column: number, value: unknown) => {
    if (column >= MAX_COLUMNS) return;
    let cells = rows.get(row);
    if (!cells) {
      cells = [];
      rows.set(row, cells);
    }
    cells[column] = value;
  };
  let pendingString: [number, number] | null = null;
  for (const record of records(stream, sheet.offset)) {
    const { type, data } = record;
    if (data.length < 6 && type !== STRING && type !== BOF && type !== EOF) continue;
    if (type === NUMBER)
      put(
        data.readUInt16LE(0),
        data.readUInt16LE(2),
        numberCell(data.readUInt16LE(4), data.readDoubleLE(6)),
      );
    else if (type === RK)
      put(
        data.readUInt16LE(0),
        data.readUInt16LE(2),
        numberCell(data.readUInt16LE(4), rkValue(data.readUInt32LE(6))),
      );
    else if (type === MULRK) {
      const row = data.readUInt16LE(0);
      const first = data.readUInt16LE(2);
      for (let i = 0; 4 + i * 6 + 6 <= data.length - 2; i++) {
        const at = 4 + i * 6;
        put(row, first + i, numberCell(data.readUInt16LE(at), rkValue(data.readUInt32LE(at + 2))));
      }
    } else if (type === LABELSST) {
      put(data.readUInt16LE(0), data.readUInt16LE(2), strings[data.readUInt32LE(6)] ?? '');
    } else if (type === LABEL) {
      put(
        data.readUInt16LE(0),
        data.readUInt16LE(2),
        new Segments([data.subarray(6), ...record.continues]).string(),
      );
    } else if (type === BOOLERR) {
      const value = data[6] as number;
      put(
        data.readUInt16LE(0),
        data.readUInt16LE(2),
        data[7] ? (ERRORS[value] ?? '#ERROR') : value === 1,
      );
    } else if (type === FORMULA) {
      const row = data.readUInt16LE(0);
      const column = data.readUInt16LE(2);
      pendingString = null;
      if (data.readUInt16LE(12) !== 0xffff)
        put(row, column, numberCell(data.readUInt16LE(4), data.readDoubleLE(6)));
      else if (data[6] === 0) pendingString = [row, column];
      else if (data[6] === 1) put(row, column, data[8] === 1);
      else if (data[6] === 2) put(row, column, ERRORS[data[8] as number] ?? '#ERROR');
    } else if (type === STRING && pendingString) {
      put(pendingString[0], pendingString[1], new Segments([data, ...record.continues]).string());
      pendingString = null;
    }
  }

  return {
    sheetName: sheet.name,
    date1904,
    rows: [...rows.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([row, cells]) => ({
        number: row + 1,
        cells: Array.from(cells, (cell) => cell ?? null),
      })),
  };
}

function readSharedStrings(data: Buffer, continues: Buffer[]): string[] {
  const reader = new Segments([data, ...continues]);
  reader.u32();
  const unique = reader.u32();
  const strings: string[] = [];
  // Each string takes at least 3 bytes, so a lying count cannot loop past the data.
  while (strings.length < unique && !reader.done) strings.push(reader.string());
  return strings;
}
