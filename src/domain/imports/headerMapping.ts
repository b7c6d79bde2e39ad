// Guessing which spreadsheet column feeds which field, and finding the header row
// under the title rows of a hand-made report. The user confirms the guess in the
// mapping step, so a miss costs a click; a wrong guess silently imports bad data,
// hence the cautious rules (blocking words, exact-only generic words).
import { cellText, unwrapCell } from './cellValue';
import {
  BLOCKING_WORDS,
  EXACT_ONLY_SYNONYMS,
  type FieldSynonyms,
  SUFFIX_ONLY_SYNONYMS,
} from './fieldSynonyms';

export {
  CUSTOMER_FIELDS,
  type CustomerField,
  type FieldSynonyms,
  SALES_FIELDS,
  type SalesField,
} from './fieldSynonyms';
export { isSkippableRow, type SkipReason } from './isSkippableRow';

export interface HeaderRow {
  /** Index of the (first) header row; -1 when every scanned row is blank. */
  index: number;
  /** One text per column: two-row headers joined as '金额/含税', repeats made unique. */
  headers: string[];
  /** Index of the first data row: index + 1, or index + 2 for a two-row header. */
  dataStart: number;
}

// How a header matched a synonym, best first.
const EXACT = 0;
const EXACT_WITHOUT_BRACKETS = 1; // '金额(元)' → 金额
const AT_END = 2; // '联系人手机号' ends with 手机号
const INSIDE = 3;

interface Candidate {
  field: number;
  header: number;
  kind: number;
  rank: number;
  length: number;
}

/** Lower case without spaces, punctuation or symbols: 'E-mail' → 'email', '金额(元)' → '金额元'. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

function withoutBrackets(header: string): string {
  return normalizeHeader(header.normalize('NFKC').replace(/[([【〔][^)\]】〕]*[)\]】〕]/g, ''));
}

function isBlocked(header: string, synonym: string): boolean {
  return BLOCKING_WORDS.some((word) => header.includes(word) && !synonym.includes(word));
}

function matchKind(full: string, base: string, synonym: string): number | null {
  if (full === synonym) return EXACT;
  if (isBlocked(full, synonym)) return null;
  if (base === synonym) return EXACT_WITHOUT_BRACKETS;
  if (EXACT_ONLY_SYNONYMS.has(synonym) || !base.includes(synonym)) return null;
  if (base.endsWith(synonym)) return AT_END;
  return SUFFIX_ONLY_SYNONYMS.has(synonym) ? null : INSIDE;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.kind !== b.kind) return a.kind - b.kind;
  // Exact matches follow the synonym order; partial ones prefer the longer, more specific word.
  if (a.kind >= AT_END && a.length !== b.length) return b.length - a.length;
  return a.rank - b.rank || a.header - b.header || a.field - b.field;
}

/** field index → [header index, match kind], one header per field and one field per header. */
function assign(headers: readonly string[], fields: FieldSynonyms): Map<number, [number, number]> {
  const synonymLists = Object.values(fields).map((list) => list.map(normalizeHeader));
  const candidates: Candidate[] = [];
  headers.forEach((header, headerIndex) => {
    const full = normalizeHeader(header);
    if (full === '') return;
    const base = withoutBrackets(header) || full;
    synonymLists.forEach((synonyms, field) => {
      synonyms.forEach((synonym, rank) => {
        const kind = matchKind(full, base, synonym);
        if (kind !== null) {
          candidates.push({ field, header: headerIndex, kind, rank, length: synonym.length });
        }
      });
    });
  });
  candidates.sort(compareCandidates);
  const byField = new Map<number, [number, number]>();
  const usedHeaders = new Set<number>();
  for (const { field, header, kind } of candidates) {
    if (byField.has(field) || usedHeaders.has(header)) continue;
    byField.set(field, [header, kind]);
    usedHeaders.add(header);
  }
  return byField;
}

/**
 * Maps each field to the header that most likely holds it, or null. Exact synonym
 * matches (after normalising) come first, in synonym order, so 价税合计 beats 金额;
 * then headers containing a synonym, preferring one that ends with it. A header
 * never feeds two fields.
 */
export function guessMapping<F extends string>(
  headers: readonly string[],
  fields: FieldSynonyms<F>,
): Record<F, string | null> {
  const names = Object.keys(fields) as F[];
  const assigned = assign(headers, fields);
  const mapping = {} as Record<F, string | null>;
  names.forEach((name, field) => {
    const match = assigned.get(field);
    mapping[name] = match === undefined ? null : (headers[match[0]] ?? null);
  });
  return mapping;
}

