import { dirname, isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CommandContext, RegisterCommand } from '../command';
import { addCommonOptions, emitReport, progressListener, runParamsFromFlags, TIMEOUT_HELP, type CommonFlags } from '../run-suite';
import { UsageError } from '../usage-error';
import type { CheckInput } from '../../core/evidence';
import { runChecks } from '../../core/runner';
import type { JsonValue } from '../../core/types';
import type { EgressCloudId } from '../../core/clouds';
import { parseJsonDocument } from '../../core/json-parse';
import { isGuid } from '../../computed/registration-model';
import { allSuiteFor, NO_ENDPOINT_NOTE, NO_PROBE_NOTE, type Layer } from '../../suites/all';
import { proxySettingsFromEnv } from '../../gather/net/proxy';
import {
  ARM_TOKEN_ENV, CLOUD_CHOICES, SECRET_OPTION_NAMES, addLiveOptions, assertNoSecretOptions,
  checkUrlOption, liveRegistration, liveTarget, loadManifestInput, loadRegistrationDocuments, readInputFile, refuseSecretOptions,
  type LiveFlags,
} from './registration';
import { isJsonObject } from '../../computed/json';

interface AllFlags extends CommonFlags, LiveFlags {
  config?: string;
  endpoint?: string;
  appId?: string;
  callingWebhook?: string;
  ca?: string;
  allowPrivate?: boolean;
  probe?: boolean;
  timeout?: string;
  manifest?: string;
  bot?: string;
  channel?: string;
  [key: string]: unknown;
}

/** botflow.json: the same settings as the flags (flags win); paths are relative to the file. No secrets. */
interface ConfigFile {
  endpoint?: string;
  appId?: string;
  callingWebhook?: string;
  ca?: string;
  allowPrivate?: boolean;
  timeout?: number;
  manifest?: string;
  bot?: string;
  channel?: string;
  azure?: { subscription?: string; resourceGroup?: string; name?: string; cloud?: string };
}

const CONFIG_KEYS = ['$schema', 'endpoint', 'appId', 'callingWebhook', 'ca', 'allowPrivate', 'timeout', 'manifest', 'bot', 'channel', 'azure'];
const AZURE_KEYS = ['subscription', 'resourceGroup', 'name', 'cloud'];
const SECRET_KEY = /token|secret|password|credential|key$/i;


async function loadConfig(ctx: CommandContext, path: string): Promise<{ config: ConfigFile; dir: string }> {
  const full = isAbsolute(path) ? path : resolve(ctx.io.cwd, path);
  const doc = parseJsonDocument((await readInputFile(ctx, path, 'config file', 256 * 1024)).toString('utf8'), path);
  if (!isJsonObject(doc)) throw new UsageError(`${path} must hold a JSON object (keys: ${CONFIG_KEYS.slice(1).join(', ')}).`);
  const check = (obj: { [k: string]: JsonValue }, keys: string[], where: string): void => {
    for (const key of Object.keys(obj)) {
      if (SECRET_KEY.test(key)) throw new UsageError(`${path}: "${where}${key}" looks like a secret; botflow reads secrets only from environment variables or standard input, never from files.`);
      if (!keys.includes(key)) throw new UsageError(`${path}: unknown key "${where}${key}" (known: ${keys.filter((k) => k !== '$schema').join(', ')}).`);
    }
  };
  check(doc, CONFIG_KEYS, '');
  if (doc.azure !== undefined) {
    if (!isJsonObject(doc.azure)) throw new UsageError(`${path}: "azure" must be an object with subscription, resourceGroup, name and cloud.`);
    check(doc.azure, AZURE_KEYS, 'azure.');
  }
  const types: Record<string, string> = { allowPrivate: 'boolean', timeout: 'number' };
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'azure' || key === '$schema') continue;
    const want = types[key] ?? 'string';
    if (typeof value !== want) throw new UsageError(`${path}: "${key}" must be a ${want}.`);
  }
  return { config: doc as ConfigFile, dir: dirname(full) };
}

