import { describe, expect, it } from 'vitest';
import { PATH_STATEMENTS, RESIDENCY_STATEMENTS, TENANT_SEGMENT_STATEMENT } from '../data/residency';
import {
  CLOUD_IDS, CLOUD_PRESETS, EGRESS_CLOUD_IDS, FQDN_ENTRIES, REGIONAL_BOT_ENDPOINTS, SERVICE_URL_HOSTS,
  SERVICE_URL_REGIONS, SOURCES, cloudEndpoints, getCloud, isWildcardHost, selectFqdns, type SourceRef, type SourcedValue,
} from './clouds';

function isSourcedValue(x: unknown): x is SourcedValue {
  return typeof x === 'object' && x !== null && 'value' in x && 'sources' in x && 'confirmed' in x;
}

/** Walks the whole data module and yields every object that carries `sources`. */
function sourcedItems(): Array<{ where: string; sources: readonly SourceRef[]; confirmed: boolean; note?: string; value?: unknown }> {
  const out: Array<{ where: string; sources: readonly SourceRef[]; confirmed: boolean; note?: string; value?: unknown }> = [];
  const visit = (where: string, x: unknown): void => {
    if (Array.isArray(x)) { x.forEach((y, i) => visit(`${where}[${i}]`, y)); return; }
    if (typeof x !== 'object' || x === null) return;
    const o = x as Record<string, unknown>;
    if (Array.isArray(o.sources)) out.push({ where, sources: o.sources as SourceRef[], confirmed: o.confirmed as boolean, ...(typeof o.note === 'string' ? { note: o.note } : {}), value: o.value ?? o.host });
    for (const [k, v] of Object.entries(o)) if (k !== 'sources') visit(`${where}.${k}`, v);
  };
  visit('CLOUD_PRESETS', CLOUD_PRESETS);
  visit('FQDN_ENTRIES', FQDN_ENTRIES);
  visit('SERVICE_URL_HOSTS', SERVICE_URL_HOSTS);
  visit('SERVICE_URL_REGIONS', SERVICE_URL_REGIONS);
  visit('REGIONAL_BOT_ENDPOINTS', REGIONAL_BOT_ENDPOINTS);
  visit('RESIDENCY_STATEMENTS', RESIDENCY_STATEMENTS);
  visit('PATH_STATEMENTS', PATH_STATEMENTS);
  visit('TENANT_SEGMENT_STATEMENT', TENANT_SEGMENT_STATEMENT);
  return out;
}

const HOST_RE = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/;

