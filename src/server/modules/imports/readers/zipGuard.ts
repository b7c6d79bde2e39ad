// An .xlsx is a zip, and a zip can unpack to a thousand times its size. Before any
// spreadsheet code sees an upload, its directory is read and every entry is inflated
// here with a running count, so a bomb is refused after at most its declared size,
// and the rows of the sheet are counted so a ten-million-row sheet is refused too.

import { promisify } from 'node:util';
import { createInflateRaw, inflateRaw } from 'node:zlib';
import { FileRefused, type ReadLimits } from './fileRefused';

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the compressed bytes are in the file. */
  dataStart: number;
}

export interface XlsxInspection {
  entries: Map<string, ZipEntry>;
  /** The entry of the first visible worksheet, and its name in the workbook. */
  sheet: ZipEntry;
  sheetName: string | null;
  /** <row> elements in that sheet. */
  rowCount: number;
  date1904: boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const MAX_ENTRIES = 10_000;
// Real sheets compress 5–30×; deflate's ceiling is ~1000×. Small entries may be anything.
const MAX_RATIO = 200;
const RATIO_CHECK_FROM = 1 << 20;
const MAX_SMALL_PART = 16 << 20;

const inflateSmall = promisify(inflateRaw);

const refused = (why: string) => new FileRefused(`is not a readable .xlsx file: ${why}`);

export async function inspectXlsx(bytes: Buffer, limits: ReadLimits): Promise<XlsxInspection> {
  const entries = readDirectory(bytes);
  let declared = 0;
  for (const entry of entries.values()) {
    declared += entry.size;
    if (entry.size > RATIO_CHECK_FROM && entry.size > entry.compressedSize * MAX_RATIO) {
      throw new FileRefused(
        `unpacks to ${entry.size} bytes from ${entry.compressedSize}: refused as a zip bomb`,
      );
    }
  }
  if (declared > limits.maxUnzippedBytes) {
    throw new FileRefused(
      `unpacks to more than ${Math.floor(limits.maxUnzippedBytes / 1048576)} MB; split it into smaller files`,
    );
  }
  if (!entries.has('xl/workbook.xml')) {
    throw new FileRefused(
      entries.has('xl/workbook.bin')
        ? 'is an .xlsb workbook; save it as .xlsx'
        : 'is a zip file but not an Excel workbook',
    );
  }
  const workbook = await smallPart(bytes, entries, 'xl/workbook.xml');
  const rels = await smallPart(bytes, entries, 'xl/_rels/workbook.xml.rels');
  const chosen = chooseSheet(workbook, rels, entries);
  let rowCount = 0;
  for (const entry of entries.values()) {
    rowCount = Math.max(
      rowCount,
      await inflateCounting(bytes, entry, entry === chosen.entry, limits),
    );
  }
  return {
    entries,
    sheet: chosen.entry,
    sheetName: chosen.name,
    rowCount,
    date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook),
  };
}

function readDirectory(bytes: Buffer): Map<string, ZipEntry> {
  const eocd = findEndOfDirectory(bytes);
  const count = bytes.readUInt16LE(eocd + 10);
  const dirSize = bytes.readUInt32LE(eocd + 12);
  const dirOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw refused('zip64 archives are not read');
  if (count > MAX_ENTRIES) throw refused(`${count} entries`);
  if (dirOffset + dirSize > eocd) throw refused('broken zip directory');
  const entries = new Map<string, ZipEntry>();
  const segments: [number, number][] = [];
  let pos = dirOffset;
  for (let i = 0; i < count; i++) {
    if (pos + 46 > eocd || bytes.readUInt32LE(pos) !== CENTRAL)
      throw refused('broken zip directory');
    const flags = bytes.readUInt16LE(pos + 8);
    const method = bytes.readUInt16LE(pos + 10);
    const crc = bytes.readUInt32LE(pos + 16);
    const compressedSize = bytes.readUInt32LE(pos + 20);
    const size = bytes.readUInt32LE(pos + 24);
    const nameLength = bytes.readUInt16LE(pos + 28);
    const extraLength = bytes.readUInt16LE(pos + 30);
    const commentLength = bytes.readUInt16LE(pos + 32);
    const localOffset = bytes.readUInt32LE(pos + 42);
    const name = bytes.toString('utf8', pos + 46, pos + 46 + nameLength);
    pos += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw refused('the workbook is password-protected');
    if (method !== 0 && method !== 8) throw refused(`compression method ${method}`);
    if (method === 0 && compressedSize !== size) throw refused('broken stored entry');
    if (entries.has(name)) throw refused(`entry ${name} appears twice`);
    const dataStart = checkLocalHeader(bytes, localOffset, name, method);
    let end = dataStart + compressedSize;
    if (end > dirOffset) throw refused('an entry runs past the end of the data');
    if (flags & 8) end += bytes.readUInt32LE(end) === DESCRIPTOR ? 16 : 12;
    segments.push([localOffset, end]);
    entries.set(name, { name, method, crc, compressedSize, size, dataStart });
  }
  // Streaming readers walk the local headers in file order, not the directory: the
  // entries must tile the file exactly so both views agree on what it holds.
  segments.sort((a, b) => a[0] - b[0]);
  let expected = 0;
  for (const [start, end] of segments) {
    if (start !== expected) throw refused('entries overlap or leave gaps');
    expected = end;
  }
  if (expected !== dirOffset) throw refused('data after the last entry');
  return entries;
}

