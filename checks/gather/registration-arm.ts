/**
 * AzureRegistration live from Azure Resource Manager: GET the bot and its MsTeamsChannel
 * (api-version 2022-09-15) with a bearer token the user supplies. Node only (CLI).
 * The token comes from the run's credentials: never in the run input, the evidence or messages.
 * 401, 403, 404 and 429 (after honouring Retry-After) become clear engine errors; a missing
 * Teams channel (404 on the channel) is evidence, not an error.
 */
import { azureErrorCode, CheckEngineError, InvalidInputError } from '../core/errors';
import { defineGatherer, type AnyGatherer } from '../core/gatherer';
import { cloudEndpoints } from '../core/clouds';
import { registrationDocumentGatherer } from './registration';
import type { RunnableSuite } from '../core/runner';
import type { JsonValue } from '../core/types';
import { buildRegistrationEvidence, TEAMS_CHANNEL_NAME, type AzureRegistrationEvidence } from '../computed/registration-model';
import { controlRequest, retryAfterSeconds, sleep, type ControlResponse } from './registration-http';
import type { Dispatcher } from 'undici';

export const ARM_API_VERSION = '2022-09-15';
/** Where the CLI reads the ARM token from (never argv). */
export const ARM_TOKEN_ENV = 'BOTFLOW_ARM_TOKEN';
const SERVICE = 'Azure Resource Manager';

export interface ArmTarget {
  subscription: string;
  resourceGroup: string;
  name: string;
}

export interface ArmClientOptions {
  /** Bearer token for ARM (`az account get-access-token`). Secret: never logged or returned. */
  token: string;
  /** ARM base URL of the cloud (https://management.azure.com, ...); tests point it at a local server. */
  baseUrl: string;
  /** Per request. Default 15 s. */
  timeoutMs?: number;
  /** Body cap per response. Default 256 KiB. */
  maxBytes?: number;
  /** Retries after a 429. Default 2. */
  maxRetries?: number;
  /** Longest Retry-After honoured, in seconds; a longer one fails at once with its value. Default 10. */
  maxRetryWaitSeconds?: number;
  dispatcher?: Dispatcher;
  /** Injectable wait (tests). */
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** For Retry-After dates. */
  now?: () => Date;
}

/** ARM error codes and status, without the token or document bodies; `code` is CHK_ERR_AZURE_* by status. */
export class ArmRequestError extends CheckEngineError {
  readonly status: number;
  readonly armCode?: string;
  constructor(message: string, status: number, armCode?: string) {
    super(azureErrorCode(status), message, { details: { status, ...(armCode ? { armCode } : {}) } });
    this.name = 'ArmRequestError';
    this.status = status;
    if (armCode) this.armCode = armCode;
  }
}

function resourcePath(t: ArmTarget): string {
  return `/subscriptions/${encodeURIComponent(t.subscription)}/resourceGroups/${encodeURIComponent(t.resourceGroup)}`
    + `/providers/Microsoft.BotService/botServices/${encodeURIComponent(t.name)}`;
}

export function armBotUrl(baseUrl: string, t: ArmTarget): string {
  return `${baseUrl.replace(/\/+$/, '')}${resourcePath(t)}?api-version=${ARM_API_VERSION}`;
}

export function armTeamsChannelUrl(baseUrl: string, t: ArmTarget): string {
  return `${baseUrl.replace(/\/+$/, '')}${resourcePath(t)}/channels/${TEAMS_CHANNEL_NAME}?api-version=${ARM_API_VERSION}`;
}

function armErrorOf(res: ControlResponse): { code?: string; message?: string } {
  const body = res.json;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const err = body.error;
    if (err && typeof err === 'object' && !Array.isArray(err)) {
      const code = typeof err.code === 'string' ? err.code : undefined;
      const message = typeof err.message === 'string' ? err.message.slice(0, 300) : undefined;
      return { ...(code ? { code } : {}), ...(message ? { message } : {}) };
    }
  }
  return {};
}

function describeTarget(t: ArmTarget): string {
  return `Azure Bot "${t.name}" in resource group "${t.resourceGroup}" of subscription ${t.subscription}`;
}

