/** Per-phase network limits. Every probe has all of them; callers override any. */
export interface PhaseTimeouts {
  dns: number;
  connect: number;
  tls: number;
  /** From the request being sent to the response headers. */
  firstByte: number;
  /** From the headers to the end of the body (total, not idle). */
  body: number;
}

export const DEFAULT_TIMEOUTS: Readonly<PhaseTimeouts> = Object.freeze({
  dns: 5_000,
  connect: 5_000,
  tls: 5_000,
  firstByte: 10_000,
  body: 5_000,
});

/** Largest response body kept (bytes); the rest is discarded and `truncated` is set. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Fills missing phases from the defaults; a single number caps every phase. */
export function phaseTimeouts(value?: Partial<PhaseTimeouts> | number): PhaseTimeouts {
  if (typeof value === 'number') {
    return { dns: value, connect: value, tls: value, firstByte: value, body: value };
  }
  return { ...DEFAULT_TIMEOUTS, ...(value ?? {}) };
}

/** Runs `work` with a timer; on expiry calls `onTimeout` (which must reject/abort the work). */
export function withTimer<T>(ms: number, onTimeout: () => void, work: Promise<T>): Promise<T> {
  const timer = setTimeout(onTimeout, ms);
  return work.finally(() => clearTimeout(timer));
}
