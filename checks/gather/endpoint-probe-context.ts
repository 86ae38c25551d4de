/**
 * Shared plumbing of the endpoint gatherers (not a gatherer itself): network options from the
 * run context, the "not probed" shape, and turning expected network failures into evidence.
 */
import type { GatherContext } from '../core/gatherer';
import type { JsonObject } from '../core/types';
import {
  AddressRefusedError, PhaseNetworkError, PhaseTimeoutError, proxyForTarget, type GuardOptions, type NetPhase, type Resolution,
} from './net';

import './endpoint-url';

/** Why a probe did not run; the matching rules report `skip` with this reason. */
export type NotProbedReason = 'invalid-url' | 'not-https' | 'dns-failed' | 'address-refused' | 'not-given';

export interface NotProbed {
  probed: false;
  reason: NotProbedReason;
}

/** An expected network outcome recorded as evidence (refused, timed out, TLS alert, ...). */
export interface ProbeFailure {
  phase: NetPhase | 'guard';
  /** CHK_ERR_PROBE_TIMEOUT, CHK_ERR_PROBE_NETWORK or CHK_ERR_ADDRESS_REFUSED. */
  code: string;
  /** Node/OpenSSL code when there is one (ECONNREFUSED, ERR_SSL_...). */
  osCode?: string;
  timeoutMs?: number;
  message: string;
}

/**
 * Maps a networking error to evidence; anything else (the run's deadline, an abort, a bug) is
 * rethrown so the runner reports `error` with its code.
 */
export function failureOf(err: unknown): ProbeFailure {
  if (err instanceof PhaseTimeoutError) return { phase: err.phase, code: err.code, timeoutMs: err.timeoutMs, message: err.message };
  if (err instanceof PhaseNetworkError) return { phase: err.phase, code: err.code, osCode: err.osCode, message: err.message };
  if (err instanceof AddressRefusedError) return { phase: 'guard', code: err.code, message: err.message };
  throw err;
}

/**
 * Guard and limit options for a probe of `url` in this run (proxy honoured per target). Pass
 * `trust: false` for probes that do not judge the certificate: they skip the --ca store.
 */
export function netOptions(ctx: GatherContext, url: URL, resolution?: Resolution, trust = true): GuardOptions & { ca?: string } {
  const proxy = proxyForTarget(ctx.options.proxy, url);
  return {
    allowPrivate: Boolean(ctx.options.allowPrivate),
    ...(ctx.options.lookup ? { lookup: ctx.options.lookup } : {}),
    ...(ctx.options.phaseTimeoutMs ? { timeouts: ctx.options.phaseTimeoutMs } : {}),
    signal: ctx.signal,
    ...(proxy ? { proxy } : {}),
    ...(resolution && !proxy ? { resolution } : {}),
    ...(trust && ctx.options.ca ? { ca: ctx.options.ca } : {}),
  };
}

/** Port of an http(s) URL. */
export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** Narrow JSON helper for evidence objects built from typed values. */
export function asJson<T>(value: T): T & JsonObject {
  return value as T & JsonObject;
}
