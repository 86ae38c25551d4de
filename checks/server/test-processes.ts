/**
 * Real processes for the scale-out tests and bench, all on loopback in a temporary folder:
 * redis-server, nginx (with the sample configuration from this folder's README) and
 * `botflow serve` replicas. Every process started through a `ProcessSet` is stopped by its
 * `stopAll()` (SIGTERM, then SIGKILL after a grace period), which the tests call in `afterAll`
 * and which also runs if the test process exits first.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A free TCP port on 127.0.0.1 (the OS picks it; it is released before use). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The path of a binary on PATH or in the usual sbin folders, or undefined. */
export function findBinary(name: string): string | undefined {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin', '/sbin']) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

export interface Managed {
  readonly name: string;
  readonly child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Lines it printed on stdout so far. */
  stdoutLines(): string[];
  readonly exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export class ProcessSet {
  readonly #all = new Set<Managed>();
  readonly #onExit = (): void => { for (const m of this.#all) m.child.kill('SIGKILL'); };

  constructor() {
    process.once('exit', this.#onExit);
  }

  /** Starts a process and resolves once `ready` matches its output (rejects on exit or timeout). */
  start(name: string, command: string, args: readonly string[], options: { env?: Record<string, string>; cwd?: string; ready: RegExp | (() => Promise<boolean>); timeoutMs?: number }): Promise<Managed & { match?: RegExpExecArray }> {
    const child = spawn(command, [...args], {
      env: { PATH: process.env.PATH ?? '', ...(options.env ?? {}) },
      ...(options.cwd ? { cwd: options.cwd } : {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const managed: Managed = {
      name,
      child,
      output: () => out,
      stdoutLines: () => stdout.split('\n').filter(Boolean),
      exited,
      stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill(signal);
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(timer);
        }
        this.#all.delete(managed);
      },
    };
    this.#all.add(managed);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { void managed.stop('SIGKILL'); reject(new Error(`${name} did not start in time:\n${out.slice(-2_000)}`)); }, options.timeoutMs ?? 20_000);
      let settled = false;
      const check = (): void => {
        if (settled || typeof options.ready === 'function') return;
        const match = options.ready.exec(out);
        if (match) { settled = true; clearTimeout(timer); resolve({ ...managed, match }); }
      };
      const probe = options.ready;
      if (typeof probe === 'function') {
        const poll = async (): Promise<void> => {
          while (!settled && child.exitCode === null) {
            if (await probe().catch(() => false)) { settled = true; clearTimeout(timer); resolve(managed); return; }
            await new Promise((r) => setTimeout(r, 50));
          }
        };
        void poll();
      }
      child.stdout!.on('data', (d: Buffer) => { out += d.toString(); stdout += d.toString(); check(); });
      child.stderr!.on('data', (d: Buffer) => { out += d.toString(); check(); });
      child.once('error', (err) => { clearTimeout(timer); this.#all.delete(managed); reject(err); });
      void exited.then((code) => { clearTimeout(timer); reject(new Error(`${name} exited with ${code}:\n${out.slice(-2_000)}`)); });
    });
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.#all].map((m) => m.stop()));
    process.off('exit', this.#onExit);
  }
}

/** Fails with the command to run when a Debian package the test needs is missing. */
export function requireBinary(name: string, debianPackage: string): string {
  const path = findBinary(name);
  if (!path) throw new Error(`${name} is not installed: apt-get install ${debianPackage} (.ci/run installs it on CI).`);
  return path;
}

export async function startRedis(set: ProcessSet, dir: string, port?: number): Promise<Managed & { port: number; url: string }> {
  const bin = requireBinary('redis-server', 'redis-server');
  const p = port ?? await freePort();
  mkdirSync(dir, { recursive: true });
  const m = await set.start('redis-server', bin, [
    '--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--logfile', '',
  ], { ready: /Ready to accept connections/ });
  return { ...m, port: p, url: `redis://127.0.0.1:${p}` };
}

const README = fileURLToPath(new URL('./README.md', import.meta.url));

/** The sample nginx configuration of checks/server/README.md (the ```nginx block). */
export function sampleNginxConfig(): string {
  const m = /```nginx\n([\s\S]*?)```/.exec(readFileSync(README, 'utf8'));
  if (!m?.[1]) throw new Error('checks/server/README.md has no ```nginx block');
  return m[1];
}

/**
 * Starts nginx with the README's sample configuration, its two upstream replicas and its
 * listen port replaced by the given ones, inside a minimal main configuration whose pid file,
 * temp paths and logs live in `dir`.
 */
export async function startNginx(set: ProcessSet, dir: string, replicas: readonly number[]): Promise<Managed & { port: number; base: string }> {
  const bin = requireBinary('nginx', 'nginx');
  const port = await freePort();
  mkdirSync(join(dir, 'logs'), { recursive: true });
  let site = sampleNginxConfig().replace(/listen 8080;/, `listen 127.0.0.1:${port};`);
  const upstreams = [...site.matchAll(/server 127\.0\.0\.1:300\d;/g)];
  if (upstreams.length !== replicas.length) throw new Error(`the sample configuration names ${upstreams.length} replicas, not ${replicas.length}`);
  replicas.forEach((r, i) => { site = site.replace(`127.0.0.1:${3001 + i};`, `127.0.0.1:${r};`); });
  writeFileSync(join(dir, 'botflow.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, `${t}_temp`)};`).join('\n');
  writeFileSync(join(dir, 'nginx.conf'), [
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    'error_log stderr warn;',
    'events { worker_connections 256; }',
    'http {',
    '  access_log off;',
    temp,
    `  include ${join(dir, 'botflow.conf')};`,
    '}',
    '',
  ].join('\n'));
  const test = spawnSync(bin, ['-t', '-p', `${dir}/`, '-c', join(dir, 'nginx.conf'), '-e', 'stderr'], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx rejects the sample configuration:\n${test.stderr}`);
  const base = `http://127.0.0.1:${port}`;
  const m = await set.start('nginx', bin, ['-p', `${dir}/`, '-c', join(dir, 'nginx.conf'), '-e', 'stderr', '-g', 'daemon off;'], {
    ready: async () => (await fetch(`${base}/api/health`)).status > 0,
  });
  return { ...m, port, base };
}

const MAIN = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const ENTRY = `const { main } = await import(${JSON.stringify(MAIN)}); process.exitCode = await main(process.argv.slice(1));`;

/** Starts `botflow serve` (from source, through tsx) on a free port; resolves when it listens. */
export async function startServe(set: ProcessSet, args: readonly string[], env: Record<string, string> = {}): Promise<Managed & { port: number; base: string }> {
  const m = await set.start('botflow serve', process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ENTRY, 'serve', '--port', '0', ...args], {
    env,
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    ready: /on http:\/\/(?:localhost|127\.0\.0\.1):(\d+) \(/,
    timeoutMs: 30_000,
  });
  const port = Number(m.match?.[1]);
  return { ...m, port, base: `http://127.0.0.1:${port}` };
}
