import iconv from 'iconv-lite';
import { FileRefused } from './fileRefused';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** C0 controls other than tab, LF, FF and CR: real CSV text never has them, binary does. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) {
      return true;
    }
  }
  return false;
}

/**
 * The text of a CSV upload. UTF-8 (with or without BOM) is tried strictly first;
 * what is not valid UTF-8 is read as GB18030, the superset of GBK that Excel on
 * Chinese Windows writes. A file that is neither, or holds NUL and other control
 * bytes, is binary whatever its name says, and is refused.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  let decoded: { text: string; encoding: TextEncoding };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: strict('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: strict('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  } else {
    const utf8 = tryUtf8(bytes);
    decoded = utf8 !== null ? { text: utf8, encoding: 'utf-8' } : readGb18030(bytes);
  }
  // Old DOS tools end text files with Ctrl-Z.
  const text = decoded.text.endsWith('\u001a') ? decoded.text.slice(0, -1) : decoded.text;
  if (hasControlCharacters(text)) throw notText();
  return { text, encoding: decoded.encoding };
}

function notText(): FileRefused {
  return new FileRefused(
    'is not a spreadsheet: not .xlsx, .xls, or CSV text in UTF-8 or GBK (it looks like a binary file)',
  );
}

function strict(label: 'utf-16le' | 'utf-16be', bytes: Buffer): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw notText();
  }
}

function tryUtf8(bytes: Buffer): string | null {
  try {
    // TextDecoder drops a leading BOM itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function readGb18030(bytes: Buffer): { text: string; encoding: TextEncoding } {
  const text = iconv.decode(bytes, 'gb18030');
  // iconv-lite puts U+FFFD where a byte sequence is not GB18030.
  if (text.includes('\ufffd')) throw notText();
  return { text, encoding: 'gb18030' };
}
