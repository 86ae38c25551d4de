import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../checks/core/types';
import { checkCatalogue } from '../checks/core/catalogue';
import { buildPackage } from '../checks/testing/manifests/package';
import { sample } from '../checks/testing/manifests/corpus';
import { botResource, teamsChannelResource } from '../checks/testing/azure-mocks/fixtures';
import { seriousViolations } from './helpers/axe';
import { gotoInMode, launchBrowser, newPage, withPage, type Browser, type ColorMode } from './helpers/browser';
import { SCREENSHOTS } from './helpers/site';
import { startWidgetEnv, type WidgetEnv } from './helpers/widgets-env';
import { recordRequests, shownResults, shownStatus, widgetReady } from './helpers/widgets-page';

/**
 * The self-check widgets in the built site, against the real API (served with the site by the
 * real server app) and real local bots. `npm run build` first.
 */

const MODES: readonly ColorMode[] = ['light', 'dark'];
const WIDGET_PAGES = ['endpoint', 'manifest', 'registration', 'residency', 'allowlist', 'reports'] as const;

let env: WidgetEnv;
let browser: Browser;
let tmp: string;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  tmp = await mkdtemp(path.join(tmpdir(), 'botflow-widgets-'));
  env = await startWidgetEnv();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const page = (name: string): string => `/docs/self-checks/${name}`;

/** A package whose manifest breaks the v1.17 schema at /bots/0/scopes/1 ("groupchat" is "groupChat" since 1.17). */
function brokenPackage(): Uint8Array {
  const manifest = sample('hello-world-bot', '1.17');
  const bots = manifest.bots as Array<{ scopes: string[] }>;
  bots[0]!.scopes = ['personal', 'groupchat'];
  return buildPackage(manifest);
}

async function runEndpoint(p: import('playwright-core').Page, url: string): Promise<void> {
  const field = p.getByLabel('Messaging endpoint URL');
  await field.fill(url);
  await field.press('Enter');
  await p.locator('[data-run-announcement]', { hasText: 'Checks finished' }).waitFor({ timeout: 90_000 });
}

async function saveJson(p: import('playwright-core').Page, name: string): Promise<{ file: string; report: Report }> {
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Save JSON' }).first().click()]);
  const file = path.join(tmp, name);
  await download.saveAs(file);
  return { file, report: JSON.parse(readFileSync(file, 'utf8')) as Report };
}

