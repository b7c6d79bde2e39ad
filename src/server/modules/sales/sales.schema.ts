import { z } from 'zod';
import { ListQuery, listOf } from '../../http/listSchema';

export const SalesLine = z.object({
  id: z.string(),
  orderDate: z.string(),
  orderNo: z.string().nullable(),
  product: z.string().nullable(),
  /** As imported (up to 3 decimals), a decimal string. */
  quantity: z.string().nullable(),
  /** 元 incl. tax, at most 2 decimals. */
  amount: z.number(),
  paid: z.number().nullable(),
  paidAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** Unpaid (in full) past its due date. */
  overdue: z.boolean(),
  ownerName: z.string().nullable(),
});
export type SalesLine = z.infer<typeof SalesLine>;

export const ProductLine = z.object({
  product: z.string().nullable(),
  amount: z.number(),
  lines: z.number().int(),
  lastOrderDate: z.string(),
});

export const SalesSummary = z.object({
  lines: z.number().int(),
  total: z.number(),
  paid: z.number(),
  /** Total less paid. */
  outstanding: z.number(),
  /** Outstanding on lines past their due date. */
  overdue: z.number(),
  firstOrderDate: z.string().nullable(),
  lastOrderDate: z.string().nullable(),
  /** Per product (产品线), largest first. */
  products: z.array(ProductLine),
});
export type SalesSummary = z.infer<typeof SalesSummary>;

export const CustomerSales = listOf(SalesLine).extend({ summary: SalesSummary });
export type CustomerSales = z.infer<typeof CustomerSales>;

export const CustomerSalesQuery = ListQuery;