/** One ARM GET with 429 handling. Returns 200 and 404 responses; throws on the rest. */
async function armGet(url: string, what: string, target: ArmTarget, opts: ArmClientOptions, signal?: AbortSignal): Promise<ControlResponse> {
  const maxRetries = opts.maxRetries ?? 2;
  const maxWait = opts.maxRetryWaitSeconds ?? 10;
  const wait = opts.wait ?? sleep;
  for (let attempt = 0; ; attempt += 1) {
    const res = await controlRequest(url, {
      service: SERVICE,
      headers: { authorization: `Bearer ${opts.token}` },
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
      ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
      ...(signal ? { signal } : {}),
    });
    if (res.status === 200 || res.status === 404) return res;
    const { code, message } = armErrorOf(res);
    const tag = `${res.status}${code ? ` ${code}` : ''}`;
    if (res.status === 429) {
      const seconds = retryAfterSeconds(res.headers['retry-after'], opts.now?.() ?? new Date());
      if (attempt < maxRetries && seconds !== undefined && seconds <= maxWait) {
        await wait(Math.max(seconds, 0) * 1000, signal);
        continue;
      }
      const after = seconds !== undefined ? `retry after ${seconds} s` : 'retry in a minute';
      throw new ArmRequestError(`${SERVICE} is throttling requests (${tag}) while reading the ${what}${attempt ? ` after ${attempt} retr${attempt === 1 ? 'y' : 'ies'}` : ''}: ${after}.`, 429, code);
    }
    if (res.status === 401) {
      throw new ArmRequestError(`${SERVICE} rejected the token (${tag}): it is missing, expired, or for another cloud. Get a fresh ARM token with az account get-access-token --query accessToken -o tsv (for GCC High or DoD bots after az cloud set --name AzureUSGovernment) and pass it in BOTFLOW_ARM_TOKEN or with --token-stdin.`, 401, code);
    }
    if (res.status === 403) {
      throw new ArmRequestError(`The token's identity may not read the ${describeTarget(target)} (${tag}). Grant it Reader on the bot or its resource group, or use an account that has it.${message ? ` ARM said: ${message}` : ''}`, 403, code);
    }
    throw new ArmRequestError(`${SERVICE} answered ${tag} while reading the ${what}.${message ? ` ARM said: ${message}` : ''}`, res.status, code);
  }
}

/** GETs the bot and its Teams channel and builds the evidence. */
export async function fetchRegistrationFromArm(target: ArmTarget, opts: ArmClientOptions, signal?: AbortSignal): Promise<AzureRegistrationEvidence> {
  const bot = await armGet(armBotUrl(opts.baseUrl, target), 'bot resource', target, opts, signal);
  if (bot.status === 404) {
    const { code } = armErrorOf(bot);
    throw new ArmRequestError(`${SERVICE} found no ${describeTarget(target)} (404${code ? ` ${code}` : ''}). Check --subscription, --resource-group, --name and --cloud.`, 404, code);
  }
  if (bot.json === undefined) throw new ArmRequestError(`${SERVICE} answered 200 without a JSON body for the bot resource; check the ARM base URL.`, 200);
  const channel = await armGet(armTeamsChannelUrl(opts.baseUrl, target), 'Teams channel', target, opts, signal);
  let channelDoc: JsonValue | null;
  if (channel.status === 404) channelDoc = null;
  else if (channel.json === undefined) throw new ArmRequestError(`${SERVICE} answered 200 without a JSON body for the Teams channel; check the ARM base URL.`, 200);
  else channelDoc = channel.json;
  return buildRegistrationEvidence({
    source: 'arm',
    bot: bot.json,
    botLabel: `the ARM response for ${target.name}`,
    channel: channelDoc,
    channelLabel: `the ARM response for the ${TEAMS_CHANNEL_NAME} of ${target.name}`,
  });
}

/**
 * AzureRegistration in Node, both modes: live from ARM when the input names the bot in Azure
 * (`input.azure`, with the token in the run's `credentials.armToken`), else from the documents
 * the user gave (the browser-safe document gatherer). Gatherers and the trust chain `ctx.get` it.
 */
export const azureRegistrationGatherer = defineGatherer({
  id: 'AzureRegistration',
  environments: ['node'],
  timeoutMs: 60_000,
  async gather(ctx) {
    const azure = ctx.input.azure;
    if (!azure) return registrationDocumentGatherer.gather(ctx);
    const token = ctx.options.credentials?.armToken;
    if (!token) throw new InvalidInputError(`Live registration mode needs an ARM access token (in ${ARM_TOKEN_ENV} or with --token-stdin).`, { field: 'azure' });
    const baseUrl = azure.armUrl ?? cloudEndpoints(azure.cloud ?? 'public').armBaseUrl;
    return fetchRegistrationFromArm(azure, { token, baseUrl }, ctx.signal);
  },
});

/** The suite with its AzureRegistration gatherer replaced (the documents one -> the ARM one). */
export function withGatherer<S extends RunnableSuite>(suite: S, gatherer: AnyGatherer): S {
  return { ...suite, gatherers: [gatherer, ...suite.gatherers.filter((g) => g.id !== gatherer.id)] };
}
