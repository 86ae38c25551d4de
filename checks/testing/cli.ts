/** Runs the botflow CLI in-process with captured output (and, when asked, a real spawned process). */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../cli/io';
import { main } from '../cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  env?: Record<string, string | undefined>;
  stdin?: string;
  tty?: boolean;
  cwd?: string;
}

export async function runCli(argv: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => { stdout += s; return true; }, isTTY: options.tty ?? false },
    stderr: { write: (s: string) => { stderr += s; return true; }, isTTY: options.tty ?? false },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    readStdin: async () => options.stdin,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const BIN = fileURLToPath(new URL('../../bin/botflow.cjs', import.meta.url));

/** Spawns `node bin/botflow.cjs` (needs `npm run build:cli` first). Kills it after timeoutMs. */
export function spawnCli(argv: readonly string[], options: CliRunOptions & { timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      env: { PATH: process.env.PATH ?? '', ...(options.env ?? {}) },
      cwd: options.cwd ?? process.cwd(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString('utf8'); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`botflow ${argv.join(' ')} did not exit within ${options.timeoutMs ?? 30_000} ms`)); }, options.timeoutMs ?? 30_000);
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code: code ?? -1, stdout, stderr }); });
    child.stdin.end(options.stdin ?? '');
  });
}
