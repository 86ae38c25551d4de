/**
 * The `botflow ...` command (the installed CLI; `npx botflow` in a clone of this repository)
 * equivalent to what a widget runs, quoted for a POSIX shell so a
 * reader can paste it as is (and so a pasted URL cannot smuggle shell syntax into it). Each
 * command carries every input the widget sent and every setting the API ran with that the CLI
 * needs to do the same (private targets, extra trusted roots), so it gives the same verdicts.
 */

/** Quotes one argument for sh/bash/zsh: bare when it is plainly safe, else single-quoted. */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(args: readonly string[]): string {
  return ['botflow', ...args].map(shellQuote).join(' ');
}

export const ENDPOINT_PLACEHOLDER = 'https://your-bot.example.com/api/messages';

/** How the API ran the check, as far as the CLI must repeat it (from GET /api/health). */
export interface ApiRunSettings {
  /** The API allowed loopback and private targets: the CLI needs --allow-private. */
  allowPrivate?: boolean;
  /** The API trusted extra roots from this file: the CLI needs --ca <file>. */
  caFile?: string;
}

export interface EndpointCommandInput extends ApiRunSettings {
  url: string;
  appId?: string;
  callingWebhook?: string;
  /** Milliseconds per network step, as the widget sent it (the API's `timeout` is the CLI's --timeout). */
  timeout?: string;
}

/** `botflow endpoint <url> [--app-id] [--calling-webhook] [--timeout] [--allow-private] [--ca]`; a placeholder while the URL is empty. */
export function endpointCommand(input: EndpointCommandInput): string {
  const url = input.url.trim();
  const args = ['endpoint', url || ENDPOINT_PLACEHOLDER];
  const appId = input.appId?.trim();
  if (appId) args.push('--app-id', appId);
  const webhook = input.callingWebhook?.trim();
  if (webhook) args.push('--calling-webhook', webhook);
  const timeout = input.timeout?.trim();
  if (timeout) args.push('--timeout', timeout);
  if (input.allowPrivate) args.push('--allow-private');
  if (input.caFile) args.push('--ca', input.caFile);
  return commandLine(args);
}

export function manifestCommand(fileName?: string, appId?: string): string {
  const args = ['manifest', fileName?.trim() || 'appPackage.zip'];
  if (appId?.trim()) args.push('--app-id', appId.trim());
  return commandLine(args);
}

/** File names the registration command uses for the pasted documents (save them under these). */
export const REGISTRATION_FILES = { bot: 'bot.json', channel: 'teams-channel.json' } as const;

export interface RegistrationCommandInput {
  /** A Teams channel document was given. */
  channel?: boolean;
  /** File name of the manifest or app package that was given. */
  manifest?: string;
  /** Messaging endpoint under test (compared with the registered one). */
  endpoint?: string;
  /** Calling webhook under test (compared with the Teams channel's). */
  callingWebhook?: string;
}

export function registrationCommand(options: RegistrationCommandInput = {}): string {
  const args = ['registration', REGISTRATION_FILES.bot];
  if (options.channel) args.push('--channel', REGISTRATION_FILES.channel);
  if (options.manifest?.trim()) args.push('--manifest', options.manifest.trim());
  if (options.endpoint?.trim()) args.push('--endpoint', options.endpoint.trim());
  if (options.callingWebhook?.trim()) args.push('--calling-webhook', options.callingWebhook.trim());
  return commandLine(args);
}

export function residencyCommand(serviceUrl: string): string {
  return commandLine(['residency', serviceUrl.trim() || 'https://smba.trafficmanager.net/emea/']);
}

/** Flags shared by `botflow egress` and `botflow allowlist` for a cloud, features and region. */
function cloudFlags(cloud: string, features: readonly string[], region?: string): string[] {
  const args = ['--cloud', cloud];
  for (const f of ['calling', 'sso', 'graph']) if (features.includes(f)) args.push(`--${f}`);
  if (region) args.push('--region', region);
  return args;
}

export function egressCommand(cloud: string, features: readonly string[], region?: string): string {
  return commandLine(['egress', ...cloudFlags(cloud, features, region)]);
}

export function allowlistCommand(cloud: string, features: readonly string[], region?: string, format = 'text'): string {
  const args = ['allowlist', ...cloudFlags(cloud, features, region)];
  if (format !== 'text') args.push('--format', format);
  return commandLine(args);
}
