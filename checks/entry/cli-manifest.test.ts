/**
 * The `botflow manifest` fast path (checks/entry/cli-manifest.ts, built into dist/manifest/ by
 * scripts/manifest-fast-path.mjs and run by bin/botflow.cjs with V8 code caches): built here into
 * a folder of its own, it must answer exactly as the full CLI does (same output, same exit code)
 * on every real-world manifest of the test corpus, in every report format, for help and for bad
 * input; bin/botflow.cjs must take it for `manifest` and only then; and its caches must be used
 * by this Node.js, and ignored (with the same answer) when they do not belong to the script or
 * V8 refuses them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CliIO } from '../cli/io';
import { main as fullMain } from '../cli/main';
import { SCHEMA_VERSIONS } from '../manifest/schemas';
import { BOT_ID, sample } from '../testing/manifests/corpus';
import { buildPackage } from '../testing/manifests/package';

interface Loader { (relativePath: string): unknown; stats: { cached: number; compiled: number } }
interface FastCli { main(argv: readonly string[], io: CliIO): Promise<number>; useScriptLoader(load: (p: string) => unknown): void }
interface CodeCache { scriptLoader(dir: string, options?: { cache?: boolean }): Loader }

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = join(ROOT, 'checks', 'testing', 'manifests', 'real-world');
const corpus = readdirSync(CORPUS).filter((f) => f.endsWith('.json') && f !== 'index.json' && f !== 'expected.json').sort();

let home: string;
let dist: string;
let fast: FastCli;
let load: Loader;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'botflow-fast-path-'));
  dist = join(home, 'dist');
  // Built in a process of its own, with the environment the probes below run in: V8 takes a code
  // cache only under the flags it was made with.
  const built = spawnNode(['--input-type=module', '-e', `import { buildCli } from ${JSON.stringify(pathToFileURL(join(ROOT, 'scripts', 'cli-bundle.mjs')).href)};\nawait buildCli({ outdir: ${JSON.stringify(dist)}, sourcemap: false });`], 240_000);
  if (built.code !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);
  cpSync(join(ROOT, 'bin'), join(home, 'bin'), { recursive: true });
  const { scriptLoader } = await import(pathToFileURL(join(home, 'bin', 'code-cache.cjs')).href) as CodeCache;
  load = scriptLoader(join(dist, 'manifest'));
  fast = load('cli.js') as FastCli;
  fast.useScriptLoader(load);
  mkdirSync(join(home, 'inputs'));
  writeFileSync(join(home, 'inputs', 'app.zip'), buildPackage(sample('bot-sso', '1.30')));
  writeFileSync(join(home, 'inputs', 'nested.zip'), buildPackage(sample('bot-sso', '1.30'), { folder: 'appPackage' }));
  writeFileSync(join(home, 'inputs', 'v1.26.json'), JSON.stringify(sample('bot-sso', '1.26'), null, 2));
}, 300_000);

afterAll(() => { if (home) rmSync(home, { recursive: true, force: true }); });
afterEach(() => { vi.useRealTimers(); });

type Answer = { code: number; stdout: string; stderr: string };

async function answer(run: (argv: readonly string[], io: CliIO) => Promise<number>, argv: readonly string[]): Promise<Answer> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => { stdout += s; return true; }, isTTY: false },
    stderr: { write: (s: string) => { stderr += s; return true; }, isTTY: false },
    env: {},
    cwd: home,
    readStdin: async () => undefined,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** Both CLIs on one argv, with the clock stopped so that timestamps and durations agree. */
async function both(argv: readonly string[]): Promise<[Answer, Answer]> {
  vi.useFakeTimers({ toFake: ['Date', 'performance', 'hrtime'], now: new Date('2026-01-02T03:04:05Z') });
  return [await answer(fullMain, argv), await answer((a, io) => fast.main(a, io), argv)];
}

