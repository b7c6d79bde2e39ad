import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { createTestApp, type TestApp } from '../setup/test-app';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Debian's Chromium, and a font with Chinese glyphs (without it 中文 renders as boxes). */
function ensureChromium(): void {
  if (existsSync(CHROMIUM) && hasChineseFont()) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Browser tests need ${CHROMIUM} and fonts-wqy-microhei: apt-get install -y chromium fonts-wqy-microhei`,
    );
  }
  execFileSync('apt-get', ['update'], { stdio: 'ignore' });
  execFileSync('apt-get', ['install', '-y', 'chromium', 'fonts-wqy-microhei'], { stdio: 'ignore' });
}

function hasChineseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

export interface E2E {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies), Chinese by default, at the given size. */
  newPage(options?: {
    viewport?: { width: number; height: number };
    locale?: string;
  }): Promise<Page>;
  /** Saves tests/e2e/screenshots/<name>.png. */
  screenshot(page: Page, name: string): Promise<void>;
  /** Console errors and uncaught exceptions seen in any page (CSP violations land here too). */
  pageErrors: string[];
  close(): Promise<void>;
}

/** The real server on a random port over a fresh database, and a headless Chromium. */
export async function startE2E(): Promise<E2E> {
  // WEB_DIST_DIR: a build of one's own, safe from others rebuilding dist/web mid-run.
  const webDistDir = process.env.WEB_DIST_DIR;
  const t = await createTestApp(webDistDir ? { webDistDir: path.resolve(webDistDir) } : {});
  if (!existsSync(path.join(t.config.webDistDir, 'index.html'))) {
    await t.close();
    throw new Error(`No web build in ${t.config.webDistDir}: run "npx vite build" first`);
  }
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  ensureChromium();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  return {
    t,
    baseUrl,
    browser,
    pageErrors,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: options.viewport ?? DESKTOP,
        locale: options.locale ?? 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      contexts.push(context);
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      page.on('console', (message) => {
        // The browser logs every 4xx answer; the app shows those itself (e.g. a wrong password).
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          pageErrors.push(`console: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => pageErrors.push(`page: ${error.message}`));
      return page;
    },
    async screenshot(page, name) {
      // Finished transitions, so a drawer or dialog is shot where it comes to rest.
      await page.screenshot({
        path: path.join(SCREENSHOTS, `${name}.png`),
        fullPage: true,
        animations: 'disabled',
      });
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await t.close();
    },
  };
}

/**
 * Opens an antd select by its label and picks the option with this text (the open dropdown's
 * option: a chosen value elsewhere carries the same title). A dropdown opened while a dialog is
 * still animating in can close under the click, so it is reopened, at most three times.
 */
export async function choose(page: Page, scope: Locator, label: string, option: string) {
  const select = scope.getByLabel(label, { exact: true });
  const item = page.getByTitle(option, { exact: true }).filter({ visible: true }).last();
  for (let attempt = 1; ; attempt++) {
    if ((await select.getAttribute('aria-expanded')) !== 'true') await select.click();
    try {
      await item.click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
