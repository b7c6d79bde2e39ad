// Keys for duplicate detection (SPEC §2): the same company typed as '华为技术有限公司',
// '华为技术 有限公司' or 'HUAWEI Technologies Co., Ltd.' must meet on one key, and so
// must its phone written with or without +86 and its email or website domain.

// Chinese legal forms, matched at the end of the trailing run of Chinese characters.
const CHINESE_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限責任公司',
  '股份公司',
  '有限公司',
  '有限合伙',
  '株式会社',
  '公司',
];

// Latin legal forms as the trailing words spell them without spaces or dots, so
// 'Co., Ltd.', 'L.L.C.' and 'S.A.' are the words co+ltd, l+l+c and s+a. They are
// matched as whole words only: 'Costco' keeps its 'co', 'Bag' its 'ag'.
const LATIN_SUFFIXES = new Set([
  'co',
  'ltd',
  'coltd',
  'limited',
  'company',
  'companylimited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'llc',
  'llp',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sarl',
  'sas',
  'spa',
  'srl',
  'bv',
  'nv',
  'oy',
  'pte',
  'pteltd',
  'pvt',
  'pty',
  'kk',
  'bhd',
  'sdnbhd',
  'jsc',
  'ltda',
]);

// Runs of Chinese characters, or runs of anything else that is not a space,
// punctuation or symbol (Latin letters, digits). Separators are dropped.
const TOKEN = /\p{Script=Han}+|[^\s\p{P}\p{S}\p{Script=Han}]+/gu;
const HAN = /^\p{Script=Han}/u;

function tokenize(name: string): string[] {
  const raw = name.normalize('NFKC').toLowerCase().normalize('NFKC').match(TOKEN) ?? [];
  // Spaces and brackets between Chinese characters carry no meaning: '华为（中国） 有限公司'.
  const tokens: string[] = [];
  for (const token of raw) {
    const last = tokens.length - 1;
    const previous = tokens[last];
    if (previous !== undefined && HAN.test(previous) && HAN.test(token)) {
      tokens[last] = previous + token;
    } else {
      tokens.push(token);
    }
  }
  return tokens;
}

/** The tokens without one trailing legal form, or null when they end with none. */
function stripSuffix(tokens: readonly string[]): string[] | null {
  for (let count = 1; count <= tokens.length; count++) {
    if (LATIN_SUFFIXES.has(tokens.slice(-count).join(''))) return tokens.slice(0, -count);
  }
  const last = tokens.at(-1);
  if (last === undefined || !HAN.test(last)) return null;
  const suffix = CHINESE_SUFFIXES.find((candidate) => last.endsWith(candidate));
  if (suffix === undefined) return null;
  const rest = last.slice(0, -suffix.length);
  // A branch (分公司) is a customer of its own, so its 公司 stays.
  if (suffix === '公司' && rest.endsWith('分')) return null;
  return rest === '' ? tokens.slice(0, -1) : [...tokens.slice(0, -1), rest];
}

/**
 * The name as a duplicate key: NFKC, lower case, without spaces and punctuation,
 * and without trailing legal forms, removed repeatedly ('XX Co., Ltd.' → 'xx',
 * '华为技术有限公司' → '华为技术'). 集团 stays: a group and its subsidiary are
 * different customers. A name that is nothing but legal forms keeps the last one
 * ('Co., Ltd.' → 'co', '有限公司' → '有限公司'), so the key is never empty for a
 * name with letters or digits, and appending a legal form never changes the key.
 */
export function normalizeCustomerName(name: string): string {
  let tokens = tokenize(name);
  for (;;) {
    const stripped = stripSuffix(tokens);
    if (stripped === null || stripped.length === 0) break;
    tokens = stripped;
  }
  return tokens.join('');
}

// Separators between several numbers in one cell, and extension markers.
const PHONE_LIST = /[/;,、，；|]|\bor\b|或/;
// Only after a digit, so the x of 'Fax:' is not an extension.
const EXTENSION = /(?<=\d)\s*(?:ext\.?|x|转|分机|#)/i;
const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 15; // E.164

/**
 * A phone number as its significant digits, or null when it has fewer than 7.
 * China's country code (+86, 0086) and the trunk 0 are dropped, so '+86 10 1234 5678',
 * '010-12345678' and '(010)12345678' agree; other countries keep their code. From a
 * list the first usable number counts; extensions ('转801', 'ext. 12') are ignored.
 */
export function normalizePhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  for (const part of phone.normalize('NFKC').split(PHONE_LIST)) {
    const key = phoneKey(part.split(EXTENSION)[0] ?? '');
    if (key !== null) return key;
  }
  return null;
}

function phoneKey(text: string): string | null {
  let digits = text.replace(/\D/g, '');
  let international = /^\D*\+/.test(text);
  if (!international && digits.startsWith('00')) {
    digits = digits.slice(2);
    international = true;
  }
  if (international && !digits.startsWith('86')) {
    return digits.length >= MIN_PHONE_DIGITS ? digits.slice(-MAX_PHONE_DIGITS) : null;
  }
  // A Chinese mobile written as 86 138… without the plus.
  if (international || (digits.length === 13 && digits.startsWith('861'))) {
    digits = digits.slice(2);
  }
  digits = digits.replace(/^0/, '');
  return digits.length >= MIN_PHONE_DIGITS ? digits.slice(-MAX_PHONE_DIGITS) : null;
}

