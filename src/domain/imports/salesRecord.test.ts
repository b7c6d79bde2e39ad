import { describe, expect, it } from 'vitest';
import { readSalesRow } from './salesRecord';

const columns = {
  customer: '客户名称',
  product: '货品名称',
  amount: '价税合计',
  orderDate: '单据日期',
  quantity: '数量',
  paidAmount: '已收款',
  paidAt: '收款日期',
};

describe('readSalesRow', () => {
  it('reads a clean row', () => {
    expect(
      readSalesRow(
        {
          customer: ' 杭州明达机械有限公司 ',
          product: '钢管',
          amount: '¥12,345.60',
          orderDate: '2026年3月5日',
          quantity: '1,200件',
          orderNo: 20260001,
          paidAmount: 10000,
          paidAt: 46090,
          owner: '张三',
        },
        { columns },
      ),
    ).toEqual({
      ok: true,
      record: {
        customerName: '杭州明达机械有限公司',
        customerKey: '杭州明达机械',
        product: '钢管',
        quantity: '1200',
        amountCents: 1_234_560,
        orderDate: '2026-03-05',
        orderNo: '20260001',
        paidCents: 1_000_000,
        paidAt: '2026-03-09',
        dueDate: null,
        owner: '张三',
      },
    });
  });

  it('scales amounts whose header gives 万元', () => {
    const result = readSalesRow(
      { customer: 'A', amount: 1.5, orderDate: '2026-03-05', paidAmount: '0.5' },
      { columns, amountUnit: '万', paidUnit: '万' },
    );
    expect(result.ok && [result.record.amountCents, result.record.paidCents]).toEqual([
      1_500_000, 500_000,
    ]);
  });

  it('lists every problem of a row, naming the column and quoting the cell', () => {
    expect(
      readSalesRow(
        { customer: '', amount: 'abc', orderDate: '2026-02-30', quantity: 'x', paidAt: 'soon' },
        { columns },
      ),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'customer', message: '客户名称 is empty' },
        { field: 'amount', message: "价税合计 'abc': not a number" },
        { field: 'orderDate', message: "单据日期 '2026-02-30': no such day" },
        { field: 'paidAt', message: "收款日期 'soon': not a date" },
        { field: 'quantity', message: "数量 'x': not a number" },
      ],
    });
  });

  it('requires customer, amount and order date but not the optional fields', () => {
    const result = readSalesRow({ customer: '——', amount: null }, { columns: {} });
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'customer', message: "customer '——': has no letters or digits" },
        { field: 'amount', message: 'amount is empty' },
        { field: 'orderDate', message: 'orderDate is empty' },
      ],
    });
  });

  it('refuses amounts in another currency and over-long text', () => {
    const result = readSalesRow(
      { customer: 'x'.repeat(201), amount: '$5', orderDate: '2026-01-01' },
      { columns },
    );
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      `客户名称 '${'x'.repeat(40)}…': longer than 200 characters`,
      "价税合计 '$5': not in yuan (元)",
    ]);
  });
});
