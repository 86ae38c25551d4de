import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/axe';
import { drawnDiagrams, searchHits, type ColorMode } from './helpers/browser';
import { useBuiltSite } from './helpers/built-site';
import { brokenWordsInTables, diagramTextSizes, sidewaysScroll, smallPrintPx } from './helpers/layout';
import { ARTIFACTS, pageSlug, SCREENSHOTS, sitemapPaths } from './helpers/site';

/**
 * Browser tests of the built site (`npm run build` first): every page in the sitemap, in light and
 * dark mode, loads cleanly, renders its diagrams and passes axe; search works offline; the
 * architecture page prints cleanly. Screenshots go to e2e/screenshots/ (git-ignored).
 */

const site = useBuiltSite();
const PAGES = sitemapPaths(site.dir);
const MODES: readonly ColorMode[] = ['light', 'dark'];
const ARCHITECTURE = '/docs/architecture/';

describe('sitemap', () => {
  it('lists the landing page and the architecture page', () => {
    expect(PAGES).toContain('/');
    expect(PAGES).toContain(ARCHITECTURE);
  });
});

// Pages run a few at a time (vitest maxConcurrency): each waits mostly on the browser.
describe.each(MODES)('every page in %s mode', (mode) => {
  it.concurrent.for(PAGES)('%s loads cleanly, renders its diagrams and has no serious axe violation', async (pagePath, { expect }) => {
    await site.visit(pagePath, mode, async ({ page, consoleErrors, failedRequests }) => {
      const diagrams = await drawnDiagrams(page, 15_000);
      // JPEG: a tall page encodes several times faster than PNG, and is only for people to look at.
      await page.screenshot({ path: path.join(SCREENSHOTS, `${pageSlug(pagePath)}.${mode}.jpg`), fullPage: true, type: 'jpeg', quality: 80 });
      const violations = await seriousViolations(page);

      // Legible at 1280 px: no diagram text below the page's small print, no word split in a table cell.
      const floor = await smallPrintPx(page);
      const smallText = (await diagramTextSizes(page)).filter((d) => d.minPx < floor - 0.05);
      const broken1280 = await brokenWordsInTables(page);

      // A phone (390 px): the page never scrolls sideways, and table cells still split no word.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForFunction(() => document.documentElement.clientWidth === 390);
      await page.waitForTimeout(150); // the table frames re-measure (ResizeObserver)
      const sideways = await sidewaysScroll(page);
      const broken390 = await brokenWordsInTables(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${pageSlug(pagePath)}.${mode}.390.jpg`), fullPage: true, type: 'jpeg', quality: 80 });

      expect(diagrams.drawn, 'mermaid blocks without an <svg>').toBe(diagrams.blocks);
      expect(consoleErrors, 'console errors').toEqual([]);
      expect(failedRequests, 'failed requests').toEqual([]);
      expect(violations, 'serious or critical axe violations').toEqual([]);
      expect(smallText, `diagram text smaller than the small print (${floor}px) at 1280 px`).toEqual([]);
      expect(broken1280, 'words split across lines in table cells at 1280 px').toEqual([]);
      expect(sideways.scrollWidth, `the page scrolls sideways at 390 px: ${sideways.culprits.join('; ')}`).toBeLessThanOrEqual(sideways.clientWidth + 1);
      expect(broken390, 'words split across lines in table cells at 390 px').toEqual([]);
    });
  });
});

describe('architecture page', () => {
  it('has the whole-flow diagram, rendered as an svg', async () => {
    await site.visit(ARCHITECTURE, 'light', async ({ page }) => {
      const diagrams = await drawnDiagrams(page, 15_000);
      expect(diagrams.blocks).toBeGreaterThanOrEqual(1);
      expect(diagrams.drawn).toBe(diagrams.blocks);
      for (const id of ['app-manifest', 'teams-client-connection', 'teams-service-transit', 'azure-bot-registration',
        'access-to-microsoft-domains', 'graph-permissions', 'data-in-transit-and-at-rest', 'self-checks']) {
        expect(await page.locator(`h2#${id}`).count(), `section #${id}`).toBe(1);
      }
    });
  });

  it.each(MODES)('prints from %s mode without navigation chrome, in dark ink on white, without clipped tables', async (mode) => {
    await site.visit(ARCHITECTURE, mode, async ({ page }) => {
      await drawnDiagrams(page, 15_000);
      await page.emulateMedia({ media: 'print', colorScheme: mode });
      const hiddenWhenPrinting = ['.navbar', '.theme-doc-sidebar-container', '.theme-doc-toc-desktop', '.footer', '.pagination-nav'];
      for (const selector of hiddenWhenPrinting) {
        const visible = await page.locator(selector).evaluateAll((nodes) =>
          nodes.some((node) => getComputedStyle(node).display !== 'none'),
        );
        expect(visible, `${selector} is hidden in print`).toBe(false);
      }
      const ink = await page.evaluate(() => ({
        text: getComputedStyle(document.querySelector('article p')!).color,
        code: getComputedStyle(document.querySelector('article pre code, article code')!).color,
        link: getComputedStyle(document.querySelector('article p a')!).color,
      }));
      expect(ink.text, 'body text prints black').toBe('rgb(0, 0, 0)');
      expect(ink.code, 'code prints black').toBe('rgb(0, 0, 0)');
      const [r, g, b] = ink.link.match(/\d+/g)!.map(Number);
      expect(r! + g! + b!, `link colour ${ink.link} is dark`).toBeLessThan(300);
      const clipped = await page.locator('article table').evaluateAll((tables) =>
        tables
          .filter((table) => table.scrollWidth > table.clientWidth + 1 || table.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((table) => table.textContent?.slice(0, 60) ?? ''),
      );
      expect(await page.locator('article table').count()).toBeGreaterThan(0);
      expect(clipped, 'tables wider than the printed page').toEqual([]);
      const pdf = await page.pdf({ path: path.join(ARTIFACTS, `architecture.${mode}.pdf`), format: 'A4' });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
  });
});

describe('landing page', () => {
  it('routes architects, compliance officers and engineers to targets that exist', async () => {
    await site.visit('/', 'light', async ({ page, consoleErrors, failedRequests }) => {
      const links = await page.locator('main a.button').evaluateAll((anchors) =>
        anchors.map((anchor) => (anchor as HTMLAnchorElement).getAttribute('href') ?? ''),
      );
      expect(links).toHaveLength(3);
      for (const href of links) {
        const target = new URL(href, site.origin);
        // Settle each page before the next navigation, which would otherwise abort its lazy chunks.
        await page.goto(target.href, { waitUntil: 'networkidle' });
        expect(await page.locator('article h1').count(), `${href} is a docs page`).toBe(1);
        if (target.hash) {
          expect(await page.locator(`[id="${decodeURIComponent(target.hash.slice(1))}"]`).count(), `${href} anchor`).toBe(1);
        }
      }
      expect(consoleErrors).toEqual([]);
      expect(failedRequests).toEqual([]);
    });
  });
});

describe('site identity', () => {
  it('serves the favicon and the social card that the pages point to', async () => {
    await site.visit('/', 'light', async ({ page, failedRequests }) => {
      const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
      const card = await page.locator('meta[property="og:image"]').getAttribute('content');
      expect(icon).toBeTruthy();
      expect(card).toBeTruthy();
      const checks: Array<[string, RegExp, number]> = [
        [icon!, /^image\/svg\+xml/, 100],
        [card!, /^image\/png/, 10_000],
      ];
      for (const [ref, type, minBytes] of checks) {
        // og:image is absolute on the configured site url; fetch the same path from this server.
        const response = await page.request.get(site.origin + new URL(ref, site.origin).pathname);
        expect(response.status(), ref).toBe(200);
        expect(response.headers()['content-type'], ref).toMatch(type);
        expect((await response.body()).length, ref).toBeGreaterThan(minBytes);
      }
      expect(failedRequests).toEqual([]);
    });
  });
});

describe('local search', () => {
  it('finds a word from the architecture page, offline', async () => {
    await site.visit('/', 'light', async ({ page, consoleErrors, failedRequests }) => {
      // Other pages mention the word too: pick the hit whose path names the architecture page.
      const option = (await searchHits(page, 'signaling')).filter({ hasText: 'Architecture and data flow' }).first();
      await option.waitFor({ state: 'visible', timeout: 15_000 });
      await option.click();
      await page.waitForURL((url) => url.pathname.startsWith('/docs/architecture'), { timeout: 10_000 });
      expect(consoleErrors).toEqual([]);
      expect(failedRequests).toEqual([]);
    });
  });
});
