import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  duplicateKeys,
  emailDomain,
  isFreeMailDomain,
  normalizeCustomerName,
  normalizePhone,
  websiteDomain,
} from './normalizeCustomerName';

describe('normalizeCustomerName', () => {
  it.each([
    ['华为技术有限公司', '华为技术'],
    ['华为技术 有限公司', '华为技术'],
    ['华为技术有限责任公司', '华为技术'],
    ['深圳市腾讯计算机系统股份有限公司', '深圳市腾讯计算机系统'],
    ['海尔集团公司', '海尔集团'],
    ['海尔集团有限公司', '海尔集团'],
    ['联想（北京）有限公司', '联想北京'],
    ['联想(北京)有限公司', '联想北京'],
    ['上海 · 东方 - 贸易 & 服务、公司。', '上海东方贸易服务'],
    ['阿里巴巴股份公司', '阿里巴巴'],
    ['星海投资合伙企业（有限合伙）', '星海投资合伙企业'],
    ['华为技术有限公司北京分公司', '华为技术有限公司北京分公司'],
    ['ＡＣＭＥ　有限公司', 'acme'],
  ])('Chinese: %s → %s', (name, key) => {
    expect(normalizeCustomerName(name)).toBe(key);
  });

  it.each([
    ['Acme Co., Ltd.', 'acme'],
    ['ACME CO.,LTD', 'acme'],
    ['Acme Co. Ltd', 'acme'],
    ['Acme Company Limited', 'acme'],
    ['Acme Limited', 'acme'],
    ['Acme, Inc.', 'acme'],
    ['Acme Incorporated', 'acme'],
    ['Acme Corp.', 'acme'],
    ['Acme Corporation', 'acme'],
    ['Acme LLC', 'acme'],
    ['Acme L.L.C.', 'acme'],
    ['Acme GmbH', 'acme'],
    ['Acme AG', 'acme'],
    ['Acme S.A.', 'acme'],
    ['Acme SRL', 'acme'],
    ['Acme Pte Ltd', 'acme'],
    ['Acme Pte. Ltd.', 'acme'],
    ['Acme PLC', 'acme'],
    ['Acme KK', 'acme'],
    ['Acme Holdings Co., Ltd. (Shenzhen)', 'acmeholdingscoltdshenzhen'],
    ['Johnson & Johnson', 'johnsonjohnson'],
    ['Procter-Gamble', 'proctergamble'],
  ])('Latin: %s → %s', (name, key) => {
    expect(normalizeCustomerName(name)).toBe(key);
  });

  it('strips legal forms only as whole words', () => {
    expect(normalizeCustomerName('Costco')).toBe('costco');
    expect(normalizeCustomerName('Bag')).toBe('bag');
    expect(normalizeCustomerName('NASA')).toBe('nasa');
    expect(normalizeCustomerName('Coca-Cola Co')).toBe('cocacola');
  });

  it('strips a Latin legal form glued to Chinese characters', () => {
    expect(normalizeCustomerName('华为Co.,Ltd.')).toBe('华为');
    expect(normalizeCustomerName('华为 Co., Ltd. 有限公司')).toBe('华为');
  });

  it('never returns an empty key for a name made only of legal forms', () => {
    expect(normalizeCustomerName('有限公司')).toBe('有限公司');
    expect(normalizeCustomerName('公司')).toBe('公司');
    expect(normalizeCustomerName('Co., Ltd.')).toBe('co');
    expect(normalizeCustomerName('Limited')).toBe('limited');
  });

  it('gives an empty key only for a name without letters or digits', () => {
    expect(normalizeCustomerName('')).toBe('');
    expect(normalizeCustomerName(' （）—— ')).toBe('');
  });

  it('keeps digits', () => {
    expect(normalizeCustomerName('360 安全科技股份有限公司')).toBe('360安全科技');
    expect(normalizeCustomerName('3M Company')).toBe('3m');
  });

  it('is idempotent for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (name) => {
        const key = normalizeCustomerName(name);
        expect(normalizeCustomerName(key)).toBe(key);
      }),
      { numRuns: 1000 },
    );
  });

  const word = fc.constantFrom(
    '华为',
    '技术',
    '北京',
    '深圳市',
    '星海',
    '贸易',
    '科技',
    'acme',
    'Global',
    'TRADING',
    'Tech',
    'Sino',
    'A1',
    '88',
    'Cola',
  );
  const name = fc.array(word, { minLength: 1, maxLength: 4 });

  it('ignores case, spacing and an appended legal form', () => {
    const suffixes = [' 有限公司', '有限公司', ' Co., Ltd.', ' CO.,LTD', ' Ltd', ' LLC', ' Inc.'];
    fc.assert(
      fc.property(
        name,
        fc.constantFrom(...suffixes),
        fc.constantFrom(' ', '  ', '', '\u3000'),
        (words, suffix, gap) => {
          const plain = words.join(' ');
          const key = normalizeCustomerName(plain);
          expect(key).not.toBe('');
          expect(normalizeCustomerName(`${plain}${suffix}`)).toBe(key);
          expect(normalizeCustomerName(` ${words.join(` ${gap}`)} `)).toBe(key);
          expect(normalizeCustomerName(plain.toUpperCase())).toBe(key);
        },
      ),
    );
  });

  it('ignores 有限公司 and Co., Ltd. appended to any non-empty name', () => {
    const anyName = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
      // 股份 + 有限公司 is the longer legal form 股份有限公司, which is stripped whole.
      .filter((text) => normalizeCustomerName(text) !== '' && !/股份\s*$/.test(text));
    fc.assert(
      fc.property(anyName, (text) => {
        const key = normalizeCustomerName(text);
        expect(normalizeCustomerName(`${text} 有限公司`)).toBe(key);
        expect(normalizeCustomerName(`${text} Co., Ltd.`)).toBe(key);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('normalizePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-13800138000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['010-12345678', '1012345678'],
    ['(010) 1234 5678', '1012345678'],
    ['+86 10 1234 5678', '1012345678'],
    ['+86 (0)10 1234-5678', '1012345678'],
    ['0755-87654321', '75587654321'],
    ['０１０－１２３４５６７８', '1012345678'],
    ['010-12345678转801', '1012345678'],
    ['010-12345678 ext. 12', '1012345678'],
    ['Tel: 010-12345678', '1012345678'],
    ['Fax: 010-12345678', '1012345678'],
    ['Tel: +86 10 1234 5678', '1012345678'],
    ['手机：+86 138 0013  8000', '13800138000'],
    ['13800138000 / 13900139000', '13800138000'],
    ['13800138000、13900139000', '13800138000'],
    ['+1 (415) 555-1234', '14155551234'],
    ['001 415 555 1234', '14155551234'],
    ['+852 2345 6789', '85223456789'],
    ['12345678', '12345678'],
  ])('%s → %s', (phone, key) => {
    expect(normalizePhone(phone)).toBe(key);
  });

  it.each([[''], [null], [undefined], ['123456'], ['+86 123 456'], ['无'], ['n/a']])(
    '%s → null',
    (phone) => {
      expect(normalizePhone(phone)).toBeNull();
    },
  );

  it('keeps at most 15 digits, the last ones', () => {
    expect(normalizePhone('+49 1234 5678 9012 3456')).toBe('234567890123456');
  });
});

describe('emailDomain and websiteDomain', () => {
  it.each([
    ['zhang@acme.cn', 'acme.cn'],
    ['Zhang.San@ACME.com.cn', 'acme.com.cn'],
    ['张三 <zhang@acme.cn>', 'acme.cn'],
    ['zhang＠acme．cn', 'acme.cn'],
    ['  a@b.example.  ', 'b.example'],
    ['a@acme.cn; b@other.cn', 'acme.cn'],
    ['mailto:sales@acme.de', 'acme.de'],
  ])('email %s → %s', (email, domain) => {
    expect(emailDomain(email)).toBe(domain);
  });

  it.each([[''], [null], ['acme.cn'], ['@acme.cn'], ['a@'], ['a@localhost'], ['a@acme..cn']])(
    'email %s → null',
    (email) => {
      expect(emailDomain(email)).toBeNull();
    },
  );

  it.each([
    ['https://www.acme.com/about', 'acme.com'],
    ['http://WWW.Acme.com:8080/?q=1', 'acme.com'],
    ['www.acme.cn', 'acme.cn'],
    ['acme.cn', 'acme.cn'],
    ['shop123.taobao.com', 'shop123.taobao.com'],
    ['www2.acme.com', 'acme.com'],
  ])('website %s → %s', (website, domain) => {
    expect(websiteDomain(website)).toBe(domain);
  });

  it.each([[''], [null], ['无'], ['http://'], ['localhost']])('website %s → null', (website) => {
    expect(websiteDomain(website)).toBeNull();
  });
});

describe('isFreeMailDomain', () => {
  it.each([
    ...['gmail.com', 'yahoo.com', 'yahoo.co.jp', 'yahoo.com.cn', 'hotmail.com', 'hotmail.fr'],
    ...['outlook.com', 'live.cn', 'msn.com', 'aol.com', 'icloud.com', 'me.com', 'proton.me'],
    ...['protonmail.com', 'gmx.de', 'mail.ru', 'yandex.ru', 'qq.com', 'vip.qq.com', 'foxmail.com'],
    ...['163.com', 'vip.163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com'],
    ...['139.com', 'aliyun.com', 'GMAIL.COM', 'gmail.com.'],
  ])('%s is free mail', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  it.each([
    ['acme.com'],
    ['huawei.com'],
    ['alibaba-inc.com'],
    ['mail.acme.com'],
    ['qq.com.cn.acme.io'],
  ])('%s is a company domain', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });
});

describe('duplicateKeys', () => {
  it('gives name, phone and email domain keys', () => {
    expect(
      duplicateKeys({
        name: '华为技术有限公司',
        phone: '+86 755 2878 0808',
        email: 'sales@huawei.com',
      }),
    ).toEqual({ nameKey: '华为技术', phoneKey: '75528780808', domainKey: 'huawei.com' });
  });

  it('falls back to the website when the email is free mail', () => {
    const keys = duplicateKeys({ name: 'Acme', email: 'acme@163.com', website: 'www.acme.cn' });
    expect(keys.domainKey).toBe('acme.cn');
  });

  it('has no domain key for free mail, shared sites or nothing', () => {
    expect(duplicateKeys({ name: 'A', email: 'boss@qq.com' }).domainKey).toBeNull();
    expect(duplicateKeys({ name: 'A', website: 'https://weibo.com/acme' }).domainKey).toBeNull();
    expect(
      duplicateKeys({ name: 'A', website: 'http://mp.weixin.qq.com/s/x' }).domainKey,
    ).toBeNull();
    expect(duplicateKeys({ name: 'A' })).toEqual({ nameKey: 'a', phoneKey: null, domainKey: null });
  });

  it('matches the same company written two ways', () => {
    const a = duplicateKeys({
      name: 'ACME Trading Co., Ltd.',
      phone: '021-6123 4567',
      email: 'li@acme.cn',
    });
    const b = duplicateKeys({
      name: 'acme trading',
      phone: '+86 21 61234567',
      website: 'https://www.acme.cn',
    });
    expect(a).toEqual(b);
  });
});
