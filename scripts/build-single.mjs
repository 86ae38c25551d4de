// `npm run build:single [-- --out <dir>]`: botflow as one self-contained file, release/botflow.mjs,
// for a bot host that has Node.js 20.19+ and nothing else (no npm, no node_modules). Prints its
// size and SHA-256 and writes release/botflow.mjs.sha256 for `sha256sum -c`.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, buildSingleFile, packageVersion } from './cli-bundle.mjs';

let args;
try {
  args = parseArgs({ options: { out: { type: 'string' } } }).values;
} catch (err) {
  process.stderr.write(`build:single: ${err.message}. Usage: npm run build:single [-- --out <dir>]\n`);
  process.exit(2);
}
const outDir = resolve(args.out ?? join(ROOT, 'release'));
mkdirSync(outDir, { recursive: true });
const file = join(outDir, 'botflow.mjs');
const { bytes, sha256 } = await buildSingleFile({ outfile: file });
chmodSync(file, 0o755);
writeFileSync(`${file}.sha256`, `${sha256}  botflow.mjs\n`);
const shown = relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file);
process.stdout.write(
  `${shown}: botflow ${packageVersion()}, ${(bytes / 1024 / 1024).toFixed(1)} MB, runs with Node.js 20.19+ alone\n`
  + `sha256 ${sha256}\n`
  + `verify: sha256sum -c botflow.mjs.sha256 (in the folder of both files)\n`,
);
