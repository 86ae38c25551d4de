import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../checks/core/types';
import { checkCatalogue } from '../checks/core/catalogue';
import { testPki } from '../checks/testing/certs';
import { startBotWithWorld, type RealBot } from '../checks/testing/bots/start-bot';
import { handlers, startServer, type TestServer } from '../checks/testing/servers';
import { EXAMPLE_MANIFEST } from '../src/utils/examples';
import { seriousViolations } from './helpers/axe';
import { gotoInMode, launchBrowser, newPage, searchHits, withPage, type Browser, type ColorMode } from './helpers/browser';
import { runShownCommand } from './helpers/cli';
import { expectPrintView, MM, readPdf } from './helpers/pdf';
import { ARTIFACTS, buildDir, REPO_ROOT, SCREENSHOTS } from './helpers/site';
import { startServeStep, type StartedServer } from './helpers/start-command';
import { shownResults, shownStatus, widgetReady } from './helpers/widgets-page';

/**
 * The widgets as their readers use them, on the server the README's start command runs
 * (`npm start` ends in `botflow serve --allow-private`), against real SDK bots on loopback whose
 * test CA this machine trusts (NODE_EXTRA_CA_CERTS, for the server and the CLI alike):
 * - the "Equivalent CLI command" is run as shown and gives the widget's verdicts;
 * - Stop leaves a stopped state; one clear input error; the manifest in the registration widget;
 * - the result view leads with the verdict and what needs attention, counts in words, sources;
 * - comparing reports of different suites or targets warns first; examples; inputs in the URL;
 * - Download HTML gives one self-contained file; a printed result has no controls;
 * - search works there. Screenshots of each state (1280 and 390 px, light and dark).
 */

const SITE = buildDir();
const TOOL_VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let tmp: string;
let caFile: string;
let serve: StartedServer;
let sdkBot: RealBot;
let hanging: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  tmp = await mkdtemp(path.join(tmpdir(), 'botflow-widgets-ux-'));
  caFile = path.join(tmp, 'test-ca.pem');
  writeFileSync(caFile, (await testPki()).caPem);
  sdkBot = await startBotWithWorld({ sdk: 'botbuilder', mode: 'authenticated', nodeEnv: 'production' });
  hanging = await startServer({ tls: { kind: 'good' }, handler: handlers.neverAnswer });
  serve = await startServeStep({ site: SITE, env: { NODE_EXTRA_CA_CERTS: caFile } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await serve?.close();
  await hanging?.close();
  await sdkBot?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const pageUrl = (name: string, search = ''): string => `${serve.origin}/docs/self-checks/${name}${search}`;

// A widget taller than the window is captured in one piece; the sticky navbar would be drawn over
// it wherever the window happened to be, so it stays in the page's flow while the shot is taken.
const SHOT_STYLE = '.navbar { position: static !important; }';

/** Screenshots of one widget state: the widget at 1280 px, then the same at 390 px. */
async function shoot(p: Page, target: Locator, name: string, mode: ColorMode): Promise<void> {
  await target.screenshot({ path: path.join(SCREENSHOTS, `state-${name}.${mode}.png`), style: SHOT_STYLE });
  const size = p.viewportSize();
  await p.setViewportSize({ width: 390, height: 844 });
  await p.waitForTimeout(200);
  await target.screenshot({ path: path.join(SCREENSHOTS, `state-${name}.${mode}.390.png`), style: SHOT_STYLE });
  // A check id (kebab case) is one word to a reader: it never wraps at its hyphens, even at 390 px.
  const wrapped = await target.evaluate((el) => [...el.querySelectorAll('code')]
    .filter((c) => /^[a-z]+(-[a-z0-9]+)+$/.test(c.textContent ?? '') && c.getClientRects().length > 1)
    .map((c) => c.textContent));
  expect(wrapped, `check ids wrapped at 390 px in ${name}`).toEqual([]);
  if (size) await p.setViewportSize(size);
}

async function runEndpoint(p: Page, values: { url: string; appId?: string; callingWebhook?: string; timeout?: string }): Promise<void> {
  await p.getByLabel('Messaging endpoint URL').fill(values.url);
  if (values.appId) await p.getByLabel('Microsoft App ID (optional)').fill(values.appId);
  if (values.callingWebhook) await p.getByLabel('Calling webhook URL (optional, calling bots only)').fill(values.callingWebhook);
  if (values.timeout) await p.getByLabel('Timeout per network step, ms (optional)').fill(values.timeout);
  await p.getByRole('button', { name: 'Run endpoint checks' }).click();
  await p.locator('[data-run-announcement]', { hasText: 'Checks finished' }).waitFor({ timeout: 90_000 });
}

async function saveFile(p: Page, button: string, name: string): Promise<string> {
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: button }).first().click()]);
  const file = path.join(tmp, name);
  await download.saveAs(file);
  return file;
}

