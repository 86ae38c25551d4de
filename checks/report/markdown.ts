import type { Report } from '../core/types';
import {
  docsHref, overallVerdict, resultsWorstFirst, shownDetailStatus, STATUS_LABEL, STATUS_SYMBOL, summaryLine, targetLabel,
} from './shared';

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function fence(text: string): string {
  // A fence longer than any backtick run inside the text, so evidence cannot break out.
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}json\n${text}\n${ticks}`;
}

/** `[title](url)` for an http(s) URL; the title alone otherwise. */
function mdLink(title: string, url: string): string {
  const text = title.replace(/([\\[\]])/g, '\\$1');
  return /^https?:\/\//.test(url) ? `[${text}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)` : text;
}

/** Markdown for pull requests, tickets and compliance files: the verdict first, then the findings worst first. */
export function renderMarkdown(report: Report, options: { docsBaseUrl?: string } = {}): string {
  const out: string[] = [];
  const verdict = overallVerdict(report);
  const ordered = resultsWorstFirst(report.results);
  out.push(`# botflow report: ${cell(report.suite)}`);
  out.push('');
  out.push(`**Overall: ${STATUS_SYMBOL[verdict.status]} ${verdict.label}.** ${verdict.sentence}`);
  out.push('');
  out.push(`- Target: \`${targetLabel(report).replace(/`/g, "'")}\``);
  out.push(`- Started: ${report.startedAt} (${report.durationMs} ms)`);
  out.push(`- Tool: botflow ${report.tool.version}, report schema v${report.schemaVersion}`);
  out.push(`- Summary: ${summaryLine(report)}`);
  for (const note of report.notes ?? []) out.push(`- Note: ${cell(note)}`);
  out.push('');
  out.push('| Status | Check | Result |');
  out.push('|---|---|---|');
  for (const r of ordered) {
    out.push(`| ${STATUS_SYMBOL[r.status]} ${STATUS_LABEL[r.status]} | [\`${r.id}\`](${docsHref(r, options.docsBaseUrl)}) | ${cell(r.title)} |`);
  }
  out.push('');
  for (const r of ordered) {
    out.push(`## ${STATUS_LABEL[r.status]}: ${cell(r.title)} (\`${r.id}\`)`);
    out.push('');
    if (r.message) { out.push(r.message); out.push(''); }
    for (const d of r.details ?? []) {
      const where = [d.path ? `\`${d.path}\`` : '', d.line !== undefined ? `line ${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : '']
        .filter(Boolean).join(' ');
      const status = shownDetailStatus(d, r);
      out.push(`- ${status ? `${STATUS_SYMBOL[status]} ${STATUS_LABEL[status]} ` : ''}${where ? `${where}: ` : ''}${cell(d.message)}`);
    }
    if (r.details?.length) out.push('');
    if (r.error) { out.push(`Error code: \`${r.error.code}\``); out.push(''); }
    if (r.remediation) { out.push(`**How to fix:** ${r.remediation}`); out.push(''); }
    if (Object.keys(r.evidence).length) {
      out.push('<details><summary>Evidence</summary>');
      out.push('');
      out.push(fence(JSON.stringify(r.evidence, null, 2)));
      out.push('');
      out.push('</details>');
      out.push('');
    }
    if (r.sources?.length) {
      out.push('Sources:');
      for (const src of r.sources) out.push(`- ${mdLink(src.title, src.url)}`);
      out.push('');
    }
    out.push(`More: ${docsHref(r, options.docsBaseUrl)}`);
    out.push('');
  }
  return out.join('\n');
}
