import type { JsonObject } from '../core/types';

/** Evidence objects are built from typed, JSON-safe values; this states that for the compiler. */
export function json(value: object): JsonObject {
  return value as unknown as JsonObject;
}

/** Message data typed as such (keeps rule return types from widening into `x?: undefined` unions). */
export function msg(data: Record<string, string | number>): Record<string, string | number> {
  return data;
}

/** A JSON object (not null, not an array): the one such guard the engine uses. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
