/**
 * The `npx botflow ...` command equivalent to what a widget runs, quoted for a POSIX shell so a
 * reader can paste it as is (and so a pasted URL cannot smuggle shell syntax into it).
 */

/** Quotes one argument for sh/bash/zsh: bare when it is plainly safe, else single-quoted. */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(args: readonly string[]): string {
  return ['npx', 'botflow', ...args].map(shellQuote).join(' ');
}

export interface EndpointCommandInput {
  url: string;
  appId?: string;
}

/** `npx botflow endpoint <url> [--app-id <guid>]`; a placeholder while the URL is empty. */
export function endpointCommand(input: EndpointCommandInput): string {
  const url = input.url.trim();
  const args = ['endpoint', url || 'https://your-bot.example.com/api/messages'];
  const appId = input.appId?.trim();
  if (appId) args.push('--app-id', appId);
  return commandLine(args);
}

export function manifestCommand(fileName?: string): string {
  return commandLine(['manifest', fileName?.trim() || 'appPackage.zip']);
}

export function registrationCommand(options: { channel?: boolean; manifest?: boolean } = {}): string {
  const args = ['registration', 'bot.json'];
  if (options.channel) args.push('--channel', 'teams-channel.json');
  if (options.manifest) args.push('--manifest', 'manifest.json');
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
