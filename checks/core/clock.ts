/**
 * A monotonic clock in milliseconds, for durations only (its zero is arbitrary). In Node.js it is
 * process.hrtime: the global `performance` loads node:perf_hooks on first use, about 1.5 ms of a
 * cold `botflow manifest` (issue 12). In a browser, where there is no process, it is
 * performance.now().
 */
export const monotonicMs: () => number = typeof process !== 'undefined' && typeof process.hrtime?.bigint === 'function'
  ? () => Number(process.hrtime.bigint()) / 1e6
  : () => performance.now();
