/**
 * Structured logs (pino) that never hold request bodies, tokens or secrets. Request logging of
 * fastify is replaced by one line per request with the method, the path WITHOUT its query, the
 * status and the time; errors are logged by code and status, never with the client's data
 * (no host, URL or body text: a length or a hash at most).
 * Paths that could hold a secret are redacted as a second line of defence.
 */
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export const REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'req.headers["x-api-key"]',
  'req.body',
  'body',
  'input',
  '*.body',
  '*.input',
  '*.password',
  '*.secret',
  '*.token',
  '*.authorization',
];

export interface LogOptions {
  level?: string;
  /** Where lines go (tests capture them); default standard output. */
  stream?: DestinationStream;
}

export function createLogger(options: LogOptions = {}): Logger {
  const config: LoggerOptions = {
    level: options.level ?? 'info',
    base: { service: 'botflow-api' },
    redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
    serializers: {
      err: serializeError,
      error: serializeError,
    },
  };
  return options.stream ? pino(config, options.stream) : pino(config);
}

/** Path of a request URL without its query or fragment (a query may carry a key). */
export function pathOnly(url: string | undefined): string {
  if (!url) return '/';
  const cut = url.search(/[?#]/);
  const path = cut >= 0 ? url.slice(0, cut) : url;
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

/**
 * What a log line says about the URL: the matched route pattern (`/api/runs`), `static` for the
 * site's files, or `unmatched` (never the raw path, which a client can fill with anything).
 */
export function routeLabel(routePattern: string | undefined, rawUrl: string | undefined): string {
  if (routePattern && routePattern !== '/*' && routePattern !== '*') return routePattern;
  const path = pathOnly(rawUrl);
  if (path.startsWith('/api/') || path === '/api') return 'unmatched /api';
  return routePattern ? 'static' : 'unmatched';
}

/**
 * Errors in logs: type, code, status and the field at fault. Never the message: parser errors
 * quote the body, and our own refusals name the host or URL the client asked for (the client
 * gets the message; the log gets a code it can count).
 */
export function serializeError(err: unknown): Record<string, unknown> {
  if (!err || typeof err !== 'object') return { message: 'non-error thrown' };
  const e = err as { name?: string; code?: unknown; statusCode?: unknown; field?: unknown; stack?: unknown };
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  return {
    type: e.name ?? 'Error',
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(status !== undefined ? { statusCode: status } : {}),
    ...(typeof e.field === 'string' ? { field: e.field } : {}),
    // Stacks of server faults help operators; the first line (the message) is left out.
    ...(status === undefined || status >= 500 ? { stack: typeof e.stack === 'string' ? e.stack.split('\n').slice(1, 9).join('\n') : undefined } : {}),
  };
}
