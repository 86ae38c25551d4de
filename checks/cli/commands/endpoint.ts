/**
 * `botflow endpoint <url>`: runs the endpoint suite against a messaging endpoint.
 */
import { readFile } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import path from 'node:path';
import type { RegisterCommand } from '../command';
import { addCommonOptions, runSuiteCommand, type CommonFlags } from '../run-suite';
import { UsageError } from '../usage-error';
import { parseEndpointUrl } from '../../gather/endpoint-url';
import { describeProxy, DEFAULT_TIMEOUTS, proxyForTarget, proxySettingsFromEnv } from '../../gather/net';
import { endpointSuite } from '../../suites/endpoint';
import { isGuidInput } from '../../computed/identifiers';

interface EndpointFlags extends CommonFlags {
  appId?: string;
  callingWebhook?: string;
  ca?: string;
  allowPrivate?: boolean;
  timeout?: string;
}


function checkedUrl(text: string, label: string, flag?: string): string {
  const parsed = parseEndpointUrl(text, label);
  if (!parsed.ok) throw new UsageError(flag ? `${flag}: ${parsed.message}` : parsed.message);
  return parsed.url.href;
}

export function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 50 || n > 120_000) {
    throw new UsageError(`--timeout must be a whole number of milliseconds between 50 and 120000 (got "${value}").`);
  }
  return n;
}

/** Reads and checks a PEM bundle of extra trusted roots. */
export async function readCaFile(file: string, cwd: string): Promise<string> {
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`cannot read the CA file "${file}" (${code}). Give the path of a PEM file with the root certificate(s) to trust.`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new UsageError(`the CA file "${file}" contains no PEM certificate (-----BEGIN CERTIFICATE-----). Give a PEM file with the root certificate(s) to trust.`);
  }
  try {
    new X509Certificate(text);
  } catch {
    throw new UsageError(`the CA file "${file}" does not hold a valid PEM certificate. Give a PEM file with the root certificate(s) to trust.`);
  }
  return text;
}

const register: RegisterCommand = (program, ctx) => {
  const cmd = program
    .command('endpoint')
    .description('check a bot messaging endpoint: HTTPS, DNS, reachability, TLS versions and certificate, authentication, latency')
    .argument('<url>', 'the messaging endpoint, e.g. https://bot.contoso.com/api/messages')
    .option('--app-id <guid>', "the bot's Microsoft App ID (audience of the forged-token probe)")
    .option('--calling-webhook <url>', 'the calling webhook of a calling bot (checked too)')
    .option('--ca <pem>', 'PEM file with extra root certificates to trust (private test CAs)')
    .option('--allow-private', 'allow loopback and private addresses (a bot on this machine or network)')
    .option('--timeout <ms>', `limit for each network step (DNS, connect, TLS, response) in ms (default ${DEFAULT_TIMEOUTS.connect}, response ${DEFAULT_TIMEOUTS.firstByte})`);
  addCommonOptions(cmd);
  cmd.addHelpText('after', `
Sends two POSTs of a harmless Teams message activity (one without a token, one with a forged
token) and expects both to be rejected. Honours HTTPS_PROXY and NO_PROXY.

Examples:
  $ botflow endpoint https://bot.contoso.com/api/messages --app-id 00000000-0000-0000-0000-000000000000
  $ botflow endpoint https://localhost:3978/api/messages --allow-private --ca ./dev-root.pem --format json
`);
  cmd.action(async (rawUrl: string, flags: EndpointFlags) => {
    const url = checkedUrl(rawUrl, 'endpoint URL');
    const callingWebhook = flags.callingWebhook !== undefined ? checkedUrl(flags.callingWebhook, 'calling webhook URL', '--calling-webhook') : undefined;
    if (flags.appId !== undefined && !isGuidInput(flags.appId)) {
      throw new UsageError(`--app-id must be a GUID, the Microsoft App ID of the Azure Bot (got "${flags.appId}").`);
    }
    const timeoutMs = parseTimeout(flags.timeout);
    const ca = flags.ca !== undefined ? await readCaFile(flags.ca, ctx.io.cwd) : undefined;
    const proxySettings = proxySettingsFromEnv(ctx.io.env);
    const proxy = proxyForTarget(proxySettings, new URL(url));
    const phases = timeoutMs ?? Math.max(...Object.values(DEFAULT_TIMEOUTS));
    // A probe runs up to five phases in a row; the gatherer limit and the run deadline sit above that.
    const gathererTimeoutMs = phases * 5 + 2_000;
    const notes = [
      ...(proxy ? [`Probes to the endpoint went through the proxy ${describeProxy(proxy)} (from ${new URL(url).protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY'}).`] : []),
      ...(flags.allowPrivate ? ['Private and loopback addresses were allowed (--allow-private).'] : []),
      ...(ca ? ['Extra trusted roots were given with --ca.'] : []),
    ];
    await runSuiteCommand(ctx, {
      suite: endpointSuite,
      input: { url, ...(flags.appId ? { appId: flags.appId.trim() } : {}), ...(callingWebhook ? { callingWebhook } : {}) },
      flags,
      run: {
        ...(flags.allowPrivate ? { allowPrivate: true } : {}),
        ...(ca ? { ca } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        ...(proxySettings ? { proxy: proxySettings } : {}),
        gathererTimeoutMs,
        deadlineMs: gathererTimeoutMs * 2,
        ...(notes.length ? { notes } : {}),
      },
    });
  });
};

export default register;
