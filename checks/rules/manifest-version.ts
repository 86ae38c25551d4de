import { defineCheck, type TypedOutcome } from '../core/define-check';
import { parsedManifestGuard } from '../computed/guards';
import { SOURCES } from '../data/sources';
import { RELEASED_VERSIONS, compareVersions, isSchemaVersion, schemaUrl as schemaUrlOf, versionFromSchemaUrl } from '../manifest/schemas';
import type {} from '../gather/manifest';

/** How many of the newest released versions count as current. */
export const CURRENT_WINDOW = 6;
export const LATEST_VERSION = RELEASED_VERSIONS[RELEASED_VERSIONS.length - 1] as string;
const OLDEST_CURRENT = RELEASED_VERSIONS[RELEASED_VERSIONS.length - CURRENT_WINDOW] as string;

const messages = {
  ok: 'manifestVersion {{version}} is one of the {{window}} newest published versions (newest bundled: {{latest}}).',
  missing: 'The manifest has no manifestVersion string.',
  notPublished: 'manifestVersion "{{version}}" was never published: Microsoft skipped 1.18, so there is no schema for it.',
  unknown: 'manifestVersion "{{version}}" is not a published Teams manifest version (botflow knows 1.0 to {{latest}} and devPreview).',
  schemaMismatch: 'manifestVersion is "{{version}}" but $schema points at version "{{schemaVersion}}"; editors validate against one and Teams against the other.',
  old: 'manifestVersion {{version}} is a published version, validated against its own schema; versions up to {{latest}} have been published since, and features added in them need a newer manifestVersion.',
  devPreview: 'manifestVersion is "devPreview": the public developer preview schema, whose preview features can change.',
};

export default defineCheck({
  meta: {
    id: 'manifest-version',
    suite: 'manifest',
    title: 'manifestVersion is a published version',
    failureTitle: 'manifestVersion is missing, unknown or disagrees with $schema',
    description: 'manifestVersion decides which schema Teams validates the manifest against and which features the app can use. A version that was never published (such as 1.18) has no schema; a $schema URL that names another version makes editors validate against a different schema than Teams does. An older published version is fine: it only lacks the features added since.',
    severity: 'warning',
    requiredEvidence: ['Manifest'],
    guards: [parsedManifestGuard()],
    messages,
    remediation: {
      missing: 'Add "manifestVersion": "{{latest}}" and "$schema": "https://developer.microsoft.com/json-schemas/teams/v{{latest}}/MicrosoftTeams.schema.json".',
      notPublished: 'Use 1.17 or 1.19 or later (for example "{{latest}}"), and point "$schema" at the same version.',
      unknown: 'Use a published version such as "{{latest}}", and point "$schema" at the same version.',
      schemaMismatch: 'Make "$schema" name the same version as manifestVersion: {{expectedUrl}}.',
      old: 'Nothing to do unless the app needs a newer feature; then raise manifestVersion and $schema together (for example to {{latest}}) and re-check the schema errors it brings up.',
    },
    sources: [SOURCES.manifestSchema, SOURCES.schemaFiles, SOURCES.devPreview],
  },
  evaluate({ Manifest }): TypedOutcome<keyof typeof messages> {
    const m = Manifest.manifest;
    const base = { latest: LATEST_VERSION, window: CURRENT_WINDOW, oldestCurrent: OLDEST_CURRENT };
    const version = m.manifestVersion;
    const schemaUrl = typeof m.$schema === 'string' ? m.$schema : undefined;
    const evidence = { ...(typeof version === 'string' ? { manifestVersion: version } : {}), ...(schemaUrl ? { schemaUrl } : {}), latest: LATEST_VERSION };
    if (typeof version !== 'string') return { status: 'fail', messageId: 'missing', data: base, evidence };
    if (version === '1.18') return { status: 'fail', messageId: 'notPublished', data: { ...base, version }, evidence };
    if (!isSchemaVersion(version)) return { status: 'fail', messageId: 'unknown', data: { ...base, version }, evidence };
    const schemaVersion = schemaUrl ? versionFromSchemaUrl(schemaUrl) : undefined;
    if (schemaVersion !== undefined && schemaVersion !== version) {
      return { status: 'warn', messageId: 'schemaMismatch', data: { ...base, version, schemaVersion, expectedUrl: schemaUrlOf(version) }, evidence };
    }
    if (version === 'devPreview') return { status: 'info', messageId: 'devPreview', data: base, evidence };
    if (compareVersions(version, OLDEST_CURRENT) < 0) return { status: 'info', messageId: 'old', data: { ...base, version }, evidence };
    return { status: 'pass', messageId: 'ok', data: { ...base, version }, evidence };
  },
});
