import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drawnDiagrams, gotoInMode, newPage, type ColorMode } from './helpers/browser';
import { useBuiltSite } from './helpers/built-site';
import { expectPrintView, MM, readPdf } from './helpers/pdf';
import { ARTIFACTS, pageSlug, REPO_ROOT, SCREENSHOTS, sitemapPaths } from './helpers/site';

/**
 * The site as a reader reads it (built site, `npm run build` first): diagrams hold their final
 * size while they load and open enlarged with pan and zoom from mouse and keyboard; tables too
 * wide for a phone scroll in a frame that says so; a printed page has margins, a stamp (title,
 * address, date, tool version) and no form controls. Screenshots go to e2e/screenshots/.
 */

const site = useBuiltSite();
const SITE = site.dir;
const MODES: readonly ColorMode[] = ['light', 'dark'];
const SIZES_FILE = path.join(REPO_ROOT, 'src', 'theme', 'Mermaid', 'diagram-sizes.json');
const TOOL_VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Pages with at least one diagram, from the built HTML (the figure is rendered at build time). */
const DIAGRAM_PAGES = sitemapPaths(SITE).filter((p) => {
  const clean = p.replace(/^\/+|\/+$/g, '');
  for (const file of [path.join(SITE, clean, 'index.html'), path.join(SITE, `${clean}.html`)]) {
    if (existsSync(file)) return readFileSync(file, 'utf8').includes('data-mermaid-block');
  }
  return false;
});

interface FigureBox {
  key: string;
  height: number;
  width: number;
}

async function figureBoxes(page: Page): Promise<FigureBox[]> {
  return page.locator('[data-mermaid-block] .mermaid-frame').evaluateAll((frames) => frames.map((f) => {
    const box = f.getBoundingClientRect();
    return { key: f.closest('[data-mermaid-block]')?.getAttribute('data-diagram-key') ?? '', height: Math.round(box.height * 10) / 10, width: Math.round(box.width * 10) / 10 };
  }));
}

async function allDrawn(page: Page): Promise<void> {
  const { blocks, drawn } = await drawnDiagrams(page, 30_000);
  expect(drawn, 'diagrams drawn').toBe(blocks);
}

describe('diagrams keep their place while they load', () => {
  it('the list of pages with diagrams is not empty', () => {
    expect(DIAGRAM_PAGES.length).toBeGreaterThanOrEqual(10);
  });

  const sizes: Record<string, { width: number; height: number }> = {};

  describe.each(MODES)('in %s mode', (mode) => {
    it.each(DIAGRAM_PAGES)('%s: each placeholder has the size of the diagram drawn into it', async (pagePath) => {
      const { page } = await newPage(site.context, site.origin);
      try {
        // Scripts arrive late (as on a slow connection or a cold development server).
        await page.route('**/*.js', async (route) => {
          await new Promise((r) => setTimeout(r, 700));
          await route.continue();
        });
        await page.emulateMedia({ colorScheme: mode });
        await page.goto(site.origin + pagePath, { waitUntil: 'domcontentloaded' });
        const before = await figureBoxes(page);
        expect(before.length).toBeGreaterThan(0);
        expect(await page.locator('[data-mermaid-block] svg').count(), 'no diagram is drawn yet').toBe(0);
        await page.waitForLoadState('networkidle');
        await allDrawn(page);
        const after = await figureBoxes(page);
        if (mode === 'light') {
          const natural = await page.locator('[data-mermaid-block]').evaluateAll((blocks) => blocks.map((b) => {
            const svg = b.querySelector('.mermaid-frame svg') as SVGSVGElement;
            return { key: b.getAttribute('data-diagram-key') ?? '', width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height };
          }));
          for (const n of natural) sizes[n.key] = { width: Math.round(n.width * 100) / 100, height: Math.round(n.height * 100) / 100 };
        }
        expect(after.map((f) => f.key)).toEqual(before.map((f) => f.key));
        for (const [i, f] of after.entries()) {
          expect(Math.abs(f.height - before[i]!.height), `diagram ${f.key}: ${before[i]!.height}px before, ${f.height}px drawn`).toBeLessThanOrEqual(2);
        }
      } finally {
        await page.close();
      }
    });
  });

  it('src/theme/Mermaid/diagram-sizes.json holds the size of every diagram as drawn (update it with vitest -u)', async () => {
    expect(Object.keys(sizes).length).toBeGreaterThanOrEqual(DIAGRAM_PAGES.length);
    const sorted = Object.fromEntries(Object.entries(sizes).sort(([a], [b]) => a.localeCompare(b)));
    await expect(`${JSON.stringify(sorted, null, 2)}\n`).toMatchFileSnapshot(SIZES_FILE);
  });
});

