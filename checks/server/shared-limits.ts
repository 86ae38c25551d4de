/**
 * Per-client limits shared by every replica through Redis (`BOTFLOW_REDIS_URL`): the rate limit
 * goes through @fastify/rate-limit's own Redis store (ioredis), and the cap on runs in flight
 * per client is a counter next to it. Per-replica concurrency caps stay in each replica.
 *
 * When Redis is unreachable the API FAILS OPEN TO LOCAL LIMITS: each replica goes on counting
 * in its own memory (so a client can get up to N times its budget across N replicas) and logs
 * one warning; when Redis answers again the shared counters are used again (one info line).
 * Why open: the limits protect capacity, not secrets. The address guard, the body and time
 * caps and each replica's concurrency caps do not depend on Redis, so an outage of a cache
 * should not take every check offline; it only loosens the per-client budget, and bounded.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import LocalStore from '@fastify/rate-limit/store/LocalStore.js';
import RedisStore from '@fastify/rate-limit/store/RedisStore.js';
import { Redis } from 'ioredis';
import { ClientRunSlots, type ClientSlots, type ReleaseSlot } from './run-slots';

export const REDIS_URL_ENV = 'BOTFLOW_REDIS_URL';
const RATE_NAMESPACE = 'botflow:rate:';
const RUNS_PREFIX = 'botflow:runs:';

export type LimitsMode = 'memory' | 'redis' | 'memory-fallback';

/** Where the Redis URL points, without credentials (for logs and errors). */
export function describeRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}`;
  } catch {
    return 'an invalid URL';
  }
}

/** A redis:// or rediss:// URL, or a clear error (the value is never repeated: it may hold a password). */
export function checkRedisUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`${REDIS_URL_ENV} is not a URL: give redis://host:port (or rediss:// for TLS).`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new Error(`${REDIS_URL_ENV} must start with redis:// or rediss://.`);
  }
}

const ACQUIRE = `
local n = redis.call('INCR', KEYS[1])
if n > tonumber(ARGV[1]) then
  n = redis.call('DECR', KEYS[1])
  if n <= 0 then redis.call('DEL', KEYS[1]) end
  return 0
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;
const RELEASE = `
local n = redis.call('DECR', KEYS[1])
if n <= 0 then redis.call('DEL', KEYS[1]) end
return n
`;

interface SlotCommands {
  botflowAcquireRun(key: string, max: number, ttlMs: number): Promise<number>;
  botflowReleaseRun(key: string): Promise<number>;
}

export interface SharedLimits {
  /** The store class to give @fastify/rate-limit. */
  readonly Store: FastifyRateLimitStoreCtor;
  readonly clientSlots: ClientSlots;
  mode(): LimitsMode;
  close(): Promise<void>;
}

export interface SharedLimitsOptions {
  url: string;
  log: FastifyBaseLogger;
  maxRunsPerClient: number;
  /** How long a run-slot count outlives a replica that died holding it. */
  slotTtlMs: number;
}

export function createSharedLimits(options: SharedLimitsOptions): SharedLimits {
  checkRedisUrl(options.url);
  const where = describeRedisUrl(options.url);
  const { log } = options;
  const redis = new Redis(options.url, {
    // Fail fast instead of queueing while Redis is away: the request is counted locally then.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 500,
    retryStrategy: (times: number) => Math.min(times * 200, 2_000),
  });
  redis.defineCommand('botflowAcquireRun', { numberOfKeys: 1, lua: ACQUIRE });
  redis.defineCommand('botflowReleaseRun', { numberOfKeys: 1, lua: RELEASE });
  const commands = redis as unknown as SlotCommands;

  let state: 'connecting' | 'up' | 'down' = 'connecting';
  const down = (reason: string): void => {
    if (state === 'down') return;
    state = 'down';
    log.warn({ redis: where, reason },
      'Redis is unreachable: per-client limits now count in this replica\'s memory only (fail-open to local limits) until it answers again');
  };
  const up = (): void => {
    const was = state;
    if (was === 'up') return;
    state = 'up';
    if (was === 'down') log.info({ redis: where }, 'Redis answers again: per-client limits are shared by every replica again');
    else log.info({ redis: where }, 'per-client limits are shared through Redis');
  };
  redis.on('ready', up);
  // ioredis repeats 'error' on every failed reconnection: only the change of state is logged.
  redis.on('error', (err: Error & { code?: string }) => down(err.code ?? err.name));
  redis.on('close', () => { if (state === 'up') down('connection closed'); });
  const ready = (): boolean => redis.status === 'ready';

  class FallbackStore implements FastifyRateLimitStore {
    readonly #shared: FastifyRateLimitStore;
    readonly #local: FastifyRateLimitStore;

    constructor(params: FastifyRateLimitOptions, stores?: { shared: FastifyRateLimitStore; local: FastifyRateLimitStore }) {
      const p = params as { continueExceeding?: boolean; exponentialBackoff?: boolean };
      this.#shared = stores?.shared ?? new RedisStore(Boolean(p.continueExceeding), Boolean(p.exponentialBackoff), redis, RATE_NAMESPACE);
      this.#local = stores?.local ?? new LocalStore(Boolean(p.continueExceeding), Boolean(p.exponentialBackoff));
    }

    incr(key: string, cb: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number, max: number): void {
      if (!ready()) { this.#local.incr(key, cb, timeWindow, max); return; }
      this.#shared.incr(key, (err, result) => {
        if (err || !result) {
          down(err?.name ?? 'no answer');
          this.#local.incr(key, cb, timeWindow, max);
          return;
        }
        up();
        cb(null, result);
      }, timeWindow, max);
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      return new FallbackStore(routeOptions as FastifyRateLimitOptions, { shared: this.#shared.child(routeOptions), local: this.#local.child(routeOptions) });
    }
  }

  const local = new ClientRunSlots(options.maxRunsPerClient);
  const clientSlots: ClientSlots = {
    max: options.maxRunsPerClient,
    async tryAcquire(client: string): Promise<ReleaseSlot | undefined> {
      if (!ready()) return local.tryAcquire(client);
      const key = `${RUNS_PREFIX}${client}`;
      let granted: number;
      try {
        granted = await commands.botflowAcquireRun(key, options.maxRunsPerClient, options.slotTtlMs);
      } catch (err) {
        down((err as Error).name);
        return local.tryAcquire(client);
      }
      up();
      if (granted !== 1) return undefined;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        // A release lost in an outage expires with the key (slotTtlMs).
        commands.botflowReleaseRun(key).catch(() => undefined);
      };
    },
  };

  return {
    Store: FallbackStore as unknown as FastifyRateLimitStoreCtor,
    clientSlots,
    mode: () => (ready() && state === 'up' ? 'redis' : 'memory-fallback'),
    async close() {
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}
