/**
 * The `ManifestSchema` evidence: which bundled official schema applies (by manifestVersion, else
 * the $schema URL) and every validation error with its JSON pointer, line and column. Loading a
 * schema is asynchronous (a lazily loaded chunk in the browser), which is why this is a gatherer
 * and not part of a rule. Browser-safe; never touches the network.
 */
import { defineGatherer } from '../core/gatherer';
import { UnsupportedEnvironmentError } from '../core/errors';
import { chooseSchema, schemaUrl, validateManifest, type SchemaChoice, type SchemaError } from '../manifest/validate-schema';
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
  /** All errors ajv reported (errors is capped). */
  errorCount: number;
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
    let result: Awaited<ReturnType<typeof validateManifest>>;
    try {
      result = await validateManifest(m.manifest, choice.version, m.text);
    } catch (err) {
      // ajv compiles a schema into a JavaScript function; a page whose Content Security Policy
      // forbids 'unsafe-eval' blocks that. Say so plainly instead of failing obscurely.
      if (isCodeGenerationBlocked(err)) {
        throw new UnsupportedEnvironmentError('Schema validation needs to compile the schema to JavaScript, which this page\'s Content Security Policy blocks (no \'unsafe-eval\'). The other manifest checks still ran; for the schema check run `npx botflow manifest <file>`.');
      }
      throw err;
    }
    const { errors, errorCount } = result;
    return { status: 'validated', choice, version: choice.version, schemaUrl: schemaUrl(choice.version), errors, errorCount };
  },
});

/** True for the error a browser throws when CSP blocks `new Function` / eval. */
export function isCodeGenerationBlocked(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return err.name === 'EvalError' || /unsafe-eval|Content Security Policy|code generation from strings/i.test(err.message);
}
