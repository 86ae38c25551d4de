/**
 * The report as one self-contained HTML file, in the spirit of Lighthouse's single-file report:
 * no script, no external request (a Content-Security-Policy in the file forbids loading
 * anything), so it opens offline and can be filed as evidence. It shows the target, the date and
 * time of the run, the tool version, the overall verdict, then every finding worst first with
 * its message, sub-findings, fix, evidence, sources and docs link. Light and dark follow the
 * reader's system; the print layout sets page margins and stamps every page. Pure.
 */
import type { CheckResult, Report } from '../core/types';
import {
  countsPhrase, docsHref, humanTime, overallVerdict, plural, resultsWorstFirst, shownDetailStatus, STATUS_LABEL, STATUS_ORDER,
  STATUS_SYMBOL, statusCount, targetLabel,
} from './shared';

export interface HtmlOptions {
  /** Base URL that `docsUrl` paths are resolved against (the site the reader uses). */
  docsBaseUrl?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** A CSS string literal (for `content:` in the page margin boxes). */
export function cssString(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/[\u0000-\u001F\u007F]/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/</g, '\\3c ')}"`;
}

/** A link when the URL is http(s), plain text otherwise (a report is never trusted to carry script URLs). */
function link(url: string, text: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function badge(status: CheckResult['status'] | NonNullable<CheckResult['details']>[number]['status']): string {
  if (!status) return '';
  return `<span class="badge s-${status}"><span aria-hidden="true">${STATUS_SYMBOL[status]}</span> ${STATUS_LABEL[status]}</span>`;
}

function finding(r: CheckResult, docsBaseUrl: string | undefined): string {
  const out: string[] = [];
  out.push(`<article class="finding s-${r.status}" id="${escapeHtml(r.id)}" data-check-id="${escapeHtml(r.id)}" data-status="${r.status}">`);
  out.push(`<h3>${badge(r.status)} <span class="title">${escapeHtml(r.title)}</span> <code class="id">${escapeHtml(r.id)}</code></h3>`);
  out.push(`<p class="meta">Severity ${escapeHtml(r.severity)} · ${r.durationMs} ms</p>`);
  if (r.message) out.push(`<p class="message">${escapeHtml(r.message)}</p>`);
  if (r.details?.length) {
    out.push('<ul class="details">');
    for (const d of r.details) {
      const where = [d.path ? `<code>${escapeHtml(d.path)}</code>` : '', d.line !== undefined ? `line ${d.line}${d.column !== undefined ? `, column ${d.column}` : ''}` : '']
        .filter(Boolean).join(' ');
      out.push(`<li>${badge(shownDetailStatus(d, r))} ${where ? `${where}: ` : ''}${escapeHtml(d.message)}</li>`);
    }
    out.push('</ul>');
  }
  if (r.error) out.push(`<p class="error-code">Error code <code>${escapeHtml(r.error.code)}</code></p>`);
  if (r.remediation) out.push(`<div class="fix"><h4>How to fix</h4><p>${escapeHtml(r.remediation)}</p></div>`);
  if (Object.keys(r.evidence).length) {
    out.push(`<details class="evidence" open><summary>Evidence</summary><pre>${escapeHtml(JSON.stringify(r.evidence, null, 2))}</pre></details>`);
  }
  if (r.sources?.length) {
    out.push('<div class="sources"><h4>Sources</h4><ul>');
    for (const s of r.sources) out.push(`<li>${link(s.url, s.title)} <span class="url">${escapeHtml(s.url)}</span></li>`);
    out.push('</ul></div>');
  }
  const docs = docsHref(r, docsBaseUrl);
  out.push(`<p class="docs">About this check: ${link(docs, docs)}</p>`);
  out.push('</article>');
  return out.join('\n');
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #4b5563; --bg: #ffffff; --panel: #f4f6f8; --line: #d0d7de;
  --link: #0550ae; --pass: #116329; --warn: #7d4e00; --fail: #b3261e; --error: #8a2a8a; --info: #0b5cad; --skip: #4b5563; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #a6b0bb; --bg: #0d1117; --panel: #161b22; --line: #30363d;
    --link: #6cb6ff; --pass: #56d364; --warn: #e3b341; --fail: #ff7b72; --error: #e68ae6; --info: #79c0ff; --skip: #a6b0bb; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 0 0 .25rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
h4 { font-size: .95rem; margin: .75rem 0 .25rem; }
a { color: var(--link); overflow-wrap: anywhere; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .875rem; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .75rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
dl.run { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.run dt { color: var(--muted); }
dl.run dd { margin: 0; overflow-wrap: anywhere; }
.verdict { margin: 1.25rem 0; padding: 1rem 1.25rem; border-radius: 8px; border: 2px solid currentColor; background: var(--panel); }
.verdict strong { font-size: 1.3rem; display: block; }
.verdict p { margin: .25rem 0 0; color: var(--fg); }
.s-pass { color: var(--pass); } .s-warn { color: var(--warn); } .s-fail { color: var(--fail); }
.s-error { color: var(--error); } .s-info { color: var(--info); } .s-skip { color: var(--skip); }
.badge { font-weight: 700; white-space: nowrap; font-size: .85rem; border: 1px solid currentColor; border-radius: 4px; padding: 0 .35rem; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; margin: .5rem 0 0; }
.counts li { border: 1px solid var(--line); border-radius: 999px; padding: .1rem .6rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.status { white-space: nowrap; }
.finding { border: 1px solid var(--line); border-left: 6px solid currentColor; border-radius: 6px; padding: .85rem 1rem; margin: 0 0 1rem; break-inside: avoid-page; }
.finding > *:not(h3) { color: var(--fg); }
.finding .title { color: var(--fg); }
.finding .id { color: var(--muted); font-weight: 400; }
.meta, .url, .docs, .error-code { color: var(--muted); font-size: .875rem; }
.message { margin: .25rem 0; }
.details { margin: .25rem 0; padding-left: 1.25rem; }
.fix { background: var(--panel); border-radius: 6px; padding: .25rem .75rem .5rem; margin: .5rem 0; }
.fix p { margin: 0; }
.sources ul { margin: 0; padding-left: 1.25rem; }
.url { display: block; overflow-wrap: anywhere; }
.notes { margin: .5rem 0 0; padding-left: 1.25rem; }
footer { color: var(--muted); font-size: .875rem; border-top: 1px solid var(--line); margin-top: 2rem; padding-top: .75rem; }
@media print {
  :root { --fg: #000; --muted: #333; --bg: #fff; --panel: #f3f3f3; --line: #999; --link: #000;
    --pass: #0a4d1f; --warn: #5c3a00; --fail: #8c1d17; --error: #6b1f6b; --info: #073f78; --skip: #333; color-scheme: light; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { text-decoration: underline; }
  details > summary { list-style: none; font-weight: 600; }
  .finding, .verdict { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
`;

function pageStamp(report: Report, target: string): string {
  const title = `botflow report · ${report.suite} · ${target}`;
  const stamp = `botflow ${report.tool.version} · run ${humanTime(report.startedAt)}`;
  return `@page { size: A4; margin: 20mm 16mm 20mm 16mm;
  @top-left { content: ${cssString(title.length > 90 ? `${title.slice(0, 89)}…` : title)}; font: 8pt system-ui, sans-serif; color: #333; }
  @bottom-left { content: ${cssString(stamp)}; font: 8pt system-ui, sans-serif; color: #333; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif; color: #333; }
}`;
}

/** The report embedded as data (not script): the file stays a complete record, readable by tools. */
function embeddedJson(report: Report): string {
  const json = JSON.stringify(report).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="botflow-report">${json}</script>`;
}

/** Report -> one self-contained HTML document. */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const target = targetLabel(report);
  const verdict = overallVerdict(report);
  const ordered = resultsWorstFirst(report.results);
  const title = `botflow report: ${report.suite} · ${target}`;
  const out: string[] = [];
  out.push('<!doctype html>');
  out.push('<html lang="en">');
  out.push('<head>');
  out.push('<meta charset="utf-8">');
  // Nothing may load: no script, no stylesheet, font or image from anywhere (links still open).
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<meta name="generator" content="botflow ${escapeHtml(report.tool.version)}">`);
  out.push(`<title>${escapeHtml(title)}</title>`);
  out.push(`<style>${STYLE}\n${pageStamp(report, target)}</style>`);
  out.push('</head>');
  out.push(`<body data-suite="${escapeHtml(report.suite)}" data-verdict="${verdict.status}">`);
  out.push('<main>');
  out.push('<header>');
  out.push(`<h1>botflow report: ${escapeHtml(report.suite)}</h1>`);
  out.push('<dl class="run">');
  out.push(`<dt>Target</dt><dd data-target><code>${escapeHtml(target)}</code></dd>`);
  out.push(`<dt>Run</dt><dd><time datetime="${escapeHtml(report.startedAt)}">${escapeHtml(humanTime(report.startedAt))}</time>, ${report.durationMs} ms</dd>`);
  out.push(`<dt>Tool</dt><dd data-tool-version>botflow ${escapeHtml(report.tool.version)} (report schema v${report.schemaVersion})</dd>`);
  out.push(`<dt>Checks</dt><dd>${escapeHtml(plural(report.results.length, 'check'))}: ${escapeHtml(countsPhrase(report.counts))}</dd>`);
  out.push('</dl>');
  if (report.notes?.length) {
    out.push('<ul class="notes">');
    for (const n of report.notes) out.push(`<li>${escapeHtml(n)}</li>`);
    out.push('</ul>');
  }
  out.push('</header>');
  out.push(`<section class="verdict s-${verdict.status}" aria-label="Overall verdict" data-overall-verdict="${verdict.status}">`);
  out.push(`<strong><span aria-hidden="true">${STATUS_SYMBOL[verdict.status]}</span> ${escapeHtml(verdict.label)}</strong>`);
  out.push(`<p>${escapeHtml(verdict.sentence)}</p>`);
  out.push('<ul class="counts">');
  for (const s of STATUS_ORDER) if (report.counts[s] > 0) out.push(`<li class="s-${s}">${escapeHtml(statusCount(s, report.counts[s]))}</li>`);
  out.push('</ul>');
  out.push('</section>');
  out.push('<h2>Summary</h2>');
  out.push('<table><thead><tr><th scope="col">Status</th><th scope="col">Check</th><th scope="col">Result</th></tr></thead><tbody>');
  for (const r of ordered) {
    out.push(`<tr><td class="status s-${r.status}">${badge(r.status)}</td><td><a href="#${escapeHtml(r.id)}"><code>${escapeHtml(r.id)}</code></a></td><td>${escapeHtml(r.title)}</td></tr>`);
  }
  out.push('</tbody></table>');
  out.push('<h2>Findings, worst first</h2>');
  for (const r of ordered) out.push(finding(r, options.docsBaseUrl));
  out.push('<footer>');
  out.push(`<p>Generated by botflow ${escapeHtml(report.tool.version)} from a report of schema version ${report.schemaVersion}. The report itself is embedded in this file as JSON (<code>#botflow-report</code>).</p>`);
  out.push('</footer>');
  out.push('</main>');
  out.push(embeddedJson(report));
  out.push('</body>');
  out.push('</html>');
  return `${out.join('\n')}\n`;
}
