import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_FIELDS,
  type FieldSynonyms,
  findHeaderRow,
  guessMapping,
  normalizeHeader,
  SALES_FIELDS,
} from './headerMapping';

function mapped<F extends string>(mapping: Record<F, string | null>): Partial<Record<F, string>> {
  const entries = Object.entries(mapping).filter(([, header]) => header !== null);
  return Object.fromEntries(entries) as Partial<Record<F, string>>;
}

describe('field synonyms', () => {
  it.each([
    ['SALES_FIELDS', SALES_FIELDS],
    ['CUSTOMER_FIELDS', CUSTOMER_FIELDS],
  ] as [string, FieldSynonyms][])('%s never lists a synonym under two fields', (_, fields) => {
    const owners = new Map<string, string>();
    for (const [field, synonyms] of Object.entries(fields)) {
      for (const synonym of synonyms) {
        const key = normalizeHeader(synonym);
        expect(owners.get(key) ?? field, `${synonym} in ${field}`).toBe(field);
        owners.set(key, field);
      }
    }
  });

  it('has the fields of the import API', () => {
    expect(Object.keys(SALES_FIELDS)).toEqual([
      'customer',
      'product',
      'amount',
      'orderDate',
      'quantity',
      'orderNo',
      'paidAmount',
      'paidAt',
      'dueDate',
      'owner',
    ]);
  });
});

describe('guessMapping: sales reports', () => {
  it('maps a typical Chinese sales report', () => {
    const headers = [
      '单据日期',
      '单据编号',
      '客户',
      '货品名称',
      '数量',
      '单价',
      '金额',
      '价税合计',
    ];
    expect(mapped(guessMapping(headers, SALES_FIELDS))).toEqual({
      customer: '客户',
      product: '货品名称',
      amount: '价税合计',
      orderDate: '单据日期',
      quantity: '数量',
      orderNo: '单据编号',
    });
  });

  it('prefers 价税合计 over 金额 whatever the column order', () => {
    expect(guessMapping(['价税合计', '金额'], SALES_FIELDS).amount).toBe('价税合计');
    expect(guessMapping(['金额', '价税合计'], SALES_FIELDS).amount).toBe('价税合计');
    expect(guessMapping(['金额', '含税金额'], SALES_FIELDS).amount).toBe('含税金额');
    expect(guessMapping(['金额'], SALES_FIELDS).amount).toBe('金额');
  });

  it.each([
    ['客户名称', 'customer'],
    ['单位名称', 'customer'],
    ['购货单位', 'customer'],
    ['Customer Name', 'customer'],
    ['CLIENT', 'customer'],
    ['产品名称', 'product'],
    ['商品名称', 'product'],
    ['品名', 'product'],
    ['Item', 'product'],
    ['销售额', 'amount'],
    ['含税金额', 'amount'],
    ['Amount incl. tax', 'amount'],
    ['Total', 'amount'],
    ['金额（元）', 'amount'],
    ['金额(含税)', 'amount'],
    ['日期', 'orderDate'],
    ['开票日期', 'orderDate'],
    ['Order Date', 'orderDate'],
    ['Date', 'orderDate'],
    ['Posting date', 'orderDate'],
    ['Qty', 'quantity'],
    ['Qty.', 'quantity'],
    ['Quantity', 'quantity'],
    ['发票号', 'orderNo'],
    ['订单号', 'orderNo'],
    ['Invoice No.', 'orderNo'],
    ['Order #', 'orderNo'],
    ['已收款', 'paidAmount'],
    ['回款金额', 'paidAmount'],
    ['Amount Paid', 'paidAmount'],
    ['Paid', 'paidAmount'],
    ['收款日期', 'paidAt'],
    ['回款日期', 'paidAt'],
    ['Payment Date', 'paidAt'],
    ['到期日', 'dueDate'],
    ['应收日期', 'dueDate'],
    ['Due Date', 'dueDate'],
    ['业务员', 'owner'],
    ['Sales Rep', 'owner'],
    ['Owner', 'owner'],
  ])('%s → %s', (header, field) => {
    expect(mapped(guessMapping([header], SALES_FIELDS))).toEqual({ [field]: header });
  });

  it('falls back to a header that contains a synonym, preferring one it ends with', () => {
    expect(mapped(guessMapping(['本月销售金额合计', '发货数量'], SALES_FIELDS))).toEqual({
      amount: '本月销售金额合计',
      quantity: '发货数量',
    });
    expect(guessMapping(['Total Qty'], SALES_FIELDS).quantity).toBe('Total Qty');
    expect(guessMapping(['Total Qty'], SALES_FIELDS).amount).toBeNull();
    expect(guessMapping(['Line Total'], SALES_FIELDS).amount).toBe('Line Total');
  });

  it('never maps one header to two fields', () => {
    const mapping = guessMapping(['收款日期'], SALES_FIELDS);
    expect(mapped(mapping)).toEqual({ paidAt: '收款日期' });
    const both = guessMapping(['日期', '收款日期', '到期日期'], SALES_FIELDS);
    expect(mapped(both)).toEqual({ orderDate: '日期', paidAt: '收款日期', dueDate: '到期日期' });
  });

  it('does not take codes, unpaid balances or amounts without tax for the field', () => {
    expect(
      mapped(guessMapping(['客户编号', '产品编码', '未收款金额', '欠款余额'], SALES_FIELDS)),
    ).toEqual({});
    expect(guessMapping(['Unpaid Amount'], SALES_FIELDS).paidAmount).toBeNull();
    expect(guessMapping(['金额(不含税)'], SALES_FIELDS).amount).toBeNull();
    expect(guessMapping(['不含税金额', '价税合计'], SALES_FIELDS).amount).toBe('价税合计');
    expect(guessMapping(['Tax Amount'], SALES_FIELDS).amount).toBeNull();
  });

  it('leaves unknown and empty headers unmapped', () => {
    const mapping = guessMapping(['', '备注', '规格型号', '单价'], SALES_FIELDS);
    expect(mapped(mapping)).toEqual({});
    expect(Object.keys(mapping)).toHaveLength(10);
  });

  it('maps an English report', () => {
    const headers = [
      'Invoice Date',
      'Invoice #',
      'Client',
      'Product',
      'Qty',
      'Unit Price',
      'Amount',
    ];
    expect(mapped(guessMapping(headers, SALES_FIELDS))).toEqual({
      customer: 'Client',
      product: 'Product',
      amount: 'Amount',
      orderDate: 'Invoice Date',
      quantity: 'Qty',
      orderNo: 'Invoice #',
    });
  });
});

