import type { Report, Status } from '../core/types';
import { docsHref, STATUS_LABEL, STATUS_SYMBOL, summaryLine, targetLabel } from './shared';

const ANSI: Record<Status, string> = {
  pass: '\u001b[32m', warn: '\u001b[33m', fail: '\u001b[31m', info: '\u001b[36m', skip: '\u001b[90m', error: '\u001b[35m',
};
const RESET = '\u001b[0m';
const BOLD = '\u001b[1m';

export interface TextOptions {
  color?: boolean;
  docsBaseUrl?: string;
  /** Only what did not pass (fail, error, warn). */
  quiet?: boolean;
}

function indent(text: string, pad: string): string {
  return text.split('\n').map((line) => (line ? pad + line : line)).join('\n');
}

/** Human-readable report for terminals and logs. */
export function renderText(report: Report, options: TextOptions = {}): string {
  const paint = (status: Status, s: string): string => (options.color ? `${ANSI[status]}${s}${RESET}` : s);
  const bold = (s: string): string => (options.color ? `${BOLD}${s}${RESET}` : s);
  const lines: string[] = [];
  lines.push(bold(`botflow ${report.tool.version} · ${report.suite} · ${targetLabel(report)}`));
  lines.push(`started ${report.startedAt}`);
  for (const note of report.notes ?? []) lines.push(`note: ${note}`);
  lines.push('');
  const shown = options.quiet
    ? report.results.filter((r) => r.status === 'fail' || r.status === 'error' || r.status === 'warn')
    : report.results;
  for (const r of shown) {
    const tag = paint(r.status, `${STATUS_SYMBOL[r.status]} ${STATUS_LABEL[r.status].padEnd(5)}`);
    lines.push(`${tag} ${r.id}  ${r.title}`);
    if (r.message) lines.push(indent(r.message, '        '));
    for (const d of r.details ?? []) {
      const where = [d.path, d.line !== undefined ? `line ${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : undefined]
        .filter(Boolean).join(' ');
      lines.push(`          - ${where ? `${where}: ` : ''}${d.message}`);
    }
    if (r.error) lines.push(`        error code: ${r.error.code}`);
    if (r.remediation) lines.push(indent(`Fix: ${r.remediation}`, '        '));
    if (r.status !== 'pass' && r.status !== 'skip') lines.push(`        Docs: ${docsHref(r, options.docsBaseUrl)}`);
  }
  if (options.quiet && shown.length === 0) lines.push('Nothing to report: no check failed, errored or warned.');
  lines.push('');
  lines.push(bold(summaryLine(report)));
  return `${lines.join('\n')}\n`;
}
