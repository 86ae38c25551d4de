/**
 * A CLI run as the whole process: output flushed, then the process ends with the run's exit
 * code. Shared by the CLI bundle (process.ts) and the `botflow manifest` fast path
 * (checks/entry/cli-manifest.ts).
 */
import { processIO, type CliIO } from './io';

export interface ProcessOptions {
  /** Where the built site of this copy would be (see CliIO.siteDir). */
  siteDir?: string;
}

/** Runs `run` on `argv` with the process's IO, then ends the process with its exit code. */
export async function runAsProcess(
  run: (argv: readonly string[], io: CliIO) => Promise<number>,
  argv: readonly string[],
  options: ProcessOptions = {},
): Promise<never> {
  // A reader that goes away early (`botflow ... | head`) ends the process quietly (stdio.ts).
  const io = processIO(options);
  const code = await run(argv, io);
  // Flush what was written, then end even if a keep-alive socket lingers.
  await io.stdout.flush();
  await io.stderr.flush();
  process.exit(code);
}
