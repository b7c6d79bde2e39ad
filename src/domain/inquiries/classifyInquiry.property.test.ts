import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyInquiry } from './classifyInquiry';
import { INQUIRY_FIXTURES } from './inquiry-fixtures';
import { PATTERN_RULES } from './inquiryRules';
import { INQUIRY_CLASSES, type InquiryInput, type SignalCode } from './types';

// Phrases a scammer adds; each must fire a scam signal and nothing precise (checked below).
const SCAM_PHRASES = [
  'Please pay the registration fee to our agent first.',
  'Kindly send the money via Western Union.',
  'Click the link below to view our purchase order.',
  'Please confirm your bank details and online banking login.',
  'You must pay the processing fee before we issue the contract.',
  'Your company has been selected, the contract has been awarded.',
  '签合同前需先支付合同公证费。',
  '请点击链接登录邮箱查看订单详情。',
  '请提供法人银行卡号和手机验证码。',
  '签约当天请在指定酒店订一桌,并给领导准备礼品。',
  '请先把检测费打到指定账户。',
  '十万火急,今天之内回复,否则订单将被取消。',
];

const OTHER_PHRASES = [
  'Dear Ms. Chen,',
  'Dear Sir/Madam,',
  'Please send us your latest price list.',
  'We need 1,200 pcs of model HB-150U, 150W, FOB Shenzhen.',
  'Payment: 30% T/T deposit, balance against B/L.',
  'Tel: +49 40 7889 2301',
  '王经理您好:',
  '尊敬的先生/女士:',
  '型号DL-0615,数量2000只,含税送到杭州。',
  '请发一份价格表给我看看。',
];

const KNOWN_CODES = new Set<SignalCode>([
  ...PATTERN_RULES.map((r) => r.code),
  'free_mail_sender',
  'domain_mismatch',
  'no_product_or_quantity',
]);

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 40 }));
const body = fc
  .array(fc.oneof(text, fc.constantFrom(...SCAM_PHRASES, ...OTHER_PHRASES)), { maxLength: 8 })
  .chain((parts) => fc.constantFrom(' ', '\n').map((sep) => parts.join(sep)));

const inquiry: fc.Arbitrary<InquiryInput> = fc.record(
  {
    channel: fc.constantFrom('email', 'website', 'alibaba', 'whatsapp', 'wechat', 'phone'),
    subject: fc.option(text, { nil: undefined }),
    body,
    senderName: fc.option(text, { nil: undefined }),
    senderEmail: fc.option(
      fc.oneof(fc.emailAddress(), fc.constantFrom('a@gmail.com', 'b@qq.com', 'c@siemens.com')),
      { nil: undefined },
    ),
    company: fc.option(fc.oneof(text, fc.constantFrom('Siemens AG', '深圳云帆科技有限公司')), {
      nil: undefined,
    }),
    country: fc.option(fc.constantFrom('CN', 'DE', 'NG'), { nil: undefined }),
  },
  { requiredKeys: ['channel', 'body'] },
);

const withPhrases = (input: InquiryInput, phrases: string[]): InquiryInput => ({
  ...input,
  body: [input.body, ...phrases].join('\n\n'),
});

describe('classifyInquiry properties', () => {
  it('always gives one of the three classes, a 2-decimal confidence in [0,1] and explained signals', () => {
    fc.assert(
      fc.property(inquiry, (input) => {
        const result = classifyInquiry(input);
        expect(INQUIRY_CLASSES).toContain(result.classification);
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
        expect(Math.round(result.confidence * 100) / 100).toBe(result.confidence);
        for (const s of result.signals) {
          expect(KNOWN_CODES.has(s.code)).toBe(true);
          expect(INQUIRY_CLASSES).toContain(s.class);
          expect(s.weight).toBeGreaterThan(0);
          expect(s.label['zh-CN'] && s.label.en).toBeTruthy();
          // Only the "nothing specific" signal is about an absence and so has no quote.
          if (s.code !== 'no_product_or_quantity') expect(s.evidence).toBeTruthy();
        }
        expect(new Set(result.signals.map((s) => s.code)).size).toBe(result.signals.length);
      }),
      { numRuns: 500 },
    );
  });

  it.each(SCAM_PHRASES)('"%s" fires a scam signal and no precise one', (phrase) => {
    const classes = classifyInquiry({ channel: 'email', body: phrase }).signals.map((s) => s.class);
    expect(classes).toContain('scam');
    expect(classes).not.toContain('precise');
  });

  it('adding a scam phrase never lowers the scam score nor raises the precise score', () => {
    fc.assert(
      fc.property(inquiry, fc.constantFrom(...SCAM_PHRASES), (input, phrase) => {
        const before = classifyInquiry(input).scores;
        const after = classifyInquiry(withPhrases(input, [phrase])).scores;
        expect(after.scam).toBeGreaterThanOrEqual(before.scam);
        expect(after.precise).toBeLessThanOrEqual(before.precise);
      }),
      { numRuns: 500 },
    );
  });

  it('adding scam phrases never turns a scam fixture into precise', () => {
    const scams = INQUIRY_FIXTURES.filter((f) => f.expected === 'scam');
    fc.assert(
      fc.property(
        fc.constantFrom(...scams),
        fc.subarray(SCAM_PHRASES, { minLength: 1 }),
        (fixture, phrases) => {
          const before = classifyInquiry(fixture.input).classification;
          const after = classifyInquiry(withPhrases(fixture.input, phrases)).classification;
          expect(after).not.toBe('precise');
          if (before === 'scam') expect(after).toBe('scam');
        },
      ),
    );
  });

  it('an inquiry classified scam stays scam when a scam phrase is added', () => {
    fc.assert(
      fc.property(inquiry, fc.constantFrom(...SCAM_PHRASES), (input, phrase) => {
        fc.pre(classifyInquiry(input).classification === 'scam');
        expect(classifyInquiry(withPhrases(input, [phrase])).classification).toBe('scam');
      }),
      { numRuns: 300 },
    );
  });
});
