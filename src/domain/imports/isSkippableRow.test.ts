import { describe, expect, it } from 'vitest';
import { isSkippableRow } from './isSkippableRow';

describe('isSkippableRow', () => {
  it.each([
    [[]],
    [[null, undefined, '']],
    [['  ', '\u3000', null]],
    [[{ formula: 'A1' }, { richText: [] }]],
  ])('%j is blank', (cells) => {
    expect(isSkippableRow(cells)).toBe('blank');
  });

  it.each([
    [['合计', null, 12000]],
    [['合  计', '', 12000]],
    [['本月小计', 3, 100]],
    [['总计：', 100]],
    [[null, '华东区合计', 100]],
    [['共计', 5]],
    [['Total', 100]],
    [['TOTAL:', 100]],
    [['Grand Total', 100]],
    [['Subtotal', 100]],
    [['Sub-total', 100]],
    [['East Region Total', 100]],
    [['Total for March', 100]],
    [[{ richText: [{ text: '合计' }] }, 100]],
  ])('%j is a subtotal', (cells) => {
    expect(isSkippableRow(cells)).toBe('subtotal');
  });

  it.each([
    [[46086, '华为技术有限公司', '服务器', 12000]],
    [['Total SA', 'Diesel', 100]],
    [['Totally Fresh Ltd', 100]],
    [[0, '']],
  ])('%j is data', (cells) => {
    expect(isSkippableRow(cells)).toBeNull();
  });
});
