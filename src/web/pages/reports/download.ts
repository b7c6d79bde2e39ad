import type { TFunction } from 'i18next';
import { escapeCellText } from '../../../domain/exports/escapeCellText';
import type { RevenueBucketRow } from './revenueApi';

export function downloadDataUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
}

function csvCell(value: string | number | null): string {
  const text = escapeCellText(value === null ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The table as the server gave it, as CSV (UTF-8 with a BOM so Excel reads the Chinese).
 * The report has no export endpoint; nothing is computed here, the rows are copied.
 */
export function downloadBucketsCsv(
  t: TFunction,
  buckets: readonly RevenueBucketRow[],
  labels: readonly string[],
  fileName: string,
): void {
  const header = [
    t('revenueFunnel.bucket'),
    t('revenueFunnel.csvMin'),
    t('revenueFunnel.csvMax'),
    t('revenueFunnel.customers'),
    t('revenueFunnel.csvAmount'),
  ];
  const rows = buckets.map((bucket, index) => [
    labels[index] ?? '',
    bucket.min,
    bucket.max,
    bucket.customers,
    bucket.amount,
  ]);
  const text = [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
  const url = URL.createObjectURL(
    new Blob([`\uFEFF${text}\r\n`], { type: 'text/csv;charset=utf-8' }),
  );
  downloadDataUrl(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
