/**
 * Entry of the `botflow manifest` fast path, dist/manifest/cli.js (built by scripts/cli-bundle.mjs,
 * run by bin/botflow.cjs when the first argument that is not an option is `manifest`). It is the
 * same program as the full CLI with only the manifest command registered, which is what the full
 * CLI registers for such an argv too (program.ts, commandsIn), so help, errors, reports and exit
 * codes are the same. It is one script rather than ES module chunks so that it can be run with a
 * V8 code cache made at build time (bin/code-cache.cjs): no parsing or compiling on a cold start.
 */
import type { CliIO } from '../cli/io';
import type { CommandLoaders } from '../cli/commands/loaders';
import { runCli } from '../cli/program';
import { runAsProcess, type ProcessOptions } from '../cli/run-process';

export { useScriptLoader } from './cached-scripts';

const loaders: CommandLoaders = {
  manifest: () => import('../cli/commands/manifest'),
};

/** The CLI with the manifest command only; returns the exit code. */
export function main(argv: readonly string[], io: CliIO): Promise<number> {
  return runCli(argv, io, loaders);
}

/** Runs `botflow manifest ...` as the whole process. */
export function runProcess(argv: readonly string[], options: ProcessOptions = {}): Promise<never> {
  return runAsProcess(main, argv, options);
}
