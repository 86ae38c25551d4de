import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fullFormats as ajvFormats } from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { isPlainUri, uri } from './uri-format';

const ajvUri = ajvFormats.uri as (s: string) => boolean;
const corpus = join(import.meta.dirname, '..', 'testing', 'manifests', 'real-world');

/** Every string value of the real-world manifests that looks like it could be a URI. */
function corpusStrings(): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') { if (/[:/]/.test(v)) out.add(v); }
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const f of readdirSync(corpus).filter((n) => n.endsWith('.json'))) {
    try { walk(JSON.parse(readFileSync(join(corpus, f), 'utf8').replace(/^\uFEFF/, ''))); } catch { /* a deliberately broken file */ }
  }
  return [...out];
}

// A small deterministic generator (mulberry32), so a failure names a string that reproduces.
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const PIECES = ['https', 'http', 'api', 'msteams', 'x+y', '1ab', ':', '//', '/', '?', '#', '@', '[', ']', '::1', '%', '%2F', '%zz', 'a', 'Z', '9', '-', '.', '_', '~', '!', '$', '&', "'", '(', ')', '*', '+', ',', ';', '=', ' ', '"', '<', '\\', '^', '{', 'é', '{{host}}', 'contoso.com', ':443', ':x', '127.0.0.1', '256.1.1.1', 'v1.x', '\n'];

describe('uri format (ajv-formats full uri with a plain-URL fast path)', () => {
  it('gives ajv-formats\' verdict on 200,000 generated strings', () => {
    const next = rng(20261201);
    let plain = 0;
    for (let i = 0; i < 200_000; i++) {
      const n = 1 + Math.floor(next() * 12);
      let s = '';
      for (let k = 0; k < n; k++) s += PIECES[Math.floor(next() * PIECES.length)];
      if (next() < 0.5) s = `https://${s}`;
      if (isPlainUri(s)) plain++;
      if (uri(s) !== ajvUri(s)) expect.fail(`verdicts differ for ${JSON.stringify(s)}: ours ${uri(s)}, ajv-formats ${ajvUri(s)}`);
    }
    expect(plain).toBeGreaterThan(1000); // the fast path itself was exercised, not only the fallback
  });

  it('gives ajv-formats\' verdict on every URI-like string of the real-world manifests, and decides most of them alone', () => {
    const strings = corpusStrings();
    expect(strings.length).toBeGreaterThan(200);
    for (const s of strings) expect(uri(s), s).toBe(ajvUri(s));
    const valid = strings.filter(ajvUri);
    expect(valid.filter(isPlainUri).length / valid.length).toBeGreaterThan(0.9);
  });

  it('sends what PLAIN does not cover to the full check', () => {
    for (const s of ['https://user@contoso.com/', 'https://[::1]:3978/api/messages', 'https://contoso.com/a%20b', 'urn:isbn:0451450523', 'mailto:someone@contoso.com']) {
      expect(isPlainUri(s), s).toBe(false);
      expect(uri(s), s).toBe(true);
    }
    for (const s of ['https://contoso.com/a b', 'https://contoso.com/%zz', 'contoso.com', 'https://contoso.com/{{path}}']) expect(uri(s), s).toBe(false);
  });
});
