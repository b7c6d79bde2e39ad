// Report tables as a download: .xlsx with one sheet per table (numbers stay numbers) or one
// CSV with the tables one after another. Text is escaped against formula injection.
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { AuditEntity } from '../../../domain/audit/auditVocabulary';
import { escapeCellText } from '../../../domain/exports/escapeCellText';
import type { Db } from '../../db/client';
import { recordAudit } from '../audit/audit.service';

export type ReportCell = string | number | null;

export interface ReportTable {
  /** Sheet name and CSV section title. */
  title: string;
  headers: string[];
  rows: ReportCell[][];
}

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const safe = (cell: ReportCell): ReportCell =>
  typeof cell === 'string' ? escapeCellText(cell) : cell;

function csvCell(cell: ReportCell): string {
  const text = cell === null ? '' : String(safe(cell));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function tablesCsv(tables: readonly ReportTable[]): string {
  const lines: string[] = [];
  tables.forEach((table, index) => {
    if (index > 0) lines.push('');
    if (tables.length > 1) lines.push(csvCell(table.title));
    lines.push(table.headers.map(csvCell).join(','));
    for (const row of table.rows) lines.push(row.map(csvCell).join(','));
  });
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export async function tablesXlsx(tables: readonly ReportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const table of tables) {
    // Excel: at most 31 characters, none of []:*?/\ , unique.
    let name = table.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Sheet';
    while (used.has(name)) name = `${name.slice(0, 26)}_${used.size}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(table.headers.map(safe));
    for (const row of table.rows) sheet.addRow(row.map(safe));
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column) => {
      column.width = 16;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function sendTables(
  reply: FastifyReply,
  db: Db,
  options: {
    format: 'csv' | 'xlsx';
    fileBase: string;
    tables: readonly ReportTable[];
    audit: {
      orgId: string;
      userId: string;
      ip: string | null;
      entity: AuditEntity;
      filters: unknown;
    };
  },
) {
  const body =
    options.format === 'csv' ? tablesCsv(options.tables) : await tablesXlsx(options.tables);
  await recordAudit(db, {
    orgId: options.audit.orgId,
    userId: options.audit.userId,
    ip: options.audit.ip,
    action: 'export',
    entity: options.audit.entity,
    changes: {
      format: options.format,
      rows: options.tables.reduce((sum, table) => sum + table.rows.length, 0),
      filters: options.audit.filters as Record<string, unknown>,
    },
  });
  const fileName = `${options.fileBase}.${options.format}`;
  return reply
    .header('content-type', CONTENT_TYPES[options.format])
    .header(
      'content-disposition',
      `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .header('cache-control', 'no-store')
    .send(body);
}
