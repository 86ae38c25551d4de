/**
 * IP address parsing and classification for the address guard.
 *
 * `classifyAddress` says what kind of address an IP is; `isAllowedAddress` applies the policy:
 * only `public` is allowed by default, `allowPrivate` also lets through loopback, private,
 * link-local, CGNAT, ULA and the like, and the cloud metadata addresses are never allowed
 * (no local bot lives there, and reaching them from a server is the classic SSRF prize).
 */
import { isIPv4, isIPv6 } from 'node:net';

export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'cgnat'
  | 'unique-local'
  | 'multicast'
  | 'unspecified'
  | 'broadcast'
  | 'reserved'
  | 'documentation';

export interface ClassifiedAddress {
  /** Canonical form (dotted quad, or compressed lower-case IPv6). */
  address: string;
  family: 4 | 6;
  class: AddressClass;
}

/** Addresses that are refused even with `allowPrivate` (instance metadata services). */
const METADATA_V4 = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200']);
const METADATA_V6 = new Set(['fd00:ec2::254']);

/**
 * Parses an IPv4 address the way inet_aton and the WHATWG URL parser do: 1 to 4 parts, each
 * decimal, octal (leading 0) or hex (0x), the last part filling the remaining bytes. So
 * `2130706433`, `0x7f.1` and `0177.0.0.1` all give `127.0.0.1`. Returns undefined if `text`
 * is not such an address.
 */
export function parseIPv4Loose(text: string): string | undefined {
  const s = text.endsWith('.') ? text.slice(0, -1) : text;
  const parts = s.split('.');
  if (parts.length < 1 || parts.length > 4) return undefined;
  const nums: number[] = [];
  for (const part of parts) {
    let n: number;
    if (/^0x[0-9a-f]*$/i.test(part)) n = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) n = parseInt(part.slice(1), 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) n = parseInt(part, 10);
    else return undefined;
    if (!Number.isSafeInteger(n)) return undefined;
    nums.push(n);
  }
  const last = nums.pop() as number;
  if (nums.some((n) => n > 255)) return undefined;
  const lastBytes = 4 - nums.length;
  if (last >= 256 ** lastBytes) return undefined;
  const bytes = [...nums];
  for (let i = lastBytes - 1; i >= 0; i -= 1) bytes.push(Math.floor(last / 256 ** i) % 256);
  return bytes.join('.');
}

function v4ToInt(address: string): number {
  return address.split('.').reduce((acc, b) => acc * 256 + Number(b), 0);
}

function inV4(n: number, base: string, bits: number): boolean {
  const size = 2 ** (32 - bits);
  const start = v4ToInt(base);
  return n >= start && n < start + size;
}

function classifyV4(address: string): AddressClass {
  const n = v4ToInt(address);
  if (METADATA_V4.has(address)) return 'metadata';
  if (address === '255.255.255.255') return 'broadcast';
  if (inV4(n, '0.0.0.0', 8)) return 'unspecified';
  if (inV4(n, '127.0.0.0', 8)) return 'loopback';
  if (inV4(n, '10.0.0.0', 8) || inV4(n, '172.16.0.0', 12) || inV4(n, '192.168.0.0', 16)) return 'private';
  if (inV4(n, '169.254.0.0', 16)) return 'link-local';
  if (inV4(n, '100.64.0.0', 10)) return 'cgnat';
  if (inV4(n, '224.0.0.0', 4)) return 'multicast';
  if (inV4(n, '192.0.2.0', 24) || inV4(n, '198.51.100.0', 24) || inV4(n, '203.0.113.0', 24)) return 'documentation';
  if (inV4(n, '240.0.0.0', 4) || inV4(n, '192.0.0.0', 24) || inV4(n, '198.18.0.0', 15)) return 'reserved';
  return 'public';
}

/** Expands an IPv6 address (possibly with an embedded dotted quad) into 8 16-bit groups. */
function v6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const b = (dotted[1] as string).split('.').map(Number);
    text = `${text.slice(0, -(dotted[1] as string).length)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  return [...h, ...Array<string>(fill).fill('0'), ...t].map((g) => parseInt(g, 16));
}

function compressV6(groups: number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) { i += 1; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > bestLen && j - i > 1) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function embeddedV4(groups: number[], at: number): string {
  const hi = groups[at] as number;
  const lo = groups[at + 1] as number;
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

function classifyV6(groups: number[]): AddressClass {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const canonical = compressV6(groups);
  if (METADATA_V6.has(canonical)) return 'metadata';
  if (groups.every((g) => g === 0)) return 'unspecified';
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 && g6 === 0 && g7 === 1) return 'loopback';
  // IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d: judge the IPv4 inside.
  const firstFiveZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (firstFiveZero && (g5 === 0xffff || g5 === 0)) return classifyV4(embeddedV4(groups, 6));
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return classifyV4(embeddedV4(groups, 6));
  // 6to4 2002:aabb:ccdd::/48 carries an IPv4 address in groups 1-2.
  if (g0 === 0x2002) {
    const inner = classifyV4(embeddedV4(groups, 1));
    if (inner !== 'public') return inner;
  }
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // deprecated site-local
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if (g0 === 0x2001 && g1 === 0x0db8) return 'documentation';
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return 'reserved'; // discard-only 100::/64
  return 'public';
}

/**
 * Parses an IP literal (IPv4 in any inet_aton form, IPv6 with or without brackets) and
 * classifies it. Returns undefined when `text` is not an IP address (a host name).
 */
export function classifyAddress(text: string): ClassifiedAddress | undefined {
  const raw = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (isIPv6(raw.split('%')[0] as string) || isIPv6(raw)) {
    const groups = v6Groups(raw);
    return { address: compressV6(groups), family: 6, class: classifyV6(groups) };
  }
  const v4 = isIPv4(raw) ? raw : parseIPv4Loose(raw);
  if (v4 === undefined) return undefined;
  return { address: v4, family: 4, class: classifyV4(v4) };
}

/** Policy: public is always allowed; metadata never; everything else only with allowPrivate. */
export function isAllowedClass(cls: AddressClass, allowPrivate: boolean): boolean {
  if (cls === 'public') return true;
  if (cls === 'metadata') return false;
  return allowPrivate;
}
