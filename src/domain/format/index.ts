export { addDays, daysBetween, formatDate, isValidDay, zonedDay, zonedDayStart } from './dates';
export { divideRounded, percentOneDecimal } from './decimal';
export {
  centsToYuanString,
  formatMoney,
  formatPercent,
  type MoneyFormatOptions,
  parseYuanToCents,
  type YuanParseResult,
  yuanToCents,
} from './money';
