import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../testing/cli';
import { BOTFRAMEWORK_TENANT_ID, startEntraMock } from '../../testing/azure-mocks/entra-server';
import { applicationResource, keyCredential, passwordCredential, startGraphMock } from '../../testing/azure-mocks/graph-server';
import type { MockServer } from '../../testing/azure-mocks/http';
import { tempDir, type TempDir } from '../../testing/azure-mocks/files';
import { APP_ID, botResource, OTHER_ID, TENANT_ID } from '../../testing/azure-mocks/fixtures';
import type { CheckResult, Report } from '../../core/types';
import { cloudEndpoints } from '../../core/clouds';
import { tokenEndpoint } from '../../gather/entra-token';

const SECRET = 'Qx8~mock.secret-VALUE_1234567890abcdef';
const OLD_SECRET = 'Old8~expired.secret_VALUE_0987654321';
const SECRET_KEY_ID = '5d6e7f80-91a2-4b3c-8d4e-5f6071829304';
const MT_APP = '1e2d3c4b-5a69-4788-9a0b-c1d2e3f40516';
const GRAPH_TOKEN = 'graph-token-abc123def456';
const issued: string[] = [];
let entra: MockServer;
let graph: MockServer;
let dir: TempDir;
const f: Record<string, string> = {};

const days = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString();

beforeAll(async () => {
  entra = await startEntraMock({
    issued,
    tenants: [
      { names: [TENANT_ID, 'contoso.onmicrosoft.com'], id: TENANT_ID, apps: [{ clientId: APP_ID, secrets: [{ value: SECRET, keyId: SECRET_KEY_ID }, { value: OLD_SECRET, keyId: OTHER_ID, expired: true }] }] },
      { names: ['botframework.com'], id: BOTFRAMEWORK_TENANT_ID, apps: [{ clientId: MT_APP, secrets: [{ value: SECRET, keyId: SECRET_KEY_ID }] }] },
      { names: ['MicrosoftServices.onmicrosoft.us'], id: '11111111-2222-4333-8444-555555555555', apps: [{ clientId: MT_APP, secrets: [{ value: SECRET, keyId: SECRET_KEY_ID }] }] },
    ],
  });
  graph = await startGraphMock({
    token: GRAPH_TOKEN,
    applications: [
      applicationResource(APP_ID, { passwordCredentials: [passwordCredential('prod', days(200), SECRET_KEY_ID)], keyCredentials: [keyCredential('cert', days(400))] }),
      applicationResource(MT_APP, { signInAudience: 'AzureADMyOrg', passwordCredentials: [passwordCredential('soon', days(12)), passwordCredential('old', days(-3))] }),
    ],
  });
  dir = await tempDir();
  f.bot = await dir.write('bot.json', botResource());
  f.mtBot = await dir.write('mt-bot.json', botResource({ msaAppType: 'MultiTenant', msaAppId: MT_APP, msaAppTenantId: null }));
  f.msiBot = await dir.write('msi-bot.json', botResource({ msaAppType: 'UserAssignedMSI' }));
  f.brokenBot = await dir.write('broken-bot.json', '{\n  "properties": {\n    "msaAppId": "x",\n  }\n}');
});
afterAll(async () => {
  await Promise.all([entra.close(), graph.close(), dir.remove()]);
});

interface TokenRun {
  code: number;
  report?: Report;
  /** The credentials-token result (and, with --graph, the two app registration results). */
  token?: CheckResult;
  expiry?: CheckResult;
  audience?: CheckResult;
  stdout: string;
  stderr: string;
}

const resultOf = (report: Report | undefined, id: string): CheckResult | undefined => report?.results.find((r) => r.id === id);
/** Evidence fields of a result, typed loosely for the assertions. */
const ev = (r: CheckResult | undefined): Record<string, unknown> & { claims?: Record<string, unknown>; hints?: string[]; credentials?: Array<{ kind: string; status: string; daysLeft?: number }> } => (r?.evidence ?? {}) as never;

