/**
 * Proxy selection from HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case), as curl and most
 * tools read them. Only the CLI passes a proxy; the API never does.
 */
export interface ProxyConfig {
  /** Proxy URL, e.g. http://proxy.corp:8080 (may carry user:password; never reported). */
  url: string;
}

/** The proxy origin without credentials, safe to put in a report. */
export function describeProxy(proxy: ProxyConfig): string {
  try {
    const u = new URL(proxy.url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'proxy (unparseable URL)';
  }
}

function envValue(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const v = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return v && v.trim() ? v.trim() : undefined;
}

/** True when NO_PROXY says `host:port` goes direct. Entries: `*`, `host`, `.suffix`, `*.suffix`, `host:port`, an IP. */
export function bypassesProxy(noProxy: string | undefined, host: string, port: number): boolean {
  if (!noProxy) return false;
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  for (let entry of noProxy.split(/[\s,]+/)) {
    entry = entry.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    let entryPort: number | undefined;
    const m = /^(.*):(\d+)$/.exec(entry);
    if (m && !entry.includes('::')) { entry = m[1] as string; entryPort = Number(m[2]); }
    entry = entry.replace(/^\[|\]$/g, '');
    if (entryPort !== undefined && entryPort !== port) continue;
    if (entry.startsWith('*.')) entry = entry.slice(1);
    if (entry.startsWith('.')) {
      if (h.endsWith(entry) || h === entry.slice(1)) return true;
    } else if (h === entry || h.endsWith(`.${entry}`)) {
      return true;
    }
  }
  return false;
}

/** Proxy settings as read once from the environment: applied per target with `proxyForTarget`. */
export interface ProxySettings {
  /** For https targets (HTTPS_PROXY, else ALL_PROXY); empty means https targets go direct. */
  url: string;
  /** For http targets (HTTP_PROXY, else ALL_PROXY); none means http targets go direct. */
  httpUrl?: string;
  noProxy?: string;
}

function withScheme(raw: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
}

/** Reads HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY once; undefined when no proxy is configured. */
export function proxySettingsFromEnv(env: Readonly<Record<string, string | undefined>>): ProxySettings | undefined {
  const https = envValue(env, 'https_proxy') ?? envValue(env, 'all_proxy');
  const http = envValue(env, 'http_proxy') ?? envValue(env, 'all_proxy');
  if (!https && !http) return undefined;
  const noProxy = envValue(env, 'no_proxy');
  return {
    url: https ? withScheme(https) : '',
    ...(http ? { httpUrl: withScheme(http) } : {}),
    ...(noProxy ? { noProxy } : {}),
  };
}

/** The proxy to use for `target` under `settings` (scheme and NO_PROXY applied), or undefined to go direct. */
export function proxyForTarget(settings: ProxySettings | undefined, target: URL): ProxyConfig | undefined {
  if (!settings) return undefined;
  const url = target.protocol === 'https:' ? settings.url : settings.httpUrl;
  if (!url) return undefined;
  const port = target.port ? Number(target.port) : target.protocol === 'https:' ? 443 : 80;
  if (bypassesProxy(settings.noProxy, target.hostname, port)) return undefined;
  return { url };
}
