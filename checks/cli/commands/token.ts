import { Option, type Command } from 'commander';
import type { CommandContext, RegisterCommand } from '../command';
import { ExitCode } from '../exit-codes';
import { UsageError } from '../usage-error';
import { cloudEndpoints, type EgressCloudId } from '../../core/clouds';
import { isCheckEngineError } from '../../core/errors';
import { TOOL_VERSION } from '../../core/version';
import { AADSTS_REFERENCE_URL } from '../../computed/entra-advice';
import { requestBotToken, tokenEndpoint, type TokenClaims } from '../../gather/entra-token';
import { redactSecrets, scrubStrings } from '../../core/redact';
import { readGraphApplication } from '../../gather/graph-application';
import { audienceVerdict, credentialVerdicts, type AudienceVerdict, type CredentialVerdict, type Verdict } from '../../computed/graph-verdicts';
import { isGuid, readBotResource } from '../../computed/registration-model';
import { parseJsonDocument } from '../../core/json-parse';
import {
  CLOUD_CHOICES, SECRET_OPTION_NAMES, assertNoSecretOptions, checkBaseUrl, readInputFile, readSecret, refuseSecretOptions,
} from './registration';

export const CLIENT_SECRET_ENV = 'BOTFLOW_CLIENT_SECRET';
export const GRAPH_TOKEN_ENV = 'BOTFLOW_GRAPH_TOKEN';
export const LOGIN_URL_ENV = 'BOTFLOW_LOGIN_URL';
export const GRAPH_URL_ENV = 'BOTFLOW_GRAPH_URL';
const APP_TYPES = ['SingleTenant', 'MultiTenant', 'UserAssignedMSI'] as const;

type Status = 'pass' | 'warn' | 'fail' | 'error';

interface TokenFlags {
  appId?: string;
  appType?: (typeof APP_TYPES)[number];
  tenant?: string;
  bot?: string;
  cloud: EgressCloudId;
  secretStdin?: boolean;
  graph?: boolean;
  graphTokenStdin?: boolean;
  loginUrl?: string;
  graphUrl?: string;
  format: 'text' | 'json';
  [key: string]: unknown;
}

/** What `botflow token` reports: never a secret or a token, only their outcome and public claims. */
export interface TokenReport {
  tool: { name: 'botflow'; version: string };
  command: 'token';
  status: Status;
  app: { appId: string; appType: string; cloud: string; tenant: string };
  request: { tokenEndpoint: string; scope: string };
  token: {
    status: Status;
    message: string;
    claims?: TokenClaims;
    expiresAt?: string;
    aadsts?: number;
    error?: string;
    advice?: string;
    description?: string;
    traceId?: string;
    correlationId?: string;
    hints: string[];
    reference?: string;
  };
  graph?: {
    status: Status | 'skip';
    message: string;
    application?: { displayName?: string; signInAudience?: string };
    audience?: AudienceVerdict;
    credentials?: CredentialVerdict[];
  };
}

const RANK: Record<string, number> = { pass: 0, info: 0, skip: 0, warn: 1, fail: 2, error: 3 };
function worst(statuses: ReadonlyArray<Status | Verdict>): Status {
  let out: Status = 'pass';
  for (const s of statuses) {
    if ((RANK[s] ?? 0) > RANK[out]!) out = s as Status;
  }
  return out;
}

