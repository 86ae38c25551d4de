/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (one at a time, so they don't compete for
 * the CPU), prints a table and writes bench/results/latest.json. Goals are reported, not enforced
 * by timed tests; the exit code is 1 when a measured goal was missed.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, BenchResult } from './types';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const all: Array<BenchResult & { file: string }> = [];
for (const file of files) {
  process.stderr.write(`bench: ${file} ...\n`);
  const t0 = performance.now();
  try {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: Bench };
    const results = await mod.default();
    for (const r of results) all.push({ ...r, file });
  } catch (err) {
    all.push({ file, name: `${file} crashed`, value: Number.NaN, unit: '', ok: false, note: (err as Error).message });
  }
  process.stderr.write(`bench: ${file} done in ${Math.round(performance.now() - t0)} ms\n`);
}

const fmt = (v: number): string => (Number.isFinite(v) ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2)) : 'n/a');
const rows = all.map((r) => [r.file.replace('.bench.ts', ''), r.name, `${fmt(r.value)} ${r.unit}`.trim(), r.goal ?? '', r.ok === undefined ? '' : r.ok ? 'met' : 'MISSED', r.note ?? '']);
const header = ['area', 'measure', 'value', 'goal', 'status', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));

mkdirSync(join(dir, 'results'), { recursive: true });
writeFileSync(join(dir, 'results', 'latest.json'), `${JSON.stringify({ at: new Date().toISOString(), node: process.version, results: all }, null, 2)}\n`);
if (all.some((r) => r.ok === false)) process.exitCode = 1;
