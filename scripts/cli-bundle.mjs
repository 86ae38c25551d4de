// The two esbuild bundles of the botflow CLI, both built from checks/ (the one source):
// - buildCli: dist/cli.mjs plus lazily loaded chunks (one per command, one per manifest schema),
//   run by bin/botflow.cjs in the repository and in the installed package, and dist/manifest/,
//   the fast path of `botflow manifest` (scripts/manifest-fast-path.mjs);
// - buildSingleFile: one self-contained botflow.mjs for a bot host with nothing but Node.js.
// Every dependency is bundled into both, so neither needs node_modules at run time; the licences
// of what was bundled are collected from esbuild's metafile (thirdPartyNotices).
import { createHash } from 'node:crypto';
import { brotliCompressSync } from 'node:zlib';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildManifestFastPath, jsoncParserForBundles } from './manifest-fast-path.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The version of this repository's package.json: the version of everything built from it. */
export function packageVersion() {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
}

// Bundled CommonJS packages call require() for Node built-ins; ESM output has no require.
const REQUIRE_SHIM = "import { createRequire as __botflowRequire } from 'node:module'; const require = __botflowRequire(import.meta.url);";

const COMMON = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  logLevel: 'warning',
  metafile: true,
  legalComments: 'none',
  banner: { js: REQUIRE_SHIM },
  plugins: [jsoncParserForBundles],
};

/** Builds the CLI bundle into `outdir` (default dist/), replacing what was there. */
export async function buildCli({ outdir = join(ROOT, 'dist'), sourcemap = true } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    ...COMMON,
    entryPoints: { cli: 'checks/cli/process.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    sourcemap: sourcemap ? 'linked' : false,
  });
  const fast = await buildManifestFastPath({ root: ROOT, outdir: join(outdir, 'manifest'), sourcemap });
  return { metafile: result.metafile, fastPath: fast.warm };
}

// The single file leaves the server out (`serve` says where it is instead): a bot host needs the
// checks, and the site the server would serve ships with the package.
const withoutServer = {
  name: 'botflow-without-server',
  setup(b) {
    b.onResolve({ filter: /^\.\/serve$/ }, (args) => (args.importer.endsWith(join('checks', 'cli', 'commands', 'index.ts'))
      ? { path: join(ROOT, 'checks', 'cli', 'commands', 'serve-elsewhere.ts') }
      : undefined));
  },
};

// The manifest schemas (about 1.3 MB of JSON) ride brotli-compressed and are inflated on first
// use: a smaller file and a faster start, since Node.js parses the whole file before it runs.
const compressedSchemas = {
  name: 'botflow-compressed-schemas',
  setup(b) {
    b.onLoad({ filter: /[\\/]@microsoft[\\/]app-manifest[\\/].+\.json$/ }, (args) => {
      const packed = brotliCompressSync(Buffer.from(JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8'))))).toString('base64');
      return {
        contents: `import { brotliDecompressSync } from 'node:zlib';\nexport default JSON.parse(brotliDecompressSync(Buffer.from(${JSON.stringify(packed)}, 'base64')).toString('utf8'));\n`,
        loader: 'js',
      };
    });
  },
};

/** Builds the single file `outfile` (minified, licences of what it bundles in a closing comment). */
export async function buildSingleFile({ outfile }) {
  const single = { ...COMMON, entryPoints: ['checks/cli/standalone.ts'], plugins: [withoutServer, compressedSchemas, jsoncParserForBundles] };
  // Pass one finds what gets bundled; pass two appends those packages' licences.
  const probe = await build({ ...single, write: false, outfile });
  const notices = thirdPartyNotices(probe.metafile).replaceAll('*/', '* /');
  const result = await build({ ...single, outfile, minify: true, keepNames: true, footer: { js: `/*\n${notices}*/` } });
  return { metafile: result.metafile, bytes: readFileSync(outfile).length, sha256: sha256File(outfile) };
}

export function sha256File(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The folders of the npm packages whose code is in a bundle (from esbuild's metafile). */
export function bundledPackageDirs(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const parts = input.split('/');
    const at = parts.lastIndexOf('node_modules');
    if (at < 0) continue;
    const len = parts[at + 1]?.startsWith('@') ? 2 : 1;
    dirs.add(parts.slice(0, at + 1 + len).join('/'));
  }
  return [...dirs].sort();
}

function licenseText(dir) {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i.test(f));
  return file ? readFileSync(join(dir, file), 'utf8').trim() : undefined;
}

/** Name, version, licence and licence text of every package bundled, as one text file. */
export function thirdPartyNotices(metafile) {
  const seen = new Set();
  const blocks = [];
  for (const rel of bundledPackageDirs(metafile)) {
    const dir = resolve(ROOT, rel);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const id = `${pkg.name}@${pkg.version}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const license = typeof pkg.license === 'string' ? pkg.license : 'see the package';
    const text = licenseText(dir) ?? `(the package ships no licence file; package.json says "${license}")`;
    blocks.push(`${id} (${license})\n${'-'.repeat(id.length)}\n${text}\n`);
  }
  return `botflow ${packageVersion()} bundles the following packages.\n\n${blocks.join('\n')}`;
}
