/**
 * The official schema files bundled by @microsoft/app-manifest, read from disk (tests only:
 * independent of botflow's own loaders, so an oracle test compares against the real files).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { SchemaVersion } from '../../manifest/schemas';

const require = createRequire(import.meta.url);
const teamsRoot = require.resolve('@microsoft/app-manifest/package.json').replace(/package\.json$/, 'build/json-schemas/teams/');

/** Path of a version's MicrosoftTeams.schema.json. */
export function schemaFile(version: SchemaVersion): string {
  return `${teamsRoot}${version === 'devPreview' ? 'vDevPreview' : `v${version}`}/MicrosoftTeams.schema.json`;
}

/** A version's schema, parsed. */
export function readSchema(version: SchemaVersion): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return JSON.parse(readFileSync(schemaFile(version), 'utf8').replace(/^\uFEFF/, '')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}
