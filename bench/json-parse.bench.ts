/**
 * The positioned JSON parser (checks/core/json-parse.ts on jsonc-parser's visitor: value,
 * pointer -> offset map, tolerated problems) on the manifest corpus, warm, side by side with
 * JSON.parse on the same texts (the floor: no positions, no friendly errors). For information:
 * the manifest suite's goal is in manifest.bench.ts.
 */
import { parseJsonWithLocations } from '../checks/core/json-parse';
import { validCorpus } from '../checks/testing/manifests/corpus';
import type { BenchResult } from './types';

function megabytesPerSecond(ms: number, texts: readonly string[], fn: (text: string) => unknown): number {
  let chars = 0;
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    const text = texts[n % texts.length] as string;
    fn(text);
    chars += text.length;
    n++;
  }
  return chars / 1e6 / ((performance.now() - t0) / 1000);
}

export default async function bench(): Promise<BenchResult[]> {
  const texts = validCorpus().map((e) => JSON.stringify(e.manifest, null, 2));
  for (let i = 0; i < 3; i++) for (const t of texts) { parseJsonWithLocations(t); JSON.parse(t); }
  const ours = megabytesPerSecond(2000, texts, parseJsonWithLocations);
  const native = megabytesPerSecond(2000, texts, (t) => JSON.parse(t));
  return [
    { name: 'MB/s, parseJsonWithLocations (warm)', value: ours, unit: 'MB/s', note: `${texts.length} corpus manifests, pretty-printed` },
    { name: 'MB/s, JSON.parse on the same texts', value: native, unit: 'MB/s', note: 'no positions, no problems' },
    { name: 'JSON.parse / parseJsonWithLocations', value: native / ours, unit: 'x' },
  ];
}
