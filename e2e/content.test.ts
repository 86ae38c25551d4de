import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  CLOUD_IDS, CLOUD_PRESETS, FQDN_ENTRIES, REGIONAL_BOT_ENDPOINTS, SERVICE_URL_HOSTS, SERVICE_URL_REGIONS,
} from '../checks/core/clouds';
import { RSC_PERMISSIONS } from '../checks/data/rsc-permissions';
import { RESIDENCY_STATEMENTS } from '../checks/data/residency';
import { CHECK_IDS } from '../src/components/CheckRef/catalogue';
import { drawnDiagrams } from './helpers/browser';
import { useBuiltSite } from './helpers/built-site';
import { ARTIFACTS } from './helpers/site';

/**
 * Browser tests of the reference pages in the built site: diagrams render, the data tables show
 * exactly what checks/core/clouds holds, check references link only to pages that exist, and the
 * data-residency page prints to PDF without clipped tables.
 */

const site = useBuiltSite();
const SITE = site.dir;
const SECTIONS = ['messaging', 'calling', 'authentication', 'network', 'data-residency', 'clouds', 'hosting', 'faq', 'troubleshooting'];

/** Text of the cells of one column (by data-col), row by row, for a table selector. */
async function column(page: Page, table: string, col: string): Promise<string[]> {
  return page.locator(`${table} tbody tr td[data-col="${col}"]`).allInnerTexts().then((t) => t.map((s) => s.trim()));
}

describe.each(SECTIONS)('/docs/%s/', (section) => {
  it('loads cleanly and renders every mermaid diagram as an <svg>', async () => {
    await site.visit(`/docs/${section}/`, 'light', async ({ page, consoleErrors, failedRequests }) => {
      const { blocks, drawn } = await drawnDiagrams(page);
      expect(blocks).toBeGreaterThan(0);
      expect(drawn).toBe(blocks);
      expect(await page.locator('[data-mermaid-block] svg [class*="error"]').count()).toBe(0);
      expect(consoleErrors).toEqual([]);
      expect(failedRequests).toEqual([]);
      expect(await page.locator('article a[href^="https://"]').count()).toBeGreaterThan(0);
      // Markdown rendered, not leaked: no raw admonition fences or JSX tags in the text.
      const articleText = await page.locator('article').innerText();
      expect(articleText).not.toContain(':::');
      expect(articleText).not.toMatch(/<(CheckRef|CloudEndpointsTable|FqdnTable|ServiceUrl\w+Table|RegionalBotsTable|CodeValue|SourceLinks)\b/);
    });
  });

  it('names checks by catalogue id and links only to check pages that exist', async () => {
    await site.visit(`/docs/${section}/`, 'light', async ({ page }) => {
      const refs = await page.locator('[data-check-id]').evaluateAll((nodes) =>
        nodes.map((n) => ({ id: n.getAttribute('data-check-id') ?? '', tag: n.tagName, href: n.getAttribute('href') })),
      );
      for (const ref of refs) {
        expect(CHECK_IDS as readonly string[]).toContain(ref.id);
        const published = existsSync(path.join(SITE, 'docs', 'checks', ref.id, 'index.html'))
          || existsSync(path.join(SITE, 'docs', 'checks', `${ref.id}.html`));
        if (published) {
          expect(ref.tag, ref.id).toBe('A');
          expect(ref.href, ref.id).toMatch(new RegExp(`/docs/checks/${ref.id}/?$`));
        } else {
          expect(ref.tag, ref.id).toBe('SPAN');
          expect(ref.href).toBeNull();
        }
      }
      if (section !== 'hosting') expect(refs.length).toBeGreaterThan(0);
    });
  });
});

