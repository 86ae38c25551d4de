import { mkdirSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, withPage, type Browser, type ColorMode, type WatchedPage } from './browser';
import { ARTIFACTS, buildDir, SCREENSHOTS, startStaticServer, type StaticServer } from './site';

export interface BuiltSite {
  /** The built site's folder (see `buildDir`). */
  readonly dir: string;
  /** The static server's origin (inside a test). */
  readonly origin: string;
  /** Chromium's context (inside a test). */
  readonly context: BrowserContext;
  /** Opens a path of the site in `mode`, hands the watched page to `use`, closes it whatever happens. */
  visit<T>(pagePath: string, mode: ColorMode, use: (watched: WatchedPage) => Promise<T>): Promise<T>;
}

/**
 * The built site as the browser tests read it: for the test file that calls this, a static server
 * of `build/` and one Chromium, started before its tests and stopped after them, and the folders
 * for screenshots and artifacts.
 */
export function useBuiltSite(): BuiltSite {
  const dir = buildDir();
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startStaticServer(dir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const site: BuiltSite = {
    dir,
    get origin() {
      if (!server) throw new Error('The site server runs only inside a test (useBuiltSite starts it in beforeAll).');
      return server.origin;
    },
    get context() {
      if (!browser) throw new Error('Chromium runs only inside a test (useBuiltSite starts it in beforeAll).');
      return browser.context;
    },
    visit: (pagePath, mode, use) => withPage(site.context, site.origin + pagePath, mode, use),
  };
  return site;
}
