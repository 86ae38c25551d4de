import type { Report } from '../core/types';
import { docsHref } from './shared';

function xml(text: string): string {
  // Escape markup and drop characters XML 1.0 cannot carry.
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** JUnit XML for CI systems: fail -> <failure>, error -> <error>, skip -> <skipped>; warn/info pass with output. */
export function renderJunit(report: Report, options: { docsBaseUrl?: string } = {}): string {
  const c = report.counts;
  const name = `botflow.${report.suite}`;
  const seconds = (ms: number): string => (ms / 1000).toFixed(3);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="botflow" tests="${report.results.length}" failures="${c.fail}" errors="${c.error}" skipped="${c.skip}" time="${seconds(report.durationMs)}">`);
  out.push(`  <testsuite name="${xml(name)}" tests="${report.results.length}" failures="${c.fail}" errors="${c.error}" skipped="${c.skip}" time="${seconds(report.durationMs)}" timestamp="${xml(report.startedAt)}">`);
  for (const r of report.results) {
    const body: string[] = [];
    const text = [r.message, ...(r.details ?? []).map((d) => `- ${d.path ? `${d.path}: ` : ''}${d.message}`),
      r.remediation ? `How to fix: ${r.remediation}` : '', `Docs: ${docsHref(r, options.docsBaseUrl)}`].filter(Boolean).join('\n');
    if (r.status === 'fail') body.push(`      <failure message="${xml(r.message)}" type="${xml(r.severity)}">${xml(text)}</failure>`);
    else if (r.status === 'error') body.push(`      <error message="${xml(r.message)}" type="${xml(r.error?.code ?? 'CHK_ERR')}">${xml(text)}</error>`);
    else if (r.status === 'skip') body.push(`      <skipped message="${xml(r.message)}"/>`);
    else if (r.status === 'warn' || r.status === 'info') body.push(`      <system-out>${xml(`${r.status.toUpperCase()}: ${text}`)}</system-out>`);
    const open = `    <testcase classname="${xml(name)}" name="${xml(`${r.id}: ${r.title}`)}" time="${seconds(r.durationMs)}"`;
    out.push(body.length ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`);
  }
  out.push('  </testsuite>');
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
