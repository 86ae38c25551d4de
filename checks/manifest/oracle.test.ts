/**
 * Oracle tests: for every manifest of the corpus (valid and broken, plus random mutations),
 * botflow's manifest-schema verdict and errors agree with
 *   1. validating the same text directly with ajv-draft-04 against the same bundled schema file,
 *      read from disk here independently of botflow's lazy loader, and
 *      (and botflow's CSP-safe interpreter gives the very same errors), and
 *   2. @microsoft/app-manifest's AppManifestUtils.validateAgainstSchema, which resolves the
 *      manifest's $schema URL to the schema file bundled in the package (asserted below, so the
 *      test proves it never goes to the network).
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { runChecks } from '../core/runner';
import { manifestSuite } from '../suites/manifest';
import { brokenCorpus, validCorpus, type Manifest } from '../testing/manifests/corpus';
import { chooseSchema } from './validate-schema';
import type { SchemaVersion } from './schemas';

const require = createRequire(import.meta.url);
const schemaRoot = require.resolve('@microsoft/app-manifest/package.json').replace(/package\.json$/, 'build/json-schemas/teams/');

const direct = new Map<string, ValidateFunction>();
function directValidator(version: SchemaVersion): ValidateFunction {
  let v = direct.get(version);
  if (!v) {
    const file = `${schemaRoot}${version === 'devPreview' ? 'vDevPreview' : `v${version}`}/MicrosoftTeams.schema.json`;
    const ajv = new Ajv04({ allErrors: true, strictTypes: false, logger: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    v = ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
    direct.set(version, v);
  }
  return v;
}

/** The error line format AppManifestUtils.validateAgainstSchema returns. */
function line(e: { instancePath?: string; pointer?: string; message?: string; params?: unknown }): string {
  return `${e.instancePath ?? e.pointer} ${e.message || ''}. Details: ${e.params ? JSON.stringify(e.params) : ''}`;
}

async function botflowSchema(manifest: Manifest): Promise<{ status: string; lines: string[]; interpreterLines: string[]; version?: SchemaVersion }> {
  const text = JSON.stringify(manifest, null, 2);
  const report = await runChecks({ suite: manifestSuite, input: { manifestText: text }, only: ['manifest-schema'] });
  const result = report.results[0]!;
  const choice = chooseSchema(manifest as never);
  // The rule's details are for people; the raw errors come from the gatherer evidence via a second run of the gatherer.
  const { validateManifest } = await import('./validate-schema');
  const raw = choice.version ? await validateManifest(manifest as never, choice.version, text) : { errors: [] };
  const interpreted = choice.version ? await validateManifest(manifest as never, choice.version, text, { engine: 'interpreter' }) : { errors: [] };
  return {
    status: result.status,
    lines: raw.errors.map(line).sort(),
    interpreterLines: interpreted.errors.map(line).sort(),
    ...(choice.version ? { version: choice.version } : {}),
  };
}

const corpus: Array<[string, Manifest]> = [
  ...validCorpus().map((e): [string, Manifest] => [e.name, e.manifest]),
  ...brokenCorpus().map((e): [string, Manifest] => [`broken: ${e.name}`, e.manifest]),
];

