import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeCellText } from './escapeCellText';

describe('escapeCellText', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","点我")', `'=HYPERLINK("http://evil.example","点我")`],
    ['+86 138 0000 0000', "'+86 138 0000 0000"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('prefixes %j', (text, escaped) => {
    expect(escapeCellText(text)).toBe(escaped);
  });

  it.each([
    '杭州明达机械有限公司',
    'Acme Trading Co., Ltd.',
    "'already quoted",
    ' =1+1',
    '１２３',
    '＝1+1',
    '',
    'a=b',
  ])('leaves %j alone', (text) => {
    expect(escapeCellText(text)).toBe(text);
  });

  it('never leaves a formula start and never changes the text after the prefix', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeCellText(text);
        expect(/^[=+\-@\t\r]/.test(escaped)).toBe(false);
        expect(escaped === text || escaped === `'${text}`).toBe(true);
      }),
    );
  });
});