const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}[\p{L}\p{N}-]*$/u;

function canonicalDomain(host: string): string | null {
  const domain = host.replace(/\.$/, '').replace(/^www\d*\./, '');
  return DOMAIN.test(domain) ? domain : null;
}

/** The lower-case domain of an email address ('张三 <Zhang@ACME.cn>' → 'acme.cn'), or null. */
export function emailDomain(email: string | null | undefined): string | null {
  if (!email) return null;
  const text = email.normalize('NFKC').trim().toLowerCase();
  const address = /<([^>]*)>/.exec(text)?.[1] ?? text.split(/[\s;,，；、]+/)[0] ?? '';
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  return canonicalDomain(address.slice(at + 1));
}

/** The host of a website without 'www.': 'https://WWW.Acme.com:8080/about' → 'acme.com'. */
export function websiteDomain(website: string | null | undefined): string | null {
  if (!website) return null;
  const text = website.normalize('NFKC').trim().toLowerCase();
  const host = text
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .split(/[/?#\s]/)[0]
    ?.replace(/^[^@]*@/, '')
    .replace(/:\d*$/, '');
  return host ? canonicalDomain(host) : null;
}

const FREE_MAIL_DOMAINS = new Set([
  ...['gmail.com', 'googlemail.com', 'ymail.com', 'rocketmail.com', 'aol.com', 'aim.com'],
  ...['icloud.com', 'me.com', 'mac.com', 'proton.me', 'pm.me', 'protonmail.com', 'protonmail.ch'],
  ...['tutanota.com', 'tuta.io', 'fastmail.com', 'hushmail.com', 'zoho.com', 'zohomail.com'],
  ...['mail.com', 'gmx.com', 'gmx.net', 'web.de', 'mail.ru', 'bk.ru', 'inbox.ru', 'list.ru'],
  ...['yandex.ru', 'yandex.com', 'ya.ru', 'naver.com', 'daum.net', 'hanmail.net'],
  ...['rediffmail.com', 'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', '188.com'],
  ...['sina.com', 'sina.cn', 'sina.com.cn', 'sohu.com', '139.com', '189.cn', 'wo.cn'],
  ...['aliyun.com', 'tom.com', '21cn.com', '263.net', 'outlook.com', 'hotmail.com', 'live.com'],
  'msn.com',
]);

// Providers with a domain per country: yahoo.co.jp, hotmail.fr, outlook.com.cn, gmx.de.
const FREE_MAIL_FAMILIES =
  /^(?:yahoo|hotmail|outlook|live|msn|aol|gmx|yandex|proton|protonmail)\.(?:com?|net|[a-z]{2})(?:\.[a-z]{2})?$/;

/** Whether a domain is a public mailbox provider (gmail.com, qq.com, vip.163.com…). */
export function isFreeMailDomain(domain: string): boolean {
  const normal = domain.trim().toLowerCase().replace(/\.$/, '');
  if (FREE_MAIL_FAMILIES.test(normal)) return true;
  // Parent domains count too: vip.qq.com, vip.sina.com.
  const labels = normal.split('.');
  return labels.some((_, start) => FREE_MAIL_DOMAINS.has(labels.slice(start).join('.')));
}

// Sites where a company only has a page, so the host says nothing about who it is.
const SHARED_HOSTS = new Set([
  ...['facebook.com', 'linkedin.com', 'instagram.com', 'twitter.com', 'x.com', 'youtube.com'],
  ...['weibo.com', 'weibo.cn', 'tiktok.com', 'douyin.com', 'xiaohongshu.com', 'zhihu.com'],
  ...['taobao.com', 'tmall.com', 'jd.com', '1688.com', 'alibaba.com', 'amazon.com'],
  ...['github.com', 'wa.me', 't.me', 'google.com', 'baidu.com', 'sites.google.com'],
]);

export interface DuplicateKeyInput {
  name: string;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
}

export interface DuplicateKeys {
  nameKey: string;
  phoneKey: string | null;
  /** The company's own domain: from the email, else the website; never a free-mail one. */
  domainKey: string | null;
}

export function duplicateKeys(customer: DuplicateKeyInput): DuplicateKeys {
  const fromEmail = emailDomain(customer.email);
  const fromWebsite = websiteDomain(customer.website);
  let domainKey: string | null = null;
  if (fromEmail !== null && !isFreeMailDomain(fromEmail)) domainKey = fromEmail;
  else if (
    fromWebsite !== null &&
    !isFreeMailDomain(fromWebsite) &&
    !SHARED_HOSTS.has(fromWebsite)
  ) {
    domainKey = fromWebsite;
  }
  return {
    nameKey: normalizeCustomerName(customer.name),
    phoneKey: normalizePhone(customer.phone),
    domainKey,
  };
}