async function token(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<TokenRun> {
  const run = await runCli(['token', ...args, '--format', 'json'], { env: { BOTFLOW_LOGIN_URL: entra.url, BOTFLOW_GRAPH_URL: graph.url, ...env }, ...(stdin !== undefined ? { stdin } : {}) });
  let report: Report | undefined;
  try {
    report = JSON.parse(run.stdout) as Report;
  } catch {
    report = undefined;
  }
  for (const secret of [SECRET, OLD_SECRET, GRAPH_TOKEN, ...issued]) {
    expect(run.stdout + run.stderr).not.toContain(secret);
  }
  const found = { token: resultOf(report, 'credentials-token'), expiry: resultOf(report, 'credentials-secret-expiry'), audience: resultOf(report, 'credentials-sign-in-audience') };
  return {
    code: run.code, stdout: run.stdout, stderr: run.stderr, ...(report ? { report } : {}),
    ...Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined)),
  };
}

describe('botflow token', () => {
  it('gets a SingleTenant token from the bot\'s tenant and shows only public claims', async () => {
    const before = entra.requests.length;
    const run = await token(['--bot', f.bot!], { BOTFLOW_CLIENT_SECRET: SECRET });
    expect(run.code).toBe(0);
    expect(run.token).toMatchObject({ status: 'pass', evidence: { claims: { aud: 'https://api.botframework.com', tid: TENANT_ID, appid: APP_ID, iss: `https://sts.windows.net/${TENANT_ID}/` } } });
    expect(run.report?.target).toMatchObject({ tokenEndpoint: `${entra.url}/${TENANT_ID}/oauth2/v2.0/token`, scope: 'https://api.botframework.com/.default' });
    const form = new URLSearchParams(entra.requests[before]!.body);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('scope')).toBe('https://api.botframework.com/.default');
    expect(entra.requests[before]!.url).toBe(`/${TENANT_ID}/oauth2/v2.0/token`);
  });

  it('asks the botframework.com tenant for a MultiTenant bot', async () => {
    const run = await token(['--app-id', MT_APP, '--app-type', 'MultiTenant'], {}, `${SECRET}\n`).then((r) => r);
    expect(run.code).toBe(2); // no secret in env and no --secret-stdin: refused
    const ok = await token(['--app-id', MT_APP, '--app-type', 'MultiTenant', '--secret-stdin'], {}, `${SECRET}\n`);
    expect(ok.code).toBe(0);
    expect(ok.report?.target.tenant).toBe('botframework.com');
    expect(ev(ok.token).claims?.tid).toBe(BOTFRAMEWORK_TENANT_ID);
  });

  it('uses the US Government tenant and scope for GCC High', async () => {
    const before = entra.requests.length;
    const run = await token(['--app-id', MT_APP, '--app-type', 'MultiTenant', '--cloud', 'gcch'], { BOTFLOW_CLIENT_SECRET: SECRET });
    expect(run.code).toBe(0);
    expect(run.report?.target.scope).toBe('https://api.botframework.us/.default');
    expect(entra.requests[before]!.url).toBe('/MicrosoftServices.onmicrosoft.us/oauth2/v2.0/token');
    expect(ev(run.token).claims?.aud).toBe('https://api.botframework.us');
  });

  it('defaults to the US Government login host and tenant for GCC High and DoD (no request made here)', () => {
    for (const id of ['gcch', 'dod'] as const) {
      const c = cloudEndpoints(id);
      expect(tokenEndpoint(c.loginAuthority, c.multiTenantLoginTenant)).toBe('https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us/oauth2/v2.0/token');
      expect(c.botOAuthScope).toBe('https://api.botframework.us/.default');
    }
    const pub = cloudEndpoints('public');
    expect(tokenEndpoint(pub.loginAuthority, TENANT_ID)).toBe(`https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/token`);
  });

  it.each([
    ['a wrong secret (AADSTS7000215)', { BOTFLOW_CLIENT_SECRET: 'not-the-secret-value' }, ['--bot', 'bot'], 7000215, /Secret ID.*pasted instead of its value/],
    ['an expired secret (AADSTS7000222)', { BOTFLOW_CLIENT_SECRET: OLD_SECRET }, ['--bot', 'bot'], 7000222, /Create a new client secret/],
    ['an app not in the botframework.com tenant (AADSTS700016)', { BOTFLOW_CLIENT_SECRET: SECRET }, ['--app-id', APP_ID, '--app-type', 'MultiTenant'], 700016, /asks the botframework\.com tenant/],
    ['an unknown tenant (AADSTS90002)', { BOTFLOW_CLIENT_SECRET: SECRET }, ['--app-id', APP_ID, '--app-type', 'SingleTenant', '--tenant', 'fabrikam.onmicrosoft.com'], 90002, /directory \(tenant\) id GUID/],
  ])('explains %s with exit 1', async (_name, env, args, code, advice) => {
    const run = await token(args.map((a) => (a === 'bot' ? f.bot! : a)), env);
    expect(run.code).toBe(1);
    expect(run.token?.status).toBe('fail');
    expect(ev(run.token).aadsts).toBe(code);
    expect(ev(run.token).advice).toMatch(advice);
    expect(ev(run.token).traceId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads the Bot Framework SDK settings from the bot\'s environment', async () => {
    const run = await token([], { MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT_ID, MicrosoftAppPassword: SECRET });
    expect(run.code).toBe(0);
    expect(run.report?.target).toMatchObject({ appId: APP_ID, appType: 'SingleTenant', tenant: TENANT_ID });
  });

  it('notices a Secret ID pasted as the secret', async () => {
    const run = await token(['--bot', f.bot!], { BOTFLOW_CLIENT_SECRET: SECRET_KEY_ID });
    expect(ev(run.token).aadsts).toBe(7000215);
    expect(ev(run.token).hints?.join(' ')).toContain('shaped like a GUID');
    const withGraph = await token(['--bot', f.bot!, '--graph'], { BOTFLOW_CLIENT_SECRET: SECRET_KEY_ID, BOTFLOW_GRAPH_TOKEN: GRAPH_TOKEN });
    expect(ev(withGraph.token).hints?.join(' ')).toContain('is the Secret ID of the client secret "prod"');
  });

  it('prints the plain-text result with advice and without the secret', async () => {
    const run = await runCli(['token', '--bot', f.bot!], { env: { BOTFLOW_LOGIN_URL: entra.url, BOTFLOW_CLIENT_SECRET: 'wrong-secret-value-xyz' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL +credentials-token {2}Bot cannot get its Bot Framework token\n +Entra ID refused the token request: AADSTS7000215 \(InvalidClientSecret\)/);
    expect(run.stdout).toContain('Fix: Most often the secret\'s ID');
    expect(run.stdout).not.toContain('wrong-secret-value-xyz');
  });

  it('never prints a secret that a misbehaving token endpoint echoes back', async () => {
    const leaky = await startEntraMock({ echoSecret: true, tenants: [{ names: [TENANT_ID], id: TENANT_ID, apps: [{ clientId: APP_ID, secrets: [] }] }] });
    try {
      for (const format of ['json', 'text']) {
        const run = await runCli(['token', '--bot', f.bot!, '--format', format], { env: { BOTFLOW_LOGIN_URL: leaky.url, BOTFLOW_CLIENT_SECRET: 'canary-secret-0123456789' } });
        expect(run.stdout).toContain('[redacted]');
        expect(run.stdout + run.stderr).not.toContain('canary-secret-0123456789');
      }
    } finally {
      await leaky.close();
    }
  });

  it('reports throttling and an unreachable endpoint as errors (exit 3)', async () => {
    const busy = await startEntraMock({ throttle: { count: 5, retryAfter: '7' }, tenants: [] });
    try {
      const run = await runCli(['token', '--bot', f.bot!, '--format', 'json'], { env: { BOTFLOW_LOGIN_URL: busy.url, BOTFLOW_CLIENT_SECRET: SECRET } });
      expect(run.code).toBe(3);
      expect(resultOf(JSON.parse(run.stdout) as Report, 'credentials-token')?.message).toContain('retry after 7 s');
      expect(resultOf(JSON.parse(run.stdout) as Report, 'credentials-token')?.error?.code).toBe('CHK_ERR_AZURE_THROTTLED');
    } finally {
      await busy.close();
    }
    const down = await runCli(['token', '--bot', f.bot!, '--format', 'json'], { env: { BOTFLOW_LOGIN_URL: 'http://127.0.0.1:9', BOTFLOW_CLIENT_SECRET: SECRET } });
    expect(down.code).toBe(3);
    expect(resultOf(JSON.parse(down.stdout) as Report, 'credentials-token')?.message).toMatch(/Could not reach the Entra ID token endpoint/);
  });

  describe('with Microsoft Graph', () => {
    it('passes healthy credentials and a matching audience', async () => {
      const run = await token(['--bot', f.bot!, '--graph'], { BOTFLOW_CLIENT_SECRET: SECRET, BOTFLOW_GRAPH_TOKEN: GRAPH_TOKEN });
      expect(run.code).toBe(0);
      expect(run.expiry).toMatchObject({ status: 'pass', evidence: { application: { signInAudience: 'AzureADMyOrg' } } });
      expect(run.audience).toMatchObject({ status: 'pass' });
      expect(ev(run.expiry).credentials?.map((c) => [c.kind, c.status])).toEqual([['secret', 'pass'], ['certificate', 'pass']]);
    });

    it('fails an expired secret, warns one expiring within 30 days, and flags a MultiTenant bot on a single-tenant app', async () => {
      const run = await token(['--bot', f.mtBot!, '--graph', '--graph-token-stdin'], { BOTFLOW_CLIENT_SECRET: SECRET }, GRAPH_TOKEN);
      expect(run.code).toBe(1);
      const creds = ev(run.expiry).credentials ?? [];
      expect(creds.map((c) => c.status)).toEqual(['warn', 'fail']);
      expect(creds[0]?.daysLeft).toBe(11);
      expect(run.audience).toMatchObject({ status: 'fail', evidence: { signInAudience: 'AzureADMyOrg', appType: 'MultiTenant' } });
    });

    it('explains a Graph 403 and a rejected Graph token (exit 3)', async () => {
      const denied = await token(['--bot', f.bot!, '--graph'], { BOTFLOW_CLIENT_SECRET: SECRET, BOTFLOW_GRAPH_TOKEN: 'expired-graph-token-000' });
      expect(denied.code).toBe(3);
      expect(denied.expiry?.message).toContain('rejected the Graph token (401 InvalidAuthenticationToken)');
      expect(denied.stdout).not.toContain('expired-graph-token-000');
    });
  });

  it.each([
    ['a managed-identity bot', ['--bot', 'msi'], {}, /UserAssignedMSI bot has no client secret/],
    ['a malformed bot JSON', ['--bot', 'broken'], {}, /broken-bot\.json is not valid JSON: JSON does not allow a comma after the last property at line 3, column 20/],
    ['no secret', ['--bot', 'bot'], {}, /no client secret: set the BOTFLOW_CLIENT_SECRET/],
    ['a secret on the command line', ['--bot', 'bot', '--client-secret=argv-secret-123'], {}, /--client-secret is not accepted/],
    ['a secret as a separate argument', ['--bot', 'bot', '--secret', 'argv-secret-123'], {}, /--secret is not accepted/],
    ['both stdin flags', ['--bot', 'bot', '--secret-stdin', '--graph', '--graph-token-stdin'], {}, /cannot both read standard input/],
    ['no app id', ['--app-type', 'MultiTenant'], {}, /give the bot's app id/],
    ['no tenant for a single-tenant bot', ['--app-id', APP_ID, '--app-type', 'SingleTenant'], {}, /give --tenant/],
    ['no app type', ['--app-id', APP_ID], {}, /give the app type/],
  ])('refuses %s (exit 2)', async (_name, args, env, message) => {
    const argv = args.map((a) => (a === 'bot' ? f.bot! : a === 'msi' ? f.msiBot! : a === 'broken' ? f.brokenBot! : a));
    const run = await runCli(['token', ...argv], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain('argv-secret-123');
  });
});
