/**
 * Saving, loading and comparing reports in the page: file names and contents from the lead's
 * reporters (checks/report), loading through parseReport (schema-checked). Pure.
 */
import type { Report } from '../../checks/core/types';
import { renderReport } from '../../checks/report/index';
import { parseReport } from '../../checks/report/load';
import { compareReports, type ReportComparison } from '../../checks/report/compare';

export type SaveFormat = 'json' | 'markdown';

export interface SavedFile {
  name: string;
  type: string;
  text: string;
}

/** `botflow-endpoint-2026-11-26T19-02-03Z.json`: sortable, no characters a file system dislikes. */
export function reportFileName(report: Pick<Report, 'suite' | 'startedAt'>, format: SaveFormat): string {
  const stamp = report.startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const safeStamp = /^[0-9TZ-]+$/.test(stamp) ? stamp : 'report';
  return `botflow-${report.suite}-${safeStamp}.${format === 'json' ? 'json' : 'md'}`;
}

/** The file to save; `origin` resolves the check links in Markdown to this site. */
export function reportFile(report: Report, format: SaveFormat, origin?: string): SavedFile {
  return {
    name: reportFileName(report, format),
    type: format === 'json' ? 'application/json' : 'text/markdown',
    text: renderReport(report, format, origin ? { docsBaseUrl: origin } : {}),
  };
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
