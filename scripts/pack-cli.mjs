// `npm run pack:cli [-- --out <dir>] [-- --site <dir>]`: the installable package of botflow,
// release/botflow-<version>.tgz, for `npm install -g ./botflow-<version>.tgz`. Built from checks/
// (bundled fresh, every dependency inside, so the package declares none) and from the built site
// (build/, made by `npm run build`), laid out as in the repository: bin/, dist/, build/.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, buildCli, packageVersion, sha256File, thirdPartyNotices } from './cli-bundle.mjs';

function fail(message) {
  process.stderr.write(`pack:cli: ${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({ options: { out: { type: 'string' }, site: { type: 'string' } } }).values;
} catch (err) {
  fail(`${err.message}. Usage: npm run pack:cli [-- --out <dir>] [-- --site <built site dir>]`);
}
const outDir = resolve(args.out ?? join(ROOT, 'release'));
const siteDir = resolve(args.site ?? join(ROOT, 'build'));
if (!existsSync(join(siteDir, 'index.html'))) fail(`no built site in ${siteDir} (it has no index.html). Run "npm run build" first, or pass --site <dir>.`);

const version = packageVersion();
const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const template = JSON.parse(readFileSync(join(ROOT, 'packaging', 'package.json'), 'utf8'));
const manifest = { ...template, version, license: root.license, engines: root.engines };

const stage = mkdtempSync(join(tmpdir(), 'botflow-pack-'));
try {
  const { metafile } = await buildCli({ outdir: join(stage, 'dist'), sourcemap: false });
  cpSync(join(ROOT, 'bin'), join(stage, 'bin'), { recursive: true });
  cpSync(siteDir, join(stage, 'build'), { recursive: true });
  cpSync(join(ROOT, 'packaging', 'README.md'), join(stage, 'README.md'));
  writeFileSync(join(stage, 'THIRD-PARTY-NOTICES.txt'), thirdPartyNotices(metafile));
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  mkdirSync(outDir, { recursive: true });
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const [info] = JSON.parse(out);
  const tarball = join(outDir, `botflow-${version}.tgz`);
  renameSync(join(outDir, info.filename), tarball);
  const sha256 = sha256File(tarball);
  writeFileSync(`${tarball}.sha256`, `${sha256}  botflow-${version}.tgz\n`);
  const shown = (f) => (relative(process.cwd(), f).startsWith('..') ? f : relative(process.cwd(), f));
  const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  process.stdout.write(
    `${shown(tarball)}: ${mb(statSync(tarball).size)} (${mb(info.unpackedSize)} unpacked, ${info.entryCount} files, ${Object.keys(manifest.dependencies ?? {}).length} dependencies)\n`
    + `sha256 ${sha256}\n`
    + `install: npm install -g ${tarball}\n`,
  );
} finally {
  rmSync(stage, { recursive: true, force: true });
}