const verdictsOf = (report: Report): Record<string, string> => Object.fromEntries(report.results.map((r) => [r.id, r.status]));
async function shownVerdicts(p: Page): Promise<Record<string, string>> {
  return Object.fromEntries((await shownResults(p)).map((r) => [r.id, r.status]));
}

describe('the start command\'s server', () => {
  it('is botflow serve with private targets allowed, and its search finds a page', async () => {
    expect(serve.command.slice(0, 3)).toEqual(['node', 'bin/botflow.cjs', 'serve']);
    const health = await (await fetch(`${serve.origin}/api/health`)).json() as { allowPrivate: boolean };
    expect(health.allowPrivate).toBe(true);
    await withPage(browser.context, `${serve.origin}/`, 'light', async ({ page: p, consoleErrors, failedRequests }) => {
      const option = (await searchHits(p, 'signaling')).first();
      await option.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await p.locator('body').textContent()).not.toMatch(/only available when you run docusaurus build/i);
      await p.screenshot({ path: path.join(SCREENSHOTS, 'search-under-npm-start.light.png') });
      await option.click();
      await p.waitForURL((url) => url.pathname.startsWith('/docs/'), { timeout: 10_000 });
      expect(consoleErrors).toEqual([]);
      expect(failedRequests).toEqual([]);
    });
  });
});

