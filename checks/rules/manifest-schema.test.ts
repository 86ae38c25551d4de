import { runCheckTable } from '../testing/check-tester';
import check from './manifest-schema';

const url = 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json';
const manifest = { Manifest: { source: { kind: 'json', bytes: 10 }, manifest: {} } };
const template = { Manifest: { source: { kind: 'json', bytes: 10 }, manifest: {}, template: { placeholders: [{ pointer: '/bots/0/botId', text: '${{BOT_ID}}', kind: 'toolkit-env' }], count: 1, toolkit: true } } };
const validated = { ...manifest, ManifestSchema: { status: 'validated', choice: { version: '1.30', selectedBy: 'manifestVersion', manifestVersion: '1.30' }, version: '1.30', schemaUrl: url, errors: [], errorCount: 0 } };
const error = (e: Record<string, unknown>) => ({ pointer: '', keyword: 'required', message: "must have required property 'developer'", params: { missingProperty: 'developer' }, schemaPath: '#/required', line: 1, column: 1, ...e });

runCheckTable(check, {
  base: validated,
  valid: [
    { name: 'no errors', messageId: 'ok' },
    { name: 'nothing parsed', evidence: { ManifestSchema: { status: 'no-manifest', choice: {} } }, status: 'skip', messageId: 'noManifest' },
    { name: 'no schema for 1.18', evidence: { ManifestSchema: { status: 'no-schema', choice: { manifestVersion: '1.18' }, schemaUrl: undefined } }, status: 'skip', messageId: 'noSchema', data: { version: '1.18' } },
    { name: 'a template whose only errors are on placeholders', evidence: { ...template, ManifestSchema: { errors: [error({ pointer: '/bots/0/botId', keyword: 'pattern', message: 'must match pattern', params: { pattern: 'guid' } })], errorCount: 1 } }, status: 'info', messageId: 'template', data: { count: 1, example: 'BOT_ID' } },
    { name: 'a template that is valid as it is', evidence: { ...template }, status: 'info', messageId: 'templateValid' },
  ],
  invalid: [
    { name: 'a template with an error apart from its placeholders', evidence: { ...template, ManifestSchema: { errors: [error({ pointer: '/bots/0/botId', keyword: 'pattern', message: 'must match pattern', params: { pattern: 'guid' } }), error({})], errorCount: 2 } }, status: 'fail', messageId: 'templateInvalid', data: { count: 1 } },
    { name: 'missing property', evidence: { ManifestSchema: { errors: [error({})], errorCount: 1 } }, status: 'fail', messageId: 'invalid', data: { count: 1 } },
    { name: 'enum error names the allowed values', evidence: { ManifestSchema: { errors: [error({ pointer: '/bots/0/scopes/0', keyword: 'enum', message: 'must be equal to one of the allowed values', params: { allowedValues: ['team', 'personal'] }, line: 9, column: 7 })], errorCount: 1 } }, status: 'fail', messageId: 'invalid', data: { first: '/bots/0/scopes/0 must be one of: "team", "personal" (line 9, column 7)' } },
    { name: 'more errors than kept', evidence: { ManifestSchema: { errors: [error({}), error({ params: { missingProperty: 'name' } })], errorCount: 250 } }, status: 'fail', messageId: 'invalid', data: { count: 250 } },
  ],
});