describe('guessMapping: customer lists', () => {
  it('maps a Chinese customer list with contacts', () => {
    const headers = [
      '客户名称',
      '所属行业',
      '员工人数',
      '省份',
      '城市',
      '详细地址',
      '网址',
      '电话',
      '邮箱',
      '客户来源',
      '标签',
      '负责人',
      '联系人',
      '职务',
      '手机',
      '联系人邮箱',
      '微信',
    ];
    expect(mapped(guessMapping(headers, CUSTOMER_FIELDS))).toEqual({
      name: '客户名称',
      industry: '所属行业',
      headcount: '员工人数',
      province: '省份',
      city: '城市',
      address: '详细地址',
      website: '网址',
      phone: '电话',
      email: '邮箱',
      source: '客户来源',
      tags: '标签',
      owner: '负责人',
      contactName: '联系人',
      contactTitle: '职务',
      contactPhone: '手机',
      contactEmail: '联系人邮箱',
      contactWechat: '微信',
    });
  });

  it('maps an English customer list', () => {
    const headers = [
      'Company Name',
      'Country',
      'Website',
      'E-mail',
      'Contact Name',
      'Job Title',
      'Mobile',
    ];
    expect(mapped(guessMapping(headers, CUSTOMER_FIELDS))).toEqual({
      name: 'Company Name',
      country: 'Country',
      website: 'Website',
      email: 'E-mail',
      contactName: 'Contact Name',
      contactTitle: 'Job Title',
      contactPhone: 'Mobile',
    });
  });

  it('reads a compound header by its last word', () => {
    expect(mapped(guessMapping(['联系人手机号', '联系人QQ'], CUSTOMER_FIELDS))).toEqual({
      contactPhone: '联系人手机号',
      contactName: '联系人QQ',
    });
    expect(guessMapping(['Contact Title'], CUSTOMER_FIELDS).contactTitle).toBe('Contact Title');
  });

  it('does not read generic words inside other headers', () => {
    expect(guessMapping(['产品名称'], CUSTOMER_FIELDS).name).toBeNull();
    expect(guessMapping(['First Name'], CUSTOMER_FIELDS).name).toBeNull();
    expect(guessMapping(['Hotel'], CUSTOMER_FIELDS).phone).toBeNull();
  });
});

