/**
 * Core types of the check engine. Everything here is plain data that survives JSON:
 * reports cross the CLI, the HTTP API and the browser.
 */

import type { ErrorCode } from './errors';

export type Status = 'pass' | 'warn' | 'fail' | 'info' | 'skip' | 'error';
export type Severity = 'error' | 'warning' | 'info';
export type SuiteName = 'endpoint' | 'manifest' | 'registration' | 'egress' | 'residency' | 'credentials';
export type ReportSuite = SuiteName | 'all';
export type Environment = 'node' | 'browser';

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Evidence produced by gatherers, keyed by PascalCase evidence id. Each gatherer module adds
 * its own entry through declaration merging:
 *
 *   declare module '../core/evidence.js' { interface EvidenceMap { TlsHandshake: TlsEvidence } }
 */
export type { EvidenceMap, EvidenceId, CheckInput } from './evidence';

/** Placeholder values used to fill `{{name}}` in message templates. */
export type MessageData = Record<string, string | number>;

/** One sub-finding of a check (a schema error, one host that failed, ...). */
export interface Detail {
  message: string;
  /** JSON pointer, host name, file name: where the finding is. */
  path?: string;
  line?: number;
  column?: number;
  status?: Exclude<Status, 'error' | 'skip'>;
}

/** What a rule returns: a verdict plus the evidence it based it on. */
export interface Outcome {
  status: Exclude<Status, 'error'>;
  /** A key of `meta.messages`. */
  messageId: string;
  data?: MessageData;
  /** What the check saw, trimmed to what matters for this verdict (JSON, no secrets). */
  evidence?: JsonObject;
  details?: Detail[];
}

export interface SourceLink {
  title: string;
  url: string;
}

export interface ErrorInfo {
  /** One of the ErrorCode union (checks/core/errors.ts; docs/reference/error-codes.mdx). */
  code: ErrorCode;
  message: string;
}

export interface CheckResult {
  id: string;
  title: string;
  status: Status;
  severity: Severity;
  message: string;
  evidence: JsonObject;
  details?: Detail[];
  remediation?: string;
  docsUrl: string;
  /** The public sources behind the verdict (the check's `meta.sources`). */
  sources?: SourceLink[];
  durationMs: number;
  error?: ErrorInfo;
}

export type Counts = Record<Status, number>;

export interface Report {
  schemaVersion: 1;
  tool: { name: 'botflow'; version: string };
  suite: ReportSuite;
  target: JsonObject;
  startedAt: string;
  durationMs: number;
  results: CheckResult[];
  counts: Counts;
  /** Run-level notes (proxy in use, deadline reached, private targets allowed, ...). */
  notes?: string[];
}

/** Progress events emitted while a run is in flight (CLI spinner, API ndjson stream). */
export type RunEvent =
  | { type: 'run-start'; suite: ReportSuite; checks: Array<{ id: string; title: string }> }
  | { type: 'gather-start'; evidence: string }
  | { type: 'gather-end'; evidence: string; ok: boolean; durationMs: number }
  | { type: 'check-result'; result: CheckResult }
  | { type: 'run-end'; report: Report };
