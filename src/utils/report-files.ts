/**
 * Saving, loading and comparing reports in the page: file names and contents from the lead's
 * reporters (checks/report), loading through parseReport (schema-checked). Pure.
 */
import type { Report } from '../../checks/core/types';
import { renderReport } from '../../checks/report/index';
import { parseReport } from '../../checks/report/load';
import { compareReports, type ReportComparison } from '../../checks/report/compare';
import { targetLabel } from '../../checks/report/shared';

export type SaveFormat = 'json' | 'markdown' | 'html';

const SAVED: Record<SaveFormat, { ext: string; type: string }> = {
  json: { ext: 'json', type: 'application/json' },
  markdown: { ext: 'md', type: 'text/markdown' },
  html: { ext: 'html', type: 'text/html' },
};

export interface SavedFile {
  name: string;
  type: string;
  text: string;
}

/** `botflow-endpoint-2026-11-26T19-02-03Z.json`: sortable, no characters a file system dislikes. */
export function reportFileName(report: Pick<Report, 'suite' | 'startedAt'>, format: SaveFormat): string {
  const stamp = report.startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const safeStamp = /^[0-9TZ-]+$/.test(stamp) ? stamp : 'report';
  return `botflow-${report.suite}-${safeStamp}.${SAVED[format].ext}`;
}

/**
 * The file to save; `docsBaseUrl` (the site the reader is on: its origin and base path)
 * resolves the check links in Markdown and HTML to this site.
 */
export function reportFile(report: Report, format: SaveFormat, docsBaseUrl?: string): SavedFile {
  return {
    name: reportFileName(report, format),
    type: SAVED[format].type,
    text: renderReport(report, format, docsBaseUrl ? { docsBaseUrl } : {}),
  };
}

/** The site's own base for docs links: `https://host` plus the base path, without a trailing slash. */
export function siteDocsBase(origin: string, baseUrl: string): string {
  return `${origin}${baseUrl}`.replace(/\/+$/, '');
}

export type LoadResult = { ok: true; report: Report } | { ok: false; error: string };

/**
 * Parses a saved report; the error names the file and says what to do. parseReport also works
 * where a Content Security Policy forbids code generation (it then interprets the schema).
 */
export function loadReport(text: string, fileName: string): LoadResult {
  try {
    return { ok: true, report: parseReport(text, `"${fileName}"`) };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** What changed from `before` to `after` (older first). */
export function compare(before: Report, after: Report): ReportComparison {
  return compareReports(before, after);
}

/** Orders two reports by start time, older first. */
export function chronological(a: Report, b: Report): [Report, Report] {
  return Date.parse(a.startedAt) <= Date.parse(b.startedAt) ? [a, b] : [b, a];
}

/**
 * Why two reports should not be compared as they are (different suites or targets), in one
 * sentence for the reader to confirm; undefined when they are two runs of the same thing.
 */
export function comparisonMismatch(current: Report, other: Report): string | undefined {
  if (current.suite !== other.suite) {
    return `The reports are of different suites (${other.suite} and ${current.suite}): most checks will show as added or removed, not as changed.`;
  }
  const a = targetLabel(other);
  const b = targetLabel(current);
  if (a !== b) return `The reports checked different targets (${a} and ${b}): a change may come from the target, not from a fix.`;
  return undefined;
}
