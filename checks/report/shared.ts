import type { CheckResult, Detail, Report, Status } from '../core/types';

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
  return `${parts.join(', ')} (${plural(report.results.length, 'check')} in ${report.durationMs} ms)`;
}

/** "1 check", "8 checks": a count with its noun, singular or plural. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** One status count in words: "2 failed", "1 error", "3 warnings", "8 passed", "1 skipped", "2 info". */
export function statusCount(status: Status, count: number): string {
  switch (status) {
    case 'fail': return `${count} failed`;
    case 'error': return plural(count, 'error');
    case 'warn': return plural(count, 'warning');
    case 'info': return `${count} info`;
    case 'pass': return `${count} passed`;
    case 'skip': return `${count} skipped`;
  }
}

/** "2 failed, 1 warning, 8 passed": the statuses that occur, worst first. */
export function countsPhrase(counts: Record<Status, number>): string {
  const parts = STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => statusCount(s, counts[s]));
  return parts.length ? parts.join(', ') : 'no results';
}

export interface Verdict {
  /** The worst status that decides the run: fail, error (could not complete), warn or pass. */
  status: 'fail' | 'error' | 'warn' | 'pass';
  /** FAIL, INCOMPLETE, PASS WITH WARNINGS or PASS. */
  label: string;
  /** One sentence: what the verdict means ("2 of 13 checks failed."); the counts are shown beside it. */
  sentence: string;
}

/**
 * The overall verdict of a report, the way the CLI's exit code decides it: any failed check
 * fails the run; otherwise a check that could not run makes it incomplete; otherwise warnings
 * are called out; otherwise it passes.
 */
export function overallVerdict(report: Pick<Report, 'counts' | 'results'>): Verdict {
  const c = report.counts;
  const of = `of ${plural(report.results.length, 'check')}`;
  if (c.fail > 0) return { status: 'fail', label: 'FAIL', sentence: `${c.fail} ${of} failed.` };
  if (c.error > 0) return { status: 'error', label: 'INCOMPLETE', sentence: `${c.error} ${of} could not run, so the result is incomplete.` };
  if (c.warn > 0) return { status: 'warn', label: 'PASS WITH WARNINGS', sentence: `No check failed; ${c.warn} ${of} warned.` };
  return { status: 'pass', label: 'PASS', sentence: `No check failed or warned (${plural(report.results.length, 'check')}).` };
}

const RANK: Record<Status, number> = { fail: 0, error: 1, warn: 2, info: 3, pass: 4, skip: 5 };

/** Results worst first (fail, error, warn, info, pass, skip), the report's order kept within a status. */
export function resultsWorstFirst<T extends Pick<CheckResult, 'status'>>(results: readonly T[]): T[] {
  return results.map((r, i) => ({ r, i })).sort((a, b) => RANK[a.r.status] - RANK[b.r.status] || a.i - b.i).map(({ r }) => r);
}

/**
 * The status to show for one sub-finding: never worse than its check's own verdict (a WARN
 * result does not show a red FAIL item inside it). Skipped and errored checks show theirs as is.
 */
export function shownDetailStatus(detail: Pick<Detail, 'status'>, result: Pick<CheckResult, 'status'>): Detail['status'] {
  const d = detail.status;
  if (!d || result.status === 'skip' || result.status === 'error') return d;
  return RANK[d] < RANK[result.status] ? (result.status as Exclude<Status, 'error' | 'skip'>) : d;
}

/** "2026-06-01 12:00:00 UTC" from an ISO date-time (as it is when it does not parse). */
export function humanTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$|Z$/, '')} UTC`;
}
