/**
 * Proves what runs in the browser is browser-safe, on the real import graph: esbuild bundles
 * checks/entry/browser.ts, and separately every pure module (each rule, every computed module,
 * the residency analyser, the data modules and the residency suite), for platform "browser",
 * and the test fails on any node: import or Node builtin anywhere in either graph, and on any
 * runtime import of a gatherer by a rule or a computed module (they may import a gatherer's
 * types only, for its EvidenceMap entry: STYLE B1, rules do no I/O). It also checks that every
 * schema version becomes its own lazily loaded chunk (the page downloads only the schema it
 * needs), and runs the bundled output end to end.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Plugin } from 'esbuild';
import { sample, BOT_ID } from '../testing/manifests/corpus';
import { buildPackage } from '../testing/manifests/package';

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const outdir = mkdtempSync(join(tmpdir(), 'botflow-browser-'));

/** Records every Node builtin in the graph, and every runtime import of a gatherer by a rule or computed module. */
function guard(found: string[]): Plugin {
  return {
    name: 'browser-safe',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.path.startsWith('node:') || builtins.has(args.path)) {
          found.push(`${args.path} (imported by ${args.importer})`);
          return { path: args.path, external: true };
        }
        if (/[\\/](rules|computed)[\\/]/.test(args.importer) && /(^|\/)gather\//.test(args.path)) found.push(`${args.path} (runtime import of a gatherer by ${args.importer})`);
        return undefined;
      });
    },
  };
}

const nodeImports: string[] = [];
const forbidNode = guard(nodeImports);

/** The modules that must stay free of I/O, found on disk so a new one is covered without listing it. */
const sourcesIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => `${dir}/${f}`);
const pureModules = [
  ...sourcesIn('checks/rules'), ...sourcesIn('checks/computed'), ...sourcesIn('checks/residency'), ...sourcesIn('checks/data'),
  'checks/core/clouds.ts', 'checks/suites/residency.ts',
];
const pureFound: string[] = [];

