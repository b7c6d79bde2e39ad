import { describe, expect, it } from 'vitest';
import { edgesFromYuan, edgesToYuan } from './bucketEdges';

describe('edgesToYuan', () => {
  it('moves 万 to 元 without floats, in any separator a Chinese keyboard types', () => {
    expect(edgesToYuan('1, 5, 10, 20', 'wan')).toEqual({
      ok: true,
      yuan: '10000,50000,100000,200000',
    });
    expect(edgesToYuan('0.5，1.2345、３', 'wan')).toEqual({ ok: true, yuan: '5000,12345,30000' });
    expect(edgesToYuan('0.00001', 'wan')).toEqual({ ok: true, yuan: '0.1' });
    expect(edgesToYuan('9999.99 10000', 'yuan')).toEqual({ ok: true, yuan: '9999.99,10000' });
  });

  it('says what is wrong', () => {
    expect(edgesToYuan(' , ', 'wan')).toEqual({ ok: false, problem: 'empty' });
    expect(edgesToYuan('1, 5万', 'wan')).toEqual({ ok: false, problem: 'notANumber', item: '5万' });
    expect(edgesToYuan('5, 1', 'wan')).toEqual({ ok: false, problem: 'notIncreasing', item: '1' });
    expect(edgesToYuan('1, 1', 'wan')).toEqual({ ok: false, problem: 'notIncreasing', item: '1' });
    expect(edgesToYuan('0, 1', 'wan')).toEqual({ ok: false, problem: 'notPositive', item: '0' });
  });
});

describe('edgesFromYuan', () => {
  it('shows whole 元 in 万, and anything with fen in 元', () => {
    expect(edgesFromYuan('10000,50000,100000,200000')).toEqual({
      text: '1, 5, 10, 20',
      unit: 'wan',
    });
    expect(edgesFromYuan('5000,12345')).toEqual({ text: '0.5, 1.2345', unit: 'wan' });
    expect(edgesFromYuan('9999.99,10000')).toEqual({ text: '9999.99, 10000', unit: 'yuan' });
  });
});
