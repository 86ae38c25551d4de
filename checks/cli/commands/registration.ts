import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve, basename } from 'node:path';
import { Option, type Command } from 'commander';
import type { CommandContext, RegisterCommand } from '../command';
import { addCommonOptions, runSuiteCommand, type CommonFlags } from '../run-suite';
import { UsageError } from '../usage-error';
import type { CheckInput } from '../../core/evidence';
import type { EgressCloudId } from '../../core/clouds';
import { parseJsonDocument } from '../../core/json-parse';
import { buildRegistrationEvidence } from '../../computed/registration-model';
import { GUID_PATTERN } from '../../computed/identifiers';
import { ARM_TOKEN_ENV, azureRegistrationGatherer, withGatherer, type ArmTarget } from '../../gather/registration-arm';
import { registrationSuite } from '../../suites/registration';

export { ARM_TOKEN_ENV };
export const ARM_URL_ENV = 'BOTFLOW_ARM_URL';
export const CLOUD_CHOICES: readonly EgressCloudId[] = ['public', 'gcc', 'gcch', 'dod'];
const MAX_JSON_FILE_BYTES = 1024 * 1024;
const MAX_MANIFEST_FILE_BYTES = 20 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Helpers shared by the registration, all and token commands.
// ---------------------------------------------------------------------------------------------

/**
 * Options that would put a secret on the command line. They exist only to refuse it with a
 * clear message that never repeats the value (commander would echo "--token=<value>").
 */
export function refuseSecretOptions(cmd: Command, names: readonly string[]): void {
  for (const name of names) cmd.addOption(new Option(`--${name} [value]`).hideHelp());
}

export function assertNoSecretOptions(flags: Record<string, unknown>, names: readonly string[], hint: string): void {
  for (const name of names) {
    const key = name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    if (flags[key] !== undefined) {
      throw new UsageError(`--${name} is not accepted: secrets on the command line end up in shell history and process lists. ${hint}`);
    }
  }
}

/** Reads a secret from stdin (when asked) or from an environment variable; never from argv. */
export async function readSecret(ctx: CommandContext, params: { fromStdin: boolean; env: string; what: string; flag: string; fallbackEnv?: readonly string[] }): Promise<string> {
  // Tokens are sometimes copied with their scheme ("Bearer eyJ..."); the value is what follows.
  const unscheme = (v: string): string => v.replace(/^bearer\s+/i, '');
  if (params.fromStdin) {
    let text: string | undefined;
    try {
      text = await ctx.io.readStdin();
    } catch {
      throw new UsageError(`could not read the ${params.what} from standard input (more than 1 MiB?). Pipe only the ${params.what}.`);
    }
    const value = unscheme((text ?? '').trim());
    if (!value) throw new UsageError(`${params.flag} was given but standard input is empty or a terminal. Pipe the ${params.what} in, e.g. ... | botflow ... ${params.flag}.`);
    if (/\s/.test(value)) throw new UsageError(`standard input holds more than one line or word; pipe only the ${params.what}.`);
    return value;
  }
  for (const name of [params.env, ...(params.fallbackEnv ?? [])]) {
    const value = unscheme((ctx.io.env[name] ?? '').trim());
    if (value) return value;
  }
  throw new UsageError(`no ${params.what}: set the ${params.env} environment variable or pipe it with ${params.flag} (botflow never takes secrets as arguments).`);
}

export async function readInputFile(ctx: CommandContext, path: string, what: string, maxBytes: number): Promise<Buffer> {
  const full = isAbsolute(path) ? path : resolve(ctx.io.cwd, path);
  let data: Buffer;
  try {
    data = await readFile(full);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    throw new UsageError(`cannot read the ${what} "${path}": ${why}. Check the path.`);
  }
  if (data.length > maxBytes) throw new UsageError(`the ${what} "${path}" is ${data.length} bytes; botflow reads up to ${maxBytes}. Check that this is the right file.`);
  return data;
}

