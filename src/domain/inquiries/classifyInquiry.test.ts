import { describe, expect, it } from 'vitest';
import { classifyInquiry, confidenceOf, domainContradicts, isFreeMail } from './classifyInquiry';
import { INQUIRY_FIXTURES } from './inquiry-fixtures';
import { PATTERN_RULES } from './inquiryRules';
import { BACKGROUND_CHECK, INQUIRY_PLAYBOOKS } from './playbooks';
import { measureTriageAccuracy } from './triageAccuracy';
import { INQUIRY_CLASSES, type InquiryInput, type SignalCode } from './types';

const triage = (body: string, extra: Partial<InquiryInput> = {}) =>
  classifyInquiry({ channel: 'email', body, ...extra });
const codesOf = (body: string, extra?: Partial<InquiryInput>) =>
  triage(body, extra).signals.map((s) => s.code);
const fixture = (id: string) => {
  const found = INQUIRY_FIXTURES.find((f) => f.id === id);
  if (!found) throw new Error(`no fixture ${id}`);
  return found;
};
const signal = (code: SignalCode, body: string, extra?: Partial<InquiryInput>) =>
  triage(body, extra).signals.find((s) => s.code === code);

// One line that must fire the rule (with the evidence it should quote) and one that must not.
const PATTERN_CASES: [SignalCode, string, string, string][] = [
  [
    'fee_request',
    'You must first settle the registration fee of USD 300.',
    'registration fee',
    'Freight charges are on our side.',
  ],
  ['fee_request', '签合同前需支付合同公证费3800元', '公证费', '运费由我方承担'],
  [
    'money_transfer_service',
    'Pay the courier via Western Union.',
    'Western Union',
    'Payment by T/T.',
  ],
  ['money_transfer_service', '请通过西联汇款', '西联', '请电汇'],
  [
    'bank_details_request',
    'Please confirm your bank details today.',
    'confirm your bank details',
    'Please send PI with your bank details.',
  ],
  ['bank_details_request', '请提供法人银行卡号', '银行卡号', '请提供营业执照'],
  [
    'advance_payment_request',
    'You must pay the agent before we order.',
    'You must pay',
    'We will pay 30% deposit in advance by T/T.',
  ],
  ['advance_payment_request', '需要贵司先缴纳履约金', '贵司先缴纳', '我方预付30%货款'],
  [
    'phishing_link',
    'Click the link below to view our purchase order.',
    'Click the link below to view our purchase',
    'Please see the attached drawing and quote.',
  ],
  [
    'phishing_link',
    '请点击链接登录邮箱查看订单详情',
    '点击链接登录邮箱查看订单详情',
    '附件是图纸,请报价',
  ],
  [
    'kickback_or_gift',
    'Add a 5% commission for our director.',
    'commission for our director',
    'Commission is not needed.',
  ],
  ['kickback_or_gift', '签约当天在酒店订一桌', '订一桌', '签约当天我们派车接您'],
  [
    'unsolicited_award',
    'Your company has been selected as supplier.',
    'Your company has been selected',
    'We shortlisted three suppliers for sampling.',
  ],
  ['unsolicited_award', '恭喜贵司入围本项目', '恭喜贵司', '欢迎贵司参加投标'],
  [
    'urgency_pressure',
    'Reply within 24 hours or the order is cancelled.',
    'within 24 hours',
    'Reply when convenient.',
  ],
  ['urgency_pressure', '十万火急,今天之内回复', '十万火急', '方便时回复'],
  [
    'generic_salutation',
    'Dear Sir/Madam,\nPlease quote.',
    'Dear Sir/Madam',
    'Dear Ms. Chen,\nPlease quote.',
  ],
  ['generic_salutation', '尊敬的先生/女士:\n请报价。', '尊敬的先生/女士', '王经理您好:\n请报价。'],
  [
    'price_list_request',
    'Please send us your latest price list.',
    'send us your latest price list',
    'Please quote the items below.',
  ],
  ['price_list_request', '请发一份价格表', '价格表', '请按清单报价'],
  [
    'vague_interest',
    'We are interested in your products.',
    'interested in your products',
    'We need 300 units of DN50 valves.',
  ],
  ['vague_interest', '我们对贵司产品很感兴趣', '对贵司产品很感兴趣', '我们需要300台阀门'],
  [
    'clear_addressee',
    'Dear Mr. Liu,\nPlease quote.',
    'Dear Mr. Liu',
    'Dear Friend,\nPlease quote.',
  ],
  ['clear_addressee', '刘经理:你好。\n请报价。', '刘经理', '老板你好\n请报价。'],
  [
    'clear_addressee',
    '深圳博达软件有限公司销售部:您好!',
    '深圳博达软件有限公司',
    '尊敬的贵公司:您好',
  ],
  ['model_number', 'Please quote model HB-150U.', 'model HB-150U', 'Please quote your high bays.'],
  ['model_number', '型号DL-0615', '型号DL-0615', '订单号PO-20240517'],
  ['specification', 'Size 25x35x12cm, 240gsm.', '25x35x12cm', 'All sizes welcome.'],
  ['specification', '含量≥99%,门幅150cm', '含量≥99%', '质量要好'],
  ['quantity', 'Quantity: 1,200 pcs', '1,200 pcs', 'We need it within 24 hours.'],
  ['quantity', '数量2000只', '2000只', '24小时内回复'],
  ['quantity', '我们要两台注塑机', '两台', '一个问题'],
  ['incoterm', 'Please quote FOB Shenzhen.', 'FOB Shenzhen', 'Please quote your best price.'],
  ['incoterm', '请报到岸价', '到岸价', '请报价'],
  [
    'delivery_terms',
    'Delivery to Hamburg port before 15 October.',
    'Delivery to Hamburg port before 15 October',
    'Delivery is up to you.',
  ],
  ['delivery_terms', '要求4月20日前到货', '4月20日前到货', '请发到我邮箱'],
  ['target_price', 'Our target price is USD 18.5/pc.', 'target price', 'What is your price?'],
  ['target_price', '价格控制在每米6.5元以内', '价格控制在', '价格怎么样'],
  [
    'payment_terms',
    'Payment: 30% T/T deposit, balance against B/L.',
    '30% T/T deposit',
    'Payment later.',
  ],
  ['payment_terms', '付款方式:货到验收后付款', '付款方式', '多少钱'],
  [
    'quote_terms',
    'Please send an itemised quotation.',
    'itemised quotation',
    'Please send a quotation.',
  ],
  ['quote_terms', '请报含税价', '含税', '请报价'],
  ['usage_context', 'It will be installed in a food plant.', 'will be installed', 'Just checking.'],
  ['usage_context', '用于蒸汽管线', '用于', '随便问问'],
  [
    'company_introduction',
    'We are a paint manufacturer based in Campinas.',
    'We are a paint manufacturer',
    'We want paint.',
  ],
  ['company_introduction', '我们是一家服装外贸公司', '我们是一家服装外贸公司', '我们想要面料'],
  ['contact_details', 'Tel: +49 40 7889 2301', 'Tel: +49 40 7889 2301', 'Call me.'],
  ['contact_details', '电话:0571-8675 2231', '电话:0571-8675', '有事打电话'],
];