describe('cloud data module', () => {
  const items = sourcedItems();

  it('has sourced items to check', () => {
    expect(items.length).toBeGreaterThan(80);
  });

  it('gives every entry at least one https source with a title', () => {
    for (const item of items) {
      expect(item.sources.length, item.where).toBeGreaterThan(0);
      for (const s of item.sources) {
        expect(s.url, item.where).toMatch(/^https:\/\/[^\s]+$/);
        expect(new URL(s.url).protocol).toBe('https:');
        expect(s.title.length, item.where).toBeGreaterThan(5);
      }
      expect(typeof item.confirmed, `${item.where}.confirmed`).toBe('boolean');
    }
  });

  it('explains every unconfirmed entry with a note that says UNCONFIRMED', () => {
    const unconfirmed = items.filter((i) => !i.confirmed);
    expect(unconfirmed.length).toBeGreaterThan(0);
    for (const item of unconfirmed) {
      expect(item.note, item.where).toBeTruthy();
    }
    for (const e of [...FQDN_ENTRIES, ...SERVICE_URL_HOSTS].filter((x) => !x.confirmed)) {
      expect(e.note, e.host).toMatch(/UNCONFIRMED/);
    }
    for (const st of [...Object.values(RESIDENCY_STATEMENTS).flat(), ...Object.values(PATH_STATEMENTS), TENANT_SEGMENT_STATEMENT].filter((x) => !x.confirmed)) {
      expect(st.note, st.text).toMatch(/UNCONFIRMED/);
    }
  });

  it('lists every source once (https, distinct urls)', () => {
    const urls = Object.values(SOURCES).map((s) => s.url);
    expect(new Set(urls).size).toBe(urls.length);
    for (const u of urls) expect(u.startsWith('https://')).toBe(true);
  });

  it('has a preset for every cloud with https endpoint URLs', () => {
    for (const id of CLOUD_IDS) {
      const c = getCloud(id);
      expect(c.id).toBe(id);
      for (const key of ['openIdMetadataUrl', 'jwksUrl', 'tokenIssuer', 'loginAuthority', 'botOAuthScope', 'oauthRedirectUrl', 'graphBaseUrl', 'graphScope', 'armBaseUrl'] as const) {
        expect(isSourcedValue(c[key]), `${id}.${key}`).toBe(true);
        expect(new URL(c[key].value).protocol, `${id}.${key}`).toBe('https:');
      }
      expect(c.userTokenServiceUrls.length).toBeGreaterThan(0);
      for (const u of c.userTokenServiceUrls) expect(new URL(u.value).protocol).toBe('https:');
    }
  });

  it('holds the documented values for the key endpoints', () => {
    expect(cloudEndpoints('public')).toMatchObject({
      openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      tokenIssuer: 'https://api.botframework.com',
      loginAuthorityHost: 'login.microsoftonline.com',
      tokenEndpoint: 'https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token',
      armBaseUrl: 'https://management.azure.com',
      graphBaseUrl: 'https://graph.microsoft.com',
    });
    // GCC is the public preset for Bot Framework and Entra, with its own Teams host.
    const gcc = cloudEndpoints('gcc');
    expect(gcc.openIdMetadataUrl).toBe(cloudEndpoints('public').openIdMetadataUrl);
    expect(gcc.loginAuthority).toBe('https://login.microsoftonline.com');
    expect(gcc.serviceUrlHosts).toEqual(['smba.infra.gcc.teams.microsoft.com']);
    expect(getCloud('gcc').teamsSdkPreset).toBe('PUBLIC');
    expect(cloudEndpoints('gcch')).toMatchObject({
      tokenIssuer: 'https://api.botframework.us',
      loginAuthorityHost: 'login.microsoftonline.us',
      armBaseUrl: 'https://management.usgovcloudapi.net',
      graphBaseUrl: 'https://graph.microsoft.us',
      userTokenServiceUrl: 'https://tokengcch.botframework.azure.us',
    });
    expect(cloudEndpoints('dod')).toMatchObject({ graphBaseUrl: 'https://dod-graph.microsoft.us', userTokenServiceUrl: 'https://apiDoD.botframework.azure.us' });
    expect(cloudEndpoints('gcch', '11111111-2222-3333-4444-555555555555').tokenEndpoint)
      .toBe('https://login.microsoftonline.us/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token');
    expect(getCloud('china').egress).toBe(false);
  });

  it('writes hosts in lower case, valid, and port 443', () => {
    for (const e of FQDN_ENTRIES) {
      expect(e.host, e.host).toMatch(HOST_RE);
      expect(e.port).toBe(443);
      expect(e.features.length).toBeGreaterThan(0);
      expect(e.purpose.length).toBeGreaterThan(10);
    }
    for (const h of SERVICE_URL_HOSTS) expect(h.host).toMatch(HOST_RE);
  });

  it('never lists a host twice for the same cloud', () => {
    for (const id of CLOUD_IDS) {
      const hosts = FQDN_ENTRIES.filter((e) => e.clouds.includes(id)).map((e) => e.host);
      expect(new Set(hosts).size, id).toBe(hosts.length);
    }
  });

  it('lists every serviceUrl host of a cloud in that cloud\'s messaging FQDNs', () => {
    for (const h of SERVICE_URL_HOSTS) {
      const hosts = selectFqdns({ cloud: h.cloud }).map((e) => e.host);
      expect(hosts, `${h.cloud}: ${h.host}`).toContain(h.host);
    }
  });

  it('selects hosts by cloud, feature and region', () => {
    const base = selectFqdns({ cloud: 'public' }).map((e) => e.host);
    expect(base).toContain('login.botframework.com');
    expect(base).not.toContain('graph.microsoft.com');
    expect(base).not.toContain('token.botframework.com');
    expect(selectFqdns({ cloud: 'public', features: ['calling'] }).map((e) => e.host)).toContain('graph.microsoft.com');
    expect(selectFqdns({ cloud: 'public', features: ['sso'] }).map((e) => e.host)).not.toContain('europe.token.botframework.com');
    expect(selectFqdns({ cloud: 'public', features: ['sso'], region: 'europe' }).map((e) => e.host)).toContain('europe.token.botframework.com');
    const dod = selectFqdns({ cloud: 'dod', features: ['sso', 'graph'] }).map((e) => e.host);
    expect(dod).toEqual(expect.arrayContaining(['login.botframework.azure.us', 'smba.infra.dod.teams.microsoft.us', 'apidod.botframework.azure.us', 'dod-graph.microsoft.us']));
    expect(dod).not.toContain('login.microsoftonline.com');
    expect(dod.some(isWildcardHost)).toBe(false);
    for (const id of EGRESS_CLOUD_IDS) expect(selectFqdns({ cloud: id }).filter((e) => e.required).length).toBeGreaterThanOrEqual(3);
  });

  it('pins every GitHub source file to a commit (issue and pull-request threads excepted)', () => {
    const github = Object.values(SOURCES).map((s) => s.url).filter((u) => u.startsWith('https://github.com/'));
    expect(github.length).toBeGreaterThan(5);
    for (const url of github) {
      if (/^https:\/\/github\.com\/[^/]+\/[^/]+\/(issues|pull)\/\d+$/.test(url)) continue;
      // A folder (a listing, no lines cited: the published schemas, a sample) may follow its default branch.
      if (/^https:\/\/github\.com\/[^/]+\/[^/]+\/tree\/main\/[^#]+$/.test(url)) continue;
      expect(url, url).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/(blob|tree)\/[0-9a-f]{40}\//);
    }
  });

  it('carries the government twin of api.botframework.com (botbuilder-js government OAuthUrl)', () => {
    for (const cloud of ['gcch', 'dod'] as const) {
      const hosts = selectFqdns({ cloud, features: ['sso'] }).map((e) => e.host);
      expect(hosts, cloud).toContain('api.botframework.azure.us');
      expect(selectFqdns({ cloud }).map((e) => e.host), cloud).not.toContain('api.botframework.azure.us');
    }
    const entry = FQDN_ENTRIES.find((e) => e.host === 'api.botframework.azure.us');
    expect(entry?.sources).toContain(SOURCES.botbuilderGovConstants);
    expect(selectFqdns({ cloud: 'public', features: ['sso'] }).map((e) => e.host)).toContain('api.botframework.com');
  });

  it('cites no host or location to the regionalization page, which lists none', () => {
    const hostLike = /^(https:\/\/)?[a-z0-9.-]+\.(com|us|cn|net)(\/|$)|^(westeurope|centralindia|westus)$/;
    for (const item of sourcedItems()) {
      const value = item.value;
      if (item.sources.includes(SOURCES.regionalization)) {
        expect(item.where.startsWith('FQDN_ENTRIES') || item.where.startsWith('REGIONAL_BOT_ENDPOINTS'), item.where).toBe(false);
        expect(typeof value === 'string' && hostLike.test(value), item.where).toBe(false);
      }
    }
  });
});
