import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { createApiServer } from '../checks/server/app';
import { gotoInMode, launchBrowser, newPage, withPage, type Browser, type ColorMode } from './helpers/browser';
import { buildDir, sitemapPaths } from './helpers/site';

/**
 * The built site served by the production server (`botflow serve`) works under its Content
 * Security Policy in a real browser: every page in both colour modes loads without a CSP
 * violation or console error, diagrams render, and search works; the API answers same-origin.
 */

const SITE = buildDir();
const PAGES = sitemapPaths(SITE);
const MODES: readonly ColorMode[] = ['light', 'dark'];

let app: FastifyInstance;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  app = await createApiServer({ mode: 'production', siteDir: SITE, logger: false, rateLimit: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  browser = await launchBrowser();
  // Record CSP violations from the first script on (the init script itself is not subject to the page's CSP).
  await browser.context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The CSP violations the page recorded (the init script collects them in `__cspViolations`). */
function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

describe('production server: the site under its CSP', () => {
  it('sends a CSP that pins inline scripts by hash', async () => {
    const res = await fetch(`${origin}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
  });

  for (const mode of MODES) {
    it.each(PAGES)(`%s loads in ${mode} mode with no CSP violation`, async (pagePath) => {
      await withPage(browser.context, `${origin}${pagePath}`, mode, async ({ page, consoleErrors, failedRequests }) => {
        const diagrams = await page.locator('.docusaurus-mermaid-container').count();
        if (diagrams > 0) await page.locator('.docusaurus-mermaid-container svg').first().waitFor({ timeout: 15_000 });
        const violations = await cspViolations(page);
        expect(violations).toEqual([]);
        expect(consoleErrors).toEqual([]);
        expect(failedRequests).toEqual([]);
      });
    });
  }

  it('search works offline under the CSP', async () => {
    await withPage(browser.context, `${origin}/search?q=endpoint`, 'light', async ({ page, consoleErrors }) => {
      await page.waitForSelector('article h2, [class*="searchResultItem"]', { timeout: 15_000 });
      const violations = await cspViolations(page);
      expect(violations).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  });

  it('the endpoint widget reaches the API under the CSP and shows the production refusal', async () => {
    const { page, consoleErrors } = await newPage(browser.context, origin);
    try {
      await gotoInMode(page, `${origin}/docs/self-checks/endpoint`, 'light');
      await page.getByLabel('Messaging endpoint URL').fill('https://127.0.0.1/api/messages');
      await page.getByRole('button', { name: 'Run endpoint checks' }).click();
      await expect.poll(async () => page.locator('[data-run-error], [data-field-error]').allTextContents(), { timeout: 15_000 })
        .toEqual(expect.arrayContaining([expect.stringMatching(/loopback address/)]));
      const violations = await cspViolations(page);
      expect(violations).toEqual([]);
      // The refusal is a 400 the page shows, not a console error of its own making.
      expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the manifest widget validates the schema inside the page under the CSP (no eval needed), uploading nothing', async () => {
    const { page, consoleErrors } = await newPage(browser.context, origin);
    const posts: string[] = [];
    page.on('request', (r) => { if (r.method() !== 'GET') posts.push(`${r.method()} ${r.url()}`); });
    try {
      await gotoInMode(page, `${origin}/docs/self-checks/manifest`, 'light');
      const manifest = JSON.stringify({
        $schema: 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json',
        manifestVersion: '1.17',
        version: '1.0.0',
        id: '11111111-2222-3333-4444-555555555555',
        bots: [{ botId: '11111111-2222-3333-4444-555555555555', scopes: ['everywhere'] }],
      });
      await page.getByLabel('Choose manifest.json or the app package (.zip)').setInputFiles({ name: 'manifest.json', mimeType: 'application/json', buffer: Buffer.from(manifest) });
      await page.getByText('Manifest report').first().waitFor({ timeout: 30_000 });
      await expect.poll(async () => (await page.locator('body').innerText()).match(/\/bots\/0\/scopes\/0/) !== null, { timeout: 15_000 }).toBe(true);
      const violations = await cspViolations(page);
      // Only a refused attempt to compile code may show up (the validator then interprets the schema).
      expect(violations.filter((v) => !/^script-src blocked eval/.test(v))).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(posts).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a page can call the API on the same origin (connect-src self)', async () => {
    const { page } = await newPage(browser.context, origin);
    try {
      await page.goto(`${origin}/`);
      const health = await page.evaluate(async () => (await fetch('/api/health')).json() as Promise<{ status: string }>);
      expect(health.status).toBe('ok');
      const violations = await cspViolations(page);
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
