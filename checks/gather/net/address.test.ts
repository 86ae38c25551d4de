import { describe, expect, it } from 'vitest';
import { classifyAddress, isAllowedClass, parseIPv4Loose, type AddressClass } from './address';

describe('parseIPv4Loose', () => {
  it.each([
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['0251.0376.0251.0376', '169.254.169.254'],
    ['0xa9fea9fe', '169.254.169.254'],
    ['2852039166', '169.254.169.254'],
    ['10.0.0.1.', '10.0.0.1'],
    ['8.8.8.8', '8.8.8.8'],
  ])('%s -> %s', (input, expected) => {
    expect(parseIPv4Loose(input)).toBe(expected);
  });

  it.each(['256.0.0.1', '1.2.3.4.5', 'example.com', '0x', '08.0.0.1', '4294967296', '1.2.65536', ''])('rejects %s', (input) => {
    if (input === '0x') expect(parseIPv4Loose(input)).toBe('0.0.0.0'); // inet_aton reads a bare 0x as 0
    else expect(parseIPv4Loose(input)).toBeUndefined();
  });
});

describe('classifyAddress', () => {
  const table: Array<[string, AddressClass, string?]> = [
    ['8.8.8.8', 'public'],
    ['52.112.0.1', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['2130706433', 'loopback', '127.0.0.1'],
    ['0x7f.1', 'loopback', '127.0.0.1'],
    ['0177.0.0.1', 'loopback', '127.0.0.1'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['0xa9fea9fe', 'metadata', '169.254.169.254'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['100.128.0.1', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback', '::1'],
    ['::', 'unspecified'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fd00:ec2::254', 'metadata'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local', 'fe80::1'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback', '::ffff:7f00:1'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
    ['2001:db8::1', 'documentation'],
    ['2606:4700::1111', 'public'],
    ['2620:1ec:4::152', 'public'],
  ];
  it.each(table)('%s is %s', (input, cls, canonical) => {
    const c = classifyAddress(input);
    expect(c?.class).toBe(cls);
    if (canonical) expect(c?.address).toBe(canonical);
  });

  it('returns undefined for host names', () => {
    expect(classifyAddress('bot.contoso.com')).toBeUndefined();
    expect(classifyAddress('localhost')).toBeUndefined();
  });
});

describe('isAllowedClass', () => {
  it('allows only public by default', () => {
    expect(isAllowedClass('public', false)).toBe(true);
    for (const c of ['loopback', 'private', 'link-local', 'cgnat', 'unique-local', 'multicast', 'unspecified', 'broadcast', 'metadata'] as const) {
      expect(isAllowedClass(c, false), c).toBe(false);
    }
  });
  it('lets local classes through with allowPrivate, never metadata', () => {
    expect(isAllowedClass('loopback', true)).toBe(true);
    expect(isAllowedClass('private', true)).toBe(true);
    expect(isAllowedClass('metadata', true)).toBe(false);
  });
});
