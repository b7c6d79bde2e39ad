import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/web/i18n/en.json';
import zhCN from '../../src/web/i18n/zh-CN.json';

const WEB = path.resolve(import.meta.dirname, '../../src/web');
const catalogues = { 'zh-CN': zhCN, en } as Record<string, unknown>;

/** 'a.b.c' → text, for every leaf; a non-string leaf is reported as such. */
function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
    leaves.set(prefix, tree);
    return leaves;
  }
  for (const [key, value] of Object.entries(tree)) {
    for (const [leaf, text] of flatten(value, prefix ? `${prefix}.${key}` : key)) {
      leaves.set(leaf, text);
    }
  }
  return leaves;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

// t('a.b'), i18nKey="a.b", and keys kept in data such as the menu's labelKey: 'nav.settings'.
const KEY_PATTERNS = [
  /\bt\(\s*['"]([^'"]+)['"]/g,
  /\bi18nKey=\{?['"]([^'"]+)['"]/g,
  /\b\w*Key:\s*['"]([a-z]\w*(?:\.\w+)+)['"]/g,
];
// A key built at run time cannot be checked here: write each key out instead. A variable
// named …Key (page.labelKey) is fine: its values are in the source as labelKey: 'x.y'.
const DYNAMIC_KEY = /\bt\(\s*(?:`[^`]*\$\{|[a-zA-Z_$][\w.$]*\s*[,)])/g;
const DATA_KEY = /^t\(\s*[\w.$]*Key\s*[,)]$/;

function usedKeys(): { keys: Map<string, string>; dynamic: string[] } {
  const keys = new Map<string, string>();
  const dynamic: string[] = [];
  for (const file of sourceFiles(WEB)) {
    const source = readFileSync(file, 'utf8');
    const where = path.relative(WEB, file);
    for (const pattern of KEY_PATTERNS) {
      for (const match of source.matchAll(pattern)) if (match[1]) keys.set(match[1], where);
    }
    for (const match of source.matchAll(DYNAMIC_KEY)) {
      if (!DATA_KEY.test(match[0])) dynamic.push(`${where}: ${match[0]}`);
    }
  }
  return { keys, dynamic };
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('i18n catalogues', () => {
  const flat = Object.fromEntries(
    Object.entries(catalogues).map(([locale, tree]) => [locale, flatten(tree)]),
  );
  const zh = flat['zh-CN'] as Map<string, unknown>;
  const english = flat.en as Map<string, unknown>;

  it('have the same keys in zh-CN and en', () => {
    expect([...zh.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !zh.has(key))).toEqual([]);
  });

  it('hold a non-empty text at every key, with the same {{placeholders}} in both', () => {
    const problems: string[] = [];
    for (const [key, text] of zh) {
      const other = english.get(key);
      if (typeof text !== 'string' || text.trim() === '') problems.push(`zh-CN ${key}`);
      if (typeof other !== 'string' || other.trim() === '') problems.push(`en ${key}`);
      if (typeof text === 'string' && typeof other === 'string') {
        if (placeholders(text).join() !== placeholders(other).join())
          problems.push(`placeholders ${key}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('contain every key the web app uses', () => {
    const { keys } = usedKeys();
    // Guards the scan itself: a broken pattern would find nothing and pass.
    expect(keys.size).toBeGreaterThan(50);
    const missing = [...keys]
      .filter(([key]) => !zh.has(key) || !english.has(key))
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('are not reached through keys built at run time, which no scan can check', () => {
    expect(usedKeys().dynamic).toEqual([]);
  });
});
