/**
 * botflow as it ships, measured:
 * - the package (`npm run pack:cli`): tarball size, and installed size and package count after
 *   `npm install -g --prefix` of it, against what a clone of this repository installs (`npm ci`);
 * - the single file (`npm run build:single`): its size;
 * - cold start of `botflow --version` for the installed package and for the single file (goal
 *   <= 200 ms wall each), against `node -e 0` (Node.js alone) and `npx botflow --version` in the
 *   repository, in the same run, runs interleaved.
 * The package needs the built site (`npm run build`); without build/ its sizes are not measured
 * and a one-page stand-in site is packed so the cold start can still be.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOL_VERSION } from '../checks/core/version';
import type { BenchResult } from './types';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;
const GOAL_MS = 200;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function mustRun(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 600_000, maxBuffer: 16 * MB });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}: ${(r.stderr ?? '').slice(-2000)}`);
  return r.stdout;
}

/** Apparent size in bytes and number of npm packages (folders with a package.json right under a node_modules). */
function treeSize(dir: string): { bytes: number; packages: number } {
  let bytes = 0;
  let packages = 0;
  const walk = (d: string, underNodeModules: boolean): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (underNodeModules && !e.name.startsWith('@') && !e.name.startsWith('.') && existsSync(join(p, 'package.json'))) packages += 1;
        walk(p, e.name === 'node_modules' || (underNodeModules && e.name.startsWith('@')));
      } else if (e.isFile()) {
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir, true);
  return { bytes, packages };
}

/** What `npm ci` installed in this repository: apparent size (du) and packages (lockfile entries on disk). */
function repositoryInstall(): { bytes: number; packages: number } | undefined {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  const du = spawnSync('du', ['-sb', join(ROOT, 'node_modules')], { encoding: 'utf8', timeout: 120_000 });
  if (du.status !== 0) return undefined;
  return { bytes: Number(du.stdout.split(/\s/)[0]), packages: Object.keys(lock.packages).filter((k) => k !== '' && existsSync(join(ROOT, k))).length };
}

/** Median wall time of each command, the commands run in turn `runs` times (after one warm-up each). */
function coldStarts(commands: Record<string, { cmd: string; args: string[]; cwd: string }>, runs: number): Record<string, number> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i <= runs; i += 1) {
    for (const [name, c] of Object.entries(commands)) {
      const t0 = performance.now();
      const r = spawnSync(c.cmd, c.args, { cwd: c.cwd, encoding: 'utf8', timeout: 60_000 });
      const ms = performance.now() - t0;
      if (r.status !== 0) throw new Error(`${name} exited with ${r.status}: ${(r.stderr ?? '').slice(-1000)}`);
      if (i > 0) times[name]?.push(ms);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

export default async function packageBench(): Promise<BenchResult[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'botflow-bench-package-'));
  try {
    const hasSite = existsSync(join(ROOT, 'build', 'index.html'));
    let site = join(ROOT, 'build');
    if (!hasSite) {
      site = join(tmp, 'stand-in-site');
      mkdirSync(site);
      writeFileSync(join(site, 'index.html'), '<!doctype html><title>stand-in</title>\n');
    }
    const out = join(tmp, 'release');
    mustRun(process.execPath, ['scripts/pack-cli.mjs', '--out', out, '--site', site], ROOT);
    mustRun(process.execPath, ['scripts/build-single.mjs', '--out', out], ROOT);
    const tarball = join(out, `botflow-${TOOL_VERSION}.tgz`);
    const prefix = join(tmp, 'prefix');
    mustRun('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], tmp);
    const host = join(tmp, 'host');
    mkdirSync(host);
    copyFileSync(join(out, 'botflow.mjs'), join(host, 'botflow.mjs'));

    const installed = treeSize(join(prefix, 'lib', 'node_modules'));
    const repo = repositoryInstall();
    const singleBytes = statSync(join(host, 'botflow.mjs')).size;
    const noSite = 'not measured: no built site (run npm run build)';
    const rows: BenchResult[] = [
      hasSite
        ? { name: `package tarball botflow-${TOOL_VERSION}.tgz (with the built site)`, value: statSync(tarball).size / MB, unit: 'MB' }
        : { name: 'package tarball', value: Number.NaN, unit: 'MB', note: noSite },
      hasSite
        ? { name: 'package installed (npm install -g of the tarball)', value: installed.bytes / MB, unit: 'MB', note: `${installed.packages} package(s)` }
        : { name: 'package installed', value: Number.NaN, unit: 'MB', note: noSite },
      { name: 'package installed: npm packages', value: installed.packages, unit: 'packages', note: 'every dependency is bundled' },
      ...(repo ? [{ name: 'alternative: a clone of this repository after npm ci (node_modules)', value: repo.bytes / MB, unit: 'MB', note: `${repo.packages} packages` }] : []),
      { name: 'single file botflow.mjs', value: singleBytes / MB, unit: 'MB' },
    ];

    const runs = 11;
    const medians = coldStarts({
      node: { cmd: process.execPath, args: ['-e', '0'], cwd: host },
      installed: { cmd: join(prefix, 'bin', 'botflow'), args: ['--version'], cwd: host },
      single: { cmd: process.execPath, args: ['botflow.mjs', '--version'], cwd: host },
    }, runs);
    const npx = coldStarts({ npx: { cmd: 'npx', args: ['botflow', '--version'], cwd: ROOT } }, 5);
    const base = medians.node as number;
    const load = `load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${availableParallelism()} cores`;
    for (const [key, label] of [['installed', 'installed package: botflow --version'], ['single', 'single file: node botflow.mjs --version']] as const) {
      const ms = medians[key] as number;
      rows.push({ name: `cold start, ${label} (median of ${runs})`, value: ms, unit: 'ms', goal: `<= ${GOAL_MS} ms`, ok: ms <= GOAL_MS, note: `${(ms - base).toFixed(0)} ms over node -e 0; ${load}` });
    }
    rows.push(
      { name: `cold start, node -e 0 (same run, median of ${runs})`, value: base, unit: 'ms', note: `Node.js alone; ${load}` },
      { name: 'cold start, npx botflow --version in the repository (median of 5)', value: npx.npx as number, unit: 'ms', note: 'npx resolves the whole dependency tree first' },
    );
    return rows;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