/** Reads and validates the bot (and channel) JSON files: a malformed file is a usage error (exit 2). */
export async function loadRegistrationDocuments(ctx: CommandContext, botPath: string, channelPath?: string): Promise<Pick<CheckInput, 'bot' | 'botLabel' | 'channel' | 'channelLabel'>> {
  const botLabel = basename(botPath);
  const bot = parseJsonDocument((await readInputFile(ctx, botPath, 'Azure Bot JSON', MAX_JSON_FILE_BYTES)).toString('utf8'), botLabel);
  const out: Pick<CheckInput, 'bot' | 'botLabel' | 'channel' | 'channelLabel'> = { botLabel };
  let channel;
  if (channelPath) {
    out.channelLabel = basename(channelPath);
    channel = parseJsonDocument((await readInputFile(ctx, channelPath, 'Teams channel JSON', MAX_JSON_FILE_BYTES)).toString('utf8'), out.channelLabel);
  }
  // Shape errors (not a bot resource, another channel) are input errors too: exit 2 before any run.
  buildRegistrationEvidence({ source: 'document', bot, botLabel, ...(channel !== undefined ? { channel, channelLabel: out.channelLabel } : {}) });
  out.bot = bot as NonNullable<CheckInput['bot']>;
  if (channel !== undefined) out.channel = channel as NonNullable<CheckInput['channel']>;
  return out;
}

/** manifest.json or an app package .zip, as the manifest suite reads it. */
export async function loadManifestInput(ctx: CommandContext, path: string): Promise<Pick<CheckInput, 'manifestBytes' | 'manifestName'>> {
  const data = await readInputFile(ctx, path, 'manifest', MAX_MANIFEST_FILE_BYTES);
  return { manifestBytes: new Uint8Array(data.buffer, data.byteOffset, data.length), manifestName: basename(path) };
}

export function checkUrlOption(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
  } catch {
    throw new UsageError(`${flag} "${trimmed.slice(0, 200)}" is not an absolute http(s) URL. Pass e.g. https://bot.contoso.com/api/messages.`);
  }
  return trimmed;
}

