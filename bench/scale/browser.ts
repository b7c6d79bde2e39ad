// The browser side of the scale benchmark (headless Debian Chromium through playwright-core):
// JavaScript a page loads (gzipped), the dashboard's time to a drawn chart, and the API calls
// each page makes.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Page,
  type Request,
} from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}

/** A fresh context (empty cache); logged in through the API when credentials are given. */
export async function newContext(
  browser: Browser,
  base: string,
  credentials?: { email: string; password: string },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(60_000);
  if (credentials) {
    const answer = await context.request.post('/api/v1/auth/login', { data: credentials });
    if (!answer.ok()) throw new Error(`login ${credentials.email}: ${answer.status()}`);
  }
  return context;
}

/**
 * Every JavaScript file the page downloads until it is ready (and 2 s after), gzipped, in KB.
 * Not "until the network is idle": a slow API call would hold that back though every script
 * has long arrived.
 */
export async function javascriptKb(page: Page, path: string, ready: string): Promise<number> {
  const sizes: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      sizes.push(response.body().then((body) => gzipSync(body).length));
    }
  });
  await page.goto(path, { waitUntil: 'load' });
  // Counted even if the page never gets ready (its chunks have loaded by then).
  await page
    .locator(ready)
    .first()
    .waitFor({ timeout: 30_000 })
    .catch(() => {});
  await page.waitForTimeout(2000);
  return (await Promise.all(sizes)).reduce((sum, n) => sum + n, 0) / 1024;
}

/**
 * Navigation start → the dashboard's chart has drawn (MyFunnelChart sets data-drawn);
 * NaN when it has not drawn within 30 s.
 */
export async function dashboardReadyMs(page: Page): Promise<number> {
  await page.goto('/my-day');
  try {
    const handle = await page.waitForFunction(
      () => (document.querySelector('[data-drawn="true"]') ? performance.now() : 0),
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    return Number(await handle.jsonValue());
  } catch {
    return Number.NaN;
  }
}

/** The app's page routes as navigation.tsx registers them, with the roles that see each. */
export function appPages(): { path: string; roles: string[]; detail: boolean }[] {
  const source = readFileSync('src/web/navigation.tsx', 'utf8');
  return [...source.matchAll(/path: '([^']+)',[^}]*?roles: \[([^\]]*)\]/g)].map((m) => ({
    path: (m[1] ?? '').replace('/*', ''),
    roles: [...(m[2] ?? '').matchAll(/'(\w+)'/g)].map((r) => r[1] ?? ''),
    // A wildcard route has pages under it (a customer, a campaign, a funnel, a review).
    detail: (m[1] ?? '').endsWith('/*'),
  }));
}

/** The first link on the open page to a page under `path` (its first row's detail page). */
export async function firstDetailLink(page: Page, path: string): Promise<string | null> {
  const hrefs = await page
    .locator(`a[href^="${path}/"]`)
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.find((href) => /\/[0-9a-f-]{36}$/.test(href)) ?? null;
}

/**
 * The GET /api/ calls a page makes on a fresh visit: until nothing is pending or spinning and
 * no call has started for 2.5 s (on a busy machine a lazy page chunk can take seconds to
 * parse before its queries start, so "network idle" alone comes too early).
 */
export async function apiCallsOf(page: Page, path: string): Promise<string[]> {
  const calls = new Set<string>();
  let pending = 0;
  let lastStart = performance.now();
  const isApi = (request: Request) => new URL(request.url()).pathname.startsWith('/api/');
  const started = (request: Request) => {
    if (!isApi(request)) return;
    pending += 1;
    lastStart = performance.now();
    const url = new URL(request.url());
    if (request.method() === 'GET') calls.add(url.pathname + url.search);
  };
  const ended = (request: Request) => {
    if (isApi(request)) pending -= 1;
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  // A page whose calls keep the embedded database busy can hold up the next page's load.
  await page
    .goto(path, { waitUntil: 'load' })
    .catch(() => calls.add(`(page did not load: ${path})`));
  const deadline = performance.now() + 20_000;
  while (performance.now() < deadline) {
    await page.waitForTimeout(500);
    if (pending > 0 || calls.size === 0 || performance.now() - lastStart < 2500) continue;
    if ((await page.locator('.ant-spin-spinning, .ant-skeleton-active').count()) === 0) break;
  }
  page.off('request', started);
  page.off('requestfinished', ended);
  page.off('requestfailed', ended);
  return [...calls];
}
