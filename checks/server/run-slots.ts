/**
 * A cap on concurrent runs. A run takes a slot for its whole life (including streaming) and
 * gives it back exactly once; beyond the cap the API answers 503 with Retry-After.
 */
export class RunSlots {
  readonly max: number;
  #active = 0;

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('maxConcurrentRuns must be a positive integer.');
    this.max = max;
  }

  get active(): number {
    return this.#active;
  }

  /** Takes a slot; returns its release function, or undefined when every slot is taken. */
  tryAcquire(): (() => void) | undefined {
    if (this.#active >= this.max) return undefined;
    this.#active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active -= 1;
    };
  }
}

export type ReleaseSlot = () => void;

/** Runs in flight per client: in this replica's memory, or shared through Redis (shared-limits.ts). */
export interface ClientSlots {
  readonly max: number;
  /** Takes a slot for `client`; its release function, or undefined when the client has `max` running. */
  tryAcquire(client: string): ReleaseSlot | undefined | Promise<ReleaseSlot | undefined>;
}

/** At most `max` runs in flight per client (so one client cannot take every slot), in memory. */
export class ClientRunSlots implements ClientSlots {
  readonly max: number;
  readonly #active = new Map<string, number>();

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('maxRunsPerClient must be a positive integer.');
    this.max = max;
  }

  activeFor(client: string): number {
    return this.#active.get(client) ?? 0;
  }

  tryAcquire(client: string): (() => void) | undefined {
    const n = this.activeFor(client);
    if (n >= this.max) return undefined;
    this.#active.set(client, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.activeFor(client) - 1;
      if (left <= 0) this.#active.delete(client);
      else this.#active.set(client, left);
    };
  }
}
