/**
 * The server the README's start command (`npm start`) ends in: the last step of package.json's
 * "start" script, run as a real process on the built site and a free loopback port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from './site';
import { shellWords } from './cli';

export interface StartedServer {
  origin: string;
  /** The words of the start script's last step, as package.json has them. */
  command: string[];
  output(): string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** The serve step of `npm start` (after its build steps). */
export function startScriptServeStep(): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const steps = (scripts.start ?? '').split('&&').map((s) => s.trim());
  return shellWords(steps.at(-1) ?? '');
}

export async function startServeStep(options: { site: string; env?: Record<string, string> }): Promise<StartedServer> {
  const command = startScriptServeStep();
  if (command[0] !== 'node' || command[1] !== 'bin/botflow.cjs' || command[2] !== 'serve') {
    throw new Error(`npm start does not end in "node bin/botflow.cjs serve ...": ${command.join(' ')}`);
  }
  const port = await freePort();
  // The same flags, on a free port and the build under test (later flags win).
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO_ROOT, command[1]), ...command.slice(2), '--port', String(port), '--site', options.site, '--log-level', 'warn'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => { out = (out + d.toString()).slice(-10_000); });
  child.stderr?.on('data', (d: Buffer) => { out = (out + d.toString()).slice(-10_000); });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the start command's server exited with ${child.exitCode}:\n${out}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the start command's server did not answer within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    origin,
    command,
    output: () => out,
    close: async () => {
      if (child.exitCode !== null || !child.pid) return;
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    },
  };
}
