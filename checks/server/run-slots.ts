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
