import type { Localized } from '../vocabulary';

/** Whole cents as yuan with two decimals, using integer arithmetic only: 123456 → 1,234.56. */
export function formatCentsAsYuan(cents: number): string {
  const whole = Math.abs(Math.trunc(cents));
  const yuan = Math.floor(whole / 100).toLocaleString('en-US');
  return `${cents < 0 ? '-' : ''}${yuan}.${String(whole % 100).padStart(2, '0')}`;
}

/** An amount for reasons and labels: "1,234.56元" in zh-CN, "¥1,234.56" in en. */
export function localizedYuan(cents: number): Localized {
  const text = formatCentsAsYuan(cents);
  return { 'zh-CN': `${text}元`, en: `¥${text}` };
}
