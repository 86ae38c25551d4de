/**
 * Helpers for the tests of botflow as it ships (the package and the single file): build it with
 * the repository's npm scripts, put it in an empty folder, and run it there as a user would, with
 * resolve-guard.mjs watching that nothing is loaded from outside that folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './site';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

const OUTPUT_LIMIT = 32 * 1024 * 1024;

/** Runs a program to its end (killed after timeoutMs) and returns its exit code and output. */
export function run(file: string, args: readonly string[], options: RunOptions): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const take = (sink: 'out' | 'err') => (d: Buffer) => {
      if (stdout.length + stderr.length > OUTPUT_LIMIT) { child.kill('SIGKILL'); return; }
      if (sink === 'out') stdout += d.toString('utf8'); else stderr += d.toString('utf8');
    };
    child.stdout.on('data', take('out'));
    child.stderr.on('data', take('err'));
    const timeoutMs = options.timeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path.basename(file)} ${args.join(' ')} did not end within ${timeoutMs} ms\n${stderr.slice(-2000)}`));
    }, timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr }); });
  });
}

/** Runs `npm run <script> -- <args>` in the repository; throws with npm's output when it fails. */
export async function npmRun(script: string, args: readonly string[], timeoutMs = 120_000): Promise<string> {
  const r = await run('npm', ['run', '--silent', script, '--', ...args], { cwd: REPO_ROOT, timeoutMs });
  if (r.code !== 0) throw new Error(`npm run ${script} exited with ${r.code}:\n${r.stderr.slice(-4000)}`);
  return r.stdout;
}

/** A new empty folder under the system temp dir, with no node_modules in it or above it. */
export function emptyFolder(prefix: string): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), prefix)));
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'node_modules'))) throw new Error(`${d} has a node_modules folder: the test needs a temp dir with none above it (set TMPDIR)`);
    if (path.dirname(d) === d) break;
  }
  return dir;
}

const GUARD = pathToFileURL(path.join(REPO_ROOT, 'e2e', 'helpers', 'resolve-guard.mjs')).href;

/**
 * The environment of a run on a clean machine: only Node.js on PATH (and the system's usual
 * tools), no NODE_PATH, no proxy, HOME in `home`; resolve-guard loaded through NODE_OPTIONS with
 * `allowedDir` as the only place modules may come from, and its log in `log`.
 */
export function cleanEnv(opts: { home: string; allowedDir: string; log: string; extra?: Record<string, string> }): Record<string, string> {
  return {
    PATH: [path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter),
    HOME: opts.home,
    NODE_OPTIONS: `--import=${GUARD}`,
    BOTFLOW_GUARD_DIR: opts.allowedDir,
    BOTFLOW_GUARD_LOG: opts.log,
    ...(opts.extra ?? {}),
  };
}

/** The lines resolve-guard logged (empty when nothing ran yet). */
export function guardLog(log: string): string[] {
  return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
}