/** A base URL override: https, or http only on loopback (local look-alike servers). */
export function checkBaseUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`the ${what} base URL "${value.slice(0, 200)}" is not a URL.`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new UsageError(`the ${what} base URL must use https (http is allowed only for localhost).`);
  }
  if (url.username || url.password) throw new UsageError(`the ${what} base URL must not carry credentials.`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const RESOURCE_GROUP = /^[-\w._()]{1,90}$/;
const BOT_NAME = /^[a-zA-Z0-9][-a-zA-Z0-9_.]{1,63}$/;

export interface LiveFlags {
  subscription?: string | undefined;
  resourceGroup?: string | undefined;
  name?: string | undefined;
  cloud: EgressCloudId;
  tokenStdin?: boolean;
  armUrl?: string;
}

export function addLiveOptions(cmd: Command): Command {
  return cmd
    .option('--subscription <id>', 'live mode: the subscription id of the Azure Bot')
    .option('--resource-group <name>', 'live mode: the resource group of the Azure Bot')
    .option('--name <bot>', 'live mode: the Azure Bot resource name')
    .addOption(new Option('--cloud <cloud>', 'live mode: the Azure cloud of the bot').choices([...CLOUD_CHOICES]).default('public'))
    .option('--token-stdin', `live mode: read the ARM bearer token from standard input (default: the ${ARM_TOKEN_ENV} environment variable)`)
    .option('--arm-url <url>', `live mode: Azure Resource Manager base URL (default: the cloud's; or ${ARM_URL_ENV})`);
}

export function liveTarget(flags: LiveFlags): ArmTarget | undefined {
  const given = [flags.subscription, flags.resourceGroup, flags.name].filter((v) => v !== undefined).length;
  if (given === 0) return undefined;
  if (given < 3) throw new UsageError('live mode needs --subscription, --resource-group and --name together.');
  const t = { subscription: flags.subscription!.trim(), resourceGroup: flags.resourceGroup!.trim(), name: flags.name!.trim() };
  if (!GUID_PATTERN.test(t.subscription)) throw new UsageError(`--subscription "${t.subscription.slice(0, 80)}" is not a subscription id (a GUID). See az account show --query id.`);
  if (!RESOURCE_GROUP.test(t.resourceGroup)) throw new UsageError(`--resource-group "${t.resourceGroup.slice(0, 100)}" is not a valid resource group name.`);
  if (!BOT_NAME.test(t.name)) throw new UsageError(`--name "${t.name.slice(0, 80)}" is not a valid Azure Bot name (letters, digits, "-", "_", ".").`);
  return t;
}

/**
 * Live mode: the bot in Azure as run input (with the ARM base URL when overridden) and the ARM
 * token, read from env/stdin, for the run's credentials (never the input).
 */
export async function liveRegistration(ctx: CommandContext, flags: LiveFlags, target: ArmTarget, cloud: EgressCloudId = flags.cloud): Promise<{ azure: NonNullable<CheckInput['azure']>; armToken: string }> {
  const armToken = await readSecret(ctx, { fromStdin: Boolean(flags.tokenStdin), env: ARM_TOKEN_ENV, what: 'ARM access token', flag: '--token-stdin' });
  const override = flags.armUrl ?? ctx.io.env[ARM_URL_ENV];
  const armUrl = override ? checkBaseUrl(override, 'Azure Resource Manager') : undefined;
  return { azure: { ...target, cloud, ...(armUrl ? { armUrl } : {}) }, armToken };
}

/** The registration suite as Node runs it: AzureRegistration from the documents or live from ARM. */
export const nodeRegistrationSuite = withGatherer(registrationSuite, azureRegistrationGatherer);

export const SECRET_OPTION_NAMES = ['token', 'arm-token', 'secret', 'client-secret', 'password', 'graph-token'] as const;

// ---------------------------------------------------------------------------------------------

interface RegistrationFlags extends CommonFlags, LiveFlags {
  channel?: string;
  manifest?: string;
  endpoint?: string;
  callingWebhook?: string;
  [key: string]: unknown;
}

/** `botflow registration <bot.json>` or `botflow registration --subscription .. --resource-group .. --name ..`. */
const register: RegisterCommand = (program, ctx) => {
  const cmd: Command = program
    .command('registration')
    .description('Check the Azure Bot registration: app type, tenant, messaging endpoint, Teams channel, calling, network access, manifest match, region.')
    .argument('[bot.json]', 'the JSON "az bot show --name <bot> --resource-group <group>" prints (or use live mode)')
    .option('--channel <file>', 'the JSON "az bot msteams show --name <bot> --resource-group <group>" prints')
    .option('--manifest <file>', 'the Teams app manifest.json or app package .zip, to compare bot id and calling')
    .option('--endpoint <url>', 'the messaging endpoint under test (compared with the registered one)')
    .option('--calling-webhook <url>', 'the calling webhook under test (compared with the Teams channel)');
  addLiveOptions(cmd);
  refuseSecretOptions(cmd, SECRET_OPTION_NAMES);
  addCommonOptions(cmd);
  cmd.addHelpText('after', `
Live mode reads the bot and its Teams channel from Azure Resource Manager (api-version 2022-09-15)
with a token from ${ARM_TOKEN_ENV} or standard input, never from the command line:
  $ export ${ARM_TOKEN_ENV}=$(az account get-access-token --query accessToken -o tsv)
  $ botflow registration --subscription <id> --resource-group <group> --name <bot>
`);
  cmd.action(async (botPath: string | undefined, flags: RegistrationFlags) => {
    assertNoSecretOptions(flags, SECRET_OPTION_NAMES, `Set ${ARM_TOKEN_ENV} or use --token-stdin.`);
    const live = liveTarget(flags);
    if (live && botPath) throw new UsageError('give either a bot JSON file or --subscription/--resource-group/--name, not both.');
    if (!live && !botPath) throw new UsageError('give the bot JSON file ("az bot show" output), or --subscription, --resource-group and --name for live mode.');
    if (live && flags.channel) throw new UsageError('--channel is for file mode; live mode reads the Teams channel from Azure.');
    const input: CheckInput = {};
    const url = checkUrlOption(flags.endpoint, '--endpoint');
    const webhook = checkUrlOption(flags.callingWebhook, '--calling-webhook');
    if (url) Object.assign(input, { url });
    if (webhook) Object.assign(input, { callingWebhook: webhook });
    if (flags.manifest) Object.assign(input, await loadManifestInput(ctx, flags.manifest));
    let armToken: string | undefined;
    if (live) {
      const arm = await liveRegistration(ctx, flags, live);
      input.azure = arm.azure;
      armToken = arm.armToken;
    } else {
      Object.assign(input, await loadRegistrationDocuments(ctx, botPath!, flags.channel));
    }
    await runSuiteCommand(ctx, {
      suite: nodeRegistrationSuite, input, flags, secrets: [armToken],
      run: { deadlineMs: 120_000, ...(armToken ? { credentials: { armToken } } : {}) },
    });
  });
};
export default register;
