import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import type { ImportJob, ImportKind } from '../../api/types';
import { describeError } from '../../lib/errors';

/** The import's target fields in the user's language (keys written out for the catalogue test). */
export function fieldLabel(t: TFunction, field: string): string {
  switch (field) {
    case 'customer':
      return t('imports.field.customer');
    case 'product':
      return t('imports.field.product');
    case 'amount':
      return t('imports.field.amount');
    case 'orderDate':
      return t('imports.field.orderDate');
    case 'quantity':
      return t('imports.field.quantity');
    case 'orderNo':
      return t('imports.field.orderNo');
    case 'paidAmount':
      return t('imports.field.paidAmount');
    case 'paidAt':
      return t('imports.field.paidAt');
    case 'dueDate':
      return t('imports.field.dueDate');
    case 'owner':
      return t('imports.field.owner');
    case 'name':
      return t('imports.field.name');
    case 'industry':
      return t('imports.field.industry');
    case 'headcount':
      return t('imports.field.headcount');
    case 'province':
      return t('imports.field.province');
    case 'city':
      return t('imports.field.city');
    case 'address':
      return t('imports.field.address');
    case 'country':
      return t('imports.field.country');
    case 'website':
      return t('imports.field.website');
    case 'phone':
      return t('imports.field.phone');
    case 'email':
      return t('imports.field.email');
    case 'source':
      return t('imports.field.source');
    case 'tags':
      return t('imports.field.tags');
    case 'contactName':
      return t('imports.field.contactName');
    case 'contactTitle':
      return t('imports.field.contactTitle');
    case 'contactPhone':
      return t('imports.field.contactPhone');
    case 'contactEmail':
      return t('imports.field.contactEmail');
    case 'contactWechat':
      return t('imports.field.contactWechat');
    default:
      return field;
  }
}

export function kindLabel(t: TFunction, kind: ImportKind): string {
  return kind === 'sales' ? t('imports.kind.sales') : t('imports.kind.customers');
}

export function statusLabel(t: TFunction, status: ImportJob['status']): string {
  switch (status) {
    case 'uploaded':
    case 'queued':
      return t('imports.status.queued');
    case 'running':
      return t('imports.status.running');
    case 'done':
      return t('imports.status.done');
    case 'failed':
      return t('imports.status.failed');
    case 'cancelled':
      return t('imports.status.cancelled');
  }
}

// The server words row problems in English around the file's own column names and cell
// text ("价税合计 'abc': not a number"); the reasons it uses are a fixed set we can say.
const REASONS: [RegExp, (t: TFunction) => string][] = [
  [/ is empty$/, (t) => ` ${t('imports.reason.empty')}`],
  [/: not a number$/, (t) => `：${t('imports.reason.notANumber')}`],
  [/: thousands separator in the wrong place$/, (t) => `：${t('imports.reason.separator')}`],
  [/: not in yuan \(元\)$/, (t) => `：${t('imports.reason.currency')}`],
  [/: out of range$/, (t) => `：${t('imports.reason.outOfRange')}`],
  [/: not a date$/, (t) => `：${t('imports.reason.notADate')}`],
  [/: no such day$/, (t) => `：${t('imports.reason.noSuchDay')}`],
  [/ has no letters or digits$/, (t) => ` ${t('imports.reason.noLetters')}`],
];

/** One problem of a row, in the user's language where the reason is a known one. */
export function rowMessage(t: TFunction, message: string): string {
  return message
    .split('; ')
    .map((part) => {
      const unknownCustomer =
        /^customer '(.*)' is not in the CRM \(creating customers was turned off\)$/.exec(part);
      if (unknownCustomer) return t('imports.reason.unknownCustomer', { name: unknownCustomer[1] });
      const colleague =
        /^customer '(.*)' belongs to a colleague; a manager can import this line$/.exec(part);
      if (colleague) return t('imports.reason.colleagueCustomer', { name: colleague[1] });
      for (const [pattern, say] of REASONS) {
        if (pattern.test(part)) return part.replace(pattern, say(t));
      }
      return part;
    })
    .join('；');
}

/** Why the server refused an upload, said plainly: size, type, zip bomb, rows, header. */
export function refusalMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return describeError(t, error);
  if (error.code === 'payload_too_large') {
    const mb = /(\d+) MB/.exec(error.detail)?.[1];
    return mb ? t('imports.refused.tooLargeLimit', { mb }) : t('imports.refused.tooLarge');
  }
  const fileError = error.errors.find((item) => item.field === 'body.file');
  if (!fileError) return describeError(t, error);
  const why = fileError.message;
  const rows = /more than ([\d,]+) rows/.exec(why)?.[1];
  if (rows) return t('imports.refused.tooManyRows', { rows });
  if (why.includes('zip bomb')) return t('imports.refused.zipBomb');
  const unzipped = /unpacks to more than (\d+) MB/.exec(why)?.[1];
  if (unzipped) return t('imports.refused.unpacksTooLarge', { mb: unzipped });
  if (why === 'is empty') return t('imports.refused.empty');
  if (why.startsWith('is not a spreadsheet')) return t('imports.refused.notSpreadsheet');
  if (why.includes('.xlsb')) return t('imports.refused.xlsb');
  if (why.includes('not an Excel workbook')) return t('imports.refused.notWorkbook');
  if (why.startsWith('has no header row')) return t('imports.refused.noHeader');
  if (why.startsWith('is not a readable')) return t('imports.refused.unreadable', { detail: why });
  return t('imports.refused.other', { detail: why });
}