/** `botflow all`: endpoint + manifest + registration with the links between them, as one Report. */
const register: RegisterCommand = (program, ctx) => {
  const cmd: Command = program
    .command('all')
    .description('Check the whole trust chain: messaging endpoint, app manifest and Azure Bot registration together, with the links between them.')
    .option('--config <file>', 'botflow.json with the settings below (flags win; paths relative to the file)')
    .option('--endpoint <url>', 'the messaging endpoint under test (default: the registered endpoint)')
    .option('--app-id <guid>', 'the bot\'s Microsoft App ID (default: the registration\'s msaAppId)')
    .option('--calling-webhook <url>', 'the calling webhook under test (default: the Teams channel\'s)')
    .option('--ca <pem>', 'extra trusted root certificates (PEM) for a private test endpoint')
    .option('--no-probe', 'do not probe the endpoint over the network (compare the documents only)')
    .option('--allow-private', 'allow loopback and private endpoint addresses (local development)')
    .option('--timeout <ms>', TIMEOUT_HELP)
    .option('--manifest <file>', 'manifest.json or the app package .zip')
    .option('--bot <file>', 'the JSON "az bot show" prints')
    .option('--channel <file>', 'the JSON "az bot msteams show" prints');
  addLiveOptions(cmd);
  refuseSecretOptions(cmd, SECRET_OPTION_NAMES);
  addCommonOptions(cmd);
  cmd.addHelpText('after', `
Example botflow.json (no secrets; the ARM token comes from ${ARM_TOKEN_ENV} or --token-stdin):
  { "manifest": "appPackage/build/appPackage.zip", "bot": "bot.json", "channel": "teams-channel.json" }
  { "manifest": "manifest.json", "azure": { "subscription": "<id>", "resourceGroup": "<group>", "name": "<bot>", "cloud": "public" } }
`);
  cmd.action(async (flags: AllFlags) => {
    assertNoSecretOptions(flags, SECRET_OPTION_NAMES, `Set ${ARM_TOKEN_ENV} or use --token-stdin.`);
    const { config, dir } = flags.config ? await loadConfig(ctx, flags.config) : { config: {} as ConfigFile, dir: ctx.io.cwd };
    const fromConfig = (p: string | undefined): string | undefined => (p === undefined ? undefined : isAbsolute(p) ? p : resolve(dir, p));
    const cloudFromFlag = cmd.getOptionValueSource('cloud') === 'cli';
    const cloudValue = (cloudFromFlag ? flags.cloud : config.azure?.cloud ?? flags.cloud) as string;
    if (!(CLOUD_CHOICES as readonly string[]).includes(cloudValue)) throw new UsageError(`cloud "${cloudValue}" is not one of ${CLOUD_CHOICES.join(', ')}.`);
    const live = liveTarget({
      ...flags,
      subscription: flags.subscription ?? config.azure?.subscription,
      resourceGroup: flags.resourceGroup ?? config.azure?.resourceGroup,
      name: flags.name ?? config.azure?.name,
    });
    const botPath = flags.bot ?? fromConfig(config.bot);
    const channelPath = flags.channel ?? fromConfig(config.channel);
    const manifestPath = flags.manifest ?? fromConfig(config.manifest);
    if (live && botPath) throw new UsageError('give either a bot JSON file or the live-mode bot (subscription, resource group, name), not both.');
    if (live && channelPath) throw new UsageError('--channel is for file mode; live mode reads the Teams channel from Azure.');
    if (channelPath && !botPath) throw new UsageError('--channel needs --bot (the bot JSON) too.');

    const input: CheckInput = {};
    const set = (key: string, value: unknown): void => { Object.assign(input, { [key]: value }); };
    const notes: string[] = [];
    const endpoint = checkUrlOption(flags.endpoint ?? config.endpoint, '--endpoint');
    const webhook = checkUrlOption(flags.callingWebhook ?? config.callingWebhook, '--calling-webhook');
    const appId = (flags.appId ?? config.appId)?.trim();
    if (appId !== undefined && !isGuid(appId)) throw new UsageError(`--app-id "${appId.slice(0, 80)}" is not a GUID (the bot's Microsoft App ID).`);
    if (manifestPath) Object.assign(input, await loadManifestInput(ctx, manifestPath));
    const caPath = flags.ca ?? fromConfig(config.ca);
    const timeout = flags.timeout ?? config.timeout;
    const run = await runParamsFromFlags(ctx, {
      ...(timeout !== undefined ? { timeout } : {}),
      ...(caPath !== undefined ? { ca: caPath } : {}),
      ...(flags.allowPrivate || config.allowPrivate ? { allowPrivate: true } : {}),
    }, flags.timeout === undefined && config.timeout !== undefined ? { timeoutLabel: `${flags.config}: "timeout"` } : {});

    // The registration layer fills, inside the run, what was not given (see allSuiteFor).
    let armToken: string | undefined;
    if (botPath) {
      Object.assign(input, await loadRegistrationDocuments(ctx, botPath, channelPath));
    } else if (live) {
      const arm = await liveRegistration(ctx, flags, live, cloudValue as EgressCloudId);
      input.azure = arm.azure;
      armToken = arm.armToken;
    }
    const registration = Boolean(botPath || live);
    if (endpoint) set('url', endpoint);
    if (appId) set('appId', appId);
    if (webhook) set('callingWebhook', webhook);

    const layers: Layer[] = [];
    if (endpoint && flags.probe === false) notes.push(NO_PROBE_NOTE);
    else if (endpoint || (registration && flags.probe !== false)) layers.push('endpoint');
    else if (!registration) notes.push(NO_ENDPOINT_NOTE);
    if (manifestPath) layers.push('manifest');
    else notes.push('No manifest was given: the manifest checks were not run, and the checks that compare with it skip.');
    if (registration) layers.push('registration');
    else notes.push('No registration was given (--bot, or --subscription/--resource-group/--name): the registration checks were not run.');
    if (layers.length === 0) throw new UsageError('nothing to check: give at least one of --endpoint, --manifest, --bot or the live-mode bot (see botflow all --help).');

    const suite = allSuiteFor(layers, { probe: flags.probe !== false });
    const onEvent = progressListener(ctx, flags);
    const proxy = layers.includes('endpoint') ? proxySettingsFromEnv(ctx.io.env) : undefined;
    const report = await runChecks({
      suite,
      input,
      ...run,
      // The registration lookup (ARM) may take longer than the probes' derived deadline.
      deadlineMs: Math.max(run.deadlineMs, 120_000),
      notes: [...notes, ...run.notes],
      ...(proxy ? { proxy } : {}),
      ...(armToken ? { credentials: { armToken } } : {}),
      ...(onEvent ? { onEvent } : {}),
    });
    await emitReport(ctx, report, flags, [armToken]);
  });
};
export default register;
