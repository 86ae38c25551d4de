/**
 * IP address parsing and classification for the address guard.
 *
 * The rules come from the IANA registries (`iana/`, turned into `special-purpose-data.ts`):
 * an address is `public` only if it is globally reachable by them. For each address the most
 * specific block of the IPv4 or IPv6 Special-Purpose Address Registry that has an answer
 * decides; an address in no such block is public for IPv4 unless the IPv4 Address Space
 * registry reserves it (multicast, future use), and for IPv6 only inside 2000::/3, the one
 * prefix the IPv6 Address Space registry allocates as Global Unicast.
 *
 * Addresses that carry an IPv4 address (IPv4-mapped and -translated, IPv4-compatible, NAT64,
 * 6to4, Teredo) are also judged by the IPv4 address they carry: any non-public one makes the
 * whole address refused, with that address's class. An IPv4-mapped address is an IPv4
 * connection on a dual-stack socket (RFC 4291 §2.5.5.2), so it is judged by its IPv4 alone.
 *
 * `isAllowedClass` applies the policy: only `public` by default; `allowPrivate` also lets the
 * local classes through; the cloud metadata addresses are never allowed.
 * Parsing and prefix matching are ipaddr.js's.
 */
import ipaddr from 'ipaddr.js';
import type { SpecialPurposeRow, AddressSpaceRow } from './iana/registry';
import { IPV4_RESERVED_SPACE, IPV4_SPECIAL_PURPOSE, IPV6_ADDRESS_SPACE, IPV6_SPECIAL_PURPOSE } from './special-purpose-data';

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

/**
 * Instance metadata and host services, refused even with `allowPrivate`: no local bot lives
 * there, and reaching them from a server is the classic SSRF prize. 169.254.169.254 (AWS, Azure
 * IMDS, GCP), 169.254.170.2 (AWS ECS task metadata), 100.100.100.200 (Alibaba Cloud),
 * fd00:ec2::254 (AWS IMDS over IPv6) and 168.63.129.16 (Azure's WireServer host address, a
 * public address that every Azure VM reaches:
 * https://learn.microsoft.com/azure/virtual-network/what-is-ip-address-168-63-129-16).
 */
const METADATA = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', '168.63.129.16', 'fd00:ec2::254']);

/** Our class for a registry block that is not globally reachable, by its registry name. */
const CLASS_BY_NAME: Readonly<Record<string, AddressClass>> = {
  '"This network"': 'unspecified',
  '"This host on this network"': 'unspecified',
  'Unspecified Address': 'unspecified',
  'Private-Use': 'private',
  'Shared Address Space': 'cgnat',
  Loopback: 'loopback',
  'Loopback Address': 'loopback',
  'Link Local': 'link-local',
  'Link-Local Unicast': 'link-local',
  'Link-Scoped Unicast': 'link-local',
  'Limited Broadcast': 'broadcast',
  'Unique-Local': 'unique-local',
  'Unique Local Unicast': 'unique-local',
  Multicast: 'multicast',
  Documentation: 'documentation',
  'Documentation (TEST-NET-1)': 'documentation',
  'Documentation (TEST-NET-2)': 'documentation',
  'Documentation (TEST-NET-3)': 'documentation',
};

/** fec0::/10, "Reserved by IETF" in the registry, was site-local (RFC 3879): a private network. */
const SITE_LOCAL = ipaddr.IPv6.parseCIDR('fec0::/10');

export function classForBlock(name: string): AddressClass {
  return CLASS_BY_NAME[name] ?? 'reserved';
}

type Block<A> = { range: [A, number]; row: SpecialPurposeRow };

function blocks<A extends ipaddr.IPv4 | ipaddr.IPv6>(rows: readonly SpecialPurposeRow[], parse: (cidr: string) => [A, number]): Array<Block<A>> {
  // Most specific first, so the first match with an answer is the one that decides.
  return rows.filter((row) => row.globallyReachable !== null)
    .map((row) => ({ range: parse(row.cidr), row }))
    .sort((a, b) => b.range[1] - a.range[1]);
}

const V4_BLOCKS = blocks(IPV4_SPECIAL_PURPOSE, (c) => ipaddr.IPv4.parseCIDR(c));
const V6_BLOCKS = blocks(IPV6_SPECIAL_PURPOSE, (c) => ipaddr.IPv6.parseCIDR(c));
const V4_RESERVED = IPV4_RESERVED_SPACE.map((r: AddressSpaceRow) => ({ range: ipaddr.IPv4.parseCIDR(r.cidr), row: r }));
const V6_SPACE = IPV6_ADDRESS_SPACE.map((r: AddressSpaceRow) => ({ range: ipaddr.IPv6.parseCIDR(r.cidr), row: r }));

/** What the special-purpose registry of the address's family says, most specific first. */
function specialBlock<A extends ipaddr.IPv4 | ipaddr.IPv6>(address: A, list: ReadonlyArray<Block<A>>): SpecialPurposeRow | undefined {
  return list.find((b) => address.match(b.range))?.row;
}

