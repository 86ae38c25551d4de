/**
 * The outbound firewall allowlist of a bot, built from the cloud data module and rendered as
 * text, CSV or JSON. Pure (no node: imports): the docs' network page renders the same rows.
 */
import {
  CLOUD_PRESETS, FEATURES, selectFqdns, isWildcardHost, type BotRegion, type CloudId, type Feature,
} from '../core/clouds';

export const ALLOWLIST_FORMATS = ['text', 'csv', 'json'] as const;
export type AllowlistFormat = (typeof ALLOWLIST_FORMATS)[number];

export interface AllowlistOptions {
  cloud: CloudId;
  /** Extra features; `messaging` is always included. */
  features?: readonly Feature[];
  region?: BotRegion;
}

export interface AllowlistRow {
  host: string;
  port: number;
  protocol: 'https';
  wildcard: boolean;
  required: boolean;
  /** The selected features this host serves. */
  features: Feature[];
  purpose: string;
  confirmed: boolean;
  note?: string;
  sources: string[];
}

export interface Allowlist {
  cloud: CloudId;
  cloudName: string;
  features: Feature[];
  region?: BotRegion;
  rows: AllowlistRow[];
}

export function buildAllowlist(options: AllowlistOptions): Allowlist {
  const features = FEATURES.filter((f) => f === 'messaging' || (options.features ?? []).includes(f));
  const rows = selectFqdns({ cloud: options.cloud, features, ...(options.region ? { region: options.region } : {}) }).map((e): AllowlistRow => ({
    host: e.host,
    port: e.port,
    protocol: 'https',
    wildcard: isWildcardHost(e.host),
    required: e.required,
    features: e.features.filter((f) => features.includes(f)),
    purpose: e.purpose,
    confirmed: e.confirmed,
    ...(e.note ? { note: e.note } : {}),
    sources: e.sources.map((s) => s.url),
  }));
  // Required hosts first, then optional ones, each in data order.
  rows.sort((a, b) => Number(b.required) - Number(a.required));
  return {
    cloud: options.cloud,
    cloudName: CLOUD_PRESETS[options.cloud].name,
    features,
    ...(options.region ? { region: options.region } : {}),
    rows,
  };
}

function csvCell(value: string): string {
  // Quote every cell; neutralise spreadsheet formulas (a cell may not start with = + - @).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function renderCsv(list: Allowlist): string {
  const header = ['host', 'port', 'protocol', 'required', 'features', 'purpose', 'confirmed', 'note', 'sources'];
  const lines = [header.map(csvCell).join(',')];
  for (const r of list.rows) {
    lines.push([
      r.host, String(r.port), r.protocol, r.required ? 'yes' : 'no', r.features.join(' '), r.purpose,
      r.confirmed ? 'yes' : 'no', r.note ?? '', r.sources.join(' '),
    ].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function renderText(list: Allowlist): string {
  const out: string[] = [];
  out.push(`# Outbound allowlist for a Teams bot: ${list.cloudName}`);
  out.push(`# Features: ${list.features.join(', ')}${list.region ? `; regional bot: ${list.region}` : ''}`);
  out.push('# All traffic is HTTPS (TCP 443), initiated by the bot. Filter by host name (FQDN), not IP: Microsoft IPs change.');
  if (list.region && !list.features.includes('sso')) out.push(`# Regional bot (${list.region}): its regional hosts serve the user-token service; add --sso to list them.`);
  out.push('');
  const width = Math.max(...list.rows.map((r) => r.host.length), 4);
  for (const [title, rows] of [['Required', list.rows.filter((r) => r.required)], ['Needed only in some set-ups', list.rows.filter((r) => !r.required)]] as const) {
    if (rows.length === 0) continue;
    out.push(`# ${title}`);
    for (const r of rows) {
      out.push(`${r.host.padEnd(width)}  ${String(r.port).padEnd(3)}  ${r.purpose}${r.confirmed ? '' : ' [UNCONFIRMED]'}`);
      if (r.note) out.push(`${''.padEnd(width)}       note: ${r.note}`);
      out.push(`${''.padEnd(width)}       source: ${r.sources.join(' ')}`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderAllowlist(list: Allowlist, format: AllowlistFormat): string {
  switch (format) {
    case 'csv': return renderCsv(list);
    case 'json': return `${JSON.stringify(list, null, 2)}\n`;
    case 'text': return renderText(list);
  }
}
