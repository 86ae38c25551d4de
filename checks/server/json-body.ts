/**
 * The API's JSON body parser: plain JSON.parse (size capped by fastify before this runs), with
 * keys that could poison prototypes refused by name, and errors that say what is wrong without
 * quoting the body.
 */
import { ApiCodes, ApiError } from './errors';

function refuseProtoKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || (key === 'constructor' && typeof value === 'object' && value !== null && 'prototype' in value)) {
    throw new ApiError(400, ApiCodes.MALFORMED_JSON, 'The request body holds a "__proto__" or "constructor.prototype" key, which the API refuses. Remove it.');
  }
  return value;
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') {
    throw new ApiError(400, ApiCodes.MALFORMED_JSON, 'The request body is empty. Send {"suite": ..., "input": {...}} as JSON.');
  }
  try {
    return JSON.parse(text, refuseProtoKeys) as unknown;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError(400, ApiCodes.MALFORMED_JSON, 'The request body is not valid JSON. Send {"suite": ..., "input": {...}}.');
  }
}
