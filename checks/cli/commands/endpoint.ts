/**
 * `botflow endpoint <url>`: runs the endpoint suite against a messaging endpoint.
 */
import type { RegisterCommand } from '../command';
import { addCommonOptions, runParamsFromFlags, runSuiteCommand, TIMEOUT_HELP, type CommonFlags } from '../run-suite';
import { UsageError } from '../usage-error';
import { parseEndpointUrl } from '../../gather/endpoint-url';
import { describeProxy, proxyForTarget, proxySettingsFromEnv } from '../../gather/net';
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

const register: RegisterCommand = (program, ctx) => {
  const cmd = program
    .command('endpoint')
    .description('check a bot messaging endpoint: HTTPS, DNS, reachability, TLS versions and certificate, authentication, latency')
    .argument('<url>', 'the messaging endpoint, e.g. https://bot.contoso.com/api/messages')
    .option('--app-id <guid>', "the bot's Microsoft App ID (audience of the forged-token probe)")
    .option('--calling-webhook <url>', 'the calling webhook of a calling bot (checked too)')
    .option('--ca <pem>', 'PEM file with extra root certificates to trust (private test CAs)')
    .option('--allow-private', 'allow loopback and private addresses (a bot on this machine or network)')
    .option('--timeout <ms>', TIMEOUT_HELP);
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
    const params = await runParamsFromFlags(ctx, flags);
    const proxySettings = proxySettingsFromEnv(ctx.io.env);
    const proxy = proxyForTarget(proxySettings, new URL(url));
    const notes = [
      ...(proxy ? [`Probes to the endpoint went through the proxy ${describeProxy(proxy)} (from ${new URL(url).protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY'}).`] : []),
      ...params.notes,
    ];
    await runSuiteCommand(ctx, {
      suite: endpointSuite,
      input: { url, ...(flags.appId ? { appId: flags.appId.trim() } : {}), ...(callingWebhook ? { callingWebhook } : {}) },
      flags,
      run: { ...params, ...(proxySettings ? { proxy: proxySettings } : {}), notes },
    });
  });
};

export default register;
