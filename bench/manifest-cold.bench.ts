/**
 * The check a CI job runs: one manifest, one process, from a cold start.
 * - cold: wall time of `botflow manifest <v1.26 manifest.json> --format json` (the built CLI, a
 *   fresh Node process each time) vs a one-process script that calls @microsoft/app-manifest's
 *   AppManifestUtils.validateAgainstSchema on the same file, run alternately in the same run,
 *   median of several runs each: goal botflow >= 5x faster and <= 150 ms. Run alternately with
 *   them, for what each part of the fast path gains: the same fast path without its V8 code
 *   caches (a copy of dist/manifest/ without the .v8 files), the CLI bundle dist/cli.mjs (what
 *   `botflow manifest` ran before the fast path), and a bare `node -e 0` (the floor);
 * - warm: manifests per second once loaded, the whole manifest suite vs validateAgainstSchema
 *   (schema only) on the same v1.26 manifest, for reference (bench/manifest.bench.ts has the
 *   corpus-wide warm figures).
 * Both sides validate offline: AppManifestUtils resolves the developer.microsoft.com $schema URL
 * to the schema file bundled in its package.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { runChecks } from '../checks/core/runner';
import { manifestSuite } from '../checks/suites/manifest';
import { sample } from '../checks/testing/manifests/corpus';
import type { BenchResult } from './types';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 15;

const OFFICIAL = `
import { readFileSync } from 'node:fs';
import { AppManifestUtils } from '@microsoft/app-manifest';
const errors = await AppManifestUtils.validateAgainstSchema(JSON.parse(readFileSync(process.argv[1], 'utf8')));
process.stdout.write(JSON.stringify(errors));
`;

function wall(args: string[]): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 60_000 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function perSecond(ms: number, fn: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) { await fn(); n++; }
  return n / ((performance.now() - t0) / 1000);
}

export default async function bench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'botflow-cold-'));
  try {
    const manifest = sample('bot-sso', '1.26');
    const file = join(dir, 'manifest.json');
    const text = JSON.stringify(manifest, null, 2);
    writeFileSync(file, text);
    const ours = ['bin/botflow.cjs', 'manifest', file, '--format', 'json'];
    const theirs = ['--input-type=module', '-e', OFFICIAL, file];
    // The fast path without its code caches: bin/ and dist/manifest/ copied, the .v8 files left out.
    const uncached = join(dir, 'uncached');
    cpSync(join(root, 'bin'), join(uncached, 'bin'), { recursive: true });
    cpSync(join(root, 'dist', 'manifest'), join(uncached, 'dist', 'manifest'), { recursive: true, filter: (src) => !src.endsWith('.v8') });
    const noCache = [join(uncached, 'bin', 'botflow.cjs'), 'manifest', file, '--format', 'json'];
    // The CLI bundle, run as the entry ran it for every command before the fast path.
    writeFileSync(join(dir, 'bundle.mjs'), `const { runProcess } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'cli.mjs')).href)});\nawait runProcess(process.argv.slice(2), {});\n`);
    const bundle = [join(dir, 'bundle.mjs'), 'manifest', file, '--format', 'json'];
    const bare = ['-e', '0'];
    // One of each first (disk cache), and a check that both really validated this file.
    const report = JSON.parse(wall(ours).stdout) as { results: Array<{ id: string; status: string }> };
    if (report.results.find((r) => r.id === 'manifest-schema')?.status !== 'pass') throw new Error('botflow did not pass the v1.26 sample');
    if (wall(theirs).stdout !== '[]') throw new Error('AppManifestUtils did not pass the v1.26 sample');
    for (const alt of [noCache, bundle]) if (wall(alt).stdout.length < 100) throw new Error(`${alt[0]} gave no report`);
    const a: number[] = [];
    const b: number[] = [];
    const c: number[] = [];
    const d: number[] = [];
    const e: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      a.push(wall(ours).ms);
      b.push(wall(theirs).ms);
      c.push(wall(noCache).ms);
      d.push(wall(bundle).ms);
      e.push(wall(bare).ms);
    }
    const coldOurs = median(a);
    const coldTheirs = median(b);
    const ratio = coldTheirs / coldOurs;
    const spread = (xs: number[]): string => `${RUNS} runs, min ${Math.min(...xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;

    const run = () => runChecks({ suite: manifestSuite, input: { manifestText: text } });
    for (let i = 0; i < 20; i++) await run();
    await AppManifestUtils.validateAgainstSchema(manifest as never);
    const warmOurs = await perSecond(2000, run);
    const warmTheirs = await perSecond(2000, () => AppManifestUtils.validateAgainstSchema(manifest as never));
    return [
      { name: 'cold: botflow manifest <v1.26> --format json (wall, median)', value: coldOurs, unit: 'ms', goal: '<= 150 ms', ok: coldOurs <= 150, note: spread(a) },
      { name: 'cold: one-process AppManifestUtils.validateAgainstSchema (wall, median)', value: coldTheirs, unit: 'ms', note: spread(b) },
      { name: 'cold: botflow faster than AppManifestUtils', value: ratio, unit: 'x', goal: '>= 5x', ok: ratio >= 5 },
      { name: 'cold: the same fast path without its V8 code caches (wall, median)', value: median(c), unit: 'ms', note: spread(c) },
      { name: 'cold: the CLI bundle dist/cli.mjs, as before the fast path (wall, median)', value: median(d), unit: 'ms', note: spread(d) },
      { name: 'cold: bare node -e 0, the floor (wall, median)', value: median(e), unit: 'ms', note: spread(e) },
      { name: 'warm: v1.26 manifests/s, whole manifest suite', value: warmOurs, unit: '/s' },
      { name: 'warm: v1.26 manifests/s, AppManifestUtils.validateAgainstSchema', value: warmTheirs, unit: '/s', note: `botflow ${(warmOurs / warmTheirs).toFixed(0)}x; it compiles the schema on every call` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
