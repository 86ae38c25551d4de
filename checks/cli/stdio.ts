/**
 * Standard output and standard error as the botflow process writes them.
 *
 * To a file or a pipe (a CI job's log, `botflow ... | jq`, a test's spawnSync), every write goes
 * straight to the file descriptor with fs.writeSync, whole and in order. That is what
 * process.stdout does there too: Node writes files synchronously everywhere and pipes synchronously
 * on Linux. Creating process.stdout on a pipe loads Node's net and stream modules, about 4 ms of
 * a cold `botflow manifest` (issue 12), and nothing here needs them.
 *
 * To a terminal it is process.stdout / process.stderr, created on first use, so that colours and
 * widths stay what Node reports for the terminal.
 *
 * Either way, a reader that goes away early (`botflow ... | head`) ends the process quietly with
 * the exit code set so far, and never prints a stack trace.
 */
import { fstatSync, writeSync as fsWriteSync } from 'node:fs';

export interface StdStream {
  write(chunk: string): boolean;
  readonly isTTY: boolean;
  /** Resolves once everything written so far has been handed to the operating system. */
  flush(): Promise<void>;
}

/** The parts of the process a stream touches; tests replace them. */
export interface StdStreamDeps {
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  isatty(fd: number): boolean;
  /** Called when the reader has gone (EPIPE): ends the process. */
  readerGone(): never;
  /** Blocks for about `ms` milliseconds (a non-blocking descriptor that is full, EAGAIN). */
  sleep(ms: number): void;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Whether `fd` is a terminal. Only a character device can be one (a file, a pipe or a socket never
 * is), and only then is node:tty loaded to ask: loading it loads node:net, the cost this module
 * avoids. An fd that cannot be examined is treated as a terminal, which is process.stdout as before.
 */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return true;
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

const processDeps: StdStreamDeps = {
  writeSync: (fd, buffer, offset, length) => fsWriteSync(fd, buffer, offset, length),
  isatty: isTerminal,
  readerGone: () => process.exit(process.exitCode ?? 0),
  sleep: (ms) => { Atomics.wait(pause, 0, 0, ms); },
};

const errnoOf = (err: unknown): unknown => (err instanceof Error ? (err as NodeJS.ErrnoException).code : undefined);

/** Writes all of `bytes` to `fd`, waiting out a full non-blocking descriptor. */
function writeAll(fd: number, bytes: Uint8Array, deps: StdStreamDeps): void {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += deps.writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (err) {
      const code = errnoOf(err);
      if (code === 'EPIPE') deps.readerGone();
      if (code !== 'EAGAIN') throw err;
      deps.sleep(1);
    }
  }
}

function terminalStream(fd: 1 | 2, deps: StdStreamDeps): StdStream {
  let stream: NodeJS.WriteStream | undefined;
  const open = (): NodeJS.WriteStream => {
    if (!stream) {
      stream = fd === 1 ? process.stdout : process.stderr;
      stream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') deps.readerGone();
        throw err;
      });
    }
    return stream;
  };
  return {
    isTTY: true,
    write: (chunk) => open().write(chunk),
    flush: () => new Promise((resolve) => {
      if (stream) stream.write('', () => resolve());
      else resolve();
    }),
  };
}

/** Standard output (1) or standard error (2) of this process. */
export function stdStream(fd: 1 | 2, deps: StdStreamDeps = processDeps): StdStream {
  if (deps.isatty(fd)) return terminalStream(fd, deps);
  return {
    isTTY: false,
    write(chunk) {
      writeAll(fd, Buffer.from(chunk, 'utf8'), deps);
      return true;
    },
    flush: () => Promise.resolve(),
  };
}
