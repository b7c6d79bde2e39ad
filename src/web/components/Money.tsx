import { Tooltip } from 'antd';
import { formatMoney } from '../../domain/format/money';
import { currentLocale } from '../i18n';

/** The API's 元 (at most 2 decimals) as the domain formatter's cents. */
export const yuanToCentsRounded = (yuan: number) => Math.round(yuan * 100);

/**
 * An amount in the org currency: '123.46 万' / '1.23M' with the exact '¥1,234,567.00' in a
 * tooltip, or the exact figure alone with `exact`.
 */
export function Money({ amount, exact = false }: { amount: number; exact?: boolean }) {
  const locale = currentLocale();
  const cents = yuanToCentsRounded(amount);
  const full = formatMoney(cents, locale);
  if (exact) return <span>{full}</span>;
  return (
    <Tooltip title={full}>
      <span>¥{formatMoney(cents, locale, { compact: true })}</span>
    </Tooltip>
  );
}
