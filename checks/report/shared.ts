import type { CheckResult, Report, Status } from '../core/types';

/** Status words and symbols: status is never shown by colour alone. */
export const STATUS_LABEL: Record<Status, string> = {
  pass: 'PASS', warn: 'WARN', fail: 'FAIL', info: 'INFO', skip: 'SKIP', error: 'ERROR',
};
export const STATUS_SYMBOL: Record<Status, string> = {
  pass: '✔', warn: '▲', fail: '✖', info: 'ℹ', skip: '–', error: '!',
};
export const STATUS_ORDER: readonly Status[] = ['fail', 'error', 'warn', 'info', 'pass', 'skip'];

export function docsHref(result: Pick<CheckResult, 'docsUrl'>, base?: string): string {
  if (!base || /^https?:\/\//.test(result.docsUrl)) return result.docsUrl;
  return `${base.replace(/\/+$/, '')}${result.docsUrl}`;
}

/** A one-line description of what was checked, from the report's target. */
export function targetLabel(report: Pick<Report, 'target' | 'suite'>): string {
  const t = report.target;
  for (const key of ['url', 'file', 'serviceUrl', 'bot', 'name', 'cloud']) {
    const v = t[key];
    if (typeof v === 'string' && v) return v;
  }
  return report.suite;
}

export function summaryLine(report: Report): string {
  const c = report.counts;
  const parts = (['pass', 'warn', 'fail', 'info', 'skip', 'error'] as const).map((s) => `${c[s]} ${s}`);
  return `${parts.join(', ')} (${report.results.length} checks in ${report.durationMs} ms)`;
}