describe('pattern signals', () => {
  it.each(PATTERN_CASES)('%s fires on "%s" with its matched text', (code, hit, evidence, miss) => {
    expect(signal(code, hit)?.evidence).toBe(evidence);
    expect(codesOf(miss)).not.toContain(code);
  });

  it('has a case for every pattern rule', () => {
    const tested = new Set(PATTERN_CASES.map(([code]) => code));
    expect(PATTERN_RULES.filter((r) => !tested.has(r.code)).map((r) => r.code)).toEqual([]);
  });

  it('reads the salutation only from the opening line', () => {
    expect(codesOf('Please quote FOB.\nDear Sir, thanks')).not.toContain('generic_salutation');
  });

  // Unbounded quantifiers once took 5 s on 50,000 digits; the API accepts any text.
  it.each([
    ['digits', '1'.repeat(50_000)],
    ['Chinese numerals', '一'.repeat(50_000)],
    ['one endless line', `Dear ${'A'.repeat(50_000)}`],
  ])('stays fast on a hostile body of %s', (_name, body) => {
    const started = performance.now();
    triage(body, { subject: body });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('matches full-width digits and punctuation as their ASCII forms', () => {
    expect(signal('quantity', '数量:５００台')?.evidence).toBe('500台');
  });
});

describe('sender signals', () => {
  it.each([
    'gmail.com',
    'yahoo.co.uk',
    'hotmail.fr',
    'outlook.com',
    'qq.com',
    '163.com',
    'vip.126.com',
    'sina.com',
    'aol.com',
    'mail.ru',
    'yandex.ru',
  ])('%s is free mail', (domain) => {
    expect(isFreeMail(domain)).toBe(true);
  });

  it.each(['sunpoint.co.ke', 'lichtwerk-hamburg.de', 'mail-order.com'])('%s is not', (domain) => {
    expect(isFreeMail(domain)).toBe(false);
  });

  it('flags a free-mail sender with the domain as evidence', () => {
    expect(signal('free_mail_sender', 'Hi', { senderEmail: 'John.X@Gmail.com' })?.evidence).toBe(
      'gmail.com',
    );
  });

  it('flags a company mailbox that does not belong to the stated company', () => {
    const hit = signal('domain_mismatch', 'Hi', {
      senderEmail: 'mark@global-sourcing-hub.net',
      company: 'Siemens AG',
    });
    expect(hit?.evidence).toBe('global-sourcing-hub.net ≠ Siemens AG');
  });

  it.each([
    ['lichtwerk-hamburg.de', 'Lichtwerk Hamburg GmbH'],
    ['nks.se', 'Nordic Kitchen Supply AB'],
    ['agrosur.cl', 'Agrosur SpA'],
    ['yunfan-tech.cn', '深圳云帆科技有限公司'],
  ])('%s matches %s (or cannot be compared)', (domain, company) => {
    expect(domainContradicts(domain, company)).toBe(false);
  });

  it('does not call a free-mail address a domain mismatch as well', () => {
    const codes = codesOf('Hi', { senderEmail: 'a@gmail.com', company: 'Siemens AG' });
    expect(codes).toContain('free_mail_sender');
    expect(codes).not.toContain('domain_mismatch');
  });

  it('notes a missing product, model or quantity without evidence', () => {
    expect(signal('no_product_or_quantity', 'Please send catalogue')).toMatchObject({
      class: 'broad',
    });
    expect(signal('no_product_or_quantity', 'Please send catalogue')?.evidence).toBeUndefined();
    expect(codesOf('We need 500 pcs')).not.toContain('no_product_or_quantity');
  });
});

describe('result', () => {
  it('puts the deciding class first, heaviest signal first', () => {
    const result = classifyInquiry(fixture('en-scam-agent-fee-plausible').input);
    expect(result.classification).toBe('scam');
    expect(result.signals[0]).toMatchObject({ class: 'scam', weight: 5 });
    const firstOther = result.signals.findIndex((s) => s.class !== 'scam');
    expect(result.signals.slice(firstOther).every((s) => s.class !== 'scam')).toBe(true);
  });

  it('gives confidence from the margin: 0.5 for a tie, higher for a clear lead', () => {
    expect(confidenceOf(4, 4)).toBe(0.5);
    expect(confidenceOf(10, 0)).toBe(0.92);
    expect(confidenceOf(10, 8)).toBeLessThan(confidenceOf(10, 2));
  });

  it('breaks ties towards caution: scam over broad over precise', () => {
    // scam: fee 5; broad: salutation 1 + vague interest 1.5 + nothing specific 2.5
    const scamOrBroad = triage('Dear Sir,\nWe are interested in your products. Registration fee.');
    expect(scamOrBroad.scores.scam).toBe(scamOrBroad.scores.broad);
    expect(scamOrBroad.classification).toBe('scam');
    // broad: nothing specific 2.5; precise: delivery place 1.5 + quotation terms 1
    const broadOrPrecise = triage('Quote including freight, delivery to Hamburg.');
    expect(broadOrPrecise.scores.broad).toBe(broadOrPrecise.scores.precise);
    expect(broadOrPrecise.classification).toBe('broad');
    expect(broadOrPrecise.confidence).toBe(0.5);
  });
});

describe('fixtures', () => {
  const result = measureTriageAccuracy(INQUIRY_FIXTURES, classifyInquiry);

  it('cover each class at least 12 times, in both languages, with unique ids', () => {
    for (const c of INQUIRY_CLASSES) {
      expect(INQUIRY_FIXTURES.filter((f) => f.expected === c).length).toBeGreaterThanOrEqual(12);
    }
    const chinese = INQUIRY_FIXTURES.filter((f) => /[\u4e00-\u9fa5]/.test(f.input.body)).length;
    expect(chinese / INQUIRY_FIXTURES.length).toBeGreaterThan(0.4);
    expect(chinese / INQUIRY_FIXTURES.length).toBeLessThan(0.6);
    expect(new Set(INQUIRY_FIXTURES.map((f) => f.id)).size).toBe(INQUIRY_FIXTURES.length);
  });

  it('are classified with at least 85% accuracy overall', () => {
    expect(result.accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it.each(INQUIRY_CLASSES)('%s: precision and recall at least 85%%', (c) => {
    expect(result.perClass[c].recall).toBeGreaterThanOrEqual(0.85);
    expect(result.perClass[c].precision).toBeGreaterThanOrEqual(0.85);
  });

  it('never call a scam precise', () => {
    const scamsAsPrecise = INQUIRY_FIXTURES.filter(
      (f) => f.expected === 'scam' && classifyInquiry(f.input).classification === 'precise',
    );
    expect(scamsAsPrecise.map((f) => f.id)).toEqual([]);
  });

  it.each(INQUIRY_FIXTURES.filter((f) => f.hard).map((f) => [f.id, f] as const))(
    'hard case %s is classified as expected',
    (_id, fixture) => {
      expect(classifyInquiry(fixture.input).classification).toBe(fixture.expected);
    },
  );

  it('explains a scam with a plausible product by both sides of the evidence', () => {
    const { signals } = classifyInquiry(fixture('en-scam-agent-fee-plausible').input);
    const codes = signals.map((s) => s.code);
    expect(codes).toEqual(expect.arrayContaining(['fee_request', 'model_number', 'quantity']));
  });
});

describe('playbooks', () => {
  it.each(INQUIRY_CLASSES)('%s has a bilingual title and steps, background check first', (c) => {
    const playbook = INQUIRY_PLAYBOOKS[c];
    for (const text of [playbook.title, playbook.traits, playbook.source, ...playbook.steps]) {
      expect(text['zh-CN'].length).toBeGreaterThan(0);
      expect(text.en.length).toBeGreaterThan(0);
    }
    expect(playbook.steps.length).toBeGreaterThanOrEqual(4);
    expect(playbook.steps[0]?.['zh-CN']).toContain('WHOIS');
  });

  it('carries the seed’s advice for each class', () => {
    const zh = (c: keyof typeof INQUIRY_PLAYBOOKS) =>
      INQUIRY_PLAYBOOKS[c].steps.map((s) => s['zh-CN']).join('\n');
    expect(zh('broad')).toContain('不用盲目报价');
    expect(zh('broad')).toContain('1–2 个产品推荐');
    expect(zh('precise')).toContain('立刻回复');
    expect(zh('precise')).toContain('紧追不舍');
    expect(zh('scam')).toContain('不支付任何费用');
    expect(zh('scam')).toContain('不点击链接');
    expect(BACKGROUND_CHECK.steps.map((s) => s['zh-CN']).join('')).toContain('客户身份');
  });
});
