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

function flush(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => { stream.write('', () => resolve()); });
}

/** Runs `run` on `argv` with the process's IO, then ends the process with its exit code. */
export async function runAsProcess(
  run: (argv: readonly string[], io: CliIO) => Promise<number>,
  argv: readonly string[],
  options: ProcessOptions = {},
): Promise<never> {
  // A reader that goes away early (`botflow ... | head`) is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  const code = await run(argv, processIO(options));
  // Flush what was written, then end even if a keep-alive socket lingers.
  await flush(process.stdout);
  await flush(process.stderr);
  process.exit(code);
}
