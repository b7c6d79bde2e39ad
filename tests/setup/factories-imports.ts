import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { TestApp } from './test-app';

export interface UploadOptions {
  file?: Buffer;
  fileName?: string;
  fields?: Record<string, string>;
}

/** A multipart/form-data body with text fields first and then the file. */
export function multipartBody(options: UploadOptions): { body: Buffer; contentType: string } {
  const boundary = `----crm${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(options.fields ?? {})) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  if (options.file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.fileName ?? 'upload.bin'}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      options.file,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function upload(t: TestApp, token: string | null, url: string, options: UploadOptions) {
  const { body, contentType } = multipartBody(options);
  return t.call('POST', url, { token, body, headers: { 'content-type': contentType } });
}

export interface ImportResult {
  id: string;
  kind: string;
  status: string;
  total: number;
  processed: number;
  imported: number;
  skipped: number;
  failed: number;
  errors: { row: number; message: string }[];
  summary: Record<string, unknown>;
}

/** Polls GET /imports/{id} until the background job is done or failed. */
export async function waitForImport(
  t: TestApp,
  token: string,
  id: string,
  timeoutMs = 60_000,
): Promise<ImportResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await t.call('GET', `/api/v1/imports/${id}`, { token });
    expect(response.statusCode).toBe(200);
    const job = response.json() as ImportResult;
    if (job.status === 'done' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Uploads a file, expects 202, and waits for the job to finish. */
export async function importFile(
  t: TestApp,
  token: string,
  options: UploadOptions,
): Promise<ImportResult> {
  const response = await upload(t, token, '/api/v1/imports', options);
  expect(response.statusCode, response.body).toBe(202);
  return waitForImport(t, token, response.json().id);
}

/** An .xlsx made with exceljs (the in-memory writer, so merges and dates are kept). */
export async function xlsxFile(
  rows: unknown[][],
  options: { merges?: string[]; sheetName?: string; dateFormat?: string } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1');
  for (const row of rows) {
    const added = sheet.addRow(row);
    added.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = options.dateFormat ?? 'yyyy/m/d';
    });
  }
  for (const range of options.merges ?? []) sheet.mergeCells(range);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Rows as CSV text (RFC 4180 quoting), CRLF line ends. */
export function csvText(rows: unknown[][]): string {
  return rows
    .map((row) =>
      row
        .map((cell) => {
          const text = cell === null || cell === undefined ? '' : String(cell);
          return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
        })
        .join(','),
    )
    .join('\r\n');
}

/** A date cell: a real date in .xlsx/.xls, 'YYYY-MM-DD' text in CSV. */
export class DateCell {
  constructor(readonly day: string) {}
}

type ReportCell = string | number | null | DateCell;

/**
 * The messy sales report the format tests import in every format: a title row, a
 * two-row merged header whose amounts are in 万元, full-width digits, thousands
 * separators, ￥, Excel serial and text dates, a blank row, 小计/合计 rows, identical
 * lines, and three broken rows. Rows 1–16 as the spreadsheet numbers them.
 */
export const MESSY_SALES_REPORT: ReportCell[][] = [
  ['杭州明达贸易有限公司 2026年3月销售报表'],
  [],
  ['日期', '客户', '产品', '数量', '金额', null, '业务员'],
  [null, null, null, null, '含税(万元)', '已收款(万元)', null],
  [new DateCell('2026-03-05'), '杭州明达机械有限公司', '钢管', 10, 1.5, 1, '张三'],
  ['2026/3/6', 'Acme Trading Co., Ltd.', '阀门', '１２', '０.８', null, '李四'],
  ['2026年3月7日', '杭州明达机械股份有限公司', '钢管', '1,200件', '￥1,234.5', null, '王五'],
  [' '],
  [46089, '上海远航物流有限公司', '托盘', 5, '0.2', '0.2', '李四'],
  ['小计', null, null, null, 1235.2, null, null],
  ['2026-03-10', '上海远航物流有限公司', '托盘', 5, '0.2', '0.2', '李四'],
  ['2026-03-10', '上海远航物流有限公司', '托盘', 5, '0.2', '0.2', '李四'],
  ['2026-02-30', 'Bad Date Co', '托盘', 1, 1, null, null],
  ['2026-03-11', null, '托盘', 1, 1, null, null],
  ['2026-03-12', 'Broken Amount Ltd', '托盘', 1, 'abc', null, null],
  ['合计', null, null, null, 1235.8, null, null],
];
export const MESSY_SALES_MERGES = ['A1:G1', 'E3:F3'];

export function reportForXlsx(rows: ReportCell[][]): unknown[][] {
  return rows.map((row) =>
    row.map((cell) => (cell instanceof DateCell ? new Date(`${cell.day}T00:00:00Z`) : cell)),
  );
}

export function reportForCsv(rows: ReportCell[][]): unknown[][] {
  return rows.map((row) => row.map((cell) => (cell instanceof DateCell ? cell.day : cell)));
}

/** A zip written by hand, so tests can make archives no zip library would (bombs, lies). */
export function zipFile(
  entries: { name: string; data: Buffer; declaredSize?: number; deflate?: boolean }[],
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const deflate = entry.deflate ?? true;
    const body = deflate ? deflateRawSync(entry.data) : entry.data;
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The minimal parts of an .xlsx around a given sheet XML. */
export function minimalXlsx(sheetXml: Buffer, declaredSheetSize?: number): Buffer {
  const workbook = Buffer.from(
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  const rels = Buffer.from(
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  return zipFile([
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: rels },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml, declaredSize: declaredSheetSize },
  ]);
}

/** Distinct Chinese company names of varying length: enough text that an .xls splits its string table. */
export function chineseCompanyNames(count: number): string[] {
  const words = ['华东', '精密', '机械', '制造', '贸易', '物流', '科技', '电子', '新材料', '环保'];
  return Array.from(
    { length: count },
    (_, i) => `${words[i % 10]}${words[(i * 7) % 10]}${'创新'.repeat(i % 9)}第${i + 1}号有限公司`,
  );
}
