import { Tooltip } from 'antd';
import { formatMoney, formatPercent, yuanToCents } from '../../../domain/format';
import type { Locale } from '../../api/types';

/** 元 as 万/K with the exact figure in a tooltip. */
export function Yuan({ value, locale }: { value: number | null; locale: Locale }) {
  if (value === null) return <span>—</span>;
  const cents = yuanToCents(value);
  return (
    <Tooltip title={formatMoney(cents, locale)}>
      <span>{formatMoney(cents, locale, { compact: true })}</span>
    </Tooltip>
  );
}

/** A ratio (0..1) as a percent with one decimal; null → '—'. */
export const ratioText = (ratio: number | null | undefined) =>
  formatPercent(ratio == null ? null : Math.round(ratio * 1000) / 10);

export const exactYuan = (value: number, locale: Locale) => formatMoney(yuanToCents(value), locale);
export const compactYuan = (value: number, locale: Locale) =>
  formatMoney(yuanToCents(value), locale, { compact: true });

/** A forecast method's name; literal keys so the catalogue check sees them. */
export function methodLabel(
  t: (key: string) => string,
  method: 'weighted' | 'history' | 'committed',
): string {
  switch (method) {
    case 'weighted':
      return t('forecast.methods.weighted');
    case 'history':
      return t('forecast.methods.history');
    case 'committed':
      return t('forecast.methods.committed');
  }
}
