// The `botflow manifest` fast path, dist/manifest/ (see checks/entry/cli-manifest.ts): built by
// buildCli (scripts/cli-bundle.mjs) next to the CLI bundle, run by bin/botflow.cjs.
// - cli.js: the CLI with only the manifest command, one script (esbuild cannot split CommonJS,
//   and a V8 code cache is made per script), every dependency inside;
// - validators/teams-v<version>.js: one script per schema version, loaded only for a manifest of
//   that version (the dynamic imports of checks/manifest/schemas.ts become loadScript calls);
// - <script>.v8: the V8 code cache of each, made here after a warm-up run of cli.js on the
//   real-world manifests of the test corpus (checks/testing/manifests/real-world/), each schema
//   version exercised, so that what a check runs is already compiled. The cache is only valid
//   for the Node.js (V8) version that ran this build: another one refuses it and compiles from
//   source, as it would without a cache.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUILD_ID_MARK, scriptLoader, writeCodeCaches } from '../bin/code-cache.cjs';

// Each script is a function expression that code-cache.cjs calls with the CommonJS arguments.
const WRAP = { banner: { js: '(function (exports, require, module, __filename, __dirname) {' }, footer: { js: '})' } };

/**
 * How every bundle (dist/cli.mjs, this fast path, the single file) takes jsonc-parser:
 * - its ESM build: the package's `main` is a UMD wrapper whose require() calls esbuild cannot
 *   follow (the bundle would then require ./impl/* at run time);
 * - side-effect free: its modules have none, but its package.json does not say so
 *   ("sideEffects"), so esbuild kept the formatter botflow never calls, whose module builds
 *   about 270 KB of indentation strings (1,220 String.repeat calls) on every start; marked so,
 *   the unused modules (format, edit) are left out.
 */
export const jsoncParserForBundles = {
  name: 'botflow-jsonc-parser',
  setup(b) {
    const again = Symbol('resolving');
    b.onResolve({ filter: /^jsonc-parser($|\/)|^\.\.?\// }, async (args) => {
      if (args.pluginData === again) return undefined;
      const inside = /[\\/]node_modules[\\/]jsonc-parser[\\/]/.test(args.importer);
      if (!args.path.startsWith('jsonc-parser') && !inside) return undefined;
      const path = args.path === 'jsonc-parser' ? 'jsonc-parser/lib/esm/main.js' : args.path;
      const r = await b.resolve(path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: again });
      return r.errors.length ? { errors: r.errors } : { path: r.path, namespace: r.namespace, external: r.external, sideEffects: false };
    });
  },
};

const COMMON = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20.19',
  logLevel: 'warning',
  metafile: true,
  legalComments: 'none',
  // Whitespace and syntax only: identifiers keep their names, as in dist/cli.mjs, so that nothing
  // that reads a function's or a class's name can differ (and no keepNames calls on every start).
  minifyWhitespace: true,
  minifySyntax: true,
  ...WRAP,
};

/** The manifest schema validators, as `{ name: 'teams-v1.26', version: '1.26' }`, oldest first. */
function validators(root) {
  return readdirSync(join(root, 'checks', 'manifest', 'validators'))
    .map((f) => /^(teams-v(.+))\.js$/.exec(f))
    .filter(Boolean)
    .map(([, name, v]) => ({ name, version: v === 'DevPreview' ? 'devPreview' : v }));
}

// In cli.js, `import('./validators/teams-v1.26.js')` (checks/manifest/schemas.ts) loads the script
// validators/teams-v1.26.js through the loader bin/botflow.cjs gave (checks/entry/cached-scripts.ts).
const validatorsAsScripts = (root) => ({
  name: 'botflow-validators-as-scripts',
  setup(b) {
    b.onResolve({ filter: /^\.\/validators\/teams-v[^/]+\.js$/ }, (args) => (args.importer.endsWith(join('checks', 'manifest', 'schemas.ts'))
      ? { path: args.path.slice('./validators/'.length), namespace: 'botflow-validator' }
      : undefined));
    b.onLoad({ filter: /.*/, namespace: 'botflow-validator' }, (args) => ({
      contents: `import { loadScript } from ${JSON.stringify(join(root, 'checks', 'entry', 'cached-scripts.ts'))};\nexport default loadScript(${JSON.stringify(`validators/${args.path}`)}).default;\n`,
      loader: 'js',
      resolveDir: root,
    }));
  },
});

// commander requires node:child_process when it loads, only to run executable subcommands, which
// botflow has none of; loading it (with net, dgram and streams) is a few milliseconds of every
// start. In the fast path it is required on first use instead.
const lazyChildProcess = {
  name: 'botflow-lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
      ? { path: 'child_process', namespace: 'botflow-lazy' }
      : undefined));
    b.onLoad({ filter: /.*/, namespace: 'botflow-lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });\n",
      loader: 'js',
    }));
  },
};

/**
 * Ends each script with its build id (see bin/code-cache.cjs): the SHA-256 of what it holds.
 * code-cache.cjs reads the scripts as latin1, exact for ASCII, which is all esbuild writes.
 */
