/**
 * botflow as a process: what the `bin/botflow.mjs` script (repository and package) and the
 * single file (`standalone.ts`) both run. The entry of the CLI bundle (`npm run build:cli`).
 */
import { processIO } from './io';
import { main } from './main';

export { main };

export interface ProcessOptions {
  /** Where the built site of this copy would be (see CliIO.siteDir). */
  siteDir?: string;
}

function flush(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => { stream.write('', () => resolve()); });
}

/** Runs the CLI on `argv`, then ends the process with its exit code. */
export async function runProcess(argv: readonly string[], options: ProcessOptions = {}): Promise<never> {
  // A reader that goes away early (`botflow ... | head`) is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  const code = await main(argv, processIO(options));
  // Flush what was written, then end even if a keep-alive socket lingers.
  await flush(process.stdout);
  await flush(process.stderr);
  process.exit(code);
}