describe('oracle: manifest-schema agrees with ajv-draft-04 on the bundled schema file', () => {
  it.each(corpus)('%s', async (_name, manifest) => {
    const ours = await botflowSchema(manifest);
    if (!ours.version) { expect(ours.status).toBe('skip'); return; }
    const validate = directValidator(ours.version);
    const valid = validate(JSON.parse(JSON.stringify(manifest)));
    expect(ours.status).toBe(valid ? 'pass' : 'fail');
    expect(ours.lines).toEqual((validate.errors ?? []).map(line).sort());
    expect(ours.interpreterLines, 'the CSP-safe interpreter agrees too').toEqual(ours.lines);
  });

  it('agrees on random mutations of corpus manifests', async () => {
    const bases = validCorpus();
    const leaf = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant('groupchat'), fc.constant('copilot'), fc.uuid(), fc.jsonValue({ maxDepth: 2 }), fc.constant([]), fc.constant({}), fc.constant(DUPLICATE));
    await fc.assert(fc.asyncProperty(
      fc.nat(bases.length - 1),
      fc.array(fc.tuple(fc.nat(), fc.oneof(leaf, fc.constant(undefined))), { minLength: 1, maxLength: 4 }),
      async (baseIndex, edits) => {
        const m = JSON.parse(JSON.stringify(bases[baseIndex]!.manifest)) as Manifest;
        for (const [pick, value] of edits) mutate(m, pick, value);
        const ours = await botflowSchema(m);
        if (!ours.version) return;
        const validate = directValidator(ours.version);
        const valid = validate(JSON.parse(JSON.stringify(m)));
        expect(ours.status).toBe(valid ? 'pass' : 'fail');
        expect(ours.lines).toEqual((validate.errors ?? []).map(line).sort());
        expect(ours.interpreterLines, 'the CSP-safe interpreter agrees too').toEqual(ours.lines);
      },
    ), { numRuns: 300 });
  });
});

/** Marker: append a copy of an array's first item (exercises uniqueItems). */
const DUPLICATE = '__duplicate__';

/** Replaces (or deletes, or duplicates) one value somewhere in the manifest, chosen by `pick`. */
function mutate(m: Manifest, pick: number, value: unknown): void {
  const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach((v, i) => { slots.push([node, i]); walk(v); });
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) { if (k !== 'manifestVersion') slots.push([node as Record<string, unknown>, k]); walk(v); }
  };
  walk(m);
  const [parent, key] = slots[pick % slots.length]!;
  if (value === DUPLICATE) {
    const target = (parent as Record<string | number, unknown>)[key];
    if (Array.isArray(target) && target.length > 0) target.push(JSON.parse(JSON.stringify(target[0])));
    else if (Array.isArray(parent) && parent.length > 0) parent.push(JSON.parse(JSON.stringify(parent[0])));
    return;
  }
  if (value === undefined && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key as string];
  else (parent as Record<string | number, unknown>)[key] = value ?? null;
}

describe('oracle: manifest-schema agrees with AppManifestUtils.validateAgainstSchema', () => {
  // AppManifestUtils compiles the schema on every call (~100 ms), so this uses every version once
  // for each valid sample kind it has, plus all broken variants that have a schema.
  const cases = corpus.filter(([name]) => name.startsWith('broken') || /^(hello-world-bot|copilot-agent-bot)@/.test(name));

  it('resolves every corpus $schema to a file bundled in the package (no network)', () => {
    // These helpers are private in the typings but are what fetchSchema uses to find the local file.
    const utils = AppManifestUtils as unknown as { getLocalSchemaSuffix(url: string): string | undefined; getLocalSchemaCandidates(suffix: string): string[] };
    for (const [, m] of cases) {
      const url = String(m.$schema);
      if (/v1\.18\//.test(url)) continue;
      const suffix = utils.getLocalSchemaSuffix(url);
      expect(suffix, url).toBeDefined();
      expect(utils.getLocalSchemaCandidates(suffix!).some((f) => existsSync(f)), url).toBe(true);
    }
  });

  it.each(cases)('%s', async (_name, manifest) => {
    const ours = await botflowSchema(manifest);
    if (!ours.version) return; // no bundled schema (v1.18): AppManifestUtils would download; we skip
    const declared = chooseSchema(manifest as never);
    if (declared.schemaUrlVersion !== ours.version) return; // $schema names another version than manifestVersion
    const theirs = await AppManifestUtils.validateAgainstSchema(manifest as never);
    expect(ours.status).toBe(theirs.length === 0 ? 'pass' : 'fail');
    expect(ours.lines).toEqual([...theirs].sort());
  });
});
