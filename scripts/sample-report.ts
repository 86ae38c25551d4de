/**
 * Generates the golden reporter sample (checks/report/fixtures/sample-report.*) from a real run,
 * as Lighthouse generates its sample report: the endpoint suite runs against a bot server it
 * starts on loopback, with a certificate chain made for the run (checks/testing/certs.ts), then
 * every reporter writes its golden file from that report.
 *
 *   npm run sample:report   (node --import tsx scripts/sample-report.ts)
 *
 * The server is made to show every status a report can hold: it accepts activities without a
 * token (auth-missing-token fails), its certificate expires in 10 days (tls-certificate-expiry
 * warns), it is on loopback (endpoint-dns warns: allowed for the run), no calling webhook is given
 * (calling-webhook is skipped), the SDK is not identified (endpoint-sdk is info), and the TLS
 * versions gatherer is capped at 1 ms, which no handshake meets (tls-protocol-version errors with
 * the runner's own timeout).
 *
 * A re-run is not byte-identical, and cannot be: Node verifies the certificates against the real
 * clock, so they are issued for the day of the run (their dates, and the days left, follow it);
 * the port is the one the system gives; durations and timings are measured. The test
 * (checks/report/sample-report.test.ts) therefore holds a fresh run to the committed sample on
 * what is stable (each check's status, messageId, severity, title and error code, the counts),
 * and holds the goldens to what the reporters make of the committed JSON.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deriveRunParams } from '../checks/core/run-params';
import { runChecks } from '../checks/core/runner';
import type { Report } from '../checks/core/types';
import { REPORT_FORMATS, type ReportFormat } from '../checks/report/formats';
import { renderReport } from '../checks/report/index';
import { endpointSuite } from '../checks/suites/endpoint';
import { testPki } from '../checks/testing/certs';
import { handlers, startServer } from '../checks/testing/servers';

export const SAMPLE_APP_ID = '6b3f1c2e-8f1a-4a57-9d7e-3c2b1a0f9e88';
/** Where the sample's docs links point (the reporters resolve `docsUrl` against it). */
export const SAMPLE_DOCS_BASE = 'https://docs.example.test';
export const FIXTURES = fileURLToPath(new URL('../checks/report/fixtures/', import.meta.url));
export const GOLDEN_EXT: Record<ReportFormat, string> = { text: 'txt', json: 'json', markdown: 'md', junit: 'xml', sarif: 'sarif.json', html: 'html' };

/** Per-phase limit of the probes (generous: the machine may be busy). */
const PHASE_MS = 5_000;

/** Runs the endpoint suite against a misbehaving bot on loopback; returns the report. */
export async function runSampleReport(): Promise<Report> {
  const pki = await testPki();
  const server = await startServer({ tls: { kind: 'expiringSoon' }, handler: handlers.anonymousBot });
  try {
    const suite = { ...endpointSuite, gatherers: endpointSuite.gatherers.map((g) => (g.id === 'TlsVersions' ? { ...g, timeoutMs: 1 } : g)) };
    // The parameters `botflow endpoint --allow-private --ca <file> --timeout 5000` runs with.
    const params = deriveRunParams({ timeout: PHASE_MS, ca: pki.caPem, allowPrivate: true }, { timeoutLabel: '--timeout', source: 'cli' });
    return await runChecks({ suite, input: { url: server.url, appId: SAMPLE_APP_ID }, ...params });
  } finally {
    await server.close();
  }
}

/** Stands in the golden HTML for the stylesheet, which is written once, in checks/report/html.ts. */
export const GOLDEN_STYLE_NOTE = '/* The shared stylesheet of checks/report/html.ts is left out of the golden file; the page rules below are this report\'s own. */';

/** The golden file of each format, made from a report (the HTML without its shared stylesheet). */
export function renderGoldens(report: Report): Record<ReportFormat, string> {
  const out = Object.fromEntries(REPORT_FORMATS.map((f) => [f, renderReport(report, f, { docsBaseUrl: SAMPLE_DOCS_BASE })])) as Record<ReportFormat, string>;
  const html = out.html.replace(/<style>[\s\S]*?(?=@page \{)/, `<style>\n${GOLDEN_STYLE_NOTE}\n`);
  if (html === out.html) throw new Error('the HTML report has no <style> ending in @page rules: update renderGoldens');
  return { ...out, html };
}

async function main(): Promise<void> {
  const report = await runSampleReport();
  writeFileSync(`${FIXTURES}sample-report.json`, `${JSON.stringify(report, null, 2)}\n`);
  for (const [format, text] of Object.entries(renderGoldens(report))) writeFileSync(`${FIXTURES}sample-report.golden.${GOLDEN_EXT[format as ReportFormat]}`, text);
  process.stdout.write(`Wrote checks/report/fixtures/sample-report.json and ${REPORT_FORMATS.length} golden files: ${Object.entries(report.counts).map(([s, n]) => `${n} ${s}`).join(', ')}.\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`sample-report: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
