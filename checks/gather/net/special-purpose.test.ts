/**
 * The address rules against the IANA registries they come from: the data module equals the
 * registries, and a table generated from every registry row checks sample addresses of each
 * block (and each block's addresses carried inside NAT64, 6to4, Teredo and the IPv4-in-IPv6
 * forms) against what the registry says of them.
 */
import { readFileSync } from 'node:fs';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { classifyAddress, isAllowedClass } from './address';
import { readRegistries, renderDataModule, type SpecialPurposeRow } from './iana/registry';

const reg = readRegistries();
type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];
const parse = (cidr: string): Range => ipaddr.parseCIDR(cidr);

function bytesOf(a: ipaddr.IPv4 | ipaddr.IPv6): number[] { return a.toByteArray(); }
function fromBytes(bytes: number[]): ipaddr.IPv4 | ipaddr.IPv6 { return ipaddr.fromByteArray(bytes); }

/** First, last and middle address of a block. */
function samples([base, bits]: Range): string[] {
  const b = bytesOf(base);
  const first = b.map((x, i) => { const keep = Math.max(0, Math.min(8, bits - i * 8)); return x & (0xff << (8 - keep)) & 0xff; });
  const last = first.map((x, i) => { const keep = Math.max(0, Math.min(8, bits - i * 8)); return x | (0xff >> keep); });
  const middle = first.map((x, i) => (i === Math.floor(bits / 8) && bits < b.length * 8 ? x | (0x80 >> (bits % 8)) : x) | (i === b.length - 1 ? 1 : 0));
  return [...new Set([first, last, middle].map((x) => fromBytes(x).toString()))];
}

/** The most specific row (with an answer) that contains the address: the registry's verdict. */
function registryRow(address: string, rows: readonly SpecialPurposeRow[]): SpecialPurposeRow | undefined {
  const a = ipaddr.parse(address);
  return rows.filter((r) => r.globallyReachable !== null)
    .map((r) => ({ r, range: parse(r.cidr) }))
    .filter(({ range }) => range[0].kind() === a.kind() && a.match(range as never))
    .sort((x, y) => y.range[1] - x.range[1])[0]?.r;
}

const allowed = (text: string): boolean => {
  const c = classifyAddress(text);
  if (!c) throw new Error(`${text} did not parse`);
  return isAllowedClass(c.class, false);
};

const METADATA = new Set(['169.254.169.254', '168.63.129.16', '100.100.100.200', '169.254.170.2']);
/** Blocks whose addresses are judged by the IPv4 address they carry (the carrier table below). */
const CARRIERS = new Set(['::ffff:0:0/96', '64:ff9b::/96']);

describe('the data module', () => {
  it('equals the IANA registries beside it (regenerate with node --import tsx checks/gather/net/iana/generate.ts)', () => {
    const current = readFileSync(new URL('./special-purpose-data.ts', import.meta.url), 'utf8');
    expect(current).toBe(renderDataModule(reg));
  });

  it('read every row of the registries', () => {
    expect(reg.ipv4Special.length).toBeGreaterThanOrEqual(25);
    expect(reg.ipv6Special.length).toBeGreaterThanOrEqual(25);
    expect(reg.ipv6Space.length).toBe(20);
    expect(reg.ipv4Reserved.map((r) => r.cidr)).toEqual(expect.arrayContaining(['224.0.0.0/8', '239.0.0.0/8', '255.0.0.0/8']));
    for (const r of [...reg.ipv4Special, ...reg.ipv6Special, ...reg.ipv4Reserved, ...reg.ipv6Space]) expect(() => parse(r.cidr), r.cidr).not.toThrow();
  });
});

describe.each([
  ['IPv4', reg.ipv4Special],
  ['IPv6', reg.ipv6Special],
] as const)('every %s Special-Purpose registry block', (_family, rows) => {
  const table = rows.filter((r) => (r.globallyReachable === true || r.globallyReachable === false) && !CARRIERS.has(r.cidr))
    .flatMap((row) => samples(parse(row.cidr))
      .filter((s) => registryRow(s, rows) === row && !METADATA.has(s))
      .map((s) => [row.cidr, row.name, s, row.globallyReachable as boolean] as const));

  it('has samples for every block with an answer', () => {
    const covered = new Set(table.map(([cidr]) => cidr));
    for (const r of rows.filter((x) => typeof x.globallyReachable === 'boolean' && !CARRIERS.has(x.cidr))) expect(covered.has(r.cidr), r.cidr).toBe(true);
  });

  it.each(table)('%s (%s): %s is %s', (_cidr, _name, address, globallyReachable) => {
    expect(allowed(address)).toBe(globallyReachable);
    if (!globallyReachable) expect(classifyAddress(address)?.class).not.toBe('public');
  });
});

