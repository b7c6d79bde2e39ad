// The Compound File Binary container (OLE2) that holds an .xls workbook's stream.
// Written here rather than taken from a package: the popular readers follow sector
// chains without cycle checks, and a crafted file must cost a bounded amount of work.
import { FileRefused } from './fileRefused';

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const MAX_REGULAR = 0xfffffffa;

const refused = (why: string) => new FileRefused(`is not a readable .xls file: ${why}`);

interface Layout {
  sectorSize: number;
  fat: Uint32Array;
}

/** The bytes of the named stream (e.g. 'Workbook'), or null when the file has none. */
export function readCompoundStream(bytes: Buffer, names: readonly string[]): Buffer | null {
  if (bytes.length < 512) throw refused('too short');
  const shift = bytes.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) throw refused('bad sector size');
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize);
  const sector = (index: number) => {
    if (index >= sectorCount) throw refused('sector out of range');
    const start = (index + 1) * sectorSize;
    return bytes.subarray(start, start + sectorSize);
  };

  const fatSectors = readFatSectorList(bytes, sectorSize, sectorCount, sector);
  const fat = new Uint32Array(fatSectors.length * (sectorSize / 4));
  fatSectors.forEach((index, i) => {
    const data = sector(index);
    for (let j = 0; j < sectorSize / 4; j++)
      fat[i * (sectorSize / 4) + j] = data.readUInt32LE(j * 4);
  });
  const layout: Layout = { sectorSize, fat };
  const chain = (start: number, size: number) => readChain(layout, sector, start, size);

  const directory = chain(bytes.readUInt32LE(0x30), Number.POSITIVE_INFINITY);
  const miniCutoff = bytes.readUInt32LE(0x38);
  let root: { start: number; size: number } | null = null;
  let found: { start: number; size: number } | null = null;
  for (let pos = 0; pos + 128 <= directory.length; pos += 128) {
    const type = directory[pos + 66];
    const nameLength = Math.min(directory.readUInt16LE(pos + 64), 64);
    const name = directory.toString('utf16le', pos, pos + Math.max(0, nameLength - 2));
    const start = directory.readUInt32LE(pos + 116);
    const size = directory.readUInt32LE(pos + 120);
    if (type === 5 && root === null) root = { start, size };
    if (type === 2 && found === null && names.some((n) => n.toLowerCase() === name.toLowerCase())) {
      found = { start, size };
    }
  }
  if (found === null) return null;
  if (found.size > bytes.length) throw refused('stream larger than the file');
  if (found.size >= miniCutoff) return chain(found.start, found.size);

  // Small streams live in 64-byte sectors inside the root entry's stream.
  if (root === null) throw refused('no root entry');
  const miniStream = chain(root.start, root.size);
  const miniFatBytes = chain(bytes.readUInt32LE(0x3c), Number.POSITIVE_INFINITY);
  const miniFat = new Uint32Array(miniFatBytes.length / 4);
  for (let i = 0; i < miniFat.length; i++) miniFat[i] = miniFatBytes.readUInt32LE(i * 4);
  const miniSectorSize = 1 << bytes.readUInt16LE(0x20);
  const parts: Buffer[] = [];
  const seen = new Set<number>();
  let collected = 0;
  for (let index = found.start; index !== END_OF_CHAIN && collected < found.size; ) {
    if (index >= miniFat.length || seen.has(index)) throw refused('broken mini sector chain');
    seen.add(index);
    const start = index * miniSectorSize;
    if (start + miniSectorSize > miniStream.length) throw refused('mini sector out of range');
    parts.push(miniStream.subarray(start, start + miniSectorSize));
    collected += miniSectorSize;
    index = miniFat[index] as number;
  }
  return Buffer.concat(parts).subarray(0, found.size);
}

function readFatSectorList(
  bytes: Buffer,
  sectorSize: number,
  sectorCount: number,
  sector: (index: number) => Buffer,
): number[] {
  const fatCount = bytes.readUInt32LE(0x2c);
  if (fatCount > sectorCount) throw refused('more FAT sectors than the file has');
  const list: number[] = [];
  for (let i = 0; i < 109 && list.length < fatCount; i++)
    list.push(bytes.readUInt32LE(0x4c + i * 4));
  let difat = bytes.readUInt32LE(0x44);
  const seen = new Set<number>();
  while (list.length < fatCount && difat !== END_OF_CHAIN && difat !== FREE) {
    if (seen.has(difat)) throw refused('DIFAT chain loops');
    seen.add(difat);
    const data = sector(difat);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector && list.length < fatCount; i++)
      list.push(data.readUInt32LE(i * 4));
    difat = data.readUInt32LE(perSector * 4);
  }
  if (list.length < fatCount) throw refused('FAT sector list is short');
  return list;
}

/** Follows a sector chain, refusing loops and out-of-range sectors, up to `size` bytes. */
function readChain(
  layout: Layout,
  sector: (index: number) => Buffer,
  start: number,
  size: number,
): Buffer {
  const parts: Buffer[] = [];
  const seen = new Set<number>();
  let collected = 0;
  for (let index = start; index !== END_OF_CHAIN && collected < size; ) {
    if (index > MAX_REGULAR || index >= layout.fat.length || seen.has(index)) {
      throw refused('broken sector chain');
    }
    seen.add(index);
    parts.push(sector(index));
    collected += layout.sectorSize;
    index = layout.fat[index] as number;
  }
  if (Number.isFinite(size) && collected < size) throw refused('stream shorter than its size');
  const data = Buffer.concat(parts);
  return Number.isFinite(size) ? data.subarray(0, size) : data;
}
