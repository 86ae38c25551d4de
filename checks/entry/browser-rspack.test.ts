/**
 * The site bundles widgets with Rspack (Docusaurus "faster"). This builds checks/entry/browser.ts
 * with Rspack for the web and checks that it compiles without Node builtins and that each schema
 * version becomes its own async chunk, loaded only when a manifest of that version is checked.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const outdir = mkdtempSync(join(tmpdir(), 'botflow-rspack-'));
let errors: string[] = [];
let warnings: string[] = [];

interface Stats { hasErrors(): boolean; toJson(o: object): { errors?: Array<{ message: string }>; warnings?: Array<{ message: string }> } }

beforeAll(async () => {
  const { rspack } = require('@rspack/core') as { rspack: (config: object, cb: (err: Error | null, stats?: Stats) => void) => void };
  const stats = await new Promise<Stats>((res, rej) => rspack({
    mode: 'production',
    target: 'web',
    context: resolve('.'),
    entry: { browser: './checks/entry/browser.ts' },
    output: { path: outdir, filename: '[name].js', chunkFilename: 'chunk-[id].js' },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    module: { rules: [{ test: /\.ts$/, loader: 'builtin:swc-loader', options: { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } } }] },
    optimization: { minimize: false },
    devtool: false,
  }, (err, s) => (err || !s ? rej(err ?? new Error('no stats')) : res(s))));
  const json = stats.toJson({ all: false, errors: true, warnings: true });
  errors = (json.errors ?? []).map((e) => e.message);
  warnings = (json.warnings ?? []).map((w) => w.message);
}, 180_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('browser entry with Rspack (the site\'s bundler)', () => {
  it('compiles for the web without errors (no Node builtins to resolve)', () => {
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => /node:|Can't resolve/.test(w))).toEqual([]);
  });

  it('puts each schema version in its own async chunk', () => {
    const marker = 'http://json-schema.org/draft-04/schema#'; // the root schema's $schema, once in each Teams validator
    const files = readdirSync(outdir).filter((f) => f.endsWith('.js'));
    const withSchema = files.filter((f) => readFileSync(join(outdir, f), 'utf8').includes(marker));
    expect(withSchema).toHaveLength(31);
    expect(withSchema).not.toContain('browser.js');
  });
});
