import React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import {
  CLOUD_IDS, CLOUD_PRESETS, FEATURES, FQDN_ENTRIES, REGIONAL_BOT_ENDPOINTS, SERVICE_URL_HOSTS,
  SERVICE_URL_REGIONS, BOT_REGIONS, selectFqdns, type CloudPreset, type SourceRef,
} from '../../checks/core/clouds';
import CloudEndpointsTable from './CloudEndpointsTable';
import FqdnTable from './FqdnTable';
import ServiceUrlHostsTable from './ServiceUrlHostsTable';
import ServiceUrlRegionsTable from './ServiceUrlRegionsTable';
import RegionalBotsTable from './RegionalBotsTable';
import SourceLinks from './SourceLinks';

/**
 * Each table on the reference pages is rendered from checks/core/clouds. These tests render the
 * components to HTML and compare every cell with the data module, so a page can never show a
 * value the checks do not use (or miss one they do).
 */

function render(element: React.ReactElement): HTMLElement {
  return parse(renderToStaticMarkup(element));
}

function texts(nodes: HTMLElement[]): string[] {
  return nodes.map((n) => n.text.trim());
}

function hrefs(node: HTMLElement): string[] {
  return node.querySelectorAll('a').map((a) => a.getAttribute('href') ?? '');
}

function uniqueUrls(sources: readonly SourceRef[]): string[] {
  return [...new Set(sources.map((s) => s.url))];
}

/** What each row of the endpoint table must show, written independently of the component. */
const EXPECTED_ENDPOINT_ROWS: Record<string, (p: CloudPreset) => string[]> = {
  openIdMetadataUrl: (p) => [p.openIdMetadataUrl.value],
  tokenIssuer: (p) => [p.tokenIssuer.value],
  loginAuthority: (p) => [p.loginAuthority.value],
  multiTenantLoginTenant: (p) => [p.multiTenantLoginTenant.value],
  botOAuthScope: (p) => [p.botOAuthScope.value],
  userTokenServiceUrls: (p) => p.userTokenServiceUrls.map((v) => v.value),
  oauthRedirectUrl: (p) => [p.oauthRedirectUrl.value],
  channelService: (p) => (p.channelService ? [p.channelService.value] : []),
  serviceUrlHosts: (p) => SERVICE_URL_HOSTS.filter((h) => h.cloud === p.id).map((h) => h.host),
  proactiveServiceUrl: (p) => (p.proactiveServiceUrl ? [p.proactiveServiceUrl.value] : []),
  graphBaseUrl: (p) => [p.graphBaseUrl.value],
};

describe('CloudEndpointsTable', () => {
  const root = render(<CloudEndpointsTable />);

  it('has one column per cloud, in order, named as in the data', () => {
    const heads = root.querySelectorAll('thead th[data-cloud]');
    expect(heads.map((h) => h.getAttribute('data-cloud'))).toEqual([...CLOUD_IDS]);
    expect(texts(heads)).toEqual(CLOUD_IDS.map((c) => CLOUD_PRESETS[c].shortName));
  });

  it('shows exactly the expected rows', () => {
    expect(root.querySelectorAll('tbody tr').map((r) => r.getAttribute('data-row'))).toEqual(Object.keys(EXPECTED_ENDPOINT_ROWS));
  });

  it.each(Object.entries(EXPECTED_ENDPOINT_ROWS))('row %s equals the data for every cloud', (key, expected) => {
    const row = root.querySelector(`tbody tr[data-row="${key}"]`);
    expect(row).not.toBeNull();
    for (const cloud of CLOUD_IDS) {
      const cell = row!.querySelector(`td[data-cloud="${cloud}"]`);
      expect(cell, `${key}/${cloud}`).not.toBeNull();
      const values = expected(CLOUD_PRESETS[cloud]);
      expect(texts(cell!.querySelectorAll('code[data-value]')), `${key}/${cloud}`).toEqual(values);
      if (values.length === 0) expect(cell!.text).toContain('none');
    }
  });

  it('marks exactly the unconfirmed values', () => {
    const publicHosts = root.querySelector('tbody tr[data-row="serviceUrlHosts"] td[data-cloud="public"]')!;
    const unconfirmedHosts = SERVICE_URL_HOSTS.filter((h) => h.cloud === 'public' && !h.confirmed).length;
    expect(unconfirmedHosts).toBeGreaterThan(0);
    expect(publicHosts.text.match(/\(unconfirmed\)/g)?.length).toBe(unconfirmedHosts);
    const loginRow = root.querySelector('tbody tr[data-row="loginAuthority"]')!;
    const unconfirmedLogins = CLOUD_IDS.filter((c) => !CLOUD_PRESETS[c].loginAuthority.confirmed).length;
    expect(loginRow.text.match(/\(unconfirmed\)/g)?.length ?? 0).toBe(unconfirmedLogins);
  });

  it('links every source of every value in the row', () => {
    const row = root.querySelector('tbody tr[data-row="openIdMetadataUrl"]')!;
    const wanted = uniqueUrls(CLOUD_IDS.flatMap((c) => CLOUD_PRESETS[c].openIdMetadataUrl.sources));
    expect(hrefs(row).sort()).toEqual([...wanted].sort());
  });

  it('can show a subset of clouds', () => {
    const sub = render(<CloudEndpointsTable clouds={['gcch', 'dod']} />);
    expect(sub.querySelectorAll('thead th[data-cloud]').map((h) => h.getAttribute('data-cloud'))).toEqual(['gcch', 'dod']);
    expect(sub.querySelectorAll('td[data-cloud="public"]')).toHaveLength(0);
  });
});