describe('botflow manifest fast path: the same answers as the full CLI', () => {
  it.each(corpus)('real-world manifest %s, --format json', async (file) => {
    const [full, quick] = await both(['manifest', join(CORPUS, file), '--format', 'json']);
    expect(quick).toEqual(full);
    expect(full.stdout.length).toBeGreaterThan(100);
  });

  it.each(['text', 'markdown', 'sarif', 'junit', 'html'])('every report format: %s', async (format) => {
    for (const path of [join(CORPUS, corpus[0]!), ...['v1.26.json', 'app.zip', 'nested.zip'].map((f) => join(home, 'inputs', f))]) {
      const [full, quick] = await both(['manifest', path, '--format', format, '--app-id', BOT_ID]);
      expect(quick).toEqual(full);
    }
  });

  it.each([
    [['manifest', '--help']],
    [['manifest']],
    [['manifest', 'missing.json']],
    [['manifest', 'inputs/v1.26.json', '--format', 'yaml']],
    [['manifest', 'inputs/v1.26.json', '--app-id', 'not-a-guid']],
    [['manifest', 'inputs/v1.26.json', '--client-secret=CANARY-s3cr3t']],
    [['manifest', 'inputs/v1.26.json', '--quiet', '--output', 'inputs/report.txt']],
    [['manifest', 'inputs', '--format', 'json']],
  ])('%j', async (argv) => {
    const [full, quick] = await both(argv);
    expect(quick).toEqual(full);
    expect(full.stdout + full.stderr).not.toContain('CANARY-s3cr3t');
  });
});

