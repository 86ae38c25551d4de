/**
 * Oracle tests: botflow's precompiled schema validators give the very verdict and errors of
 *   1. ajv-draft-04 compiling the same bundled schema file at run time (read from disk here,
 *      independently of botflow's loaders), on the synthetic corpus, random mutations of it and
 *      every real-world manifest of the corpus; and
 *   2. @microsoft/app-manifest's AppManifestUtils.validateAgainstSchema (the Agents Toolkit's
 *      validator) on every real-world manifest and on part of the synthetic corpus. It resolves a
 *      developer.microsoft.com $schema URL to the schema file bundled in its package (asserted
 *      below, so it never goes to the network); for other URLs, or a $schema that names another
 *      version than manifestVersion, it is handed the schema botflow chose (the one Teams uses).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { runChecks } from '../core/runner';
import type { JsonObject } from '../core/types';
import { manifestSuite } from '../suites/manifest';
import { brokenCorpus, validCorpus, type Manifest } from '../testing/manifests/corpus';
import { realIndex, realText } from '../testing/manifests/real';
import { readSchema } from '../testing/manifests/schema-files';
import { chooseSchema, rawSchemaErrors } from './validate-schema';
import type { SchemaVersion } from './schemas';

const direct = new Map<string, ValidateFunction>();
function directValidator(version: SchemaVersion): ValidateFunction {
  let v = direct.get(version);
  if (!v) {
    const ajv = new Ajv04({ allErrors: true, strictTypes: false, logger: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    v = ajv.compile(readSchema(version));
    direct.set(version, v);
  }
  return v;
}

/** The error line format AppManifestUtils.validateAgainstSchema returns. */
function line(e: { instancePath?: string; message?: string; params?: unknown }): string {
  return `${e.instancePath} ${e.message || ''}. Details: ${e.params ? JSON.stringify(e.params) : ''}`;
}

async function oursLines(value: unknown, version: SchemaVersion): Promise<string[]> {
  return (await rawSchemaErrors(value, version)).map(line).sort();
}

function ajvLines(value: unknown, version: SchemaVersion): string[] {
  const validate = directValidator(version);
  return validate(JSON.parse(JSON.stringify(value))) ? [] : (validate.errors ?? []).map(line).sort();
}

const synthetic: Array<[string, Manifest]> = [
  ...validCorpus().map((e): [string, Manifest] => [e.name, e.manifest]),
  ...brokenCorpus().map((e): [string, Manifest] => [`broken: ${e.name}`, e.manifest]),
];

describe('oracle: precompiled validators agree with ajv-draft-04 compiling the bundled schema file', () => {
  it.each(synthetic)('%s', async (_name, manifest) => {
    const choice = chooseSchema(manifest as JsonObject);
    const report = await runChecks({ suite: manifestSuite, input: { manifestText: JSON.stringify(manifest, null, 2) }, only: ['manifest-schema'] });
    if (!choice.version) { expect(report.results[0]!.status).toBe('skip'); return; }
    const expected = ajvLines(manifest, choice.version);
    expect(await oursLines(manifest, choice.version)).toEqual(expected);
    expect(report.results[0]!.status).toBe(expected.length === 0 ? 'pass' : 'fail');
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
        const choice = chooseSchema(m as JsonObject);
        if (!choice.version) return;
        expect(await oursLines(m, choice.version)).toEqual(ajvLines(m, choice.version));
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

// These helpers are private in the typings but are what fetchSchema uses to find the local file.
const utils = AppManifestUtils as unknown as { getLocalSchemaSuffix(url: string): string | undefined; getLocalSchemaCandidates(suffix: string): string[] };
function resolvesLocally(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  const suffix = utils.getLocalSchemaSuffix(url);
  return suffix !== undefined && utils.getLocalSchemaCandidates(suffix).some((f) => existsSync(f));
}

/** AppManifestUtils' verdict on the schema botflow chose, never downloading anything. */
async function official(manifest: JsonObject, version: SchemaVersion): Promise<string[]> {
  const declared = chooseSchema(manifest);
  const own = declared.schemaUrlVersion === version && resolvesLocally(manifest.$schema);
  const lines = own
    ? await AppManifestUtils.validateAgainstSchema(manifest as never)
    : await AppManifestUtils.validateAgainstSchema(manifest as never, readSchema(version) as never);
  return [...lines].sort();
}

describe('oracle: the real-world corpus', () => {
  const real = realIndex();

  it('has at least 60 manifests, templates among them, each with its origin', () => {
    expect(real.length).toBeGreaterThanOrEqual(60);
    expect(real.some((e) => e.template) && real.some((e) => !e.template)).toBe(true);
    for (const e of real) expect(e.repo && e.path && /^[0-9a-f]{40}$/.test(e.commit), e.file).toBeTruthy();
  });

  it.each(real.filter((e) => e.json).map((e) => [e.file, e] as const))('%s: same verdict and errors as ajv and AppManifestUtils', async (_file, entry) => {
    const manifest = JSON.parse(realText(entry)) as JsonObject;
    const choice = chooseSchema(manifest);
    expect(choice.version, 'every corpus manifest names a bundled version').toBeDefined();
    const version = choice.version!;
    const ours = await oursLines(manifest, version);
    expect(ours).toEqual(ajvLines(manifest, version));
    expect(ours).toEqual(await official(manifest, version));
  });
});

describe('oracle: AppManifestUtils on the synthetic corpus', () => {
  // AppManifestUtils compiles the schema on every call (~100 ms), so this uses every version once
  // for each valid sample kind it has, plus all broken variants that have a schema.
  const cases = synthetic.filter(([name]) => name.startsWith('broken') || /^(hello-world-bot|copilot-agent-bot)@/.test(name));

  it('resolves every corpus $schema to a file bundled in the package (no network)', () => {
    for (const [, m] of cases) {
      const url = String(m.$schema);
      if (/v1\.18\//.test(url) || !url.startsWith('https://developer.microsoft.com/')) continue;
      expect(resolvesLocally(url), url).toBe(true);
    }
  });

  it.each(cases)('%s', async (_name, manifest) => {
    const choice = chooseSchema(manifest as JsonObject);
    if (!choice.version) return; // no bundled schema (v1.18)
    expect(await oursLines(manifest, choice.version)).toEqual(await official(manifest as JsonObject, choice.version));
  });
});
