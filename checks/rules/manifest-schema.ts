import { defineCheck, type TypedOutcome } from '../core/define-check';
import { manifestStatusGuard } from '../computed/guards';
import { SOURCES } from '../data/sources';
import { describeSchemaError, type SchemaError } from '../manifest/schema-error';
import { builtManifestHint, placeholderName } from '../manifest/template';
import type {} from '../gather/manifest-schema';
import type {} from '../gather/manifest';

const messages = {
  ok: 'The manifest is valid against {{schemaUrl}}.',
  noSchema: 'No published schema matches manifestVersion "{{version}}", so the manifest was not validated (see manifest-version).',
  invalid: 'The manifest has {{count}} schema error(s) against {{schemaUrl}}; the first: {{first}}.',
  template: 'This manifest is a template: {{placeholders}} placeholder(s) such as {{example}} are filled in when the app package is built, so the {{count}} schema error(s) on them say nothing yet; {{hint}}.',
  templateInvalid: 'This manifest is a template ({{placeholders}} placeholder(s) such as {{example}}); apart from the values that hold placeholders it has {{count}} schema error(s) against {{schemaUrl}}; the first: {{first}}.',
  templateValid: 'This manifest is a template ({{placeholders}} placeholder(s) such as {{example}}) and is valid against {{schemaUrl}} even before they are filled in; {{hint}}.',
};

/** True for an error on a value that holds a placeholder (its final value is not known yet). */
function onPlaceholder(e: SchemaError, pointers: ReadonlySet<string>): boolean {
  return pointers.has(e.pointer);
}

export default defineCheck({
  meta: {
    id: 'manifest-schema',
    suite: 'manifest',
    title: 'Manifest is valid against its official schema',
    failureTitle: 'Manifest does not match its official schema',
    description: 'Teams validates the manifest against the published JSON schema of its manifestVersion. botflow validates offline against the same schema files (bundled by @microsoft/app-manifest, precompiled), with the same verdict and errors as the Agents Toolkit\'s validator, and points every error at its line and column. A manifest template (with ${{VAR}} or {{name}} placeholders) is recognised as such: errors on placeholders are set aside and the built manifest is named.',
    severity: 'error',
    requiredEvidence: ['ManifestSchema', 'Manifest'],
    guards: [manifestStatusGuard('ManifestSchema', 'There is no parsed manifest to validate (see manifest-json).')],
    messages,
    remediation: {
      invalid: 'Fix each error at the line and column given. In VS Code, keep "$schema" set to {{schemaUrl}} to see the same errors while editing.',
      templateInvalid: 'Fix the errors listed (they do not depend on the placeholders), then check the built manifest too.',
      template: 'Run the toolkit\'s build (for example "Zip Teams App Package", or provision/deploy) and check appPackage/build/appPackage.<env>.zip or appPackage/build/manifest.<env>.json with botflow.',
    },
    sources: [SOURCES.manifestSchema, SOURCES.schemaFiles, SOURCES.appManifestPackage, SOURCES.toolkitBuild],
  },
  evaluate({ ManifestSchema: s, Manifest }): TypedOutcome<keyof typeof messages> {
    if (s.status === 'no-schema' || !s.schemaUrl) {
      return { status: 'skip', messageId: 'noSchema', data: { version: s.choice.manifestVersion ?? s.choice.schemaUrlVersion ?? '(none)' } };
    }
    const template = Manifest.template;
    const evidence = {
      schemaUrl: s.schemaUrl, version: s.version ?? '', selectedBy: s.choice.selectedBy ?? '', valid: s.errorCount === 0, errorCount: s.errorCount,
      engine: s.engine ?? 'precompiled', template: template !== undefined, ...(template ? { placeholders: template.count } : {}),
    };
    const templateData = template ? { placeholders: template.count, example: placeholderName(template.placeholders[0]?.text ?? ''), hint: builtManifestHint(template) } : undefined;
    if (s.errorCount === 0) {
      return templateData
        ? { status: 'info', messageId: 'templateValid', data: { ...templateData, schemaUrl: s.schemaUrl }, evidence }
        : { status: 'pass', messageId: 'ok', data: { schemaUrl: s.schemaUrl }, evidence };
    }
    const pointers = new Set(template?.placeholders.map((p) => p.pointer) ?? []);
    const real = template ? s.errors.filter((e) => !onPlaceholder(e, pointers)) : s.errors;
    const setAside = s.errors.length - real.length;
    const details = real.map((e) => ({
      message: describeSchemaError(e, { withPointer: false }),
      path: e.pointer || '/',
      ...(e.line !== undefined ? { line: e.line } : {}),
      ...(e.column !== undefined ? { column: e.column } : {}),
      status: 'fail' as const,
    }));
    if (templateData && real.length === 0) {
      return { status: 'info', messageId: 'template', data: { ...templateData, count: setAside }, evidence: { ...evidence, onPlaceholders: setAside } };
    }
    const first = real[0]!;
    const at = first.line !== undefined ? ` (line ${first.line}, column ${first.column})` : '';
    const count = templateData ? s.errorCount - setAside : s.errorCount;
    return {
      status: 'fail',
      messageId: templateData ? 'templateInvalid' : 'invalid',
      data: { ...(templateData ?? {}), count, schemaUrl: s.schemaUrl, first: `${describeSchemaError(first)}${at}` },
      evidence: templateData ? { ...evidence, onPlaceholders: setAside } : evidence,
      details,
    };
  },
});