describe('blocks of the address-space registries outside every special-purpose block', () => {
  const v6 = reg.ipv6Space.flatMap((row) => samples(parse(row.cidr))
    .filter((s) => !registryRow(s, reg.ipv6Special))
    .map((s) => [row.cidr, row.designation, s, row.designation === 'Global Unicast'] as const));
  it.each(v6)('IPv6 %s (%s): %s allowed: %s', (_c, _d, address, expected) => {
    expect(allowed(address)).toBe(expected);
  });

  const v4 = reg.ipv4Reserved.flatMap((row) => samples(parse(row.cidr))
    .filter((s) => !registryRow(s, reg.ipv4Special))
    .map((s) => [row.cidr, row.designation, s] as const));
  it.each(v4)('IPv4 %s (%s): %s is refused', (_c, _d, address) => {
    expect(v4.length).toBeGreaterThan(10);
    expect(allowed(address)).toBe(false);
  });

  it('allows ordinary public unicast', () => {
    for (const a of ['8.8.8.8', '52.112.0.1', '1.1.1.1', '2606:4700::1111', '2620:1ec:4::152']) expect(allowed(a), a).toBe(true);
  });
});

/** An IPv4 address carried in each IPv6 transition form. */
function carriers(v4: string): Array<[form: string, address: string, allowedIfPublic: boolean]> {
  const [a, b, c, d] = ipaddr.IPv4.parse(v4).octets as [number, number, number, number];
  const hi = ((a << 8) | b).toString(16);
  const lo = ((c << 8) | d).toString(16);
  const inv = (x: number): string => (x ^ 0xffff).toString(16);
  return [
    ['IPv4-mapped ::ffff:0:0/96', `::ffff:${hi}:${lo}`, true],
    ['NAT64 well-known 64:ff9b::/96 (globally reachable)', `64:ff9b::${hi}:${lo}`, true],
    ['6to4 2002::/16 (N/A: the IPv4 decides)', `2002:${hi}:${lo}::1`, true],
    ['Teredo 2001::/32 server (N/A: the IPv4 decides)', `2001:0:${hi}:${lo}:0:0:${inv(0x0808)}:${inv(0x0808)}`, true],
    ['Teredo 2001::/32 client (N/A: the IPv4 decides)', `2001:0:808:808:0:0:${inv((a << 8) | b)}:${inv((c << 8) | d)}`, true],
    ['IPv4-translated ::ffff:0:0:0/96 (not in 2000::/3)', `::ffff:0:${hi}:${lo}`, false],
    ['IPv4-compatible ::/96 (deprecated, not in 2000::/3)', `::${hi}:${lo}`, false],
    ['NAT64 local-use 64:ff9b:1::/48 (not globally reachable)', `64:ff9b:1::${hi}:${lo}`, false],
  ];
}

describe('IPv4 addresses carried in IPv6 forms are judged as the IPv4 address', () => {
  const nonGlobal = reg.ipv4Special.filter((r) => r.globallyReachable === false)
    .flatMap((row) => samples(parse(row.cidr)).filter((s) => registryRow(s, reg.ipv4Special) === row).slice(0, 1));
  const table = nonGlobal.flatMap((v4) => carriers(v4).map(([form, address]) => [v4, form, address] as const));
  it.each(table)('%s inside %s (%s) is refused with its class', (v4, _form, address) => {
    const inner = classifyAddress(v4)!.class;
    expect(allowed(address)).toBe(false);
    expect(classifyAddress(address)?.class).toBe(inner);
  });

  it.each(carriers('8.8.8.8'))('a public IPv4 inside %s (%s) is allowed: %s', (_form, address, expected) => {
    expect(allowed(address)).toBe(expected);
  });

  it('the metadata address is refused in every form, even with allowPrivate', () => {
    for (const [form, address] of carriers('169.254.169.254')) {
      const c = classifyAddress(address)!;
      expect(c.class, form).toBe('metadata');
      expect(isAllowedClass(c.class, true), form).toBe(false);
    }
  });

  it('the held-out forms from the red-team pass are refused', () => {
    expect(classifyAddress('[::ffff:0:127.0.0.1]')?.class).toBe('loopback');
    expect(allowed('64:ff9b:1::808:808')).toBe(false);
    // RFC 4380's example: server 65.54.227.120, client 192.0.2.45 (a documentation address).
    expect(classifyAddress('2001:0:4136:e378:8000:63bf:3fff:fdd2')?.class).toBe('documentation');
    expect(allowed('2001:0:4136:e378:8000:63bf:f7f7:f7f7')).toBe(true); // client 8.8.8.8
    expect(classifyAddress('2001:0:4136:e378:8000:63bf:80ff:fffe')?.class).toBe('loopback'); // client 127.0.0.1
  });
});
