import { describe, expect, it } from 'vitest';
import { analyzeServiceUrl, hostToUnicode, redactServiceUrl } from './service-url';

/** Real serviceUrls as Microsoft documents them (communication-flow, proactive messages) and the Teams SDK allowlist. */
const REAL: Array<[url: string, cloud: string, region: string | null, kind: string]> = [
  ['https://smba.trafficmanager.net/amer/', 'public', 'amer', 'regional'],
  ['https://smba.trafficmanager.net/emea/', 'public', 'emea', 'regional'],
  ['https://smba.trafficmanager.net/apac/', 'public', 'apac', 'regional'],
  ['https://smba.trafficmanager.net/in/', 'public', 'in', 'regional'],
  ['https://smba.trafficmanager.net/teams/', 'public', 'teams', 'global'],
  ['https://smba.trafficmanager.net/emea', 'public', 'emea', 'regional'],
  ['https://smba.trafficmanager.net/apac/72f988bf-86f1-41af-91ab-2d7cd011db47/', 'public', 'apac', 'regional'],
  ['https://smba.trafficmanager.net/uk/', 'public', 'uk', 'unconfirmed'],
  ['https://smba.trafficmanager.net/jp/', 'public', 'jp', 'unconfirmed'],
  ['https://smba.trafficmanager.net/', 'public', null, 'none'],
  ['https://smba.onyx.prod.teams.trafficmanager.net/amer/', 'public', 'amer', 'unconfirmed'],
  ['https://smba.infra.gcc.teams.microsoft.com/teams', 'gcc', 'teams', 'global'],
  ['https://smba.infra.gcc.teams.microsoft.com/gcc', 'gcc', 'gcc', 'legacy'],
  ['https://smba.infra.gov.teams.microsoft.us/teams', 'gcch', 'teams', 'global'],
  ['https://smba.infra.gov.teams.microsoft.us/gcch', 'gcch', 'gcch', 'legacy'],
  ['https://smba.infra.dod.teams.microsoft.us/teams', 'dod', 'teams', 'global'],
  ['https://frontend.botapi.msg.infra.teams.microsoftonline.cn/', 'china', null, 'none'],
  // Case is canonicalised by URL parsing: the same DNS name, so the same host.
  ['HTTPS://SMBA.TRAFFICMANAGER.NET/EMEA/', 'public', 'emea', 'regional'],
  ['https://smba.trafficmanager.net:443/emea/', 'public', 'emea', 'regional'],
];