describe('EndpointCheck against real bots, through the real API', () => {
  it('passes auth-missing-token for the SDK bot and fails it for the anonymous bot; compare shows the change', async () => {
    const { page: p, consoleErrors } = await newPage(browser.context, env.origin);
    const runs = recordRequests(p);
    try {
      await gotoInMode(p, env.origin + page('endpoint'), 'light');
      await widgetReady(p, 'endpoint-check');

      // Record what the live region says and whether per-check rows were shown while running.
      await p.evaluate(() => {
        const w = window as unknown as { heard: string[]; runningRows: number };
        w.heard = [];
        w.runningRows = 0;
        const live = document.querySelector('[data-run-announcement]')!;
        new MutationObserver(() => { w.heard.push(live.textContent ?? ''); }).observe(live, { childList: true, characterData: true, subtree: true });
        new MutationObserver(() => {
          w.runningRows = Math.max(w.runningRows, document.querySelectorAll('[data-run-progress] li[data-status]').length);
        }).observe(document.querySelector('[data-widget="endpoint-check"]')!, { childList: true, subtree: true, attributes: true });
      });
      await runEndpoint(p, env.sdkBot.url);
      expect(await shownStatus(p, 'auth-missing-token')).toBe('pass');
      const { heard, runningRows } = await p.evaluate(() => {
        const w = window as unknown as { heard: string[]; runningRows: number };
        return { heard: w.heard, runningRows: w.runningRows };
      });
      expect(heard.some((t) => /^Running checks: \d+ of 13 done/.test(t)), heard.join(' | ')).toBe(true);
      expect(heard.at(-1)).toMatch(/^Checks finished: 13 checks, .*\d+ pass/);
      expect(runningRows).toBe(13);
      // Focus moves to the report when the run ends; the CLI command names the URL.
      expect(await p.evaluate(() => document.activeElement?.tagName)).toBe('H3');
      // The API allows private targets here, so the command does too (it must be what ran).
      await expect.poll(() => p.locator('[data-cli-command] code').first().textContent()).toBe(`botflow endpoint ${env.sdkBot.url} --allow-private`);
      // The SDK behind the endpoint is named in the result view.
      const sdkRow = p.locator('[data-report-view] ul[aria-label="Results per check"] > li[data-check-id="endpoint-sdk"]');
      await expect.poll(() => sdkRow.textContent()).toContain('Bot Framework SDK (botbuilder)');
      const sdk = await saveJson(p, 'sdk.json');
      expect(sdk.report.results.find((r) => r.id === 'auth-missing-token')?.status).toBe('pass');
      await p.screenshot({ path: path.join(SCREENSHOTS, 'widget-endpoint-sdk-bot.light.png'), fullPage: true });

      await runEndpoint(p, env.anonymousBot.url);
      expect(await shownStatus(p, 'auth-missing-token')).toBe('fail');
      const failing = p.locator('[data-report-view] ul[aria-label="Results per check"] > li[data-check-id="auth-missing-token"]');
      await expect.poll(() => failing.locator('[data-result-remediation]').count()).toBe(1);
      // The fix is worded in the identified SDK's settings (the Agents SDK's), not botbuilder's.
      const fix = await failing.locator('[data-result-remediation]').textContent();
      expect(fix).toContain('connections__serviceConnection__settings__clientId');
      expect(fix).not.toContain('MicrosoftAppPassword');
      await p.screenshot({ path: path.join(SCREENSHOTS, 'widget-endpoint-anonymous-bot.light.png'), fullPage: true });

      // The stream was used (ndjson), one POST per run, nothing else posted.
      const posts = runs.requests.filter((r) => r.method === 'POST');
      expect(posts.map((r) => new URL(r.url).pathname)).toEqual(['/api/runs', '/api/runs']);

      // Compare the anonymous run with the saved SDK run: auth-missing-token went from pass to fail.
      await p.locator('[data-compare-report]').setInputFiles(sdk.file);
      // Another bot's report: the view warns first, the diff comes on request.
      await p.locator('[data-compare-warning]').getByRole('button', { name: 'Compare anyway' }).click();
      const row = p.locator('[data-comparison] tr[data-check-id="auth-missing-token"]');
      await row.waitFor();
      expect(await row.getAttribute('data-change-kind')).toBe('changed');
      expect(await row.locator('[data-col="before"] [data-status]').getAttribute('data-status')).toBe('pass');
      expect(await row.locator('[data-col="after"] [data-status]').getAttribute('data-status')).toBe('fail');
      expect(await row.textContent()).toContain('worse');
      await row.scrollIntoViewIfNeeded();
      await p.screenshot({ path: path.join(SCREENSHOTS, 'widget-endpoint-compare.light.png') });
      expect(await env.sdkBot.received(), 'the SDK bot let no unauthenticated activity through').toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      runs.stop();
      await p.close();
    }
  });

  it('without the API (static hosting) says so and shows the CLI command', async () => {
    await withPage(browser.context, env.staticOrigin + page('endpoint'), 'light', async ({ page: p }) => {
      await widgetReady(p, 'endpoint-check');
      await p.getByLabel('Messaging endpoint URL').fill('https://bot.example.com/api/messages');
      await p.getByRole('button', { name: 'Run endpoint checks' }).click();
      const note = p.locator('[data-api-status="unavailable"]');
      await note.waitFor();
      expect(await note.textContent()).toMatch(/has none/);
      expect(await p.locator('[data-cli-command] code').first().textContent()).toBe('botflow endpoint https://bot.example.com/api/messages');
      expect(await p.locator('[data-report-view]').count()).toBe(0);
    });
  });

  it('a refused URL is shown at the field, which gets focus', async () => {
    await withPage(browser.context, env.origin + page('endpoint'), 'light', async ({ page: p }) => {
      await widgetReady(p, 'endpoint-check');
      await p.getByLabel('Messaging endpoint URL').fill('not a url');
      await p.getByRole('button', { name: 'Run endpoint checks' }).click();
      const error = p.locator('[data-field-error="url"]');
      await error.waitFor();
      expect(await error.textContent()).toMatch(/not an absolute URL/);
      expect(await p.getByLabel('Messaging endpoint URL').getAttribute('aria-invalid')).toBe('true');
      expect(await p.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('url');
    });
  });
});

describe('ManifestCheck in the browser', () => {
  it('shows the schema error with its path and sends the file nowhere', async () => {
    const bytes = brokenPackage();
    const file = path.join(tmp, 'broken-app.zip');
    writeFileSync(file, bytes);
    await withPage(browser.context, env.origin + page('manifest'), 'light', async ({ page: p, consoleErrors }) => {
      await widgetReady(p, 'manifest-check');
      expect(await p.locator('[data-runs-in-browser]').textContent()).toMatch(/Runs entirely in your browser/);
      const recorder = recordRequests(p);
      await p.getByLabel('Choose manifest.json or the app package (.zip)').setInputFiles(file);
      expect(await shownStatus(p, 'manifest-schema')).toBe('fail');
      recorder.stop();

      const details = p.locator('li[data-check-id="manifest-schema"] [data-result-details] li');
      const paths = await details.evaluateAll((items) => items.map((li) => li.getAttribute('data-detail-path')));
      expect(paths).toContain('/bots/0/scopes/1');
      expect(await details.first().textContent()).toMatch(/\/bots\/0\/scopes\/1.*line \d+, column \d+/);

      // No request carried the file: none is a POST/PUT, none has a body, none names the file.
      const needle = Buffer.from(bytes.subarray(0, 64));
      for (const r of recorder.requests) {
        expect(r.method, r.url).toBe('GET');
        expect(r.body.length, r.url).toBe(0);
        expect(r.body.includes(needle)).toBe(false);
        expect(r.url).not.toContain('broken-app');
        expect(new URL(r.url).origin).toBe(env.origin);
      }
      await p.screenshot({ path: path.join(SCREENSHOTS, 'widget-manifest-broken.light.png'), fullPage: true });
      expect(consoleErrors).toEqual([]);
    });
  });

  it('takes a manifest.json dropped on the drop zone', async () => {
    const manifest = JSON.stringify(sample('hello-world-bot', '1.24'), null, 2);
    await withPage(browser.context, env.origin + page('manifest'), 'light', async ({ page: p, consoleErrors }) => {
      await widgetReady(p, 'manifest-check');
      const transfer = await p.evaluateHandle((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'manifest.json', { type: 'application/json' }));
        return dt;
      }, manifest);
      await p.dispatchEvent('[data-dropzone]', 'dragover', { dataTransfer: transfer });
      await p.dispatchEvent('[data-dropzone]', 'drop', { dataTransfer: transfer });
      expect(await shownStatus(p, 'manifest-schema')).toBe('pass');
      expect(await shownStatus(p, 'manifest-json')).toBe('pass');
      expect(await p.locator('[data-report-view] h3').textContent()).toBe('Manifest report: manifest.json');
      expect(consoleErrors).toEqual([]);
    });
  });

  it('Save JSON -> Load renders the same results; Save Markdown names every check', async () => {
    const file = path.join(tmp, 'broken-app-2.zip');
    writeFileSync(file, brokenPackage());
    await withPage(browser.context, env.origin + page('manifest'), 'light', async ({ page: p }) => {
      await widgetReady(p, 'manifest-check');
      await p.getByLabel('Choose manifest.json or the app package (.zip)').setInputFiles(file);
      await shownStatus(p, 'manifest-schema');
      const before = await shownResults(p);
      expect(before.length).toBe(10);
      const saved = await saveJson(p, 'manifest.json');
      expect(saved.report.results.map((r) => [r.id, r.status])).toEqual(before.map((r) => [r.id, r.status]));

      const [md] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Save Markdown' }).click()]);
      const mdFile = path.join(tmp, 'manifest.md');
      await md.saveAs(mdFile);
      const markdown = readFileSync(mdFile, 'utf8');
      for (const r of before) expect(markdown).toContain(r.id);

      await gotoInMode(p, env.origin + page('reports'), 'light');
      await p.locator('[data-load-report]').waitFor();
      await p.locator('[data-load-report]').setInputFiles(saved.file);
      await p.locator('[data-report-view][data-suite="manifest"]').waitFor();
      expect(await shownResults(p)).toEqual(before);
      expect(await p.locator('[data-report-message]').textContent()).toMatch(/^Loaded manifest.json/);

      // A file that is not a report is refused with a reason.
      const bogus = path.join(tmp, 'bogus.json');
      writeFileSync(bogus, '{"hello":"world"}');
      await p.locator('[data-load-report]').setInputFiles(bogus);
      await expect.poll(() => p.locator('[data-report-message]').textContent()).toMatch(/"bogus.json" is not a botflow report/);
      expect(await shownResults(p)).toEqual(before);
    });
  });
});