function stampBuildIds(files) {
  for (const file of files) {
    const bytes = readFileSync(file);
    if (bytes.some((b) => b > 0x7f)) throw new Error(`${file} is not ASCII; bin/code-cache.cjs reads the fast path's scripts as latin1`);
    const id = createHash('sha256').update(bytes).digest('hex');
    appendFileSync(file, `${BUILD_ID_MARK}${id}\n`);
  }
}

/** The warm-up runs: argv after `botflow`, on manifests written to `dir`. */
function warmUpRuns(root, dir) {
  const corpus = join(root, 'checks', 'testing', 'manifests', 'real-world');
  const files = readdirSync(corpus).filter((f) => f.endsWith('.json') && f !== 'index.json' && f !== 'expected.json').sort();
  const runs = [];
  const parsed = [];
  for (const f of files) {
    runs.push(['manifest', join(corpus, f), '--format', 'json']);
    try {
      const manifest = JSON.parse(readFileSync(join(corpus, f), 'utf8').replace(/^\uFEFF/, ''));
      if (typeof manifest.manifestVersion === 'string') parsed.push(manifest);
    } catch {
      // a broken file of the corpus: run as is above (the JSON error path), not relabelled
    }
  }
  // Every schema version, on the corpus manifests nearest to it relabelled to that version.
  const all = validators(root);
  const rank = (v) => all.findIndex((x) => x.version === v);
  for (const { name, version } of all) {
    const nearest = parsed.filter((m) => rank(m.manifestVersion) >= 0)
      .sort((a, b) => Math.abs(rank(a.manifestVersion) - rank(version)) - Math.abs(rank(b.manifestVersion) - rank(version)))
      .slice(0, 4);
    nearest.forEach((m, i) => {
      const file = join(dir, `${name}-${i}.json`);
      const schema = `https://developer.microsoft.com/json-schemas/teams/${name.slice('teams-'.length)}/MicrosoftTeams.schema.json`;
      writeFileSync(file, JSON.stringify({ ...m, ...(m.$schema !== undefined ? { $schema: schema } : {}), manifestVersion: version }, null, 2));
      runs.push(['manifest', file, '--format', 'json']);
    });
  }
  const one = runs[0][1];
  for (const format of ['text', 'markdown', 'sarif', 'junit', 'html']) runs.push(['manifest', one, '--format', format]);
  runs.push(['manifest', one, '--quiet', '--app-id', '00000000-0000-0000-0000-000000000000'], ['manifest', '--help'], ['manifest', join(dir, 'missing.json')]);
  return runs;
}

async function warmUp(root, outdir) {
  const dir = mkdtempSync(join(tmpdir(), 'botflow-warm-up-'));
  try {
    const record = new Map();
    const load = scriptLoader(outdir, { record, cache: false });
    const cli = load('cli.js');
    cli.useScriptLoader(load);
    const io = { stdout: { write: () => true, isTTY: false }, stderr: { write: () => true, isTTY: false }, env: {}, cwd: dir, readStdin: async () => undefined };
    const runs = warmUpRuns(root, dir);
    for (const argv of runs) await cli.main(argv, io);
    return { runs: runs.length, ...writeCodeCaches(record) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds dist/manifest/ (`outdir`) and its code caches; returns esbuild's metafile of cli.js. */
export async function buildManifestFastPath({ root, outdir, sourcemap }) {
  const cli = await build({
    ...COMMON,
    absWorkingDir: root,
    entryPoints: { cli: 'checks/entry/cli-manifest.ts' },
    outdir,
    sourcemap: sourcemap ? 'linked' : false,
    plugins: [validatorsAsScripts(root), lazyChildProcess, jsoncParserForBundles],
  });
  // Nothing may be imported at run time but Node.js built-ins, and only with require: code-cache.cjs
  // runs the script outside the ES module loader, so a dynamic import() would have nowhere to go,
  // and gives it a require that only needs to find built-ins.
  for (const [file, out] of Object.entries(cli.metafile.outputs)) {
    const outside = out.imports.filter((i) => i.external && (!isBuiltin(i.path) || i.kind !== 'require-call'));
    if (outside.length) throw new Error(`${file} imports ${outside.map((i) => `${i.path} (${i.kind})`).join(', ')}; the fast path must be self-contained`);
  }
  const scripts = await build({
    ...COMMON,
    absWorkingDir: root,
    entryPoints: validators(root).map(({ name }) => join(root, 'checks', 'manifest', 'validators', `${name}.js`)),
    outdir: join(outdir, 'validators'),
    minifyIdentifiers: true, // generate.mjs minified them already; no name in them means anything
    sourcemap: false,
  });
  const written = (meta) => Object.keys(meta.outputs).filter((f) => f.endsWith('.js')).map((f) => join(root, f));
  stampBuildIds([...written(cli.metafile), ...written(scripts.metafile)]);
  const warm = await warmUp(root, outdir);
  return { metafile: cli.metafile, warm };
}
