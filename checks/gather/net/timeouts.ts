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

export interface Deadline {
  /** Aborts when any parent does (with its reason) or when the time is up (a `TimeoutError`). */
  readonly signal: AbortSignal;
  /** True once the time ran out (before any parent aborted). */
  readonly expired: boolean;
  /** Stops the timer and lets go of the parents; call it when the work is over. */
  dispose(): void;
}

/**
 * A signal that aborts when any of `parents` does or after `ms`. This replaces
 * `AbortSignal.any([..., AbortSignal.timeout(ms)])`: Node 20 holds a timeout signal only weakly,
 * and inside `any()` nothing else holds it, so after a garbage collection it never fires
 * (nodejs/node#57736) and a budget silently becomes no budget. Here the timer holds the
 * controller. The timer does not keep the process alive.
 */
export function linkedDeadline(parents: readonly AbortSignal[], ms: number, what = 'The operation'): Deadline {
  const controller = new AbortController();
  const unlinks: (() => void)[] = [];
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException(`${what} did not finish within ${ms} ms.`, 'TimeoutError'));
  }, ms);
  timer.unref();
  const dispose = (): void => {
    clearTimeout(timer);
    for (const unlink of unlinks.splice(0)) unlink();
  };
  for (const parent of parents) {
    if (parent.aborted) {
      controller.abort(parent.reason);
      break;
    }
    const onAbort = (): void => controller.abort(parent.reason);
    parent.addEventListener('abort', onAbort, { once: true });
    unlinks.push(() => parent.removeEventListener('abort', onAbort));
  }
  controller.signal.addEventListener('abort', dispose, { once: true });
  if (controller.signal.aborted) dispose();
  return { signal: controller.signal, get expired() { return expired; }, dispose };
}
