import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, compareVersions, schemaUrl, versionFromSchemaUrl } from './schemas';
import { chooseSchema } from './validate-schema';

const require = createRequire(import.meta.url);
const teamsDir = require.resolve('@microsoft/app-manifest/package.json').replace(/package\.json$/, 'build/json-schemas/teams');

describe('bundled schema table', () => {
  it('lists exactly the versions @microsoft/app-manifest bundles (a package update adding one fails here)', () => {
    const onDisk = readdirSync(teamsDir).map((d) => (d === 'vDevPreview' ? 'devPreview' : d.replace(/^v/, ''))).sort(compareVersions);
    expect([...SCHEMA_VERSIONS]).toEqual(onDisk);
    expect(SCHEMA_VERSIONS).not.toContain('1.18');
  });

  it('orders versions numerically', () => {
    expect(['1.10', '1.9', 'devPreview', '1.30', '1.2'].sort(compareVersions)).toEqual(['1.2', '1.9', '1.10', '1.30', 'devPreview']);
  });

  it.each([
    ['https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json', '1.17'],
    ['https://developer.microsoft.com/en-us/json-schemas/teams/v1.30/MicrosoftTeams.schema.json', '1.30'],
    ['https://developer.microsoft.com/json-schemas/teams/vDevPreview/MicrosoftTeams.schema.json', 'devPreview'],
    ['https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json', '1.18'],
    ['https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json', undefined],
    ['https://example.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json', undefined],
  ])('versionFromSchemaUrl(%s)', (url, version) => {
    expect(versionFromSchemaUrl(url)).toBe(version);
  });

  it('round-trips schemaUrl', () => {
    for (const v of SCHEMA_VERSIONS) expect(versionFromSchemaUrl(schemaUrl(v))).toBe(v);
  });

  it('chooses by manifestVersion first, then $schema', () => {
    expect(chooseSchema({ manifestVersion: '1.29', $schema: schemaUrl('1.30') })).toMatchObject({ version: '1.29', selectedBy: 'manifestVersion', schemaUrlVersion: '1.30' });
    expect(chooseSchema({ $schema: schemaUrl('1.30') })).toMatchObject({ version: '1.30', selectedBy: '$schema' });
    expect(chooseSchema({ manifestVersion: '1.18', $schema: schemaUrl('1.17') }).version).toBeUndefined();
    expect(chooseSchema({}).version).toBeUndefined();
  });
});