describe('under `botflow serve` (the production composition, with its CSP)', () => {
  it('the endpoint check runs through the same-origin API', async () => {
    await withPage(browser.context, env.serveOrigin + page('endpoint'), 'light', async ({ page: p, consoleErrors }) => {
      await widgetReady(p, 'endpoint-check');
      await runEndpoint(p, env.sdkBot.url);
      expect(await shownStatus(p, 'auth-missing-token')).toBe('pass');
      expect(consoleErrors).toEqual([]);
    });
  });

  it('with the strict CSP (no eval) the manifest schema check and report loading still work', async () => {
    // ajv compiles code, which the production CSP forbids: the engine and the report loader
    // fall back to interpreting the schemas. The verdicts must be the same as without a CSP.
    const file = path.join(tmp, 'broken-app-serve.zip');
    writeFileSync(file, brokenPackage());
    await withPage(browser.context, env.serveOrigin + page('manifest'), 'light', async ({ page: p, consoleErrors }) => {
      await widgetReady(p, 'manifest-check');
      await p.getByLabel('Choose manifest.json or the app package (.zip)').setInputFiles(file);
      expect(await shownStatus(p, 'manifest-schema')).toBe('fail');
      const paths = await p.locator('li[data-check-id="manifest-schema"] [data-result-details] li')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-detail-path')));
      expect(paths).toContain('/bots/0/scopes/1');
      const before = await shownResults(p);
      const saved = await saveJson(p, 'serve-manifest.json');

      await gotoInMode(p, env.serveOrigin + page('reports'), 'light');
      await p.locator('[data-load-report]').setInputFiles(saved.file);
      await p.locator('[data-report-view][data-suite="manifest"]').waitFor();
      expect(await shownResults(p)).toEqual(before);
      const bogus = path.join(tmp, 'bogus-serve.json');
      writeFileSync(bogus, JSON.stringify({ ...saved.report, durationMs: -5 }));
      await p.locator('[data-load-report]').setInputFiles(bogus);
      await expect.poll(() => p.locator('[data-report-message]').textContent()).toMatch(/"bogus-serve.json" is not a botflow report: \/durationMs/);
      // ajv logs its refused compilation before the fallback takes over; nothing else may fail.
      expect(consoleErrors.filter((e) => !e.startsWith('Error compiling schema'))).toEqual([]);
    });
  });
});

