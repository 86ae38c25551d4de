import { stdStream, type StdStream } from './stdio';

/** The CLI's view of the outside world, injectable so tests can run commands in-process. */
export interface CliIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  /** Reads all of standard input (for secrets and tokens piped in); undefined when stdin is a TTY. */
  readStdin(): Promise<string | undefined>;
  cwd: string;
  /**
   * Where the built site of this copy of botflow would be (the installed package's build/ folder,
   * or the repository's after `npm run build`); `serve` uses it when no --site is given.
   */
  siteDir?: string;
}

/** The process's own IO; its standard output and error can be flushed (see stdio.ts). */
export interface ProcessIO extends CliIO {
  stdout: StdStream;
  stderr: StdStream;
}

export function processIO(options: { siteDir?: string } = {}): ProcessIO {
  return {
    ...(options.siteDir !== undefined ? { siteDir: options.siteDir } : {}),
    stdout: stdStream(1),
    stderr: stdStream(2),
    env: process.env,
    cwd: process.cwd(),
    async readStdin() {
      if (process.stdin.isTTY) return undefined;
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        size += buf.length;
        if (size > 1024 * 1024) throw new Error('standard input is larger than 1 MiB');
        chunks.push(buf);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
