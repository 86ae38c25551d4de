import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium; `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, offline-friendly headless Chromium (no background traffic of its own). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** Closes Chromium and deletes its temporary profile. */
  close(): Promise<void>;
}

/** Launches Chromium with a fresh, temporary user-data-dir. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with \`apt-get install chromium\` or set CHROMIUM_PATH.`,
    );
  }
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'botflow-e2e-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    return {
      context,
      close: async () => {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

export interface WatchedPage {
  page: Page;
  /** Console messages of type `error`, and uncaught exceptions in the page. */
  consoleErrors: string[];
  /** Requests that failed at the network level, got an HTTP status >= 400, or left `origin`. */
  failedRequests: string[];
}

/**
 * Opens a page that records console errors and failed requests.
 * Any request to an origin other than `origin` counts as failed: the site must not call out
 * to third parties (no CDN, fonts or analytics), and there is no internet here anyway.
 */
export async function newPage(context: BrowserContext, origin: string): Promise<WatchedPage> {
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location();
      consoleErrors.push(`${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin !== origin) failedRequests.push(`external request: ${request.method()} ${url}`);
  });
  page.on('requestfailed', (request) => {
    failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
    }
  });
  return { page, consoleErrors, failedRequests };
}

export type ColorMode = 'light' | 'dark';

/**
 * Loads `url` in the given colour mode and waits until the page has settled. The mode is set the
 * way a reader's system would set it (prefers-color-scheme; the site respects it), and checked
 * on `<html data-theme>` so a test can never silently run in the wrong mode.
 */
export async function gotoInMode(page: Page, url: string, mode: ColorMode): Promise<void> {
  await page.emulateMedia({ colorScheme: mode, media: 'screen' });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.waitForFunction((expected) => document.documentElement.dataset.theme === expected, mode, {
    timeout: 10_000,
  });
}

/**
 * Opens `url` in `mode` on a watched page (see `newPage`; requests off the URL's origin count as
 * failed), hands it to `use`, and closes the page whatever happens.
 */
export async function withPage<T>(context: BrowserContext, url: string, mode: ColorMode, use: (watched: WatchedPage) => Promise<T>): Promise<T> {
  const watched = await newPage(context, new URL(url).origin);
  try {
    await gotoInMode(watched.page, url, mode);
    return await use(watched);
  } finally {
    await watched.page.close();
  }
}

/** Types `word` into the site's search box, as a reader does; returns the hits that mention it. */
export async function searchHits(page: Page, word: string): Promise<Locator> {
  const input = page.getByRole('combobox', { name: 'Search' }).or(page.getByLabel('Search')).first();
  await input.click();
  await input.pressSequentially(word, { delay: 30 });
  return page.locator('[role="option"]').filter({ hasText: new RegExp(word, 'i') });
}

/** How many diagrams the page has and how many are drawn, after waiting (up to `timeoutMs`) for all of them. */
export async function drawnDiagrams(page: Page, timeoutMs = 20_000): Promise<{ blocks: number; drawn: number }> {
  const blocks = await page.locator('[data-mermaid-block]').count();
  if (blocks > 0) {
    await page
      .waitForFunction(() => [...document.querySelectorAll('[data-mermaid-block]')].every((b) => b.getAttribute('data-drawn') === 'true' && b.querySelector('svg')), undefined, { timeout: timeoutMs })
      .catch(() => undefined); // the counts carry the verdict
  }
  return { blocks, drawn: await page.locator('[data-mermaid-block][data-drawn="true"]:has(svg)').count() };
}
