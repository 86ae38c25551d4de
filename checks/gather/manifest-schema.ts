/**
 * The `ManifestSchema` evidence: which bundled official schema applies (by manifestVersion, else
 * the $schema URL) and every validation error with its JSON pointer, line and column. Loading a
 * version's precompiled validator is asynchronous (a lazily loaded chunk), which is why this is a
 * gatherer and not part of a rule. Browser-safe; never touches the network.
 */
import { defineGatherer } from '../core/gatherer';
import { chooseSchema, schemaUrl, validateManifest, type SchemaChoice, type SchemaEngine, type SchemaError } from '../manifest/validate-schema';
import type { SchemaVersion } from '../manifest/schemas';

export type { SchemaError, SchemaChoice } from '../manifest/validate-schema';

export interface ManifestSchemaEvidence {
  /** validated: `errors` is complete (up to the cap); no-manifest: nothing parsed; no-schema: no bundled schema fits. */
  status: 'validated' | 'no-manifest' | 'no-schema';
  choice: SchemaChoice;
  /** The schema used (canonical URL). */
  schemaUrl?: string;
  version?: SchemaVersion;
  errors: SchemaError[];
  /** All errors reported (errors is capped). */
  errorCount: number;
  /** The precompiled (ajv standalone) validator of that version; nothing is compiled at run time. */
  engine?: SchemaEngine;
}

declare module '../core/evidence' {
  interface EvidenceMap {
    ManifestSchema: ManifestSchemaEvidence;
  }
}

export const manifestSchemaGatherer = defineGatherer({
  id: 'ManifestSchema',
  environments: ['node', 'browser'],
  timeoutMs: 15_000,
  async gather(ctx) {
    const m = await ctx.get('Manifest');
    if (!m.manifest) return { status: 'no-manifest', choice: {}, errors: [], errorCount: 0 };
    const choice = chooseSchema(m.manifest);
    if (!choice.version) return { status: 'no-schema', choice, errors: [], errorCount: 0 };
    const { errors, errorCount, engine } = await validateManifest(m.manifest, choice.version, m.text);
    return { status: 'validated', choice, version: choice.version, schemaUrl: schemaUrl(choice.version), errors, errorCount, engine };
  },
});