function spawnNode(args: readonly string[], timeout = 60_000): Answer {
  const r = spawnSync(process.execPath, args, { cwd: home, encoding: 'utf8', timeout, env: { PATH: process.env.PATH ?? '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

// Runs the fast path in a fresh process and reports which caches V8 took.
const PROBE = `
import { scriptLoader } from ${JSON.stringify(pathToFileURL(join(ROOT, 'bin', 'code-cache.cjs')).href)};
const [dir, file] = process.argv.slice(-2);
const load = scriptLoader(dir);
const cli = load('cli.js');
cli.useScriptLoader(load);
let out = '';
const io = { stdout: { write: (s) => { out += s; return true; } }, stderr: { write: () => true }, env: {}, cwd: process.cwd(), readStdin: async () => undefined };
const code = await cli.main(['manifest', file, '--format', 'json'], io);
const report = JSON.parse(out);
console.log(JSON.stringify({ code, stats: load.stats, schema: report.results.find((r) => r.id === 'manifest-schema').status }));
`;

describe('botflow manifest fast path: code caches', () => {
  it('has a cache for the CLI and for every schema version', () => {
    const files = readdirSync(join(dist, 'manifest', 'validators'));
    expect(files.filter((f) => f.endsWith('.js'))).toHaveLength(SCHEMA_VERSIONS.length);
    expect(files.filter((f) => f.endsWith('.js.v8'))).toHaveLength(SCHEMA_VERSIONS.length);
    expect(readdirSync(join(dist, 'manifest'))).toEqual(expect.arrayContaining(['cli.js', 'cli.js.v8']));
  });

  it('are used by the Node.js that built them, in a fresh process', () => {
    const r = spawnNode(['--input-type=module', '-e', PROBE, join(dist, 'manifest'), join(home, 'inputs', 'v1.26.json')]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ code: 0, stats: { cached: 2, compiled: 0 }, schema: 'pass' });
  });

  it('are refused by V8 under other V8 flags, and the answer is the same', () => {
    const r = spawnNode(['--max-old-space-size=200', '--input-type=module', '-e', PROBE, join(dist, 'manifest'), join(home, 'inputs', 'v1.26.json')]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ code: 0, stats: { cached: 0, compiled: 2 }, schema: 'pass' });
  });

  it('are not used with a script of another build, and the answer is the same', () => {
    const copy = join(home, 'other-build');
    cpSync(join(dist, 'manifest'), copy, { recursive: true });
    const cache = join(copy, 'validators', 'teams-v1.26.js.v8');
    const bytes = readFileSync(cache);
    bytes[0] = bytes[0] === 0x30 ? 0x31 : 0x30; // the first hex digit of the build id
    writeFileSync(cache, bytes);
    rmSync(join(copy, 'cli.js.v8'));
    const r = spawnNode(['--input-type=module', '-e', PROBE, copy, join(home, 'inputs', 'v1.26.json')]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ code: 0, stats: { cached: 0, compiled: 2 }, schema: 'pass' });
  });
});

describe('bin/botflow.cjs dispatch', () => {
  const bin = (): string => join(home, 'bin', 'botflow.cjs');

  it('takes the fast path for manifest, with the same answer as the CLI bundle', () => {
    const viaBin = spawnNode([bin(), 'manifest', 'inputs/app.zip', '--app-id', BOT_ID, '--format', 'sarif']);
    const viaBundle = spawnNode(['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(join(dist, 'cli.mjs')).href)}); await m.runProcess(process.argv.slice(1));`, 'manifest', 'inputs/app.zip', '--app-id', BOT_ID, '--format', 'sarif']);
    const strip = (s: string): string => s.replace(/"startTimeUtc": "[^"]+"/g, '');
    expect(viaBin.code).toBe(0);
    expect({ ...viaBin, stdout: strip(viaBin.stdout) }).toEqual({ ...viaBundle, stdout: strip(viaBundle.stdout) });
    const help = spawnNode([bin(), 'manifest', '--help']);
    expect(help).toEqual(spawnNode(['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(join(dist, 'cli.mjs')).href)}); await m.runProcess(process.argv.slice(1));`, 'manifest', '--help']));
    expect(help.stdout).toContain('Usage: botflow manifest');
  });

  it('falls back to the CLI bundle when the fast path is missing, and uses the bundle for every other command', () => {
    const noFast = join(home, 'no-fast');
    cpSync(join(home, 'bin'), join(noFast, 'bin'), { recursive: true });
    cpSync(dist, join(noFast, 'dist'), { recursive: true, filter: (src) => !src.startsWith(join(dist, 'manifest')) });
    const r = spawnNode([join(noFast, 'bin', 'botflow.cjs'), 'manifest', 'inputs/nested.zip', '--format', 'json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { results: Array<{ id: string; status: string }> }).results.find((x) => x.id === 'manifest-package-layout')?.status).toBe('fail');
    // With the fast path gone, only the bundle can have answered; and "residency" never takes it.
    const residency = spawnNode([bin(), 'residency', 'https://smba.trafficmanager.net/emea/', '--format', 'json']);
    expect(residency.code).toBe(0);
    expect(residency.stdout).toContain('"suite": "residency"');
  });

  // What a cold start costs beyond Node's own is mostly the Node modules it loads (issue 12):
  // the fast path must not start the ES module loader (bin/botflow.cjs is CommonJS), create
  // process.stdout on a pipe (node:net and the streams), read the clock through node:perf_hooks
  // or read files through node:fs/promises (and libuv's thread pool).
  it('loads none of the Node.js modules a manifest check does not need', () => {
    const probe = join(home, 'loaded.cjs');
    writeFileSync(probe, "process.on('exit', () => { require('node:fs').writeSync(2, '\\nLOADED ' + JSON.stringify(process.moduleLoadList)); });\n");
    const r = spawnNode(['--require', probe, bin(), 'manifest', 'inputs/v1.26.json', '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { suite: string }).suite).toBe('manifest');
    const loaded = JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('\nLOADED ') + 8)) as string[];
    expect(loaded.length).toBeGreaterThan(20);
    const unwanted = ['net', 'stream', 'perf_hooks', 'fs/promises', 'internal/modules/esm/module_job'];
    expect(unwanted.filter((m) => loaded.includes(`NativeModule ${m}`))).toEqual([]);
    // The same probe sees them when they are loaded: the full CLI bundle is an ES module.
    const bundle = spawnNode(['--require', probe, '--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(join(dist, 'cli.mjs')).href)}); await m.runProcess(process.argv.slice(1));`, 'manifest', 'inputs/v1.26.json', '--format', 'json']);
    const seen = JSON.parse(bundle.stderr.slice(bundle.stderr.lastIndexOf('\nLOADED ') + 8)) as string[];
    expect(seen).toContain('NativeModule internal/modules/esm/module_job');
  });
});
