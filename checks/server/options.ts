import type { Logger } from 'pino';
import type { RunnableSuite } from '../core/runner';
import type { LookupFn } from '../gather/net/resolve';
import type { ApiSuite } from './inputs';
import type { LogOptions } from './logging';
import { DEFAULT_ALLOWED_PORTS } from './guard';
import type { TrustProxy } from './trust-proxy';

export type ServerMode = 'production' | 'development';

export interface ApiServerOptions {
  /** production: `botflow serve`; development: mounted into `npm start`. */
  mode: ServerMode;
  /** Loopback/private targets allowed. Default: true in development, false in production. */
  allowPrivate?: boolean;
  /** Ports a target URL may use. Default 443 and 8443; `'any'` when private targets are allowed. */
  allowedPorts?: readonly number[] | 'any';
  /** Request body cap in bytes (413 beyond). Default 256 KiB. */
  bodyLimitBytes?: number;
  /** Per-client limit on /api requests; false turns it off. Default 60 a minute. */
  rateLimit?: { max: number; timeWindowMs: number } | false;
  /** Runs in flight at once (503 beyond). Default 8. */
  maxConcurrentRuns?: number;
  /** Runs one client may have in flight at once (429 beyond). Default 2. */
  maxRunsPerClient?: number;
  /** Seconds a 503 tells the client to wait. Default 5. */
  retryAfterSeconds?: number;
  /** Whole-run deadline in ms. Default 30 s. */
  runDeadlineMs?: number;
  /** Per-gatherer timeout in ms. Default 15 s. */
  gathererTimeoutMs?: number;
  /** Time to receive a whole request (headers and body) in ms; slower senders get 408. Default 15 s. */
  requestTimeoutMs?: number;
  /**
   * While private targets are allowed, the API answers only requests whose Host is a loopback
   * name or one of these (DNS-rebinding guard). Default none.
   */
  allowedHosts?: readonly string[];
  /** Directory of the built site to serve (production); none: API only. */
  siteDir?: string;
  /** Log options, a pino logger, or false for none. Default: info level on standard output. */
  logger?: LogOptions | Logger | false;
  /** Resolver for the up-front target guard and the runs' probes (tests inject one). */
  lookup?: LookupFn;
  /** Extra trusted roots (PEM) for the runs (a private CA in development and tests). */
  ca?: string;
  /**
   * The file `ca` was read from (absolute path), shown in /api/health while private targets are
   * allowed so the widgets' CLI command can trust the same roots (`--ca <file>`).
   */
  caFile?: string;
  /** Suites by name (default: the registry). */
  suites?: Partial<Record<ApiSuite, RunnableSuite>>;
  /**
   * The proxies in front whose X-Forwarded-For names the client (for the per-client limits):
   * a hop count, or their addresses / CIDR blocks. Default: none (the socket's address).
   */
  trustProxy?: TrustProxy;
  /** Redis URL: per-client limits shared by every replica (BOTFLOW_REDIS_URL). Default: in memory. */
  redisUrl?: string;
}

export interface ResolvedOptions {
  mode: ServerMode;
  allowPrivate: boolean;
  allowedPorts: readonly number[] | 'any';
  bodyLimitBytes: number;
  rateLimit: { max: number; timeWindowMs: number } | false;
  maxConcurrentRuns: number;
  maxRunsPerClient: number;
  retryAfterSeconds: number;
  runDeadlineMs: number;
  gathererTimeoutMs: number;
}

export const DEFAULT_BODY_LIMIT = 256 * 1024;

export function resolveOptions(o: ApiServerOptions): ResolvedOptions {
  const allowPrivate = o.allowPrivate ?? o.mode === 'development';
  const runDeadlineMs = o.runDeadlineMs ?? 30_000;
  return {
    mode: o.mode,
    allowPrivate,
    allowedPorts: o.allowedPorts ?? (allowPrivate ? 'any' : DEFAULT_ALLOWED_PORTS),
    bodyLimitBytes: o.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
    rateLimit: o.rateLimit ?? { max: 60, timeWindowMs: 60_000 },
    maxConcurrentRuns: o.maxConcurrentRuns ?? 8,
    maxRunsPerClient: o.maxRunsPerClient ?? Math.min(2, o.maxConcurrentRuns ?? 8),
    retryAfterSeconds: o.retryAfterSeconds ?? 5,
    runDeadlineMs,
    gathererTimeoutMs: Math.min(o.gathererTimeoutMs ?? 15_000, runDeadlineMs),
  };
}
