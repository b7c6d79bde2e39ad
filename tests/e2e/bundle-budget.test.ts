import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';

// What a first visit downloads before the page shows: the entry, the page's chunk and every
// chunk they import statically. Phones on the road pay for each kilobyte.
const BUDGET_KB = 350;

interface Chunk {
  file: string;
  imports?: string[];
  isDynamicEntry?: boolean;
}

const dist = loadConfig({}).webDistDir;
const manifest: Record<string, Chunk> = JSON.parse(
  readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'),
);

function gzippedKb(entries: string[]): number {
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const entry of entries) visit(entry);
  const bytes = [...seen].reduce(
    (sum, key) =>
      sum + gzipSync(readFileSync(path.join(dist, (manifest[key] as Chunk).file))).length,
    0,
  );
  return bytes / 1024;
}

describe('bundle budget', () => {
  it('loads pages as chunks of their own', () => {
    for (const page of [
      'pages/login/LoginPage.tsx',
      'components/AppFrame.tsx',
      'pages/settings/UsersPage.tsx',
    ]) {
      expect(manifest[page]?.isDynamicEntry, page).toBe(true);
    }
  });

  it(`keeps the login page and the app frame under ${BUDGET_KB} KB of gzipped JavaScript each`, () => {
    expect(gzippedKb(['index.html', 'pages/login/LoginPage.tsx'])).toBeLessThan(BUDGET_KB);
    expect(gzippedKb(['index.html', 'components/AppFrame.tsx'])).toBeLessThan(BUDGET_KB);
  });
});
