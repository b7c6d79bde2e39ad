import type { Localized } from '../vocabulary';
import { FREE_MAIL_DOMAINS, PATTERN_RULES } from './inquiryRules';
import {
  INQUIRY_CLASSES,
  type InquiryClass,
  type InquiryInput,
  type InquiryTriage,
  type Signal,
  type SignalCode,
} from './types';

interface InquiryContext {
  senderDomain?: string;
  company?: string;
  fired: ReadonlySet<SignalCode>;
}

/** A rule over the sender's fields or over which other signals fired. */
interface DerivedRule {
  code: SignalCode;
  class: InquiryClass;
  weight: number;
  label: Localized;
  detect: (ctx: InquiryContext) => { evidence?: string } | null;
}

// Legal-form and filler words that never appear in a company's domain name.
const COMPANY_STOPWORDS = new Set(
  'co ltd inc llc gmbh ag sa srl spa bv nv ab oy as plc pty limited company corp corporation group the and of de la del y trading industries industry international intl holding holdings s r l c v'.split(
    ' ',
  ),
);

const PRODUCT_SIGNALS: SignalCode[] = ['model_number', 'specification', 'quantity'];

const DERIVED_RULES: DerivedRule[] = [
  {
    code: 'free_mail_sender',
    class: 'scam',
    weight: 1,
    label: { 'zh-CN': '使用免费邮箱', en: 'Free-mail sender' },
    detect: ({ senderDomain }) =>
      senderDomain && isFreeMail(senderDomain) ? { evidence: senderDomain } : null,
  },
  {
    code: 'domain_mismatch',
    class: 'scam',
    weight: 2,
    label: {
      'zh-CN': '邮箱域名与所称公司不符',
      en: 'Sender domain does not match the stated company',
    },
    detect: ({ senderDomain, company }) =>
      senderDomain &&
      company &&
      !isFreeMail(senderDomain) &&
      domainContradicts(senderDomain, company)
        ? { evidence: `${senderDomain} ≠ ${company}` }
        : null,
  },
  {
    code: 'no_product_or_quantity',
    class: 'broad',
    weight: 2.5,
    label: {
      'zh-CN': '未提具体产品型号、参数或数量',
      en: 'No product model, specification or quantity',
    },
    detect: ({ fired }) => (PRODUCT_SIGNALS.some((code) => fired.has(code)) ? null : {}),
  },
];

// Ties go to the more cautious class: verify before trusting, ask before quoting.
const TIE_ORDER: InquiryClass[] = ['scam', 'broad', 'precise'];
const EVIDENCE_MAX = 80;
// Inquiries are a few paragraphs; the cap keeps a pasted novel from costing seconds of regex.
const SCAN_MAX = 20_000;

/** Triage an incoming inquiry (询盘分析) into scam, broad or precise, with the signals why. */
export function classifyInquiry(input: InquiryInput): InquiryTriage {
  // NFKC folds full-width digits and punctuation (５００台, :) so one pattern covers both.
  const subject = normalize((input.subject ?? '').slice(0, 1_000));
  const body = normalize(input.body.slice(0, SCAN_MAX));
  const text = subject ? `${subject}\n${body}` : body;
  // The salutation is at the very start; a short window keeps one endless line cheap too.
  const opening = (body.split('\n').find((line) => line.trim() !== '') ?? '').trim().slice(0, 200);

  const signals: Signal[] = [];
  for (const rule of PATTERN_RULES) {
    const haystack = rule.scope === 'opening' ? opening : text;
    const match = firstMatch(rule.patterns, haystack);
    if (match === undefined) continue;
    signals.push({ ...signalOf(rule), evidence: clip(match) });
  }

  const ctx: InquiryContext = {
    senderDomain: emailDomain(input.senderEmail),
    company: input.company?.trim() || undefined,
    fired: new Set(signals.map((s) => s.code)),
  };
  for (const rule of DERIVED_RULES) {
    const hit = rule.detect(ctx);
    if (hit) signals.push({ ...signalOf(rule), ...hit });
  }

  const scores = scoreSignals(signals);
  const ranked = [...TIE_ORDER].sort((a, b) => scores[b] - scores[a]);
  const [top, second] = ranked as [InquiryClass, InquiryClass, InquiryClass];
  return {
    classification: top,
    confidence: confidenceOf(scores[top], scores[second]),
    signals: signals.sort(
      (a, b) => Number(b.class === top) - Number(a.class === top) || b.weight - a.weight,
    ),
    scores,
  };
}

function scoreSignals(signals: Signal[]): Record<InquiryClass, number> {
  const scores = Object.fromEntries(INQUIRY_CLASSES.map((c) => [c, 0])) as Record<
    InquiryClass,
    number
  >;
  for (const s of signals) scores[s.class] += s.weight;
  return scores;
}

/**
 * Margin between the two best classes, damped so that a lone weak signal does not read
 * as certainty: 0.5 for a tie, approaching 1 as the winner's lead grows.
 */
export function confidenceOf(top: number, second: number): number {
  const value = 0.5 + (0.5 * (top - second)) / (top + second + 2);
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}

function signalOf(rule: {
  code: SignalCode;
  class: InquiryClass;
  weight: number;
  label: Localized;
}) {
  return { code: rule.code, class: rule.class, weight: rule.weight, label: rule.label };
}

function firstMatch(patterns: RegExp[], haystack: string): string | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(haystack);
    if (match) return match[0];
  }
  return undefined;
}

function normalize(value: string): string {
  return value.normalize('NFKC').replace(/\r\n?/g, '\n');
}

function clip(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > EVIDENCE_MAX ? `${flat.slice(0, EVIDENCE_MAX - 1)}…` : flat;
}

function emailDomain(email: string | undefined): string | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return undefined;
  return (
    email
      .slice(at + 1)
      .trim()
      .toLowerCase() || undefined
  );
}

export function isFreeMail(domain: string): boolean {
  return FREE_MAIL_DOMAINS.some((pattern) => pattern.test(domain.toLowerCase()));
}

/**
 * True when a Latin-script company name shares nothing with the sender's domain: no name
 * word inside it, and not its initials. Chinese names are skipped, since their domains
 * are pinyin or English and cannot be compared by letters.
 */
export function domainContradicts(domain: string, company: string): boolean {
  const words = company
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !COMPANY_STOPWORDS.has(w));
  if (words.length === 0) return false;
  const labels = domain.split('.').slice(0, -1);
  const compactDomain = labels.join('').replace(/-/g, '');
  const initials = words.map((w) => w[0]).join('');
  const related =
    words.some((w) => w.length >= 3 && compactDomain.includes(w)) ||
    (initials.length >= 2 && labels.some((l) => l === initials)) ||
    labels.some((l) => l.length >= 4 && words.join('').includes(l.replace(/-/g, '')));
  return !related;
}