describe('EndpointCheck', () => {
  it('the shown command, run as shown, gives the verdicts the widget gave; the result leads with the verdict and names its sources', async () => {
    const { page: p, consoleErrors } = await newPage(browser.context, serve.origin);
    try {
      await gotoInMode(p, pageUrl('endpoint'), 'light');
      await widgetReady(p, 'endpoint-check');
      const webhook = `${sdkBot.origin}/api/calls`;
      await runEndpoint(p, { url: sdkBot.url, appId: sdkBot.appId, callingWebhook: webhook });
      const command = (await p.locator('[data-cli-command] code').first().textContent()) ?? '';
      expect(command).toBe(`botflow endpoint ${sdkBot.url} --app-id ${sdkBot.appId} --calling-webhook ${webhook} --allow-private`);
      const widget = await shownVerdicts(p);
      expect(Object.keys(widget)).toHaveLength(13);
      const cli = await runShownCommand(command, { env: { NODE_EXTRA_CA_CERTS: caFile } });
      expect(verdictsOf(cli.report)).toEqual(widget);
      expect(widget['tls-certificate-trust']).toBe('pass');
      expect(widget['auth-missing-token']).toBe('pass');
      expect(widget['calling-webhook']).not.toBe('skip');

      // The result view: the verdict first, then what needs attention (worst first), then all.
      const view = p.locator('[data-report-view]');
      const order = await view.evaluate((v) => [...v.children].map((c) => (c.hasAttribute('data-overall-verdict') ? 'verdict'
        : c.hasAttribute('data-attention') ? 'attention' : c.getAttribute('aria-label') === 'Results per check' ? 'results' : c.tagName.toLowerCase())));
      expect(order.indexOf('verdict')).toBe(1);
      const verdict = await view.locator('[data-overall-verdict]').getAttribute('data-overall-verdict');
      const report = cli.report;
      expect(verdict).toBe(report.counts.fail ? 'fail' : report.counts.error ? 'error' : report.counts.warn ? 'warn' : 'pass');
      if (report.counts.fail + report.counts.error + report.counts.warn > 0) {
        expect(order.indexOf('attention')).toBeGreaterThan(0);
        expect(order.indexOf('attention')).toBeLessThan(order.indexOf('results'));
        const attention = await view.locator('[data-attention] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-status')));
        const rank = { fail: 0, error: 1, warn: 2 } as Record<string, number>;
        expect(attention).toEqual([...attention].sort((a, b) => rank[a!]! - rank[b!]!));
        expect(attention.length).toBe(report.counts.fail + report.counts.error + report.counts.warn);
      }
      expect(await view.locator('[data-report-summary]').textContent()).toMatch(/^13 checks: /);
      // Sources of every result, as links, equal to the check's meta.
      for (const id of ['auth-missing-token', 'tls-certificate-trust', 'endpoint-sdk']) {
        const links = await view.locator(`ul[aria-label="Results per check"] > li[data-check-id="${id}"] [data-result-sources] a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(links).toEqual([...new Set(checkCatalogue.find((c) => c.id === id)!.sources.map((s) => s.url))]);
      }
      await shoot(p, p.locator('[data-widget="endpoint-check"]'), 'endpoint-result', 'light');

      // Markdown: the sources and docs links on the site the reader is on.
      const md = readFileSync(await saveFile(p, 'Save Markdown', 'endpoint.md'), 'utf8');
      expect(md).toContain(`${serve.origin}/docs/checks/auth-missing-token`);
      expect(md).not.toContain('http://localhost:3000');
      expect(md).toContain(`(<${checkCatalogue.find((c) => c.id === 'auth-missing-token')!.sources[0]!.url}>)`);

      // HTML: one file, opened offline, loads nothing; names target, time, version and verdict.
      const htmlFile = await saveFile(p, 'Download HTML', 'endpoint.html');
      const html = readFileSync(htmlFile, 'utf8');
      expect(html).toContain(`href="${serve.origin}/docs/checks/auth-missing-token"`);
      for (const mode of ['light', 'dark'] as const) {
        const offline = await browser.context.newPage();
        const requests: string[] = [];
        offline.on('request', (r) => requests.push(r.url()));
        try {
          await offline.emulateMedia({ colorScheme: mode });
          await offline.goto(`file://${htmlFile}`);
          expect(requests).toEqual([`file://${htmlFile}`]);
          expect(await offline.locator('[data-target]').textContent()).toBe(sdkBot.url);
          expect(await offline.locator('[data-tool-version]').textContent()).toContain(`botflow ${TOOL_VERSION}`);
          expect(await offline.locator('[data-overall-verdict]').getAttribute('data-overall-verdict')).toBe(verdict);
          expect(await offline.locator('article[data-check-id]').count()).toBe(13);
          expect(await offline.locator('article[data-check-id="auth-missing-token"] .sources a').count()).toBeGreaterThan(0);
          await offline.screenshot({ path: path.join(SCREENSHOTS, `html-report.${mode}.png`) });
          if (mode === 'light') {
            await offline.emulateMedia({ media: 'print' });
            const pdf = await offline.pdf({ preferCSSPageSize: true, printBackground: true });
            writeFileSync(path.join(ARTIFACTS, 'html-report.pdf'), pdf);
            const pages = await readPdf(pdf);
            expect(pages[0]!.text).toContain('botflow report: endpoint');
            expect(pages.at(-1)!.items.map((i) => i.text).join('')).toContain(`Page ${pages.length} of ${pages.length}`);
          }
        } finally {
          await offline.close();
        }
      }
      expect(consoleErrors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('with a timeout: the shown command carries --timeout, and run as shown it gives the widget\'s verdicts (the step that hangs fails at that limit in both)', async () => {
    const { page: p, consoleErrors } = await newPage(browser.context, serve.origin);
    try {
      await gotoInMode(p, pageUrl('endpoint'), 'light');
      await widgetReady(p, 'endpoint-check');
      await runEndpoint(p, { url: hanging.url, timeout: '400' });
      const command = (await p.locator('[data-cli-command] code').first().textContent()) ?? '';
      expect(command).toBe(`botflow endpoint ${hanging.url} --timeout 400 --allow-private`);
      const widget = await shownVerdicts(p);
      const cli = await runShownCommand(command, { env: { NODE_EXTRA_CA_CERTS: caFile } });
      expect(verdictsOf(cli.report)).toEqual(widget);
      const reachable = cli.report.results.find((r) => r.id === 'endpoint-reachable');
      expect(widget['endpoint-reachable']).toBe('fail');
      expect(reachable?.message).toMatch(/within 400 ms/);
      await shoot(p, p.locator('[data-widget="endpoint-check"]'), 'endpoint-timeout', 'light');
      expect(consoleErrors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('on a server started with --ca (BOTFLOW_CA): the shown command carries --ca <file>, and run as shown (no other trust) it gives the widget\'s verdicts', async () => {
    // A second start-command server that trusts the test CA only through BOTFLOW_CA (no NODE_EXTRA_CA_CERTS).
    const withCa = await startServeStep({ site: SITE, env: { BOTFLOW_CA: caFile } });
    const { page: p, consoleErrors } = await newPage(browser.context, withCa.origin);
    try {
      const health = await (await fetch(`${withCa.origin}/api/health`)).json() as { caFile?: string };
      expect(health.caFile).toBe(caFile);
      await gotoInMode(p, `${withCa.origin}/docs/self-checks/endpoint`, 'light');
      await widgetReady(p, 'endpoint-check');
      await runEndpoint(p, { url: sdkBot.url, appId: sdkBot.appId });
      const command = (await p.locator('[data-cli-command] code').first().textContent()) ?? '';
      expect(command).toBe(`botflow endpoint ${sdkBot.url} --app-id ${sdkBot.appId} --allow-private --ca ${caFile}`);
      const widget = await shownVerdicts(p);
      expect(widget['tls-certificate-trust']).toBe('pass');
      const cli = await runShownCommand(command);
      expect(verdictsOf(cli.report)).toEqual(widget);
      expect(consoleErrors).toEqual([]);
    } finally {
      await p.close();
      await withCa.close();
    }
  });

  it('after Stop, the rows say stopped (none "running…") and the announcement says how far it got', async () => {
    await withPage(browser.context, pageUrl('endpoint'), 'light', async ({ page: p }) => {
      await widgetReady(p, 'endpoint-check');
      await p.getByLabel('Messaging endpoint URL').fill(hanging.url);
      await p.getByRole('button', { name: 'Run endpoint checks' }).click();
      // Wait until some checks have finished while others still wait on the bot that never answers.
      await expect.poll(() => p.locator('[data-run-progress] li[data-status]:not([data-status="running"])').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await p.getByRole('button', { name: 'Stop' }).click();
      const live = p.locator('[data-run-announcement]');
      await expect.poll(() => live.textContent()).toMatch(/^Stopped: \d+ of 13 checks finished; the other \d+ (was|were) not run to the end\.$/);
      expect(await p.locator('[data-run-progress] li[data-status="running"]').count()).toBe(0);
      const stopped = p.locator('[data-run-progress] li[data-status="stopped"]');
      expect(await stopped.count()).toBeGreaterThan(0);
      expect(await stopped.first().textContent()).toContain('stopped, no result');
      expect(await p.locator('[data-run-progress]').textContent()).not.toContain('running…');
      expect(await p.getByRole('button', { name: 'Run endpoint checks' }).isEnabled()).toBe(true);
      expect(await p.locator('[data-run-error]').count()).toBe(0);
      await shoot(p, p.locator('[data-widget="endpoint-check"]'), 'endpoint-stopped', 'light');
    });
  });

  it('its inputs live in the page address: a shared link fills the form (no secret field exists)', async () => {
    await withPage(browser.context, pageUrl('endpoint'), 'dark', async ({ page: p }) => {
      await widgetReady(p, 'endpoint-check');
      await runEndpoint(p, { url: sdkBot.url, appId: sdkBot.appId });
      const shared = new URL(p.url());
      expect(shared.searchParams.get('endpoint')).toBe(sdkBot.url);
      expect(shared.searchParams.get('app-id')).toBe(sdkBot.appId);
      await shoot(p, p.locator('[data-widget="endpoint-check"]'), 'endpoint-result', 'dark');
      await gotoInMode(p, shared.href, 'dark');
      await widgetReady(p, 'endpoint-check');
      expect(await p.getByLabel('Messaging endpoint URL').inputValue()).toBe(sdkBot.url);
      expect(await p.getByLabel('Microsoft App ID (optional)').inputValue()).toBe(sdkBot.appId);
      expect(await p.locator('[data-from-address]').count()).toBe(1);
      expect(await p.locator('[data-cli-command] code').first().textContent()).toContain(sdkBot.url);
    });
  });

  it('an endpoint result prints with margins and a stamp, and without any form control or button', async () => {
    await withPage(browser.context, pageUrl('endpoint'), 'light', async ({ page: p }) => {
      await widgetReady(p, 'endpoint-check');
      await runEndpoint(p, { url: sdkBot.url, appId: sdkBot.appId });
      await expectPrintView(p);
      const title = await p.title();
      const pdf = await p.pdf({ preferCSSPageSize: true, printBackground: true });
      writeFileSync(path.join(ARTIFACTS, 'endpoint-result.print.pdf'), pdf);
      const pages = await readPdf(pdf);
      const whole = pages.map((pg) => pg.text).join('\n');
      expect(whole).toMatch(/Overall: /);
      expect(whole).toContain('auth-missing-token');
      for (const label of ['Run endpoint checks', 'Save JSON', 'Download HTML', 'Load a saved report', 'Compare with another saved report']) expect(whole, `"${label}" printed`).not.toContain(label);
      for (const [n, pg] of pages.entries()) {
        const bottom = pg.items.filter((i) => i.y < 12 * MM).map((i) => i.text).join('');
        expect(bottom, `page ${n + 1} footer`).toContain(pageUrl('endpoint'));
        expect(bottom).toContain(`botflow ${TOOL_VERSION}`);
        for (const i of pg.items.filter((it) => it.y >= 12 * MM && it.y <= pg.height - 12 * MM)) {
          expect(i.x, `"${i.text}" on page ${n + 1}`).toBeGreaterThanOrEqual(10 * MM - 1);
          expect(i.x + i.width, `"${i.text}" on page ${n + 1}`).toBeLessThanOrEqual(pg.width - 10 * MM + 1);
        }
      }
    });
  });
});

describe('RegistrationCheck', () => {
  it('a document that is not an Azure Bot gets one clear input error, not a report of errors', async () => {
    await withPage(browser.context, pageUrl('registration'), 'light', async ({ page: p }) => {
      await widgetReady(p, 'registration-check');
      await p.getByLabel('Azure Bot resource JSON').fill('{"name": "not a bot"}');
      await p.getByRole('button', { name: 'Check the registration' }).click();
      const error = p.locator('[data-field-error="bot"]');
      await error.waitFor();
      expect(await p.locator('[data-field-error]').count()).toBe(1);
      expect((await error.textContent())!.length).toBeGreaterThan(20);
      expect(await p.locator('[data-report-view]').count()).toBe(0);
      expect(await p.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('bot');
      await shoot(p, p.locator('[data-widget="registration-check"]'), 'registration-input-error', 'light');
    });
  });

  it.each(['light', 'dark'] as const)('Load example (%s): the manifest is compared too, and the shown command, run as shown, agrees', async (mode) => {
    const { page: p } = await newPage(browser.context, serve.origin);
    try {
      await gotoInMode(p, pageUrl('registration'), mode);
      await widgetReady(p, 'registration-check');
      await p.getByRole('button', { name: 'Load example' }).click();
      expect(await shownStatus(p, 'registration-manifest-match')).toBe('pass');
      expect(await shownStatus(p, 'registration-endpoint')).toBe('pass');
      const command = (await p.locator('[data-cli-command] code').first().textContent()) ?? '';
      expect(command).toBe('botflow registration bot.json --channel teams-channel.json --manifest manifest.json --endpoint https://helpdesk-bot.contoso.example/api/messages');
      if (mode === 'light') {
        // Save the pasted documents under the names the command uses, and run it.
        const cwd = await mkdtemp(path.join(tmp, 'registration-'));
        writeFileSync(path.join(cwd, 'bot.json'), await p.getByLabel('Azure Bot resource JSON').inputValue());
        writeFileSync(path.join(cwd, 'teams-channel.json'), await p.getByLabel('Teams channel JSON (optional)').inputValue());
        writeFileSync(path.join(cwd, 'manifest.json'), JSON.stringify(EXAMPLE_MANIFEST, null, 2));
        const cli = await runShownCommand(command, { cwd });
        expect(verdictsOf(cli.report)).toEqual(await shownVerdicts(p));
        // The inputs are in the address: the link runs the check again (in the page).
        const shared = p.url();
        expect(new URL(shared).searchParams.get('bot')).toContain('contoso-helpdesk-bot');
        const again = await browser.context.newPage();
        try {
          await gotoInMode(again, shared, 'light');
          expect(await shownStatus(again, 'registration-endpoint')).toBe('pass');
          expect(await shownStatus(again, 'registration-manifest-match')).toBe('skip'); // a link cannot carry the file
        } finally {
          await again.close();
        }
      }
      await shoot(p, p.locator('[data-widget="registration-check"]'), 'registration-example', mode);
    } finally {
      await p.close();
    }
  });
});

describe('ManifestCheck and ResidencyLookup examples', () => {
  it.each(['light', 'dark'] as const)('Load example runs each (%s)', async (mode) => {
    await withPage(browser.context, pageUrl('manifest'), mode, async ({ page: p, consoleErrors }) => {
      await widgetReady(p, 'manifest-check');
      await p.getByRole('button', { name: 'Load example' }).click();
      expect(await shownStatus(p, 'manifest-schema')).toBe('pass');
      expect(await p.locator('[data-cli-command] code').first().textContent()).toBe('botflow manifest manifest.json');
      await shoot(p, p.locator('[data-widget="manifest-check"]'), 'manifest-example', mode);

      await gotoInMode(p, pageUrl('residency'), mode);
      await widgetReady(p, 'residency-lookup');
      await p.getByRole('button', { name: 'Load example' }).click();
      await p.locator('[data-residency-answer] [data-region="emea"]').waitFor();
      expect(new URL(p.url()).searchParams.get('service-url')).toBe('https://smba.trafficmanager.net/emea/');
      await shoot(p, p.locator('[data-widget="residency-lookup"]'), 'residency-example', mode);
      // The link looks it up again by itself.
      await gotoInMode(p, p.url(), mode);
      await p.locator('[data-residency-answer] [data-region="emea"]').waitFor();
      expect(await p.getByLabel('serviceUrl of an incoming activity').inputValue()).toBe('https://smba.trafficmanager.net/emea/');
      expect(await seriousViolations(p)).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  });
});

describe('reports: counts, sub-findings and comparing', () => {
  const sample = JSON.parse(readFileSync(path.join(REPO_ROOT, 'checks', 'report', 'fixtures', 'sample-report.json'), 'utf8')) as Report;

  it('counts are words with the right number; a WARN never shows a FAIL inside; other suites or targets warn before a diff', async () => {
    // Eight checks that could not run, and a warning with a sub-finding the rule marked "fail".
    const errors: Report = { ...sample, suite: 'registration', target: { bot: 'bot.json' }, results: Array.from({ length: 8 }, (_, i) => ({ ...sample.results[3]!, id: `registration-x${i}`, docsUrl: `/docs/checks/registration-x${i}` })), counts: { pass: 0, warn: 0, fail: 0, info: 0, skip: 0, error: 8 } };
    const warned: Report = JSON.parse(JSON.stringify(sample));
    warned.results[1]!.details = [{ message: 'one host did not answer', status: 'fail' }];
    const one: Report = { ...sample, results: [sample.results[0]!], counts: { pass: 1, warn: 0, fail: 0, info: 0, skip: 0, error: 0 } };
    const other: Report = { ...sample, suite: 'manifest', target: { file: 'manifest.json' } };
    const files: Record<string, string> = {};
    for (const [name, r] of Object.entries({ errors, warned, one, other })) {
      files[name] = path.join(tmp, `${name}.json`);
      writeFileSync(files[name]!, JSON.stringify(r));
    }
    for (const mode of ['light', 'dark'] as const) {
      await withPage(browser.context, pageUrl('reports'), mode, async ({ page: p, consoleErrors }) => {
        const view = p.locator('[data-report-view]');
        await p.locator('[data-load-report]').setInputFiles(files.errors!);
        await expect.poll(() => view.locator('[data-report-summary]').textContent()).toMatch(/^8 checks: 8 errors\. /);
        expect(await view.locator('[data-overall-verdict]').textContent()).toContain('INCOMPLETE');
        expect(await p.locator('[data-report-message]').textContent()).toMatch(/: 8 errors\.$/);

        await p.locator('[data-load-report]').setInputFiles(files.one!);
        await expect.poll(() => view.locator('[data-report-summary]').textContent()).toMatch(/^1 check: 1 passed\. /);
        expect(await view.locator('[data-overall-verdict]').getAttribute('data-overall-verdict')).toBe('pass');

        await p.locator('[data-load-report]').setInputFiles(files.warned!);
        const warnItem = view.locator(`ul[aria-label="Results per check"] > li[data-status="warn"][data-check-id="${warned.results[1]!.id}"]`);
        await warnItem.waitFor();
        expect(await warnItem.locator('[data-result-details] [data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual(['warn']);
        await shoot(p, view, 'report-loaded', mode);

        // Another suite: a warning first, the diff only when asked for.
        await p.locator('[data-compare-report]').setInputFiles(files.other!);
        const warning = p.locator('[data-compare-warning]');
        await warning.waitFor();
        expect(await warning.textContent()).toMatch(/different suites \(manifest and endpoint\)/);
        expect(await p.locator('[data-comparison]').count()).toBe(0);
        await shoot(p, view, 'compare-warning', mode);
        await warning.getByRole('button', { name: 'Compare anyway' }).click();
        await p.locator('[data-comparison]').waitFor();
        expect(await p.locator('[data-compare-warning]').count()).toBe(0);
        // The same suite and target: no warning.
        await p.locator('[data-compare-report]').setInputFiles(files.one!);
        await expect.poll(() => p.locator('[data-comparison]').textContent()).toContain('removed');
        expect(await p.locator('[data-compare-warning]').count()).toBe(0);
        expect(await seriousViolations(p)).toEqual([]);
        expect(consoleErrors).toEqual([]);
      });
    }
  });
});
