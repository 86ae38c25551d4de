import { Option, type Command } from 'commander';
import type { CommandContext, RegisterCommand } from '../command';
import { addCommonOptions, runSuiteCommand, type CommonFlags } from '../run-suite';
import { UsageError } from '../usage-error';
import { cloudEndpoints, type EgressCloudId } from '../../core/clouds';
import type { CheckInput } from '../../core/evidence';
import { isGuid, readBotResource } from '../../computed/registration-model';
import type { BotAppType } from '../../computed/credentials-model';
import { parseJsonDocument } from '../../core/json-parse';
import { credentialsSuite, GRAPH_CHECK_IDS } from '../../suites/credentials';
import {
  CLOUD_CHOICES, SECRET_OPTION_NAMES, assertNoSecretOptions, checkBaseUrl, readInputFile, readSecret, refuseSecretOptions,
} from './registration';

export const CLIENT_SECRET_ENV = 'BOTFLOW_CLIENT_SECRET';
export const GRAPH_TOKEN_ENV = 'BOTFLOW_GRAPH_TOKEN';
export const LOGIN_URL_ENV = 'BOTFLOW_LOGIN_URL';
export const GRAPH_URL_ENV = 'BOTFLOW_GRAPH_URL';
const APP_TYPES = ['SingleTenant', 'MultiTenant', 'UserAssignedMSI'] as const;

interface TokenFlags extends CommonFlags {
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
  [key: string]: unknown;
}

async function resolveApp(ctx: CommandContext, flags: TokenFlags): Promise<{ appId: string; appType: BotAppType; tenant?: string }> {
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
    .option('--graph-url <url>', `Microsoft Graph base URL (default: the cloud's; or ${GRAPH_URL_ENV})`);
  refuseSecretOptions(cmd, SECRET_OPTION_NAMES);
  addCommonOptions(cmd);
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

    const input: CheckInput = {
      botCredentials: {
        appId: app.appId, appType: app.appType, tenant, authority, scope: cloud.botOAuthScope, cloud: flags.cloud,
        ...(graphToken !== undefined ? { graphBaseUrl: graphBase } : {}),
      },
    };
    await runSuiteCommand(ctx, {
      suite: credentialsSuite, input, flags, secrets: [secret, graphToken],
      run: {
        credentials: { clientSecret: secret, ...(graphToken !== undefined ? { graphToken } : {}) },
        ...(graphToken === undefined ? { only: credentialsSuite.checks.map((c) => c.meta.id).filter((id) => !GRAPH_CHECK_IDS.includes(id)) } : {}),
      },
    });
  });
};
export default register;
