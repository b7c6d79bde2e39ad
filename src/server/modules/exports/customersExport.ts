// The customer list as a file: the same filters and visibility as GET /customers,
// read in pages and written as they come, so a large export never sits in memory.
import { PassThrough, Readable } from 'node:stream';
import { type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { escapeCellText } from '../../../domain/exports/escapeCellText';
import type { Locale } from '../../../domain/vocabulary';
import type { AppContext } from '../../context';
import { queryRows } from '../../db/client';
import { recordAudit } from '../audit/audit.service';
import { POOL_HIDDEN_FIELDS, showsLimitedFields } from '../customers/customers.access';
import { customerFilterConditions } from '../customers/customers.query';
import type { CustomerFilters } from '../customers/customers.schema';
import type { Viewer } from '../customers/customers.service';
import { customerGradeSql } from '../grading/customerGradeSql';

const PAGE = 1000;

interface ExportRow {
  id: string;
  name: string;
  industry: string | null;
  headcount: number | null;
  province: string | null;
  city: string | null;
  address: string | null;
  country: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  source: string | null;
  tags: string[] | null;
  owner_id: string | null;
  owner_name: string | null;
  grade: string | null;
  score: number | null;
  last_contact_at: Date | string | null;
  next_follow_up_at: Date | string | null;
  created_at: Date | string;
}

type Cell = string | number | null;

// Headers an import of this file maps back to the same fields (see CUSTOMER_FIELDS).
const COLUMNS: { header: Record<Locale, string>; value: (row: ExportRow, tz: string) => Cell }[] = [
  { header: { 'zh-CN': '客户名称', en: 'Customer name' }, value: (r) => r.name },
  { header: { 'zh-CN': '行业', en: 'Industry' }, value: (r) => r.industry },
  { header: { 'zh-CN': '人数', en: 'Headcount' }, value: (r) => r.headcount },
  { header: { 'zh-CN': '省份', en: 'Province' }, value: (r) => r.province },
  { header: { 'zh-CN': '城市', en: 'City' }, value: (r) => r.city },
  { header: { 'zh-CN': '地址', en: 'Address' }, value: (r) => r.address },
  { header: { 'zh-CN': '国家', en: 'Country' }, value: (r) => r.country },
  { header: { 'zh-CN': '网址', en: 'Website' }, value: (r) => r.website },
  { header: { 'zh-CN': '电话', en: 'Phone' }, value: (r) => r.phone },
  { header: { 'zh-CN': '邮箱', en: 'Email' }, value: (r) => r.email },
  { header: { 'zh-CN': '来源', en: 'Source' }, value: (r) => r.source },
  { header: { 'zh-CN': '标签', en: 'Tags' }, value: (r) => (r.tags ?? []).join(', ') || null },
  { header: { 'zh-CN': '负责人', en: 'Owner' }, value: (r) => r.owner_name },
  { header: { 'zh-CN': '客户等级', en: 'Grade' }, value: (r) => r.grade },
  { header: { 'zh-CN': '评分', en: 'Score' }, value: (r) => r.score },
  {
    header: { 'zh-CN': '最近跟进', en: 'Last follow-up' },
    value: (r, tz) => localTime(r.last_contact_at, tz),
  },
  {
    header: { 'zh-CN': '下次跟进', en: 'Next follow-up' },
    value: (r, tz) => localTime(r.next_follow_up_at, tz),
  },
  { header: { 'zh-CN': '创建时间', en: 'Created' }, value: (r, tz) => localTime(r.created_at, tz) },
];

function localTime(value: Date | string | null, timeZone: string): string | null {
  if (value === null) return null;
  // sv-SE writes 2026-03-05 14:30, which spreadsheets read as a date and time.
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(value));
}

export interface ExportRequest {
  viewer: Viewer & { ip?: string | null };
  filters: CustomerFilters;
  format: 'csv' | 'xlsx';
  locale: Locale;
  timeZone: string;
}

/** The list's filters and visibility; a rep exports only the customers they hold. */
function exportConditions(ctx: AppContext, request: ExportRequest): SQL[] {
  const where = customerFilterConditions(request.viewer, request.filters, {
    now: ctx.clock.now(),
    timeZone: request.timeZone,
  });
  return request.viewer.role === 'rep' ? [...where, sql`c.owner_id = ${request.viewer.id}`] : where;
}

