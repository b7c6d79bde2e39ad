// The manager's period table as a file (.xlsx with numbers, or CSV with a BOM for Excel), text
// cells escaped against formula injection as every export is.
import ExcelJS from 'exceljs';
import { escapeCellText } from '../../../domain/exports/escapeCellText';
import type { Locale } from '../../../domain/vocabulary';
import type { TeamOverview } from './funnelReviews.schema';

type Row = TeamOverview['rows'][number];
type Cell = string | number | null;

const STATUS: Record<Row['status'], Record<Locale, string>> = {
  pending: { 'zh-CN': '待提交', en: 'Pending' },
  submitted: { 'zh-CN': '已提交', en: 'Submitted' },
  late: { 'zh-CN': '逾期提交', en: 'Late' },
  missing: { 'zh-CN': '未提交', en: 'Missing' },
  reviewed: { 'zh-CN': '已审阅', en: 'Reviewed' },
};

/** '2026-03-16 09:05' in the org's time zone (as the page shows it), which spreadsheets read. */
function localTime(value: string | null, timeZone: string): string | null {
  if (value === null) return null;
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(value));
}

const COLUMNS: {
  header: Record<Locale, string>;
  value: (row: Row, locale: Locale, timeZone: string) => Cell;
}[] = [
  { header: { 'zh-CN': '期间', en: 'Period' }, value: () => null },
  { header: { 'zh-CN': '团队', en: 'Team' }, value: (r) => r.teamName },
  { header: { 'zh-CN': '业务员', en: 'Rep' }, value: (r) => r.userName },
  { header: { 'zh-CN': '状态', en: 'Status' }, value: (r, l) => STATUS[r.status][l] },
  {
    header: { 'zh-CN': '提交时间', en: 'Submitted at' },
    value: (r, _l, tz) => localTime(r.submittedAt, tz),
  },
  { header: { 'zh-CN': '填报客户数', en: 'Lines' }, value: (r) => r.lines },
  {
    header: { 'zh-CN': '已接触潜在客户数', en: 'Contacted potential customers' },
    value: (r) => r.contacted,
  },
  { header: { 'zh-CN': '应填未填客户数', en: 'Missing customers' }, value: (r) => r.missing },
  { header: { 'zh-CN': '漏网率(%)', en: 'Leak rate (%)' }, value: (r) => r.leakRate },
];

function cells(overview: TeamOverview, locale: Locale, timeZone: string): Cell[][] {
  const header = COLUMNS.map((c) => c.header[locale]);
  const rows = overview.rows.map((row) =>
    COLUMNS.map((column, index) => {
      const value = index === 0 ? overview.period.key : column.value(row, locale, timeZone);
      return typeof value === 'string' ? escapeCellText(value) : value;
    }),
  );
  const total = overview.total;
  const totalRow: Cell[] = [
    overview.period.key,
    locale === 'en' ? 'Total' : '合计',
    null,
    null,
    null,
    null,
    total.contacted,
    total.missingCustomers,
    total.leakRate,
  ];
  return [header, ...rows, totalRow];
}

/** The team table as CSV; times in `timeZone` (the org's). */
export function overviewCsv(overview: TeamOverview, locale: Locale, timeZone: string): string {
  const line = (row: Cell[]) =>
    `${row
      .map((cell) => {
        const text = cell === null ? '' : String(cell);
        return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
      })
      .join(',')}\r\n`;
  return `\ufeff${cells(overview, locale, timeZone).map(line).join('')}`;
}

export async function overviewXlsx(
  overview: TeamOverview,
  locale: Locale,
  timeZone: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(locale === 'en' ? 'Funnel reports' : '半月漏斗报表');
  for (const row of cells(overview, locale, timeZone)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
