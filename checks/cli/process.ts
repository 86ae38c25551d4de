/**
 * botflow as a process: what the `bin/botflow.cjs` script (repository and package) and the
 * single file (`standalone.ts`) both run. The entry of the CLI bundle (`npm run build:cli`).
 */
import { main } from './main';
import { runAsProcess, type ProcessOptions } from './run-process';

export { main };
export type { ProcessOptions };

/** Runs the CLI on `argv`, then ends the process with its exit code. */
export function runProcess(argv: readonly string[], options: ProcessOptions = {}): Promise<never> {
  return runAsProcess(main, argv, options);
}
