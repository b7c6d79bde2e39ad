import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';

// What a first visit downloads before the page shows: the entry, the page's chunk, every chunk
// they import statically, and the language's catalogue (loaded before the first render).
// Phones on the road pay for each kilobyte. Chunks a page fetches later on its own (a chart,
// a form on first click) are not counted here, so the dashboard draws its chart without one
// (scale bench: all JavaScript the browser loads until the chart is drawn).
const BUDGET_KB = 350;

interface Chunk {
  file: string;
  imports?: string[];
  isDynamicEntry?: boolean;
}

// WEB_DIST_DIR: a build of one's own, as the other browser tests take it.
const dist = loadConfig({ WEB_DIST_DIR: process.env.WEB_DIST_DIR }).webDistDir;
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

/** The larger of the two catalogues: a page loads exactly one. */
const CATALOGUE = ['i18n/zh-CN.json', 'i18n/en.json'].reduce((largest, key) =>
  gzippedKb([key]) > gzippedKb([largest]) ? key : largest,
);

describe('bundle budget', () => {
  it('loads pages as chunks of their own', () => {
    for (const page of [
      'pages/login/LoginPage.tsx',
      'components/AppFrame.tsx',
      'pages/tasks/MyDayPage.tsx',
      'pages/settings/UsersPage.tsx',
      'i18n/zh-CN.json',
      'i18n/en.json',
    ]) {
      expect(manifest[page]?.isDynamicEntry, page).toBe(true);
    }
  });

  it(`keeps the login page and the dashboard under ${BUDGET_KB} KB of gzipped JavaScript each`, () => {
    expect(gzippedKb(['index.html', CATALOGUE, 'pages/login/LoginPage.tsx'])).toBeLessThan(
      BUDGET_KB,
    );
    // My day, every role's home, inside the app frame.
    expect(
      gzippedKb(['index.html', CATALOGUE, 'components/AppFrame.tsx', 'pages/tasks/MyDayPage.tsx']),
    ).toBeLessThan(BUDGET_KB);
  });

  it('keeps ECharts off the dashboard and one language per visit', () => {
    const files = (entries: string[]) => {
      const seen = new Set<string>();
      const visit = (key: string) => {
        if (seen.has(key)) return;
        seen.add(key);
        for (const imported of manifest[key]?.imports ?? []) visit(imported);
      };
      for (const entry of entries) visit(entry);
      return [...seen].map((key) =>
        readFileSync(path.join(dist, (manifest[key] as Chunk).file), 'utf8'),
      );
    };
    const home = files(['index.html', 'components/AppFrame.tsx', 'pages/tasks/MyDayPage.tsx']);
    // ECharts' private model key: present in whichever chunk carries its core.
    expect(home.some((code) => code.includes('__ec_inner_'))).toBe(false);
    // Both catalogues hold this key; the entry path must hold neither.
    expect(home.some((code) => code.includes('"loadFailed"'))).toBe(false);
  });
});