describe('data tables in the browser equal checks/core/clouds', () => {
  it('network: one allowlist per cloud, host by host', async () => {
    await site.visit('/docs/network/', 'light', async ({ page }) => {
      for (const cloud of CLOUD_IDS) {
        const table = `table[data-table="fqdn"][data-cloud="${cloud}"]`;
        const hosts = await column(page, table, 'host');
        expect(hosts, cloud).toEqual(FQDN_ENTRIES.filter((e) => e.clouds.includes(cloud)).map((e) => e.host));
      }
    });
  });

  it('clouds: every endpoint cell', async () => {
    await site.visit('/docs/clouds/', 'light', async ({ page }) => {
      const table = 'table[data-table="cloud-endpoints"]';
      const cell = (row: string, cloud: string) =>
        page.locator(`${table} tbody[data-row="${row}"] tr[data-clouds~="${cloud}"] code[data-value]`).allInnerTexts();
      for (const cloud of CLOUD_IDS) {
        const p = CLOUD_PRESETS[cloud];
        expect(await cell('openIdMetadataUrl', cloud)).toEqual([p.openIdMetadataUrl.value]);
        expect(await cell('tokenIssuer', cloud)).toEqual([p.tokenIssuer.value]);
        expect(await cell('loginAuthority', cloud)).toEqual([p.loginAuthority.value]);
        expect(await cell('botOAuthScope', cloud)).toEqual([p.botOAuthScope.value]);
        expect(await cell('userTokenServiceUrls', cloud)).toEqual(p.userTokenServiceUrls.map((v) => v.value));
        expect(await cell('serviceUrlHosts', cloud)).toEqual(SERVICE_URL_HOSTS.filter((h) => h.cloud === cloud).map((h) => h.host));
        expect(await cell('graphBaseUrl', cloud)).toEqual([p.graphBaseUrl.value]);
      }
    });
  });

  it('data residency: serviceUrl regions and hosts, regional bots', async () => {
    await site.visit('/docs/data-residency/', 'light', async ({ page }) => {
      expect(await column(page, 'table[data-table="serviceurl-regions"]', 'path')).toEqual(SERVICE_URL_REGIONS.map((r) => `/${r.path}/`));
      expect(await column(page, 'table[data-table="serviceurl-hosts"]', 'host')).toEqual(SERVICE_URL_HOSTS.map((h) => h.host));
      expect(await page.locator('table[data-table="regional-bots"] tr[data-row="azureLocation"] td code').allInnerTexts()).toEqual(
        REGIONAL_BOT_ENDPOINTS.map((r) => r.azureLocation.value),
      );
      expect(await page.locator('table[data-table="regional-bots"] tr[data-row="tokenServiceUrl"] td code').allInnerTexts()).toEqual(
        REGIONAL_BOT_ENDPOINTS.map((r) => r.tokenServiceUrl.value),
      );
      const rsc = page.locator('table[data-table="rsc-permissions"]');
      expect(await rsc.count()).toBe(2);
      expect(await rsc.nth(1).locator('tbody tr td[data-col="name"] code').allInnerTexts()).toEqual(RSC_PERMISSIONS.map((p) => p.name));
      expect(await rsc.nth(0).locator('tbody tr td[data-col="name"] code').allInnerTexts()).toEqual(
        RSC_PERMISSIONS.filter((p) => p.readsContent).map((p) => p.name),
      );
      for (const cloud of ['public', 'gcch', 'china'] as const) {
        const texts = await column(page, `table[data-table="residency-statements"][data-cloud="${cloud}"]`, 'text');
        expect(texts.length, cloud).toBe(RESIDENCY_STATEMENTS[cloud].length);
        texts.forEach((t, i) => expect(t).toContain(RESIDENCY_STATEMENTS[cloud][i]!.text));
      }
    });
  });
});

describe('reports are labelled', () => {
  it('the TLS 1.3-only report renders as an admonition titled "Reported"', async () => {
    await site.visit('/docs/network/', 'light', async ({ page }) => {
      const admonitions = await page.locator('.theme-admonition').allInnerTexts();
      const tls = admonitions.filter((t) => /TLS 1\.3/.test(t));
      expect(tls.length).toBeGreaterThan(0);
      for (const t of tls) expect(t).toMatch(/^\s*reported, not documented/i);
    });
  });
});

describe('data residency page in print', () => {
  it('lays out every table within the page width and prints a sane PDF', async () => {
    await site.visit('/docs/data-residency/', 'light', async ({ page }) => {
      await drawnDiagrams(page);
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      const tables = await page.locator('article table').evaluateAll((nodes) =>
        nodes.map((t) => {
          const el = t as HTMLElement;
          const article = el.closest('article')!.getBoundingClientRect();
          const box = el.getBoundingClientRect();
          return {
            caption: (el.querySelector('th, td')?.textContent ?? '').slice(0, 40),
            scrollWidth: el.scrollWidth,
            clientWidth: el.clientWidth,
            overflowsArticle: box.right > article.right + 1,
          };
        }),
      );
      expect(tables.length).toBeGreaterThanOrEqual(14); // six hops, regional bots, two serviceUrl, three residency, two RSC tables
      for (const t of tables) {
        expect(t.scrollWidth, t.caption).toBeLessThanOrEqual(t.clientWidth + 1);
        expect(t.overflowsArticle, t.caption).toBe(false);
      }
      // Label columns stay wide enough to read (no "Dat / a" splits).
      const labelWidths = await page.locator('[data-labelled-table] table tbody tr > :first-child').evaluateAll((cells) =>
        cells.map((c) => ({ text: (c.textContent ?? '').trim(), width: c.getBoundingClientRect().width })),
      );
      expect(labelWidths.length).toBeGreaterThanOrEqual(30);
      for (const cell of labelWidths) expect(cell.width, cell.text).toBeGreaterThanOrEqual(100);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
      writeFileSync(path.join(ARTIFACTS, 'data-residency.pdf'), pdf);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(30);
    });
  });
});
