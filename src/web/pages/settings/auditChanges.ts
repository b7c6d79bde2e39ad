// An audit row's changes as readable lines: "field: before → after" for a changed field,
// "field: value" for other details. Values are text, never JSON.
import { fieldLabelKey } from './auditLabels';

export interface ChangeText {
  t: (key: string) => string;
  /** A user's name for an id the log stored (owner, assignee), if it is one. */
  userName: (id: string) => string | undefined;
  /** An ISO instant as the page shows times. */
  dateTime: (iso: string) => string;
}

const MAX = 80;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function valueText(value: unknown, ctx: ChangeText, depth = 0): string {
  if (value === null || value === undefined || value === '') return ctx.t('audit.emptyValue');
  if (typeof value === 'boolean') return value ? ctx.t('common.yes') : ctx.t('common.no');
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return ctx.dateTime(value);
    return ctx.userName(value) ?? value;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (depth > 2) return '…';
  if (Array.isArray(value)) {
    return value.length === 0
      ? ctx.t('audit.emptyValue')
      : value.map((item) => valueText(item, ctx, depth + 1)).join(', ');
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `${key}: ${valueText(item, ctx, depth + 1)}`,
    );
    return parts.length === 0 ? ctx.t('audit.emptyValue') : parts.join('; ');
  }
  return String(value);
}

const clip = (text: string) => (text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text);

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'from' in value && 'to' in value;
}

export function changeLines(changes: unknown, entity: string, ctx: ChangeText): string[] {
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, unknown>).map(([field, value]) => {
    const labelKey = fieldLabelKey(entity, field);
    const name = labelKey ? ctx.t(labelKey) : field;
    if (isChange(value)) {
      return `${name}: ${clip(valueText(value.from, ctx))} → ${clip(valueText(value.to, ctx))}`;
    }
    return `${name}: ${clip(valueText(value, ctx))}`;
  });
}