function findEndOfDirectory(bytes: Buffer): number {
  const floor = Math.max(0, bytes.length - 65_557);
  for (let pos = bytes.length - 22; pos >= floor; pos--) {
    if (bytes.readUInt32LE(pos) === EOCD) return pos;
  }
  throw refused('no zip directory');
}

function checkLocalHeader(bytes: Buffer, offset: number, name: string, method: number): number {
  if (offset + 30 > bytes.length || bytes.readUInt32LE(offset) !== LOCAL) {
    throw refused('broken local header');
  }
  const nameLength = bytes.readUInt16LE(offset + 26);
  const extraLength = bytes.readUInt16LE(offset + 28);
  const localName = bytes.toString('utf8', offset + 30, offset + 30 + nameLength);
  if (localName !== name || bytes.readUInt16LE(offset + 8) !== method) {
    throw refused('local header does not match the directory');
  }
  return offset + 30 + nameLength + extraLength;
}

async function smallPart(bytes: Buffer, entries: Map<string, ZipEntry>, name: string) {
  const entry = entries.get(name);
  if (!entry) return '';
  if (entry.size > MAX_SMALL_PART) throw refused(`${name} is too large`);
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  const out =
    entry.method === 0
      ? data
      : await inflateSmall(data, { maxOutputLength: entry.size + 1 }).catch(() => {
          throw refused(`${name} does not unpack`);
        });
  if (out.length !== entry.size) throw refused(`${name} does not unpack to its declared size`);
  return out.toString('utf8');
}

interface ChosenSheet {
  entry: ZipEntry;
  name: string | null;
}

/** The first visible worksheet in the workbook's tab order. */
function chooseSheet(workbook: string, rels: string, entries: Map<string, ZipEntry>): ChosenSheet {
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(tag)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
    if (id && target) {
      targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    if (/\bstate="(?:hidden|veryHidden)"/.test(tag)) continue;
    const id = /\b\w+:id="([^"]*)"/.exec(tag)?.[1];
    const path = id ? targets.get(id) : undefined;
    const entry = path ? entries.get(path) : undefined;
    if (entry && path?.includes('worksheets/')) {
      return { entry, name: decodeXml(/\bname="([^"]*)"/.exec(tag)?.[1] ?? '') || null };
    }
  }
  const fallback = [...entries.values()]
    .filter((entry) => /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))[0];
  if (!fallback) throw refused('the workbook has no worksheet');
  return { entry: fallback, name: null };
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;

/**
 * Inflates one entry, stopping as soon as it passes its declared size (a lying
 * directory) and, for the chosen sheet, as soon as it has more rows than allowed.
 * Returns the sheet's row count (0 for other entries).
 */
async function inflateCounting(
  bytes: Buffer,
  entry: ZipEntry,
  countRows: boolean,
  limits: ReadLimits,
): Promise<number> {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let produced = 0;
  let rows = 0;
  let tail = '';
  const take = (chunk: Buffer) => {
    produced += chunk.length;
    if (produced > entry.size) {
      throw new FileRefused('unpacks to more than its zip directory says: refused as a zip bomb');
    }
    if (!countRows) return;
    const text = tail + chunk.toString('latin1');
    for (const match of text.matchAll(ROW_TAG)) {
      if (match.index + match[0].length > tail.length) rows += 1;
    }
    tail = text.slice(-64);
    if (rows > limits.maxRows) {
      throw new FileRefused(
        `has more than ${limits.maxRows.toLocaleString('en')} rows; split it into smaller files`,
      );
    }
  };
  if (entry.method === 0) {
    take(data);
    return rows;
  }
  await new Promise<void>((resolve, reject) => {
    const inflater = createInflateRaw();
    inflater.on('data', (chunk: Buffer) => {
      try {
        take(chunk);
      } catch (error) {
        inflater.destroy();
        reject(error);
      }
    });
    inflater.on('error', () => reject(refused(`${entry.name} does not unpack`)));
    inflater.on('end', () => resolve());
    inflater.end(data);
  });
  if (produced !== entry.size) throw refused(`${entry.name} does not unpack to its declared size`);
  return rows;
}