async function resolveApp(ctx: CommandContext, flags: TokenFlags): Promise<{ appId: string; appType: string; tenant?: string }> {
  let appId = flags.appId?.trim();
  let appType: string | undefined = flags.appType;
  let tenant = flags.tenant?.trim();
  // The Bot Framework SDK settings, when botflow runs in the bot's own environment.
  const env = ctx.io.env;
  if (!flags.bot) {
    appId ??= env.MicrosoftAppId?.trim() || undefined;
    appType ??= env.MicrosoftAppType?.trim() || undefined;
    tenant ??= env.MicrosoftAppTenantId?.trim() || undefined;
  }
  if (flags.bot) {
    const doc = parseJsonDocument((await readInputFile(ctx, flags.bot, 'Azure Bot JSON', 1024 * 1024)).toString('utf8'), flags.bot);
    const bot = readBotResource(doc, flags.bot);
    appId ??= bot.msaAppId;
    appType ??= bot.msaAppType;
    tenant ??= bot.msaAppTenantId;
  }
  if (!appId) throw new UsageError('give the bot\'s app id with --app-id (or --bot with the "az bot show" JSON, or the MicrosoftAppId environment variable).');
  if (!isGuid(appId)) throw new UsageError(`--app-id "${appId.slice(0, 80)}" is not a GUID (the bot's Microsoft App ID).`);
  if (!appType) throw new UsageError('give the app type with --app-type SingleTenant|MultiTenant (or --bot with the "az bot show" JSON).');
  const known = APP_TYPES.find((t) => t.toLowerCase() === appType!.toLowerCase());
  if (!known) throw new UsageError(`app type "${appType}" is not one of ${APP_TYPES.join(', ')}.`);
  if (known === 'UserAssignedMSI') {
    throw new UsageError('a UserAssignedMSI bot has no client secret: it gets its token from the managed identity endpoint of its Azure host, which botflow cannot reach from here.');
  }
  if (known === 'SingleTenant') {
    if (!tenant) throw new UsageError('a SingleTenant bot gets its token from its own tenant: give --tenant <tenant id> (or --bot with the "az bot show" JSON).');
    if (!isGuid(tenant) && !/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(tenant)) throw new UsageError(`--tenant "${tenant.slice(0, 80)}" is neither a tenant id (GUID) nor a domain name.`);
  }
  return { appId, appType: known, ...(tenant ? { tenant } : {}) };
}

function renderText(r: TokenReport): string {
  const lines: string[] = [];
  const mark = (s: string): string => ({ pass: 'PASS', warn: 'WARN', fail: 'FAIL', error: 'ERROR', skip: 'SKIP', info: 'INFO' }[s] ?? s.toUpperCase());
  lines.push(`botflow token: ${r.app.appType} bot ${r.app.appId} (${r.app.cloud} cloud)`);
  lines.push(`  token endpoint: ${r.request.tokenEndpoint}`);
  lines.push(`  scope:          ${r.request.scope}`);
  lines.push('');
  lines.push(`${mark(r.token.status)}  ${r.token.message}`);
  if (r.token.claims) {
    const c = r.token.claims;
    for (const [k, v] of [['aud', c.aud], ['iss', c.iss], ['tid', c.tid], ['appid', c.appid ?? c.azp], ['exp', r.token.expiresAt]] as const) {
      if (v !== undefined) lines.push(`      ${k.padEnd(6)} ${v}`);
    }
  }
  if (r.token.description) lines.push(`      Entra ID said: ${r.token.description}`);
  if (r.token.advice) lines.push(`      What to do: ${r.token.advice}`);
  for (const hint of r.token.hints) lines.push(`      Note: ${hint}`);
  if (r.token.traceId) lines.push(`      trace id ${r.token.traceId}, correlation id ${r.token.correlationId ?? '-'}`);
  if (r.token.reference) lines.push(`      See ${r.token.reference}`);
  if (r.graph) {
    lines.push('');
    lines.push(`${mark(r.graph.status)}  ${r.graph.message}`);
    if (r.graph.audience) lines.push(`      ${mark(r.graph.audience.status)} ${r.graph.audience.message}`);
    for (const c of r.graph.credentials ?? []) lines.push(`      ${mark(c.status)} ${c.message}`);
  }
  lines.push('');
  lines.push(`Result: ${mark(r.status)}`);
  return `${lines.join('\n')}\n`;
}

