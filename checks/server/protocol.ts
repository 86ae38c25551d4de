/**
 * The wire format of `POST /api/runs` (for the widgets and other clients).
 *
 * - `Accept: application/json`: the body is the Report (DESIGN §4).
 * - Otherwise (`application/x-ndjson`, `*` or no Accept): one JSON object per line, each a
 *   RunEvent of the engine (`run-start`, `gather-start`, `gather-end`, `check-result`), and the
 *   LAST line is `{"type":"run-end","report":{...}}` carrying the Report. If the server fails
 *   after the stream has started, the last line is a `run-error` instead.
 * - Errors before a run starts (bad input, refused target, limits) are ordinary HTTP errors
 *   with an ApiErrorBody: 400 (with `field`, a JSON pointer), 413, 415, 429, 503 (Retry-After).
 */
import type { Report, RunEvent } from '../core/types';
import type { ApiErrorBody } from './errors';
import type { ApiSuite } from './inputs';

export type { ApiErrorBody };

export interface RunErrorLine {
  type: 'run-error';
  error: { code: string; message: string };
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
}

export const NDJSON = 'application/x-ndjson';

/** The Report of a finished stream (its last line), or undefined if the stream did not finish. */
export function reportOfStream(lines: readonly StreamLine[]): Report | undefined {
  const last = lines[lines.length - 1];
  return last && last.type === 'run-end' ? last.report : undefined;
}

/**
 * Reads an ndjson run stream (a fetch Response body) line by line, calling `onLine` for each
 * parsed line as it arrives; resolves with the Report of the last line, or rejects when the
 * stream ends without one (the server failed or the connection dropped). Browser-safe.
 */
export async function readRunStream(body: ReadableStream<Uint8Array>, onLine: (line: StreamLine) => void = () => undefined): Promise<Report> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let last: StreamLine | undefined;
  const take = (text: string): void => {
    if (text.trim() === '') return;
    const line = JSON.parse(text) as StreamLine;
    last = line;
    onLine(line);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let nl = buffered.indexOf('\n');
    while (nl >= 0) {
      take(buffered.slice(0, nl));
      buffered = buffered.slice(nl + 1);
      nl = buffered.indexOf('\n');
    }
  }
  take(buffered + decoder.decode());
  if (last?.type === 'run-end') return last.report;
  if (last?.type === 'run-error') throw new Error(last.error.message);
  throw new Error('The run stream ended before its report.');
}