describe('FqdnTable', () => {
  it.each(CLOUD_IDS)('lists every outbound host of %s, in data order, with its details', (cloud) => {
    const root = render(<FqdnTable cloud={cloud} />);
    const entries = FQDN_ENTRIES.filter((e) => e.clouds.includes(cloud));
    expect(entries.length).toBeGreaterThan(0);
    const rows = root.querySelectorAll('tbody tr');
    expect(rows.map((r) => r.getAttribute('data-host'))).toEqual(entries.map((e) => e.host));
    rows.forEach((row, i) => {
      const e = entries[i]!;
      expect(row.querySelector('td[data-col="host"]')!.text).toBe(e.host);
      const features = row.querySelector('td[data-col="features"]')!.text;
      for (const f of e.features) expect(features).toContain(f);
      if (e.region) expect(features).toContain(e.region);
      const required = row.querySelector('td[data-col="required"]')!.text;
      expect(required.startsWith(e.required ? 'yes' : 'depends')).toBe(true);
      expect(required.includes('unconfirmed')).toBe(!e.confirmed);
      expect(row.querySelector('td[data-col="purpose"]')!.text).toContain(e.purpose);
      expect(hrefs(row.querySelector('td[data-col="sources"]')!)).toEqual(uniqueUrls(e.sources));
    });
  });

  it('covers every host the egress selection can ask for, in every region', () => {
    for (const cloud of CLOUD_IDS) {
      const shown = new Set(render(<FqdnTable cloud={cloud} />).querySelectorAll('tbody tr').map((r) => r.getAttribute('data-host')));
      for (const region of [undefined, ...BOT_REGIONS]) {
        for (const e of selectFqdns({ cloud, features: FEATURES, ...(region ? { region } : {}) })) {
          expect(shown.has(e.host), `${cloud}/${region ?? 'global'}: ${e.host}`).toBe(true);
        }
      }
    }
  });

  it('filters by feature', () => {
    const root = render(<FqdnTable cloud="public" features={['calling']} />);
    const wanted = FQDN_ENTRIES.filter((e) => e.clouds.includes('public') && e.features.includes('calling')).map((e) => e.host);
    expect(wanted.length).toBeGreaterThan(0);
    expect(root.querySelectorAll('tbody tr').map((r) => r.getAttribute('data-host'))).toEqual(wanted);
  });
});

describe('ServiceUrlHostsTable', () => {
  it('lists every serviceUrl host with its cloud and sources', () => {
    const rows = render(<ServiceUrlHostsTable />).querySelectorAll('tbody tr');
    expect(rows.map((r) => r.querySelector('td[data-col="host"]')!.text)).toEqual(SERVICE_URL_HOSTS.map((h) => h.host));
    rows.forEach((row, i) => {
      const h = SERVICE_URL_HOSTS[i]!;
      expect(row.querySelector('td[data-col="cloud"]')!.text).toBe(CLOUD_PRESETS[h.cloud].shortName);
      expect(row.querySelector('td[data-col="purpose"]')!.text.includes('(unconfirmed)')).toBe(!h.confirmed);
      expect(hrefs(row.querySelector('td[data-col="sources"]')!)).toEqual(uniqueUrls(h.sources));
    });
  });
});

describe('ServiceUrlRegionsTable', () => {
  it('lists every region path with its hosts', () => {
    const rows = render(<ServiceUrlRegionsTable />).querySelectorAll('tbody tr');
    expect(rows.map((r) => r.querySelector('td[data-col="path"]')!.text)).toEqual(SERVICE_URL_REGIONS.map((r) => `/${r.path}/`));
    rows.forEach((row, i) => {
      const r = SERVICE_URL_REGIONS[i]!;
      expect(row.querySelector('td[data-col="kind"]')!.text).toBe(r.kind);
      expect(texts(row.querySelectorAll('td[data-col="hosts"] code'))).toEqual([...r.hosts]);
      expect(row.querySelector('td[data-col="name"]')!.text.includes('(unconfirmed)')).toBe(!r.confirmed);
    });
  });
});

describe('RegionalBotsTable', () => {
  it('shows each regional bot with its location and hosts', () => {
    const rows = render(<RegionalBotsTable />).querySelectorAll('tbody tr');
    expect(rows.map((r) => r.getAttribute('data-region'))).toEqual(REGIONAL_BOT_ENDPOINTS.map((r) => r.region));
    rows.forEach((row, i) => {
      const r = REGIONAL_BOT_ENDPOINTS[i]!;
      const code = (col: string) => row.querySelector(`td[data-col="${col}"] code`)?.text ?? null;
      expect(code('azureLocation')).toBe(r.azureLocation.value);
      expect(code('tokenServiceUrl')).toBe(r.tokenServiceUrl.value);
      expect(code('sdkOAuthUrl')).toBe(r.sdkOAuthUrl.value);
      expect(code('directLineHost')).toBe(r.directLineHost?.value ?? null);
    });
    expect(rows.map((r) => r.querySelector('td[data-col="azureLocation"] code')!.text)).toEqual(
      expect.arrayContaining(['westeurope', 'centralindia']),
    );
  });
});

describe('SourceLinks', () => {
  it('renders each source once, as an external https link', () => {
    const a = { title: 'A', url: 'https://learn.microsoft.com/a' };
    const b = { title: 'B', url: 'https://github.com/b' };
    const root = render(<SourceLinks sources={[a, b, a]} />);
    const links = root.querySelectorAll('a');
    expect(links.map((l) => l.getAttribute('href'))).toEqual([a.url, b.url]);
    expect(texts(links)).toEqual(['A', 'B']);
    for (const l of links) expect(l.getAttribute('rel')).toContain('noopener');
  });
});
