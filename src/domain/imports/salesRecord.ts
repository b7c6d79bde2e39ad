// One row of a sales report as a sales line, or the reasons it cannot be one.
import { normalizeCustomerName } from '../customers/normalizeCustomerName';
import { type AmountUnit, withAmountUnit } from './amountUnit';
import type { SalesField } from './fieldSynonyms';
import { parseAmountToCents, parseDateCell, parseQuantity } from './parseCell';
import { cellProblem, optionalText, type RowProblem } from './rowProblems';

export interface SalesRecord {
  customerName: string;
  /** normalizeCustomerName(customerName): how the customer is matched. */
  customerKey: string;
  product: string | null;
  quantity: string | null;
  amountCents: number;
  orderDate: string;
  orderNo: string | null;
  paidCents: number | null;
  paidAt: string | null;
  dueDate: string | null;
  owner: string | null;
}

export interface SalesRowOptions {
  /** The column header of each mapped field, for messages. */
  columns: Partial<Record<SalesField, string>>;
  /** Units stated in the amount headers ('金额(万元)'). */
  amountUnit?: AmountUnit;
  paidUnit?: AmountUnit;
  date1904?: boolean;
}

export type SalesRowResult =
  | { ok: true; record: SalesRecord }
  | { ok: false; problems: RowProblem<SalesField>[] };

const TEXT_LIMITS = { customer: 200, product: 200, orderNo: 100, owner: 200 } as const;

/** Reads the mapped cells of one data row; every problem of the row is reported at once. */
export function readSalesRow(
  cells: Partial<Record<SalesField, unknown>>,
  options: SalesRowOptions,
): SalesRowResult {
  const problems: RowProblem<SalesField>[] = [];
  const problem = (field: SalesField, reason: string) =>
    problems.push(cellProblem(field, options.columns[field], cells[field], reason));

  const text = (field: keyof typeof TEXT_LIMITS): string | null => {
    const value = optionalText(cells[field]);
    if (value !== null && value.length > TEXT_LIMITS[field]) {
      problem(field, `longer than ${TEXT_LIMITS[field]} characters`);
      return null;
    }
    return value;
  };

  const customerName = text('customer');
  const customerKey = customerName === null ? '' : normalizeCustomerName(customerName);
  if (customerName === null) {
    if (!problems.some((p) => p.field === 'customer')) problem('customer', 'empty');
  } else if (customerKey === '') problem('customer', 'has no letters or digits');

  const amount = parseAmountToCents(withAmountUnit(cells.amount, options.amountUnit ?? null));
  if (!amount.ok) problem('amount', amount.reason);

  const dateOptions = { date1904: options.date1904 ?? false };
  const orderDate = parseDateCell(cells.orderDate, dateOptions);
  if (!orderDate.ok) problem('orderDate', orderDate.reason);

  const optionalDate = (field: 'paidAt' | 'dueDate'): string | null => {
    const parsed = parseDateCell(cells[field], dateOptions);
    if (parsed.ok) return parsed.date;
    if (parsed.reason !== 'empty') problem(field, parsed.reason);
    return null;
  };
  const paidAt = optionalDate('paidAt');
  const dueDate = optionalDate('dueDate');

  const paid = parseAmountToCents(withAmountUnit(cells.paidAmount, options.paidUnit ?? null));
  if (!paid.ok && paid.reason !== 'empty') problem('paidAmount', paid.reason);

  const quantity = parseQuantity(cells.quantity);
  if (!quantity.ok && quantity.reason !== 'empty') problem('quantity', quantity.reason);

  const product = text('product');
  const orderNo = text('orderNo');
  const owner = text('owner');

  if (problems.length > 0 || customerName === null || !amount.ok || !orderDate.ok) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    record: {
      customerName,
      customerKey,
      product,
      quantity: quantity.ok ? quantity.quantity : null,
      amountCents: amount.cents,
      orderDate: orderDate.date,
      orderNo,
      paidCents: paid.ok ? paid.cents : null,
      paidAt,
      dueDate,
      owner,
    },
  };
}
