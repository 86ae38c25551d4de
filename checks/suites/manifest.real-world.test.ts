/**
 * The manifest checks on the real-world corpus (checks/testing/manifests/real-world: manifests
 * from public GitHub repositories, templates included): the table pins the expected finding of
 * every semantic check for every file, and the regression tests below hold each class of false
 * alarm found on real manifests (tab SSO, unified-manifest permissions, version noise, BOM,
 * message-extension bot ids, $schema URL forms, toolkit templates, wording) to real files of
 * that kind. The schema verdicts are held to ajv and AppManifestUtils in checks/manifest/oracle.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../core/runner';
import type { Report } from '../core/types';
import { readManifestInput } from '../manifest/read-manifest';
import { manifestSuite } from './manifest';
import { registrationSuite } from './registration';
import { FILLED_GUID, filledIn, realBytes, realEntry, realIndex, realText } from '../testing/manifests/real';
import { realFindings, type Findings } from '../testing/manifests/real-findings';

const expected = JSON.parse(readFileSync(new URL('../testing/manifests/real-world/expected.json', import.meta.url), 'utf8')) as Record<string, Findings>;
const corpus = realIndex();

function byId(report: Report): Record<string, Report['results'][number]> {
  return Object.fromEntries(report.results.map((r) => [r.id, r]));
}

async function check(input: { manifestText?: string; manifestBytes?: Uint8Array; appId?: string }) {
  return byId(await runChecks({ suite: manifestSuite, input }));
}

describe('real-world corpus: the findings table', () => {
  it('pins every corpus file, and only those', () => {
    expect(Object.keys(expected).sort()).toEqual(corpus.map((e) => e.file).sort());
  });

  it.each(corpus.map((e) => [e.file, e] as const))('%s', async (file, entry) => {
    expect(await realFindings(entry)).toEqual(expected[file]);
  });

  it('marks as a template exactly the files the index marks (found independently when collected)', () => {
    const disagree = corpus.filter((e) => e.json && (readManifestInput({ manifestBytes: realBytes(e) }).template !== undefined) !== e.template).map((e) => e.file);
    expect(disagree).toEqual([]);
  });

  it('raises no version warning without a documented reason, and no bot-id or SSO cascade on a template', () => {
    for (const [file, f] of Object.entries(expected)) {
      expect(['pass/ok', 'info/old', 'info/devPreview', 'warn/schemaMismatch', 'skip/noManifest'], file).toContain(f['manifest-version']);
      if (corpus.find((e) => e.file === file)!.template) {
        expect(f['manifest-bot-id'], file).not.toMatch(/^fail/);
        expect(f['manifest-sso'], file).not.toMatch(/^fail/);
      }
    }
  });
});

describe('real-world regressions', () => {
  it('tab SSO (api://<domain>/<app id>) in an app whose bot does no SSO passes manifest-sso', async () => {
    const r = await check({ manifestBytes: realBytes(realEntry('ae-bot-apppackage.json')) });
    expect(r['manifest-sso']).toMatchObject({ status: 'pass', evidence: { form: 'tab' } });
    expect(r['manifest-sso']!.message).toContain('tab SSO');
  });

  it('bot SSO with a scope suffix says to drop the suffix (real bot SSO manifest, suffix added)', async () => {
    const text = filledIn(realEntry('teams-agent-accelerator-samples-dotnet-dex-agent.json')).replace(`api://botid-${FILLED_GUID}`, `api://botid-${FILLED_GUID}/access_as_user`);
    const r = await check({ manifestText: text });
    expect(r['manifest-sso']).toMatchObject({ status: 'fail' });
    expect(r['manifest-sso']!.remediation).toContain(`"api://botid-${FILLED_GUID}" (drop "/access_as_user")`);
  });

  it.each(['teamsfx-samples-hello-world-teams-tab-and-outlook-add-in.json', 'microsoft-365-agents-toolkit-samples-hello-world-office-addi.json'])(
    'unified-manifest permissions such as MailboxItem.Read.User are known (%s)', async (file) => {
      const r = await check({ manifestBytes: realBytes(realEntry(file)) });
      expect(r['manifest-rsc-permissions']!.status).toBe('info');
      expect(r['manifest-rsc-permissions']!.evidence.permissions).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'MailboxItem.Read.User', readsContent: true, source: expect.stringContaining('outlook-add-in-permissions') })]));
    },
  );

  it('an older published version is info, not a warning (real v1.16 and v1.5 manifests)', async () => {
    for (const file of ['teamsfx-samples-share-now.json', 'teams-dev-samples-tab-sso-teamsclientsdk.json']) {
      const r = await check({ manifestBytes: realBytes(realEntry(file)) });
      expect(r['manifest-version']!.status, file).toBe('info');
    }
  });

  it.each(['teams-dev-samples-app-virtual-events-meeting-extensibility.json', 'teams-dev-samples-tab-adaptive-cards-graph-search.json', 'teams-dev-samples-tab-sso-teamsclientsdk.json'])(
    'a leading BOM is accepted (%s)', async (file) => {
      const bytes = realBytes(realEntry(file));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const r = await check({ manifestBytes: bytes });
      expect(r['manifest-json']).toMatchObject({ status: 'pass', evidence: { bom: true } });
    },
  );

  it('an app that is only a message extension has its composeExtensions[].botId checked, compared with --app-id and the registration', async () => {
    const text = filledIn(realEntry('teamsfx-samples-share-now.json'));
    expect((JSON.parse(text) as { bots?: unknown[] }).bots ?? []).toEqual([]);
    const ok = await check({ manifestText: text, appId: FILLED_GUID });
    expect(ok['manifest-bot-id']).toMatchObject({ status: 'pass', message: expect.stringContaining('composeExtensions[0].botId') });
    const other = await check({ manifestText: text, appId: '00000000-1111-2222-3333-444444444444' });
    expect(other['manifest-bot-id']).toMatchObject({ status: 'fail' });
    const bot = (msaAppId: string) => JSON.stringify({ name: 'b', location: 'global', properties: { msaAppId, msaAppType: 'SingleTenant', msaAppTenantId: '11111111-2222-3333-4444-555555555555', endpoint: 'https://contoso.azurewebsites.net/api/messages' } });
    for (const [id, status] of [[FILLED_GUID, 'pass'], ['00000000-1111-2222-3333-444444444444', 'fail']] as const) {
      const report = await runChecks({ suite: registrationSuite, input: { bot: bot(id), manifestText: text }, only: ['registration-manifest-match'] });
      expect(report.results[0]!.status, id).toBe(status);
    }
  });

  it('a $schema on GitHub (raw copy) that names another version than manifestVersion is detected', async () => {
    const r = await check({ manifestBytes: realBytes(realEntry('teams-dev-samples-tab-adaptive-cards-graph-search.json')) });
    expect(r['manifest-version']).toMatchObject({ status: 'warn', evidence: { manifestVersion: '1.9' } });
    expect(r['manifest-version']!.message).toContain('"devPreview"');
  });

  it('a toolkit template is said to be one, once, pointing at the built manifest; no GUID cascade', async () => {
    const r = await check({ manifestBytes: realBytes(realEntry('teams-py-examples-targeted-messages.json')), appId: FILLED_GUID });
    expect(r['manifest-schema']).toMatchObject({ status: 'info', evidence: { template: true, valid: false } });
    expect(r['manifest-schema']!.message).toContain('appPackage/build/manifest.<env>.json');
    expect(r['manifest-bot-id']!.status).toBe('skip');
    expect(r['manifest-sso']!.status).toBe('skip');
    const templated = Object.values(r).filter((x) => /placeholder|template/i.test(x.message) && x.status !== 'skip');
    expect(templated.map((x) => x.id)).toEqual(['manifest-schema']);
  });

  it.each([
    ['<<YOUR-APP-ID>>', 'teams-dev-samples-bot-sso-azuread.json'],
    ['YOUR-BOT-ID', 'teams-dev-samples-msgext-httpstatuscats.json'],
    ['{{MICROSOFT_APP_ID}}', 'teams-dev-samples-msgext-graph-action-config.json'],
  ])('a %s placeholder is a template too, not a bad GUID (%s)', async (placeholder, file) => {
    expect(realText(realEntry(file))).toContain(placeholder);
    const r = await check({ manifestBytes: realBytes(realEntry(file)) });
    expect(r['manifest-bot-id']!.status).toBe('skip');
    expect(r['manifest-schema']!.status).not.toBe('pass');
    expect(r['manifest-schema']!.evidence).toMatchObject({ template: true });
  });

  it('a devPreview manifest is named "devPreview", never "vdevPreview"', async () => {
    const r = await check({ manifestBytes: realBytes(realEntry('teams-py-examples-targeted-messages.json')) });
    for (const x of Object.values(r)) expect(x.message, x.id).not.toContain('vdevPreview');
    expect(r['manifest-bot-scopes']!.message).toContain('manifest devPreview');
  });
});