describe('RegistrationCheck in the browser', () => {
  it('checks pasted az bot show JSON: a multi-tenant bot warns, a disabled Teams channel fails', async () => {
    const { page: p, consoleErrors } = await newPage(browser.context, env.origin);
    const recorder = recordRequests(p);
    try {
      await gotoInMode(p, env.origin + page('registration'), 'light');
      await widgetReady(p, 'registration-check');
      await p.getByRole('button', { name: 'Check the registration' }).click();
      await p.locator('[data-field-error="bot"]').waitFor();
      expect(await p.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');

      await p.getByLabel('Azure Bot resource JSON').fill(JSON.stringify(botResource({ msaAppType: 'MultiTenant', msaAppTenantId: '' }), null, 2));
      await p.getByLabel('Teams channel JSON (optional)').fill(JSON.stringify(teamsChannelResource({ isEnabled: false }), null, 2));
      await p.getByRole('button', { name: 'Check the registration' }).click();
      expect(await shownStatus(p, 'registration-app-type')).toBe('warn');
      expect(await shownStatus(p, 'registration-teams-channel')).toBe('fail');
      expect(recorder.requests.filter((r) => r.method !== 'GET')).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      recorder.stop();
      await p.close();
    }
  });
});

describe('ResidencyLookup and the keyboard', () => {
  it('works with the keyboard alone and announces the answer', async () => {
    await withPage(browser.context, env.origin + page('residency'), 'light', async ({ page: p }) => {
      await widgetReady(p, 'residency-lookup');
      const input = p.getByLabel('serviceUrl of an incoming activity');
      await input.focus();
      await p.keyboard.type('https://smba.trafficmanager.net/emea/');
      await p.keyboard.press('Tab');
      expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Look up');
      await p.keyboard.press('Enter');
      const answer = p.locator('[data-residency-answer]');
      await answer.locator('[data-cloud="public"]').waitFor();
      expect(await answer.getAttribute('role')).toBe('status');
      expect(await answer.locator('[data-region]').getAttribute('data-region')).toBe('emea');
      expect(await shownStatus(p, 'residency-service-url')).toBe('info');
    });
  });
});

describe('widgets on the pages whose claims they verify', () => {
  it('network: the endpoint check and the egress command; data residency: the serviceUrl lookup', async () => {
    const { page: p, consoleErrors } = await newPage(browser.context, env.origin);
    try {
      await gotoInMode(p, `${env.origin}/docs/network/`, 'light');
      await widgetReady(p, 'endpoint-check');
      const commands = await p.locator('[data-cli-command] code').allTextContents();
      expect(commands).toContain('botflow egress --cloud public');
      await runEndpoint(p, env.sdkBot.url);
      expect(await shownStatus(p, 'auth-missing-token')).toBe('pass');

      await gotoInMode(p, `${env.origin}/docs/data-residency/`, 'light');
      await widgetReady(p, 'residency-lookup');
      await p.getByLabel('serviceUrl of an incoming activity').fill('https://smba.infra.gcc.teams.microsoft.com/teams/');
      await p.getByRole('button', { name: 'Look up' }).click();
      await p.locator('[data-residency-answer] [data-cloud]').waitFor();
      expect(await p.locator('[data-residency-answer] [data-cloud]').getAttribute('data-cloud')).toBe('gcc');
      expect(consoleErrors).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe('check pages are rendered from the catalogue', () => {
  it('the catalogue table lists every check, and each page shows that check\'s own meta', async () => {
    const { page: p, consoleErrors, failedRequests } = await newPage(browser.context, env.staticOrigin);
    try {
      await gotoInMode(p, `${env.staticOrigin}/docs/checks/`, 'light');
      const rows = await p.locator('[data-checks-table] tbody tr').evaluateAll((trs) => trs.map((tr) => ({
        id: tr.getAttribute('data-check-id'),
        href: tr.querySelector('a')?.getAttribute('href'),
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
      })));
      expect(rows.map((r) => r.id)).toEqual(checkCatalogue.map((c) => c.id));
      for (const [i, c] of checkCatalogue.entries()) {
        expect(rows[i]!.href).toBe(`/docs/checks/${c.id}`);
        expect(rows[i]!.cells[1]).toBe(c.title);
        expect(rows[i]!.cells[3]).toBe(c.severity);
      }
      await p.screenshot({ path: path.join(SCREENSHOTS, 'checks-catalogue.light.png'), fullPage: true });

      for (const id of ['auth-missing-token', 'manifest-schema', 'egress-fqdn']) {
        const entry = checkCatalogue.find((c) => c.id === id)!;
        await gotoInMode(p, `${env.staticOrigin}/docs/checks/${id}`, id === 'manifest-schema' ? 'dark' : 'light');
        expect(await p.locator('h1').textContent()).toBe(id);
        expect(await p.locator('[data-check-description]').textContent()).toBe(entry.description);
        const messageIds = await p.locator('[data-check-messages] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-message-id')));
        expect(messageIds).toEqual(Object.keys(entry.messages));
        const sources = await p.locator('[data-check-sources] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(sources).toEqual(entry.sources.map((s) => s.url));
        expect(await p.locator('[data-check-remediation] dd').count()).toBe(Object.keys(entry.remediation).length);
        await p.screenshot({ path: path.join(SCREENSHOTS, `check-${id}.${id === 'manifest-schema' ? 'dark' : 'light'}.png`), fullPage: true });
      }
      expect(consoleErrors).toEqual([]);
      expect(failedRequests).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

describe.each(MODES)('widget pages in %s mode', (mode) => {
  it.each(WIDGET_PAGES)('%s has no serious or critical axe violation', async (name) => {
    await withPage(browser.context, env.origin + page(name), mode, async ({ page: p, consoleErrors, failedRequests }) => {
      if (name !== 'reports') await widgetReady(p, `${name === 'residency' ? 'residency-lookup' : name === 'allowlist' ? 'allowlist-builder' : `${name}-check`}`);
      if (name === 'residency') {
        // With a rendered report, so the report view is checked too.
        await p.getByLabel('serviceUrl of an incoming activity').fill('https://evil.example/emea/');
        await p.getByRole('button', { name: 'Look up' }).click();
        await shownStatus(p, 'residency-service-url');
      }
      await p.screenshot({ path: path.join(SCREENSHOTS, `widget-${name}.${mode}.png`), fullPage: true });
      expect(await seriousViolations(p)).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(failedRequests).toEqual([]);
    });
  });
});
