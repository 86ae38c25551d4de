import { runCheckTable } from '../testing/check-tester';
import check, { LATEST_VERSION } from './manifest-version';
import { baseEvidence, editedEvidence } from '../testing/manifests/evidence';

runCheckTable(check, {
  valid: [
    { name: 'newest version', evidence: baseEvidence('hello-world-bot', LATEST_VERSION as '1.30'), messageId: 'ok' },
    { name: 'v1.25 is still current', evidence: baseEvidence('hello-world-bot', '1.25'), messageId: 'ok' },
    { name: 'devPreview', evidence: baseEvidence('hello-world-bot', 'devPreview'), status: 'info', messageId: 'devPreview' },
    { name: 'locale-prefixed $schema URL', evidence: editedEvidence('hello-world-bot', '1.30', (m) => { m.$schema = 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.30/MicrosoftTeams.schema.json'; }), messageId: 'ok' },
    { name: 'no $schema', evidence: editedEvidence('hello-world-bot', '1.29', (m) => { delete m.$schema; }), messageId: 'ok' },
    { name: 'v1.11 is published: info, not a warning', evidence: baseEvidence('hello-world-bot', '1.11'), status: 'info', messageId: 'old', data: { version: '1.11' } },
    { name: 'v1.24 is just outside the newest versions: info', evidence: baseEvidence('hello-world-bot', '1.24'), status: 'info', messageId: 'old' },
    { name: 'GitHub raw copy of the same version', evidence: editedEvidence('hello-world-bot', '1.29', (m) => { m.$schema = 'https://raw.githubusercontent.com/microsoft/json-schemas/main/teams/v1.29/MicrosoftTeams.schema.json'; }), messageId: 'ok' },
    { name: 'nothing parsed', evidence: { Manifest: { source: { kind: 'json', bytes: 1 } } }, status: 'skip', messageId: 'noManifest' },
  ],
  invalid: [
    { name: 'v1.18 was never published', evidence: editedEvidence('hello-world-bot', '1.17', (m) => { m.manifestVersion = '1.18'; }), status: 'fail', messageId: 'notPublished' },
    { name: 'made-up version', evidence: editedEvidence('hello-world-bot', '1.30', (m) => { m.manifestVersion = '2.0'; }), status: 'fail', messageId: 'unknown' },
    { name: 'number instead of string', evidence: editedEvidence('hello-world-bot', '1.30', (m) => { m.manifestVersion = 1.3; }), status: 'fail', messageId: 'missing' },
    { name: 'missing', evidence: editedEvidence('hello-world-bot', '1.30', (m) => { delete m.manifestVersion; }), status: 'fail', messageId: 'missing' },
    { name: '$schema names another version', evidence: editedEvidence('hello-world-bot', '1.29', (m) => { m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json'; }), status: 'warn', messageId: 'schemaMismatch', data: { version: '1.29', schemaVersion: '1.30' } },
    { name: '$schema on raw.githubusercontent.com names another version', evidence: editedEvidence('hello-world-bot', '1.29', (m) => { m.$schema = 'https://raw.githubusercontent.com/microsoft/json-schemas/main/teams/v1.28/MicrosoftTeams.schema.json'; }), status: 'warn', messageId: 'schemaMismatch', data: { schemaVersion: '1.28' } },
    { name: 'dev preview $schema from OfficeDev/microsoft-teams-app-schema on a released version', evidence: editedEvidence('hello-world-bot', '1.29', (m) => { m.$schema = 'https://raw.githubusercontent.com/OfficeDev/microsoft-teams-app-schema/preview/DevPreview/MicrosoftTeams.schema.json'; }), status: 'warn', messageId: 'schemaMismatch', data: { schemaVersion: 'devPreview' } },
    { name: 'github.com blob link names another version', evidence: editedEvidence('hello-world-bot', '1.29', (m) => { m.$schema = 'https://github.com/microsoft/json-schemas/blob/main/teams/v1.27/MicrosoftTeams.schema.json'; }), status: 'warn', messageId: 'schemaMismatch' },
    { name: 'old statics.teams.microsoft.com address names another version', evidence: editedEvidence('hello-world-bot', '1.29', (m) => { m.$schema = 'https://statics.teams.microsoft.com/sdk/v1.2/manifest/MicrosoftTeams.schema.json'; }), status: 'warn', messageId: 'schemaMismatch', data: { schemaVersion: '1.2' } },
  ],
});