function classifyV4(address: ipaddr.IPv4): AddressClass {
  const text = address.toString();
  if (METADATA.has(text)) return 'metadata';
  const row = specialBlock(address, V4_BLOCKS);
  if (row) return row.globallyReachable === true ? 'public' : classForBlock(row.name);
  const reserved = V4_RESERVED.find((b) => address.match(b.range));
  if (reserved) return reserved.row.designation === 'Multicast' ? 'multicast' : 'reserved';
  return 'public';
}

function v4FromGroups(hi: number, lo: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
}

/** The IPv4 addresses an IPv6 address carries, by the transition form it has. */
export function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4[] {
  const g = address.parts as [number, number, number, number, number, number, number, number];
  const zeros = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
  // IPv4-mapped ::ffff:0:0/96, IPv4-translated ::ffff:0:0:0/96 (RFC 2765), IPv4-compatible ::/96.
  if (zeros(5) && g[5] === 0xffff) return [v4FromGroups(g[6], g[7])];
  if (zeros(4) && g[4] === 0xffff && g[5] === 0) return [v4FromGroups(g[6], g[7])];
  if (zeros(6) && (g[6] !== 0 || g[7] > 1)) return [v4FromGroups(g[6], g[7])];
  // NAT64: the well-known 64:ff9b::/96 and the local-use 64:ff9b:1::/48 (RFC 6052 /96 layout).
  if (g[0] === 0x64 && g[1] === 0xff9b && (g[2] === 0 || g[2] === 1)) return [v4FromGroups(g[6], g[7])];
  // 6to4 2002:V4ADDR::/48 (RFC 3056).
  if (g[0] === 0x2002) return [v4FromGroups(g[1], g[2])];
  // Teredo 2001:0:SERVER:flags:port:CLIENT, the client address inverted (RFC 4380 §4).
  if (g[0] === 0x2001 && g[1] === 0) return [v4FromGroups(g[2], g[3]), v4FromGroups(g[6] ^ 0xffff, g[7] ^ 0xffff)];
  return [];
}

function classifyV6(address: ipaddr.IPv6): AddressClass {
  if (METADATA.has(address.toString())) return 'metadata';
  const carried = embeddedIPv4(address).map(classifyV4);
  const inner = carried.find((c) => c !== 'public');
  // An IPv4-mapped address is an IPv4 connection: its IPv4 address alone decides.
  if (address.isIPv4MappedAddress()) return inner ?? 'public';
  const outer = outerClassV6(address);
  if (inner) return inner;
  return outer;
}

function outerClassV6(address: ipaddr.IPv6): AddressClass {
  const row = specialBlock(address, V6_BLOCKS);
  if (row) {
    if (row.globallyReachable === true) return 'public';
    // N/A (6to4, Teredo): decided by the IPv4 addresses they carry (checked by the caller).
    if (row.globallyReachable === 'n/a') return 'public';
    return classForBlock(row.name);
  }
  const space = V6_SPACE.find((b) => address.match(b.range))?.row;
  if (!space) return 'reserved';
  if (space.designation === 'Global Unicast') return 'public';
  if (address.match(SITE_LOCAL)) return 'private';
  return classForBlock(space.designation);
}

/**
 * Parses an IPv4 address the way inet_aton and the WHATWG URL parser do: 1 to 4 parts, each
 * decimal, octal (leading 0) or hex (0x), the last part filling the remaining bytes. So
 * `2130706433`, `0x7f.1` and `0177.0.0.1` all give `127.0.0.1`. Returns undefined if `text`
 * is not such an address.
 */
export function parseIPv4Loose(text: string): string | undefined {
  const s = (text.endsWith('.') ? text.slice(0, -1) : text).replace(/(^|\.)0x(?=\.|$)/gi, '$10');
  if (s === '' || !ipaddr.IPv4.isValid(s)) return undefined;
  return ipaddr.IPv4.parse(s).toString();
}

/**
 * Parses an IP literal (IPv4 in any inet_aton form, IPv6 with or without brackets or a zone)
 * and classifies it. Returns undefined when `text` is not an IP address (a host name).
 */
export function classifyAddress(text: string): ClassifiedAddress | undefined {
  const raw = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const bare = raw.split('%')[0] as string;
  if (bare.includes(':')) {
    if (!ipaddr.IPv6.isValid(bare)) return undefined;
    const v6 = ipaddr.IPv6.parse(bare);
    return { address: v6.toString(), family: 6, class: classifyV6(v6) };
  }
  const v4 = parseIPv4Loose(raw);
  if (v4 === undefined) return undefined;
  return { address: v4, family: 4, class: classifyV4(ipaddr.IPv4.parse(v4)) };
}

/** Policy: public is always allowed; metadata never; everything else only with allowPrivate. */
export function isAllowedClass(cls: AddressClass, allowPrivate: boolean): boolean {
  if (cls === 'public') return true;
  if (cls === 'metadata') return false;
  return allowPrivate;
}