describe('a diagram opens enlarged, with pan and zoom', () => {
  async function transformOf(page: Page): Promise<{ scale: number; x: number; y: number }> {
    return page.locator('[data-diagram-dialog] [data-diagram-viewport] > div').evaluate((stage) => {
      const m = new DOMMatrixReadOnly(getComputedStyle(stage).transform);
      return { scale: Math.round(m.a * 1000) / 1000, x: Math.round(m.e), y: Math.round(m.f) };
    });
  }

  it.each(MODES)('by click and by keyboard, in %s mode', async (mode) => {
    await site.visit('/docs/architecture/', mode, async ({ page, consoleErrors }) => {
      await allDrawn(page);
      const figure = page.locator('[data-mermaid-block]').first();

      // Click: the dialog opens with a copy of the diagram, larger than on the page.
      await figure.locator('.mermaid-frame svg').click();
      const dialog = page.locator('dialog[data-diagram-dialog][open]');
      await dialog.waitFor();
      expect(await dialog.getAttribute('aria-labelledby')).toBeTruthy();
      expect(await dialog.locator('h2').textContent()).toBe('Data flow between a Teams user and a bot');
      const onPage = await figure.locator('.mermaid-frame svg').boundingBox();
      const enlarged = await dialog.locator('svg').boundingBox();
      expect(enlarged!.width).toBeGreaterThan(onPage!.width * 1.2);
      // The copy's ids do not clash with the original's.
      const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
      expect(ids.length - new Set(ids).size, 'duplicate ids').toBe(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, `diagram-enlarged.${mode}.png`) });

      // Keyboard: the diagram has focus; + zooms, arrows pan, 0 resets, Escape closes.
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-diagram-viewport'))).toBe(true);
      const start = await transformOf(page);
      await page.keyboard.press('+');
      await expect.poll(async () => (await transformOf(page)).scale).toBeGreaterThan(start.scale);
      const zoomed = await transformOf(page);
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => (await transformOf(page)).x).not.toBe(zoomed.x);
      await page.keyboard.press('0');
      await expect.poll(async () => (await transformOf(page)).scale).toBe(start.scale);
      await dialog.locator('[data-zoom="out"]').click();
      await expect.poll(async () => (await transformOf(page)).scale).toBeLessThan(start.scale);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('dialog[data-diagram-dialog][open]').count()).toBe(0);

      // From the keyboard alone: Tab to the button, Enter opens, Escape closes, focus comes back.
      const button = figure.locator('[data-enlarge-diagram]');
      await button.focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('dialog[data-diagram-dialog][open]').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-enlarge-diagram'))).toBe(true);
      expect(consoleErrors).toEqual([]);
    });
  });
});

describe('tables on a phone', () => {
  it('a table wider than the screen scrolls in its own frame, which says so and takes keyboard focus', async () => {
    const { page } = await newPage(site.context, site.origin);
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await gotoInMode(page, `${site.origin}/docs/network/`, 'light');
      const frames = page.locator('[data-table-scroll="overflowing"]');
      await expect.poll(() => frames.count()).toBeGreaterThan(0);
      for (const frame of await frames.all()) {
        expect(await frame.getAttribute('role')).toBe('region');
        expect(await frame.getAttribute('tabindex')).toBe('0');
        expect(await frame.getAttribute('aria-label')).toMatch(/scrolls sideways/);
        const hint = frame.locator('xpath=preceding-sibling::*[@data-scroll-hint]');
        expect(await hint.isVisible()).toBe(true);
        expect(await frame.evaluate((f) => f.scrollWidth > f.clientWidth)).toBe(true);
      }
      const first = frames.first();
      await first.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'table-scroll-frame.390.light.png') });
      // The keyboard scrolls it.
      await first.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => first.evaluate((f) => f.scrollLeft)).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});

describe('printing a page', () => {
  it('the data residency page prints with margins, a stamp on every page and no form controls', async () => {
    const pagePath = '/docs/data-residency/';
    await site.visit(pagePath, 'light', async ({ page }) => {
      await allDrawn(page);
      // Nothing to press or type into on paper; the stamp names the page.
      await expectPrintView(page);
      const title = await page.title();
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      writeFileSync(path.join(ARTIFACTS, `${pageSlug(pagePath)}.print.pdf`), pdf);
      const pages = await readPdf(pdf);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      const url = site.origin + pagePath;
      const whole = pages.map((p) => p.text).join('\n');
      // Button labels that the page's prose never uses (the DOM check above covers every control).
      for (const label of ['Load example', 'Enlarge diagram']) expect(whole, `"${label}" printed`).not.toContain(label);
      for (const [n, p] of pages.entries()) {
        // The margin boxes: the title at the top, address, date and version at the bottom, page numbers.
        const top = p.items.filter((i) => i.y > p.height - 12 * MM).map((i) => i.text).join('');
        const bottom = p.items.filter((i) => i.y < 12 * MM).map((i) => i.text).join('');
        expect(top, `page ${n + 1} header`).toContain(title.slice(0, 40));
        expect(bottom, `page ${n + 1} footer`).toContain(url);
        expect(bottom).toMatch(/printed \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
        expect(bottom).toContain(`botflow ${TOOL_VERSION}`);
        expect(bottom).toContain(`page ${n + 1} of ${pages.length}`);
        // Everything else sits inside the page margins (10 mm left and right, 12 mm top and bottom).
        const body = p.items.filter((i) => i.y >= 12 * MM && i.y <= p.height - 12 * MM);
        expect(body.length, `page ${n + 1} has content`).toBeGreaterThan(0);
        for (const i of body) {
          expect(i.x, `"${i.text}" left of the margin on page ${n + 1}`).toBeGreaterThanOrEqual(10 * MM - 1);
          expect(i.x + i.width, `"${i.text}" right of the margin on page ${n + 1}`).toBeLessThanOrEqual(p.width - 10 * MM + 1);
        }
      }
    });
  });
});
