import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  chineseCompanyNames,
  minimalXlsx,
  xlsxFile,
} from '../../../../../tests/setup/factories-imports';
import { csvRows, detectDelimiter } from './csvReader';
import { FileRefused } from './fileRefused';
import { openSheet, type SheetRow } from './sheet';
import { decodeText } from './textFile';
import { readXls } from './xlsReader';

const LIMITS = { maxRows: 1_000_000, maxUnzippedBytes: 1 << 30 };

async function allRows(bytes: Buffer, limits = LIMITS): Promise<SheetRow[]> {
  const sheet = await openSheet(bytes, limits);
  const rows: SheetRow[] = [];
  for await (const row of sheet.rows()) rows.push(row);
  return rows;
}

describe('csvRows', () => {
  it('reads quotes, doubled quotes, line breaks in fields and any line end', () => {
    const text = '\ufeffa,"b,1","say ""hi"""\r\n"two\nlines",x"y,\rlast';
    expect([...csvRows(text, ',')]).toEqual([
      { number: 1, cells: ['a', 'b,1', 'say "hi"'] },
      { number: 2, cells: ['two\nlines', 'x"y', ''] },
      { number: 3, cells: ['last'] },
    ]);
  });

  it('finds tab and semicolon separators', () => {
    expect(detectDelimiter('客户\t金额\n甲\t1,000\n')).toBe('\t');
    expect(detectDelimiter('Kunde;Betrag\nA;1,5\n')).toBe(';');
    expect(detectDelimiter('报表\n客户,金额\n甲,1\n')).toBe(',');
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with or without BOM, GBK and UTF-16 with BOM', () => {
    expect(decodeText(Buffer.from('\ufeff客户,金额'))).toEqual({
      text: '客户,金额',
      encoding: 'utf-8',
    });
    expect(decodeText(iconv.encode('客户,金额,￥', 'gbk'))).toEqual({
      text: '客户,金额,￥',
      encoding: 'gb18030',
    });
    expect(
      decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('客户', 'utf16le')])),
    ).toEqual({
      text: '客户',
      encoding: 'utf-16le',
    });
  });

  it('refuses binary content whatever it is called', () => {
    expect(() =>
      decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])),
    ).toThrow(FileRefused);
    expect(() => decodeText(Buffer.from([0x81, 0x20, 0x41]))).toThrow(/not a spreadsheet/);
  });
});

describe('openSheet', () => {
  it('tells formats by their bytes, not their names', async () => {
    const xlsx = await xlsxFile([
      ['客户', '金额'],
      ['甲', 1],
    ]);
    expect((await openSheet(xlsx, LIMITS)).format).toBe('xlsx');
    expect((await openSheet(Buffer.from('客户,金额'), LIMITS)).format).toBe('csv');
    await expect(openSheet(Buffer.alloc(0), LIMITS)).rejects.toThrow(/is empty/);
  });

  it('keeps Chinese text whole across the chunks of a large .xlsx', async () => {
    const names = chineseCompanyNames(3000);
    const rows = await allRows(await xlsxFile([['公司名称'], ...names.map((name) => [name])]));
    expect(rows.slice(1).map((row) => row.cells[0])).toEqual(names);
  });

  it('counts the rows of a sheet without reading it into a spreadsheet model', async () => {
    const sheet = `<worksheet><sheetData>${'<row><c><v>1</v></c></row>'.repeat(20_001)}</sheetData></worksheet>`;
    const started = Date.now();
    await expect(
      openSheet(minimalXlsx(Buffer.from(sheet)), { ...LIMITS, maxRows: 20_000 }),
    ).rejects.toThrow(/more than 20,000 rows/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('readXls', () => {
  it('reads a shared-string table spread over CONTINUE records', () => {
    const workbook = readXls(
      readFileSync(new URL('../../../../../tests/fixtures/customers-600.xls', import.meta.url)),
    );
    expect(workbook.rows).toHaveLength(601);
    expect(workbook.rows[0]).toEqual({ number: 1, cells: ['公司名称', '人数'] });
    expect(workbook.rows.slice(1).map((row) => row.cells[0])).toEqual(chineseCompanyNames(600));
    expect(workbook.rows[600]?.cells[1]).toBe(600);
  });

  it('refuses a compound file whose sector chain loops', () => {
    const file = Buffer.alloc(512 * 4);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file);
    file.writeUInt16LE(0x3e, 0x18);
    file.writeUInt16LE(3, 0x1a);
    file.writeUInt16LE(0xfffe, 0x1c);
    file.writeUInt16LE(9, 0x1e);
    file.writeUInt16LE(6, 0x20);
    file.writeUInt32LE(1, 0x2c); // one FAT sector
    file.writeUInt32LE(1, 0x30); // directory starts at sector 1
    file.writeUInt32LE(4096, 0x38);
    file.writeUInt32LE(0xfffffffe, 0x3c);
    file.writeUInt32LE(0xfffffffe, 0x44);
    file.writeUInt32LE(0, 0x4c); // the FAT is sector 0
    // FAT: sector 1 → 2 → 1 (a loop).
    const fat = 512;
    file.writeUInt32LE(0xfffffffd, fat);
    file.writeUInt32LE(2, fat + 4);
    file.writeUInt32LE(1, fat + 8);
    expect(() => readXls(file)).toThrow(/sector chain/);
  });
});
