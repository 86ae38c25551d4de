/**
 * Types for the two stores @fastify/rate-limit ships (its Redis and in-memory stores), which
 * `shared-limits.ts` combines so a Redis outage falls back to this replica's memory.
 */
declare module '@fastify/rate-limit/store/RedisStore.js' {
  import type { FastifyRateLimitStore } from '@fastify/rate-limit';
  import type { Redis } from 'ioredis';
  interface RedisStoreCtor {
    new (continueExceeding: boolean, exponentialBackoff: boolean, redis: Redis, nameSpace?: string): FastifyRateLimitStore;
  }
  const RedisStore: RedisStoreCtor;
  export default RedisStore;
}

declare module '@fastify/rate-limit/store/LocalStore.js' {
  import type { FastifyRateLimitStore } from '@fastify/rate-limit';
  interface LocalStoreCtor {
    new (continueExceeding: boolean, exponentialBackoff: boolean, cache?: number): FastifyRateLimitStore;
  }
  const LocalStore: LocalStoreCtor;
  export default LocalStore;
}