describe('findHeaderRow', () => {
  it('skips the title and blank rows of a report', () => {
    const rows = [
      ['XX公司2026年3月销售报表', null, null, null],
      ['制表日期：2026-04-01', null, null, null],
      [],
      [null, null, null, null],
      ['日期', '客户', '货品名称', '价税合计'],
      [46086, '华为技术有限公司', '服务器', 12000],
    ];
    expect(findHeaderRow(rows, SALES_FIELDS)).toEqual({
      index: 4,
      headers: ['日期', '客户', '货品名称', '价税合计'],
      dataStart: 5,
    });
  });

  it('does not join a title row straight above the header', () => {
    const rows = [
      ['2026年3月销售报表', null, null],
      ['日期', '客户名称', '金额'],
      [46086, '华为', 100],
    ];
    expect(findHeaderRow(rows, SALES_FIELDS)).toEqual({
      index: 1,
      headers: ['日期', '客户名称', '金额'],
      dataStart: 2,
    });
  });

  it('does not join a header with a data row made only of text', () => {
    const rows = [
      ['客户名称', '所属行业', '城市', '联系人'],
      ['华为技术有限公司', '通信', '深圳', '张三'],
    ];
    expect(findHeaderRow(rows, CUSTOMER_FIELDS)).toEqual({
      index: 0,
      headers: ['客户名称', '所属行业', '城市', '联系人'],
      dataStart: 1,
    });
  });

  it('finds a header on the first row', () => {
    const rows = [
      ['Customer', 'Amount'],
      ['Acme', 100],
    ];
    expect(findHeaderRow(rows, SALES_FIELDS)).toMatchObject({ index: 0, dataStart: 1 });
  });

  it('joins a two-row header whose merged parent is given once (SheetJS)', () => {
    const rows = [
      ['销售明细', null, null, null, null],
      ['日期', '客户', '金额', null, '数量'],
      [null, null, '含税', '不含税', null],
      [46086, '华为', 1130, 1000, 2],
    ];
    expect(findHeaderRow(rows, SALES_FIELDS)).toEqual({
      index: 1,
      headers: ['日期', '客户', '金额/含税', '金额/不含税', '数量'],
      dataStart: 3,
    });
  });

  it('joins a two-row header whose merged cells are repeated (exceljs)', () => {
    const rows = [
      ['日期', '客户', '回款', '回款', '金额'],
      ['日期', '客户', '金额', '日期', '金额'],
      [46086, '华为', 500, 46090, 1000],
    ];
    const found = findHeaderRow(rows, SALES_FIELDS);
    expect(found).toEqual({
      index: 0,
      headers: ['日期', '客户', '回款/金额', '回款/日期', '金额'],
      dataStart: 2,
    });
    expect(mapped(guessMapping(found.headers, SALES_FIELDS))).toEqual({
      customer: '客户',
      amount: '金额',
      orderDate: '日期',
      paidAmount: '回款/金额',
      paidAt: '回款/日期',
    });
  });

  it('keeps a one-row header when the next row is data', () => {
    const rows = [
      ['客户', '产品', '金额'],
      ['客户甲', '产品乙', '1,000'],
    ];
    expect(findHeaderRow(rows, SALES_FIELDS)).toMatchObject({ index: 0, dataStart: 1 });
  });

  it('makes repeated header texts unique', () => {
    const rows = [['客户', '金额', '金额', '金额']];
    expect(findHeaderRow(rows, SALES_FIELDS).headers).toEqual([
      '客户',
      '金额',
      '金额 (2)',
      '金额 (3)',
    ]);
    expect(guessMapping(['客户', '金额', '金额 (2)'], SALES_FIELDS).amount).toBe('金额');
  });

  it('reads rich-text and numeric header cells', () => {
    const rows = [[{ richText: [{ text: '客户' }, { text: '名称' }] }, 2026, '金额']];
    expect(findHeaderRow(rows, SALES_FIELDS).headers).toEqual(['客户名称', '2026', '金额']);
  });

  it('only looks at the first maxScan rows', () => {
    const rows = [['标题'], ['客户'], ['客户', '金额']];
    expect(findHeaderRow(rows, SALES_FIELDS, 2).index).toBe(1);
    expect(findHeaderRow(rows, SALES_FIELDS).index).toBe(2);
  });

  it('falls back to the row with the most labels when nothing matches', () => {
    const rows = [['Report'], ['foo', 'bar', 'baz'], [1, 2, 3]];
    expect(findHeaderRow(rows, SALES_FIELDS)).toEqual({
      index: 1,
      headers: ['foo', 'bar', 'baz'],
      dataStart: 2,
    });
  });

  it('returns index -1 for an empty sheet', () => {
    expect(findHeaderRow([], SALES_FIELDS)).toEqual({ index: -1, headers: [], dataStart: 0 });
    expect(findHeaderRow([[null, ''], []], SALES_FIELDS).index).toBe(-1);
  });
});