describe('analyzeServiceUrl: real serviceUrls per cloud and region', () => {
  it.each(REAL)('%s -> %s / %s', (url, cloud, region, kind) => {
    const a = analyzeServiceUrl(url);
    expect(a.problems).toEqual([]);
    expect(a.recognized).toBe(true);
    expect(a.cloud).toBe(cloud);
    expect(a.region).toBe(region);
    expect(a.regionKind).toBe(kind);
    expect(a.regionConfirmed).toBe(kind === 'regional' || kind === 'global');
    expect(a.residency.length).toBeGreaterThan(0);
  });

  it('marks a tenant-id second segment', () => {
    expect(analyzeServiceUrl('https://smba.trafficmanager.net/apac/72f988bf-86f1-41af-91ab-2d7cd011db47/').tenantSegment).toBe(true);
    expect(analyzeServiceUrl('https://smba.trafficmanager.net/apac/').tenantSegment).toBe(false);
  });

  it('attaches the data-path statements of the cloud', () => {
    const pub = analyzeServiceUrl('https://smba.trafficmanager.net/emea/');
    expect(pub.residency.some((s) => s.kind === 'transit' && /do not pass through Azure Bot Service/.test(s.text))).toBe(true);
    const gov = analyzeServiceUrl('https://smba.infra.gov.teams.microsoft.us/teams');
    expect(gov.residency.some((s) => !s.confirmed && /worldwide and GCC/.test(s.text))).toBe(true);
    expect(gov.residency).not.toEqual(pub.residency);
  });

  it('starts with what the path says: region, global, undocumented or tenant segment', () => {
    expect(analyzeServiceUrl('https://smba.trafficmanager.net/emea/').residency[0]!.text).toMatch(/Europe, Middle East and Africa/);
    expect(analyzeServiceUrl('https://smba.trafficmanager.net/teams/').residency[0]!.text).toMatch(/global endpoint/);
    const uk = analyzeServiceUrl('https://smba.trafficmanager.net/uk/').residency[0]!;
    expect(uk.confirmed).toBe(false);
    expect(uk.text).toContain('"uk"');
    const tenant = analyzeServiceUrl('https://smba.trafficmanager.net/apac/72f988bf-86f1-41af-91ab-2d7cd011db47/').residency;
    expect(tenant[1]!.text).toMatch(/tenant id/);
    for (const s of tenant) expect(s.text).not.toMatch(/\{\{/);
  });
});

/** Inputs that must NOT be taken for a Teams serviceUrl, with the problem each must raise. */
const HOSTILE: Array<[name: string, url: string, problem: string]> = [
  ['userinfo before the real host', 'https://smba.trafficmanager.net@evil.example/emea/', 'userinfo'],
  ['userinfo with a password', 'https://user:pw@smba.trafficmanager.net/emea/', 'userinfo'],
  ['encoded @ in userinfo', 'https://smba.trafficmanager.net%40x@evil.example/', 'userinfo'],
  ['odd port', 'https://smba.trafficmanager.net:8443/emea/', 'nonDefaultPort'],
  ['port 80 over https', 'https://smba.trafficmanager.net:80/emea/', 'nonDefaultPort'],
  ['trailing dot', 'https://smba.trafficmanager.net./emea/', 'trailingDot'],
  ['Cyrillic a look-alike', 'https://smb\u0430.trafficmanager.net/emea/', 'lookalikeHost'],
  ['punycode look-alike', 'https://xn--smb-8cd.trafficmanager.net/emea/', 'lookalikeHost'],
  ['Greek omicron look-alike', 'https://smba.infra.g\u03bfv.teams.microsoft.us/teams', 'lookalikeHost'],
  ['Teams host as a prefix', 'https://smba.trafficmanager.net.evil.example/emea/', 'lookalikeHost'],
  ['Teams host as a suffix (subdomain)', 'https://evil.smba.trafficmanager.net/emea/', 'lookalikeHost'],
  ['Teams host glued to a name', 'https://evilsmba.trafficmanager.net/emea/', 'lookalikeHost'],
  ['typo of the host', 'https://smba.trafficmanagr.net/emea/', 'lookalikeHost'],
  ['uppercase look-alike host', 'HTTPS://SMBA.TRAFFICMANAGER.NET.EVIL.EXAMPLE/', 'lookalikeHost'],
  ['plain http', 'http://smba.trafficmanager.net/emea/', 'insecureScheme'],
  ['other scheme', 'ftp://smba.trafficmanager.net/emea/', 'insecureScheme'],
  ['dot segments', 'https://smba.trafficmanager.net/emea/../../evil/', 'dotSegments'],
  ['encoded dot segments', 'https://smba.trafficmanager.net/%2e%2e/evil/', 'dotSegments'],
  ['single dot segment', 'https://smba.trafficmanager.net/./emea/', 'dotSegments'],
  ['backslash authority trick', 'https://smba.trafficmanager.net\\@evil.example/', 'malformed'],
  ['IP literal', 'https://52.112.0.1/emea/', 'unknownHost'],
  ['unrelated host', 'https://bot.contoso.com/api/messages', 'unknownHost'],
  ['not a URL', 'smba.trafficmanager.net/emea/', 'invalidUrl'],
  ['empty', '   ', 'invalidUrl'],
  ['too long', `https://smba.trafficmanager.net/${'a'.repeat(3000)}`, 'invalidUrl'],
];

describe('analyzeServiceUrl: hostile inputs are never recognised', () => {
  it.each(HOSTILE)('%s', (_name, url, problem) => {
    const a = analyzeServiceUrl(url);
    expect(a.recognized).toBe(false);
    expect(a.problems.map((p) => p.code)).toContain(problem);
    expect(a.residency).toEqual([]);
  });

  it('names the imitated host', () => {
    expect(analyzeServiceUrl('https://xn--smb-8cd.trafficmanager.net/').lookalikeOf).toBe('smba.trafficmanager.net');
    expect(analyzeServiceUrl('https://smba.trafficmanager.net@evil.example/').lookalikeOf).toBe('smba.trafficmanager.net');
    expect(analyzeServiceUrl('https://bot.contoso.com/').lookalikeOf).toBeNull();
  });

  it('never echoes a password', () => {
    const a = analyzeServiceUrl('https://bot:s3cret@smba.trafficmanager.net/emea/');
    expect(JSON.stringify(a)).not.toContain('s3cret');
    expect(redactServiceUrl('https://a:b@h/x')).toBe('https://***@h/x');
    expect(redactServiceUrl('https://h/x@y')).toBe('https://h/x@y');
  });

  it('never throws on arbitrary text', () => {
    for (const s of ['', ':', '//', 'https://', 'https://[::1', 'https://%', '\u0000', 'javascript:alert(1)', 'https://a b/']) {
      expect(() => analyzeServiceUrl(s)).not.toThrow();
      expect(analyzeServiceUrl(s).recognized).toBe(false);
    }
  });
});

describe('punycode', () => {
  it('decodes labels (RFC 3492 sample and a look-alike)', () => {
    expect(hostToUnicode('xn--mnchen-3ya')).toBe('münchen');
    expect(hostToUnicode('xn--smb-8cd.trafficmanager.net')).toBe('smb\u0430.trafficmanager.net');
    expect(hostToUnicode('xn--!!.example')).toBe('xn--!!.example');
  });
});
