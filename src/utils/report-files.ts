/**
 * Saving, loading and comparing reports in the page: file names and contents from the lead's
 * reporters (checks/report), loading through parseReport (schema-checked). Pure.
 */
import type { Report } from '../../checks/core/types';
import { renderReport } from '../../checks/report/index';
import { MAX_REPORT_BYTES, parseReport } from '../../checks/report/load';
import { interpretValidate } from '../../checks/manifest/interpret-schema';
import reportSchemaJson from '../../static/schemas/report-v1.schema.json';
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
 * Parses a saved report; the error names the file and says what to do. Where a Content Security
 * Policy forbids code generation (ajv compiles the schema with `new Function`), the same schema is
 * checked by the manifest suite's schema interpreter instead.
 */
export function loadReport(text: string, fileName: string): LoadResult {
  const source = `"${fileName}"`;
  try {
    return { ok: true, report: parseReport(text, source) };
  } catch (err) {
    if (isCodeGenerationBlocked(err)) {
      try {
        return { ok: true, report: parseReportWithoutCodegen(text, source) };
      } catch (fallbackErr) {
        return { ok: false, error: (fallbackErr as Error).message };
      }
    }
    return { ok: false, error: (err as Error).message };
  }
}

/**
 * parseReport's checks without compiling code: size, JSON, schemaVersion, then the published
 * report schema interpreted (plus its one format, date-time). A test holds it to parseReport.
 */
export function parseReportWithoutCodegen(text: string, source: string): Report {
  if (text.length > MAX_REPORT_BYTES) {
    throw new Error(`${source} is larger than ${MAX_REPORT_BYTES / 1024 / 1024} MB; load a report saved by botflow (--format json).`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(`${source} is not JSON (${(err as Error).message}); load a report saved with --format json or the Save JSON button.`);
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof value === 'object' && value !== null && 'schemaVersion' in value && version !== 1) {
    throw new Error(`${source} has schemaVersion ${String(version)}; this version of botflow reads schemaVersion 1.`);
  }
  const errors = interpretValidate(reportSchemaJson as Record<string, unknown>, value).map((e) => `${e.instancePath || '/'}: ${e.message}`);
  const startedAt = (value as { startedAt?: unknown } | null)?.startedAt;
  if (typeof startedAt === 'string' && !DATE_TIME.test(startedAt)) errors.push('/startedAt: must match format "date-time"');
  if (errors.length) {
    const shown = errors.slice(0, 3).join('; ');
    throw new Error(`${source} is not a botflow report: ${shown}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}.`);
  }
  return value as Report;
}

/** RFC 3339 date-time, as ajv-formats checks it (the time zone is required). */
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;

/** The error a browser throws when a Content Security Policy blocks eval / new Function. */
export function isCodeGenerationBlocked(err: unknown): boolean {
  return err instanceof Error && (err.name === 'EvalError' || /unsafe-eval|Content Security Policy|code generation from strings/i.test(err.message));
}

/** What changed from `before` to `after` (older first). */
export function compare(before: Report, after: Report): ReportComparison {
  return compareReports(before, after);
}

/** Orders two reports by start time, older first. */
export function chronological(a: Report, b: Report): [Report, Report] {
  return Date.parse(a.startedAt) <= Date.parse(b.startedAt) ? [a, b] : [b, a];
}