function score(headers: readonly string[], fields: FieldSynonyms): [number, number] {
  const matches = [...assign(headers, fields).values()];
  return [matches.length, matches.filter(([, kind]) => kind <= EXACT_WITHOUT_BRACKETS).length];
}

/** Appends ' (2)', ' (3)' to repeated header texts, so a header names one column. */
function uniqueHeaders(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    if (text === '') return text;
    const count = (seen.get(text) ?? 0) + 1;
    seen.set(text, count);
    return count === 1 ? text : `${text} (${count})`;
  });
}

/** Header rows hold text labels, never numbers, dates or number-like text. */
function looksLikeHeaderRow(cells: readonly unknown[]): boolean {
  const texts = cells.map(cellText).filter((text) => text !== '');
  return (
    texts.length > 0 &&
    cells.every((cell) => {
      const plain = unwrapCell(cell);
      return plain === null || plain === undefined || typeof plain === 'string';
    }) &&
    texts.every((text) => !/^[\d\s.,:/-]+$/.test(text))
  );
}

/**
 * Joins a two-row header. A merged parent cell arrives either repeated in every
 * column (exceljs) or only in its first column with nulls after it (SheetJS); a
 * null parent over a labelled child is filled from the left. A child that is empty
 * or repeats the parent (a vertical merge) leaves the parent alone; otherwise the
 * column is 'parent/child', e.g. '金额/含税'.
 */
function joinTwoRows(parentRow: readonly unknown[], childRow: readonly unknown[]): string[] {
  const width = Math.max(parentRow.length, childRow.length);
  const joined: string[] = [];
  let parent = '';
  for (let column = 0; column < width; column++) {
    const child = cellText(childRow[column]);
    const own = cellText(parentRow[column]);
    parent = own !== '' || child === '' ? own : parent;
    if (child === '' || child === parent) joined.push(parent);
    else joined.push(parent === '' ? child : `${parent}/${child}`);
  }
  return joined;
}

function isBetter(a: [number, number], b: [number, number]): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}

/**
 * Finds the header row among the first `maxScan` rows: the one whose cells match
 * the most fields (then the most exact matches, then the earliest). Title rows
 * ('XX公司2026年3月销售报表') and blank rows lose because they match little. A row and
 * the text-only row under it are one two-row header when joined they match at least
 * as well as either alone: sub-headers ('含税' under '金额') keep the exact matches,
 * while a data or title row joined to a header spoils them. When no row matches any
 * field, the row with the most labels is returned so the user can map by hand.
 */
export function findHeaderRow(
  rows: readonly (readonly unknown[])[],
  fields: FieldSynonyms,
  maxScan = 20,
): HeaderRow {
  const scanned = rows.slice(0, maxScan);
  const singles = scanned.map((row) => uniqueHeaders(row.map(cellText)));
  const scores = singles.map((headers) => score(headers, fields));
  let best: HeaderRow = { index: -1, headers: [], dataStart: 0 };
  let bestScore: [number, number] = [0, 0];

  scanned.forEach((row, index) => {
    let candidate: HeaderRow = { index, headers: singles[index] ?? [], dataStart: index + 1 };
    let candidateScore = scores[index] ?? [0, 0];
    const next = scanned[index + 1];
    const hasLabels = candidate.headers.some((text) => text !== '');
    if (hasLabels && next !== undefined && looksLikeHeaderRow(next)) {
      const joined = uniqueHeaders(joinTwoRows(row, next));
      const joinedScore = score(joined, fields);
      // Sub-headers keep (or add) exact matches; a data or title row joined in spoils them.
      if (
        joinedScore[0] > 0 &&
        !isBetter(candidateScore, joinedScore) &&
        !isBetter(scores[index + 1] ?? [0, 0], joinedScore)
      ) {
        candidate = { index, headers: joined, dataStart: index + 2 };
        candidateScore = joinedScore;
      }
    }
    if (isBetter(candidateScore, bestScore)) {
      best = candidate;
      bestScore = candidateScore;
    }
  });

  if (best.index >= 0) return best;

  let mostLabels = 0;
  singles.forEach((headers, index) => {
    const labels = headers.filter((text) => text !== '').length;
    if (labels > mostLabels) {
      mostLabels = labels;
      best = { index, headers, dataStart: index + 1 };
    }
  });
  return best;
}