/** `botflow token`: can this bot get its Bot Framework token, and are its credentials healthy? */
const register: RegisterCommand = (program, ctx) => {
  const cmd: Command = program
    .command('token')
    .description('Get the bot\'s Bot Framework token with client credentials and explain the result (CLI only; the secret comes from the environment or stdin).')
    .option('--app-id <guid>', 'the bot\'s Microsoft App ID (default: from --bot)')
    .addOption(new Option('--app-type <type>', 'the bot\'s app type (default: from --bot)').choices([...APP_TYPES]))
    .option('--tenant <id>', 'SingleTenant: the bot\'s tenant id (default: from --bot)')
    .option('--bot <file>', 'the JSON "az bot show" prints, for app id, app type and tenant')
    .addOption(new Option('--cloud <cloud>', 'the bot\'s cloud').choices([...CLOUD_CHOICES]).default('public'))
    .option('--secret-stdin', `read the client secret from standard input (default: the ${CLIENT_SECRET_ENV} environment variable, else MicrosoftAppPassword)`)
    .option('--graph', `also read the app registration from Microsoft Graph (token in ${GRAPH_TOKEN_ENV} or --graph-token-stdin)`)
    .option('--graph-token-stdin', 'read the Graph token from standard input')
    .option('--login-url <url>', `Entra ID login host (default: the cloud's; or ${LOGIN_URL_ENV})`)
    .option('--graph-url <url>', `Microsoft Graph base URL (default: the cloud's; or ${GRAPH_URL_ENV})`)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'));
  refuseSecretOptions(cmd, SECRET_OPTION_NAMES);
  cmd.addHelpText('after', `
Without --app-id/--app-type/--tenant/--bot, the bot's own MicrosoftAppId, MicrosoftAppType and
MicrosoftAppTenantId environment variables are used (and MicrosoftAppPassword for the secret).
The secret never goes on the command line:
  $ export ${CLIENT_SECRET_ENV}='<secret value>'       # or: ... | botflow token --secret-stdin ...
  $ botflow token --bot bot.json
  $ ${GRAPH_TOKEN_ENV}=$(az account get-access-token --resource-type ms-graph --query accessToken -o tsv) botflow token --bot bot.json --graph
Exit codes: 0 token issued (and credentials healthy), 1 Entra ID refused or a credential expired, 2 usage, 3 could not reach a service.
`);
  cmd.action(async (flags: TokenFlags) => {
    assertNoSecretOptions(flags, SECRET_OPTION_NAMES, `Set ${CLIENT_SECRET_ENV} (and ${GRAPH_TOKEN_ENV}) or use --secret-stdin / --graph-token-stdin.`);
    if (flags.secretStdin && flags.graphTokenStdin) throw new UsageError(`--secret-stdin and --graph-token-stdin cannot both read standard input; put one of them in ${CLIENT_SECRET_ENV} or ${GRAPH_TOKEN_ENV}.`);
    if (flags.graphTokenStdin && !flags.graph) throw new UsageError('--graph-token-stdin needs --graph.');
    const app = await resolveApp(ctx, flags);
    const cloud = cloudEndpoints(flags.cloud);
    const loginOverride = flags.loginUrl ?? ctx.io.env[LOGIN_URL_ENV];
    const authority = loginOverride ? checkBaseUrl(loginOverride, 'Entra ID login') : cloud.loginAuthority;
    const tenant = app.appType === 'MultiTenant' ? cloud.multiTenantLoginTenant : app.tenant!;
    const secret = await readSecret(ctx, { fromStdin: Boolean(flags.secretStdin), env: CLIENT_SECRET_ENV, fallbackEnv: ['MicrosoftAppPassword'], what: 'client secret', flag: '--secret-stdin' });
    const graphToken = flags.graph
      ? await readSecret(ctx, { fromStdin: Boolean(flags.graphTokenStdin), env: GRAPH_TOKEN_ENV, what: 'Microsoft Graph token', flag: '--graph-token-stdin' })
      : undefined;
    const graphOverride = flags.graphUrl ?? ctx.io.env[GRAPH_URL_ENV];
    const graphBase = graphOverride ? checkBaseUrl(graphOverride, 'Microsoft Graph') : cloud.graphBaseUrl;

    const report: TokenReport = {
      tool: { name: 'botflow', version: TOOL_VERSION },
      command: 'token',
      status: 'pass',
      app: { appId: app.appId, appType: app.appType, cloud: flags.cloud, tenant },
      request: { tokenEndpoint: tokenEndpoint(authority, tenant), scope: cloud.botOAuthScope },
      token: { status: 'pass', message: '', hints: [] },
    };
    try {
      const outcome = await requestBotToken({ authority, tenant, clientId: app.appId, clientSecret: secret, scope: cloud.botOAuthScope });
      if (outcome.ok) {
        report.token = {
          status: 'pass',
          message: `Entra ID issued a Bot Framework token for ${app.appId}.`,
          claims: outcome.claims,
          ...(outcome.expiresAt ? { expiresAt: outcome.expiresAt } : {}),
          hints: [],
        };
        const expectedAud = cloud.botOAuthScope.replace(/\/\.default$/, '');
        if (outcome.claims.aud && outcome.claims.aud !== expectedAud) {
          report.token.status = 'warn';
          report.token.hints.push(`The token's audience is ${outcome.claims.aud}, not ${expectedAud}.`);
        }
      } else {
        const code = outcome.aadsts;
        report.token = {
          status: outcome.status === 429 || outcome.status >= 500 ? 'error' : 'fail',
          message: code !== undefined
            ? `Entra ID refused the token request: AADSTS${code}${outcome.advice ? ` (${outcome.advice.name}): ${outcome.advice.meaning}` : ` (HTTP ${outcome.status}${outcome.error ? `, ${outcome.error}` : ''}).`}`
            : `Entra ID answered HTTP ${outcome.status}${outcome.error ? ` (${outcome.error})` : ''}${outcome.retryAfterSeconds !== undefined ? `; retry after ${outcome.retryAfterSeconds} s` : ''}.`,
          ...(code !== undefined ? { aadsts: code, reference: `${AADSTS_REFERENCE_URL} (or https://login.microsoftonline.com/error?code=${code})` } : {}),
          ...(outcome.error ? { error: outcome.error } : {}),
          ...(outcome.advice ? { advice: outcome.advice.advice } : {}),
          ...(outcome.description ? { description: outcome.description } : {}),
          ...(outcome.traceId ? { traceId: outcome.traceId } : {}),
          ...(outcome.correlationId ? { correlationId: outcome.correlationId } : {}),
          hints: [],
        };
        if (code === 7000215 && isGuid(secret)) {
          report.token.hints.push('The secret you supplied is shaped like a GUID, which is what a Secret ID looks like; the secret value is a longer random string.');
        }
        if (code === 700016 && app.appType === 'MultiTenant') {
          report.token.hints.push('This MultiTenant bot asked the botframework.com tenant. If its app registration is single-tenant, the bot must be configured as SingleTenant with its tenant id.');
        }
      }
    } catch (err) {
      if (!isCheckEngineError(err)) throw err;
      report.token = { status: 'error', message: err.message, hints: [] };
    }

    if (graphToken !== undefined) {
      try {
        const application = await readGraphApplication({ baseUrl: graphBase, token: graphToken, appId: app.appId });
        const now = new Date();
        const credentials = credentialVerdicts(application, now);
        const audience = audienceVerdict(application, app.appType);
        const secretIsKeyId = application.credentials.find((c) => c.kind === 'secret' && c.keyId && c.keyId.toLowerCase() === secret.toLowerCase());
        if (secretIsKeyId) {
          report.token.hints.push(`The secret you supplied is the Secret ID of the client secret "${secretIsKeyId.displayName ?? secretIsKeyId.keyId}", not its value.`);
          if (report.token.status === 'pass') report.token.status = 'warn';
        }
        const status = worst([audience.status, ...credentials.map((c) => c.status)]);
        report.graph = {
          status,
          message: `App registration "${application.displayName ?? app.appId}" read from Microsoft Graph: ${credentials.length} credential(s).`,
          application: { ...(application.displayName ? { displayName: application.displayName } : {}), ...(application.signInAudience ? { signInAudience: application.signInAudience } : {}) },
          audience,
          credentials,
        };
      } catch (err) {
        if (!isCheckEngineError(err)) throw err;
        report.graph = { status: 'error', message: err.message };
      }
    }
    report.status = worst([report.token.status, ...(report.graph && report.graph.status !== 'skip' ? [report.graph.status] : [])]);
    // Secrets out of every string first (before JSON escaping), then the printed text as a last line.
    const safe = scrubStrings(report, [secret, graphToken]);
    const text = flags.format === 'json' ? `${JSON.stringify(safe, null, 2)}\n` : renderText(safe);
    ctx.io.stdout.write(redactSecrets(text, [secret, graphToken]));
    ctx.setExit(report.status === 'fail' ? ExitCode.FAIL : report.status === 'error' ? ExitCode.ERROR : ExitCode.OK);
  });
};
export default register;
