// RFC 4180 CSV with the leniency of real exports: CRLF, LF or CR line ends, quoted
// fields with doubled quotes and line breaks, stray quotes inside unquoted fields.
// Records are yielded one at a time, so a large file is never held as arrays.
import type { SheetRow } from './sheet';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Comma, tab or semicolon: whichever separates the most of the first lines. */
export function detectDelimiter(text: string): string {
  const lines = text.slice(0, 65_536).split(/\r\n|\n|\r/, 30);
  let best = ',';
  let bestScore = [0, 0];
  for (const delimiter of [',', '\t', ';']) {
    const counts = lines.map((line) => line.split(delimiter).length - 1);
    const score = [counts.filter((count) => count > 0).length, counts.reduce((a, b) => a + b, 0)];
    if (
      (score[0] ?? 0) > (bestScore[0] ?? 0) ||
      (score[0] === bestScore[0] && (score[1] ?? 0) > (bestScore[1] ?? 0))
    ) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** The records of a CSV text, numbered from 1 as a spreadsheet numbers its rows. */
export function* csvRows(text: string, delimiter: string): Generator<SheetRow> {
  const sep = delimiter.charCodeAt(0);
  const length = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let number = 0;
  while (pos < length) {
    const cells: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(pos) === QUOTE) {
        value = '';
        pos += 1;
        for (;;) {
          const close = text.indexOf('"', pos);
          if (close === -1) {
            value += text.slice(pos);
            pos = length;
            break;
          }
          value += text.slice(pos, close);
          pos = close + 1;
          if (text.charCodeAt(pos) === QUOTE) {
            value += '"';
            pos += 1;
          } else {
            break;
          }
        }
        // Text after a closing quote belongs to the field: 'a"b' exported by hand.
        const start = pos;
        while (pos < length && !isEnd(text.charCodeAt(pos), sep)) pos += 1;
        value += text.slice(start, pos);
      } else {
        const start = pos;
        while (pos < length && !isEnd(text.charCodeAt(pos), sep)) pos += 1;
        value = text.slice(start, pos);
      }
      cells.push(value);
      if (pos < length && text.charCodeAt(pos) === sep) {
        pos += 1;
        continue;
      }
      break;
    }
    if (text.charCodeAt(pos) === CR) pos += 1;
    if (text.charCodeAt(pos) === LF) pos += 1;
    number += 1;
    yield { number, cells };
  }
}

function isEnd(code: number, sep: number): boolean {
  return code === sep || code === LF || code === CR;
}
