/**
 * The manifest suite's speed on the test corpus (every sample for v1.11-v1.30 and devPreview):
 * - manifests per second through the whole suite (JSON parse with positions, schema validation
 *   against the bundled schema, all ten checks) vs @microsoft/app-manifest's
 *   AppManifestUtils.validateAgainstSchema (schema only) on the same manifests:
 *   goal not slower, aim 3x;
 * - ms per manifest, warm (schemas loaded and compiled), median over the corpus: goal <= 5 ms;
 * - app packages (zip + PNG icons) per second, for information.
 * Each side runs for a fixed time; neither touches the network (AppManifestUtils resolves the
 * $schema URL to the schema file bundled in its package).
 */
import { AppManifestUtils } from '@microsoft/app-manifest';
import { runChecks } from '../checks/core/runner';
import { manifestSuite } from '../checks/suites/manifest';
import { validCorpus } from '../checks/testing/manifests/corpus';
import { buildPackage } from '../checks/testing/manifests/package';
import type { BenchResult } from './types';

async function forAtLeast(ms: number, items: readonly unknown[], fn: (item: never) => Promise<unknown>): Promise<number> {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    await fn(items[n % items.length] as never);
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

export default async function bench(): Promise<BenchResult[]> {
  const corpus = validCorpus();
  const texts = corpus.map((e) => JSON.stringify(e.manifest, null, 2));
  const objects = corpus.map((e) => e.manifest);
  const run = (text: string) => runChecks({ suite: manifestSuite, input: { manifestText: text } });

  // Warm up: load and compile every schema once, let the JIT settle.
  for (const t of texts) await run(t);
  for (const t of texts) await run(t);

  const perManifest: number[] = [];
  for (const t of texts) {
    const t0 = performance.now();
    await run(t);
    perManifest.push(performance.now() - t0);
  }
  perManifest.sort((a, b) => a - b);
  const median = perManifest[Math.floor(perManifest.length / 2)]!;
  const p95 = perManifest[Math.floor(perManifest.length * 0.95)]!;

  const ours = await forAtLeast(3000, texts, (t: string) => run(t));
  await AppManifestUtils.validateAgainstSchema(objects[0] as never); // first call loads its modules
  const theirs = await forAtLeast(3000, objects, (m: object) => AppManifestUtils.validateAgainstSchema(m as never));
  const ratio = ours / theirs;

  const packages = corpus.filter((_, i) => i % 8 === 0).map((e) => buildPackage(e.manifest));
  await runChecks({ suite: manifestSuite, input: { manifestBytes: packages[0]! } });
  const pkgRate = await forAtLeast(2000, packages, (p: Uint8Array) => runChecks({ suite: manifestSuite, input: { manifestBytes: p } }));

  return [
    { name: 'manifests/s, whole manifest suite (warm)', value: ours, unit: '/s', note: `${corpus.length} corpus manifests, v1.11-v1.30 + devPreview` },
    { name: 'manifests/s, AppManifestUtils.validateAgainstSchema', value: theirs, unit: '/s', note: 'schema only; compiles the schema on every call' },
    { name: 'speed vs AppManifestUtils', value: ratio, unit: 'x', goal: '>= 1x (aim 3x)', ok: ratio >= 1 },
    { name: 'ms per manifest, warm (median)', value: median, unit: 'ms', goal: '<= 5 ms', ok: median <= 5, note: `p95 ${p95.toFixed(2)} ms` },
    { name: 'app packages/s (zip + icons, whole suite)', value: pkgRate, unit: '/s' },
  ];
}