beforeAll(async () => {
  await build({
    entryPoints: { browser: 'checks/entry/browser.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir,
    logLevel: 'silent',
    plugins: [forbidNode],
  });
  await build({ entryPoints: pureModules, bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, outdir: join(outdir, 'pure'), logLevel: 'silent', plugins: [guard(pureFound)] });
}, 120_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('browser entry bundle', () => {
  it('imports no node: module or Node builtin', () => {
    expect(nodeImports).toEqual([]);
  });

  it('would catch a node: import (the guard itself works)', async () => {
    const before = nodeImports.length;
    await build({ stdin: { contents: "import 'node:fs'; import { join } from 'path'; console.log(join);", resolveDir: '.' }, bundle: true, platform: 'browser', write: false, logLevel: 'silent', plugins: [forbidNode] });
    expect(nodeImports.splice(before)).toHaveLength(2);
  });
});

describe('pure modules (rules, computed, residency, data)', () => {
  it('finds them on disk', () => {
    expect(sourcesIn('checks/rules').length).toBeGreaterThanOrEqual(35);
    expect(sourcesIn('checks/computed').length).toBeGreaterThanOrEqual(10);
    expect(pureModules).toContain('checks/residency/service-url.ts');
    expect(pureModules).toContain('checks/data/clouds.ts');
  });

  it('import no Node builtin, and no gatherer at run time, anywhere in their graph', () => {
    expect(pureFound).toEqual([]);
  });

  it.each([
    ['a rule', 'checks/rules', "import '../gather/tls-handshake';"],
    ['a computed module', 'checks/computed', "import { tlsHandshakeGatherer } from '../gather/tls-handshake'; console.log(tlsHandshakeGatherer);"],
  ])('would catch a runtime gatherer import by %s, and the Node builtins it brings', async (_what, dir, contents) => {
    const found: string[] = [];
    await build({ stdin: { contents, resolveDir: dir, sourcefile: `${dir}/x.ts` }, bundle: true, platform: 'browser', write: false, logLevel: 'silent', plugins: [guard(found)] });
    expect(found.filter((f) => f.includes('runtime import of a gatherer'))).toHaveLength(1);
    expect(found.some((f) => f.startsWith('node:'))).toBe(true);
  });

  it('lets a type-only gatherer import through (esbuild drops it)', async () => {
    const found: string[] = [];
    await build({ stdin: { contents: "import type {} from '../gather/tls-handshake'; export const x = 1;", loader: 'ts', resolveDir: 'checks/rules', sourcefile: 'checks/rules/x.ts' }, bundle: true, platform: 'browser', write: false, logLevel: 'silent', plugins: [guard(found)] });
    expect(found).toEqual([]);
  });

  it('splits each schema into its own chunk, outside the entry', () => {
    const files = readdirSync(outdir).filter((f) => f.endsWith('.js'));
    const entry = readFileSync(join(outdir, 'browser.js'), 'utf8');
    const marker = 'http://json-schema.org/draft-04/schema#'; // the root schema's $schema, once in each Teams validator
    const schemaChunks = files.filter((f) => readFileSync(join(outdir, f), 'utf8').includes(marker));
    expect(schemaChunks.length).toBe(31);
    for (const f of schemaChunks) expect(readFileSync(join(outdir, f), 'utf8').split(marker).length - 1, f).toBe(1);
    expect(entry).not.toContain(marker);
    expect(statSync(join(outdir, 'browser.js')).size).toBeLessThan(600 * 1024);
  });

  it('runs the manifest suite from the bundle on a real package', async () => {
    const mod = await import(pathToFileURL(join(outdir, 'browser.js')).href) as typeof import('./browser');
    const report = await mod.runChecks({
      suite: mod.manifestSuite,
      environment: 'browser',
      input: { manifestBytes: buildPackage(sample('bot-sso', '1.30')), manifestName: 'app.zip', appId: BOT_ID },
    });
    expect(report.counts).toMatchObject({ fail: 0, error: 0 });
    expect(report.results.find((r) => r.id === 'manifest-schema')?.status).toBe('pass');
    expect(report.results.find((r) => r.id === 'manifest-icons')?.status).toBe('pass');
  });

  it('validates the schema where code generation is blocked (a strict CSP), with the precompiled validators', () => {
    // Node's --disallow-code-generation-from-strings blocks new Function like a CSP without 'unsafe-eval'.
    const broken = sample('bot-sso', '1.30');
    (broken.bots as Array<Record<string, unknown>>)[0]!.scopes = ['groupchat'];
    writeFileSync(join(outdir, 'app.zip'), buildPackage(sample('bot-sso', '1.30')));
    writeFileSync(join(outdir, 'broken.json'), JSON.stringify(broken, null, 2));
    writeFileSync(join(outdir, 'run.mjs'), `
      import { readFileSync } from 'node:fs';
      let blocked = false;
      try { new Function('return 1'); } catch { blocked = true; }
      const { runChecks, manifestSuite } = await import('./browser.js');
      const run = async (file) => (await runChecks({ suite: manifestSuite, environment: 'browser', input: { manifestBytes: new Uint8Array(readFileSync(new URL(file, import.meta.url))) } }))
        .results.map((r) => [r.id, r.status, r.evidence.engine ?? '', r.details?.[0]?.path ?? '']);
      console.log(JSON.stringify({ blocked, good: await run('./app.zip'), broken: await run('./broken.json') }));
    `);
    const out = execFileSync(process.execPath, ['--disallow-code-generation-from-strings', join(outdir, 'run.mjs')], { encoding: 'utf8', timeout: 60_000 });
    const { blocked, good, broken: bad } = JSON.parse(out) as { blocked: boolean; good: string[][]; broken: string[][] };
    expect(blocked).toBe(true);
    expect(good.filter((r) => r[1] === 'error' || r[1] === 'fail')).toEqual([]);
    expect(good.find((r) => r[0] === 'manifest-schema')).toEqual(['manifest-schema', 'pass', 'precompiled', '']);
    expect(bad.find((r) => r[0] === 'manifest-schema')).toEqual(['manifest-schema', 'fail', 'precompiled', '/bots/0/scopes/0']);
  });
});
