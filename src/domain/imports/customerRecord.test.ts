import { describe, expect, it } from 'vitest';
import { readCustomerRow } from './customerRecord';

describe('readCustomerRow', () => {
  it('reads a customer with its contact', () => {
    expect(
      readCustomerRow(
        {
          name: '杭州明达机械有限公司',
          industry: '机械',
          headcount: '1,000人以上',
          phone: '0571-88886666',
          email: 'info@mingda.cn',
          tags: '老客户，重点、 机械',
          contactName: '王经理',
          contactPhone: '13800000000',
        },
        {},
      ),
    ).toEqual({
      ok: true,
      record: {
        name: '杭州明达机械有限公司',
        industry: '机械',
        headcount: 1000,
        province: null,
        city: null,
        address: null,
        country: null,
        website: null,
        phone: '0571-88886666',
        email: 'info@mingda.cn',
        source: null,
        tags: ['老客户', '重点', '机械'],
        owner: null,
        contact: { name: '王经理', title: null, mobile: '13800000000', email: null, wechat: null },
      },
    });
  });

  it.each([
    [120, 120],
    ['120', 120],
    ['50-99人', 50],
    ['100~499', 100],
    ['', null],
  ])('reads headcount %j as %j', (headcount, expected) => {
    const result = readCustomerRow({ name: 'A', headcount }, {});
    expect(result.ok && result.record.headcount).toBe(expected);
  });

  it('names every problem of the row', () => {
    expect(
      readCustomerRow(
        { name: ' ', headcount: 'many', email: 'nope', contactPhone: '138' },
        { name: '公司名称', headcount: '人数', email: '邮箱', contactName: '联系人' },
      ),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'name', message: '公司名称 is empty' },
        { field: 'headcount', message: "人数 'many': not a number of employees" },
        { field: 'contactName', message: '联系人 is empty, but the row has contact details' },
        { field: 'email', message: "邮箱 'nope': not an email address" },
      ],
    });
  });
});
