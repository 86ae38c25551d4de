import { defineCheck, type TypedOutcome } from '../core/define-check';
import { SOURCES } from '../manifest/sources';
import { describeSchemaError } from '../manifest/schema-error';
import type {} from '../gather/manifest-schema';

const messages = {
  ok: 'The manifest is valid against {{schemaUrl}}.',
  noManifest: 'There is no parsed manifest to validate (see manifest-json).',
  noSchema: 'No published schema matches manifestVersion "{{version}}", so the manifest was not validated (see manifest-version).',
  invalid: 'The manifest has {{count}} schema error(s) against {{schemaUrl}}; the first: {{first}}.',
};

export default defineCheck({
  meta: {
    id: 'manifest-schema',
    suite: 'manifest',
    title: 'Manifest is valid against its official schema',
    failureTitle: 'Manifest does not match its official schema',
    description: 'Teams validates the manifest against the published JSON schema of its manifestVersion. botflow validates offline against the same schema files (bundled by @microsoft/app-manifest) and points every error at its line and column.',
    severity: 'error',
    requiredEvidence: ['ManifestSchema'],
    messages,
    remediation: {
      invalid: 'Fix each error at the line and column given. In VS Code, keep "$schema" set to {{schemaUrl}} to see the same errors while editing.',
    },
    sources: [SOURCES.manifestSchema, SOURCES.schemaFiles, SOURCES.appManifestPackage],
  },
  evaluate({ ManifestSchema: s }): TypedOutcome<keyof typeof messages> {
    if (s.status === 'no-manifest') return { status: 'skip', messageId: 'noManifest' };
    if (s.status === 'no-schema' || !s.schemaUrl) {
      return { status: 'skip', messageId: 'noSchema', data: { version: s.choice.manifestVersion ?? s.choice.schemaUrlVersion ?? '(none)' } };
    }
    const evidence = { schemaUrl: s.schemaUrl, version: s.version ?? '', selectedBy: s.choice.selectedBy ?? '', errorCount: s.errorCount, engine: s.engine ?? 'ajv' };
    if (s.errorCount === 0) return { status: 'pass', messageId: 'ok', data: { schemaUrl: s.schemaUrl }, evidence };
    const details = s.errors.map((e) => ({
      message: describeSchemaError(e, { withPointer: false }),
      path: e.pointer || '/',
      ...(e.line !== undefined ? { line: e.line } : {}),
      ...(e.column !== undefined ? { column: e.column } : {}),
      status: 'fail' as const,
    }));
    const first = s.errors[0]!;
    const at = first.line !== undefined ? ` (line ${first.line}, column ${first.column})` : '';
    return {
      status: 'fail',
      messageId: 'invalid',
      data: { count: s.errorCount, schemaUrl: s.schemaUrl, first: `${describeSchemaError(first)}${at}` },
      evidence,
      details,
    };
  },
});