/** How many rows the export will have, for the quota and the large-export warning. */
export async function countCustomerExport(ctx: AppContext, request: ExportRequest) {
  const [row] = await queryRows<{ count: number }>(
    ctx.database.db,
    sql`select count(*)::int as count from customers c
      where ${sql.join(exportConditions(ctx, request), sql` and `)}`,
  );
  return row?.count ?? 0;
}

/**
 * Customers matching the filters that the viewer may export, page by page, in id order, at
 * most `limit` of them: the count the quota was checked and logged with, even if customers
 * were added since.
 */
async function* customerPages(
  ctx: AppContext,
  request: ExportRequest,
  limit: number,
): AsyncGenerator<ExportRow[]> {
  const where = exportConditions(ctx, request);
  let after: string | null = null;
  let left = limit;
  while (left > 0) {
    const conditions: SQL[] = after ? [...where, sql`c.id > ${after}`] : where;
    const rows: ExportRow[] = await queryRows<ExportRow>(
      ctx.database.db,
      sql`select c.id, c.name, c.industry, c.headcount, c.province, c.city, c.address, c.country,
          c.website, c.phone, c.email, c.source, c.tags, c.owner_id, u.name as owner_name,
          ${customerGradeSql('c')} as grade, c.score, c.last_contact_at, c.next_follow_up_at, c.created_at
        from customers c
        left join users u on u.org_id = c.org_id and u.id = c.owner_id
        where ${sql.join(conditions, sql` and `)}
        order by c.id
        limit ${Math.min(PAGE, left)}`,
    );
    if (rows.length === 0) return;
    yield rows;
    left -= rows.length;
    if (rows.length < PAGE) return;
    after = rows.at(-1)?.id ?? null;
  }
}

/** The cells of one customer; text is escaped so no spreadsheet runs it as a formula. */
function cellsOf(row: ExportRow, request: ExportRequest): Cell[] {
  const limited = showsLimitedFields(request.viewer, row.owner_id);
  const shown = limited
    ? { ...row, ...Object.fromEntries(POOL_HIDDEN_FIELDS.map((field) => [field, null])) }
    : row;
  return COLUMNS.map((column) => {
    const value = column.value(shown as ExportRow, request.timeZone);
    return typeof value === 'string' ? escapeCellText(value) : value;
  });
}

function csvLine(cells: readonly Cell[]): string {
  return `${cells
    .map((cell) => {
      const text = cell === null ? '' : String(cell);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',')}\r\n`;
}

/**
 * The export was logged before streaming (reserveExport); a file that did not reach its end
 * (the client went away, a query failed) gets a second entry saying how many rows it held.
 */
async function auditUnfinished(ctx: AppContext, request: ExportRequest, rows: number, of: number) {
  await recordAudit(ctx.database.db, {
    orgId: request.viewer.orgId,
    userId: request.viewer.id,
    ip: request.viewer.ip,
    at: ctx.clock.now(),
    action: 'export_unfinished',
    entity: 'customer',
    changes: { format: request.format, rows, of },
  }).catch((error: unknown) => ctx.log.error({ err: error }, 'recording an export failed'));
}

/** CSV with a UTF-8 BOM (so Excel reads the Chinese), CRLF line ends. */
export function customersCsv(ctx: AppContext, request: ExportRequest, limit: number): Readable {
  return Readable.from(
    (async function* () {
      let rows = 0;
      let complete = false;
      try {
        yield `\ufeff${csvLine(COLUMNS.map((column) => column.header[request.locale]))}`;
        for await (const page of customerPages(ctx, request, limit)) {
          yield page.map((row) => csvLine(cellsOf(row, request))).join('');
          rows += page.length;
        }
        complete = true;
      } finally {
        if (!complete) await auditUnfinished(ctx, request, rows, limit);
      }
    })(),
    { objectMode: false },
  );
}

/** An .xlsx written by exceljs's streaming writer as the pages arrive. */
export function customersXlsx(ctx: AppContext, request: ExportRequest, limit: number): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(request.locale === 'en' ? 'Customers' : '客户');
  (async () => {
    let rows = 0;
    let complete = false;
    try {
      sheet.addRow(COLUMNS.map((column) => column.header[request.locale])).commit();
      for await (const page of customerPages(ctx, request, limit)) {
        for (const row of page) sheet.addRow(cellsOf(row, request)).commit();
        rows += page.length;
      }
      sheet.commit();
      await workbook.commit();
      complete = true;
    } catch (error) {
      out.destroy(error as Error);
    } finally {
      if (!complete) await auditUnfinished(ctx, request, rows, limit);
    }
  })();
  return out;
}
