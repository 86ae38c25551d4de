import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLOUD_IDS, CLOUD_PRESETS, FQDN_ENTRIES, REGIONAL_BOT_ENDPOINTS, SERVICE_URL_HOSTS, SERVICE_URL_REGIONS,
} from '../checks/core/clouds';
import { RSC_PERMISSIONS } from '../checks/data/rsc-permissions';
import { RESIDENCY_STATEMENTS } from '../checks/data/residency';
import { CHECK_IDS } from '../src/components/CheckRef/catalogue';
import { gotoInMode, launchBrowser, newPage, type Browser } from './helpers/browser';
import { buildDir, REPO_ROOT, startStaticServer, type StaticServer } from './helpers/site';

/**
 * Browser tests of the reference pages in the built site: diagrams render, the data tables show
 * exactly what checks/core/clouds holds, check references link only to pages that exist, and the
 * data-residency page prints to PDF without clipped tables.
 */

const SITE = buildDir();
const ARTIFACTS = path.join(REPO_ROOT, 'e2e', 'artifacts');
const SECTIONS = ['messaging', 'calling', 'authentication', 'network', 'data-residency', 'clouds', 'hosting', 'faq', 'troubleshooting'];

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startStaticServer(SITE);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(section: string): Promise<{ page: Page; consoleErrors: string[]; failedRequests: string[] }> {
  const watched = await newPage(browser.context, server.origin);
  await gotoInMode(watched.page, `${server.origin}/docs/${section}/`, 'light');
  return watched;
}

async function waitForDiagrams(page: Page): Promise<{ blocks: number; withSvg: number }> {
  const blocks = await page.locator('[data-mermaid-block]').count();
  await page
    .waitForFunction(() => [...document.querySelectorAll('[data-mermaid-block]')].every((b) => b.querySelector('svg')), undefined, {
      timeout: 20_000,
    })
    .catch(() => undefined); // the counts carry the verdict
  return { blocks, withSvg: await page.locator('[data-mermaid-block]:has(svg)').count() };
}

/** Text of the cells of one column (by data-col), row by row, for a table selector. */
async function column(page: Page, table: string, col: string): Promise<string[]> {
  return page.locator(`${table} tbody tr td[data-col="${col}"]`).allInnerTexts().then((t) => t.map((s) => s.trim()));
}

describe.each(SECTIONS)('/docs/%s/', (section) => {
  it('loads cleanly and renders every mermaid diagram as an <svg>', async () => {
    const { page, consoleErrors, failedRequests } = await open(section);
    try {
      const { blocks, withSvg } = await waitForDiagrams(page);
      expect(blocks).toBeGreaterThan(0);
      expect(withSvg).toBe(blocks);
      expect(await page.locator('[data-mermaid-block] svg [class*="error"]').count()).toBe(0);
      expect(consoleErrors).toEqual([]);
      expect(failedRequests).toEqual([]);
      expect(await page.locator('article a[href^="https://"]').count()).toBeGreaterThan(0);
      // Markdown rendered, not leaked: no raw admonition fences or JSX tags in the text.
      const articleText = await page.locator('article').innerText();
      expect(articleText).not.toContain(':::');
      expect(articleText).not.toMatch(/<(CheckRef|CloudEndpointsTable|FqdnTable|ServiceUrl\w+Table|RegionalBotsTable|CodeValue|SourceLinks)\b/);
    } finally {
      await page.close();
    }
  });

  it('names checks by catalogue id and links only to check pages that exist', async () => {
    const { page } = await open(section);
    try {
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
    } finally {
      await page.close();
    }
  });
});

describe('data tables in the browser equal checks/core/clouds', () => {
  it('network: one allowlist per cloud, host by host', async () => {
    const { page } = await open('network');
    try {
      for (const cloud of CLOUD_IDS) {
        const table = `table[data-table="fqdn"][data-cloud="${cloud}"]`;
        const hosts = await column(page, table, 'host');
        expect(hosts, cloud).toEqual(FQDN_ENTRIES.filter((e) => e.clouds.includes(cloud)).map((e) => e.host));
      }
    } finally {
      await page.close();
    }
  });

  it('clouds: every endpoint cell', async () => {
    const { page } = await open('clouds');
    try {
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
    } finally {
      await page.close();
    }
  });

  it('data residency: serviceUrl regions and hosts, regional bots', async () => {
    const { page } = await open('data-residency');
    try {
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
    } finally {
      await page.close();
    }
  });
});

describe('reports are labelled', () => {
  it('the TLS 1.3-only report renders as an admonition titled "Reported"', async () => {
    const { page } = await open('network');
    try {
      const admonitions = await page.locator('.theme-admonition').allInnerTexts();
      const tls = admonitions.filter((t) => /TLS 1\.3/.test(t));
      expect(tls.length).toBeGreaterThan(0);
      for (const t of tls) expect(t).toMatch(/^\s*reported, not documented/i);
    } finally {
      await page.close();
    }
  });
});

describe('data residency page in print', () => {
  it('lays out every table within the page width and prints a sane PDF', async () => {
    const { page } = await open('data-residency');
    try {
      await waitForDiagrams(page);
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
    } finally {
      await page.close();
    }
  });
});
