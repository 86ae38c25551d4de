/**
 * The wire format of the check API, defined once for the server and its clients (the widgets
 * import these types and this reader; nothing here touches Node, so the page bundles it).
 *
 * - `GET /api/health` answers a HealthResponse.
 * - `POST /api/runs` takes a RunRequest. With `Accept: application/json` the body is the Report
 *   (DESIGN §4). Otherwise (`application/x-ndjson`, `*` or no Accept): one JSON object per line,
 *   each a RunEvent of the engine (`run-start`, `gather-start`, `gather-end`, `check-result`),
 *   and the LAST line is `{"type":"run-end","report":{...}}` carrying the Report. If the server
 *   fails after the stream has started, the last line is a `run-error` instead.
 * - Errors before a run starts (bad input, refused target, limits) are ordinary HTTP errors
 *   with an ApiErrorBody: 400 (with `field`, a JSON pointer), 413, 415, 429, 503 (Retry-After).
 */
import { ErrorCodes, isErrorCode, type ErrorCode } from '../core/errors';
import type { Report, RunEvent } from '../core/types';
import type { ApiErrorBody } from './errors';
import type { ApiSuite } from './inputs';

export type { ApiErrorBody };

export interface RunErrorLine {
  type: 'run-error';
  error: { code: ErrorCode; message: string };
}

export type StreamLine = RunEvent | RunErrorLine;

export interface RunRequest {
  suite: ApiSuite;
  input: Record<string, unknown>;
}

export interface HealthResponse {
  status: 'ok';
  version: string;
  mode: 'production' | 'development';
  allowPrivate: boolean;
  suites: readonly ApiSuite[];
  /** Where per-client limits are counted: this process, Redis (shared by replicas), or this process while Redis is unreachable. */
  limits?: 'memory' | 'redis' | 'memory-fallback';
  /**
   * The file of extra trusted roots the runs use (`botflow serve --ca`, BOTFLOW_CA), so a page can
   * show the CLI command that trusts the same roots. Only while private targets are allowed.
   */
  caFile?: string;
}

export const NDJSON = 'application/x-ndjson';

/**
 * Incremental newline-delimited JSON: feed it text chunks as they arrive, get back complete
 * values. Blank lines are ignored; a line that is not JSON throws (the stream is corrupt), and
 * so does a line longer than `maxLineChars`.
 */
export class NdjsonDecoder {
  private buffer = '';

  constructor(private readonly maxLineChars = 8 * 1024 * 1024) {}

  /** Values completed by this chunk, in order. */
  push(chunk: string): unknown[] {
    this.buffer += chunk;
    const out: unknown[] = [];
    let nl = this.buffer.indexOf('\n');
    while (nl !== -1) {
      const line = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      if (line) out.push(parseLine(line));
      nl = this.buffer.indexOf('\n');
    }
    if (this.buffer.length > this.maxLineChars) {
      throw new Error(`A line of the progress stream is longer than ${this.maxLineChars} characters.`);
    }
    return out;
  }

  /** The value of a last line without a trailing newline, if any. */
  end(): unknown[] {
    const line = this.buffer.trim();
    this.buffer = '';
    return line ? [parseLine(line)] : [];
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`The progress stream sent a line that is not JSON: ${line.slice(0, 80)}`);
  }
}

/** Why a run stream gave no Report: the server's run-error, a size cap, or a stream cut short. */
export class RunStreamError extends Error {
  constructor(message: string, readonly code: ErrorCode) {
    super(message);
    this.name = 'RunStreamError';
  }
}

const EVENT_TYPES: ReadonlySet<string> = new Set(['run-start', 'gather-start', 'gather-end', 'check-result', 'run-end']);

/** Default cap on a whole run stream (bytes): far above a real run's. */
export const MAX_RUN_STREAM_BYTES = 16 * 1024 * 1024;

/**
 * Reads an ndjson run stream (a fetch Response body) line by line, calling `onEvent` with each
 * RunEvent as it arrives (lines of unknown types are skipped); resolves with the Report of the
 * `run-end` line. Rejects with RunStreamError on a `run-error` line, when the stream exceeds
 * `maxBytes` (it is cancelled), or when it ends without a Report; with Error on a line that is
 * not JSON. Browser-safe: the widgets read runs with it.
 */
export async function readRunStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: RunEvent) => void = () => undefined,
  options: { maxBytes?: number } = {},
): Promise<Report> {
  const maxBytes = options.maxBytes ?? MAX_RUN_STREAM_BYTES;
  const reader = body.getReader();
  const text = new TextDecoder();
  const lines = new NdjsonDecoder();
  let report: Report | undefined;
  let bytes = 0;
  const take = (value: unknown): void => {
    const line = value as Partial<RunErrorLine> | null;
    if (line?.type === 'run-error') {
      const error = line.error as Partial<RunErrorLine['error']> | undefined;
      throw new RunStreamError(typeof error?.message === 'string' ? error.message : 'The run failed on the server.', isErrorCode(error?.code) ? error.code : ErrorCodes.INTERNAL);
    }
    const event = value as RunEvent | null;
    if (!event || !EVENT_TYPES.has(event.type)) return;
    if (event.type === 'run-end') report = event.report;
    onEvent(event);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      throw new RunStreamError(`The progress stream exceeded ${Math.round(maxBytes / 1024 / 1024)} MB.`, ErrorCodes.TOO_LARGE);
    }
    for (const v of lines.push(text.decode(value, { stream: true }))) take(v);
  }
  for (const v of lines.push(text.decode())) take(v);
  for (const v of lines.end()) take(v);
  if (!report) throw new RunStreamError('The progress stream ended before the report arrived.', ErrorCodes.API_STREAM_INCOMPLETE);
  return report;
}
