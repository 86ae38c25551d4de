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
import RscPermissionsTable from './RscPermissionsTable';
import ResidencyStatementsTable from './ResidencyStatementsTable';
import { RSC_PERMISSIONS } from '../../checks/data/rsc-permissions';
import { RESIDENCY_STATEMENTS } from '../../checks/data/residency';

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

  /** The row of one endpoint that holds one cloud's values. */
  function rowFor(key: string, cloud: string): HTMLElement | undefined {
    return root
      .querySelectorAll(`tbody[data-row="${key}"] tr`)
      .find((tr) => (tr.getAttribute('data-clouds') ?? '').split(' ').includes(cloud));
  }

  it('shows exactly the expected endpoints, in order', () => {
    expect(root.querySelectorAll('tbody').map((b) => b.getAttribute('data-row'))).toEqual(Object.keys(EXPECTED_ENDPOINT_ROWS));
  });

  it.each(Object.entries(EXPECTED_ENDPOINT_ROWS))('endpoint %s shows each cloud exactly once, with its data', (key, expected) => {
    const rows = root.querySelectorAll(`tbody[data-row="${key}"] tr`);
    const listed = rows.flatMap((tr) => (tr.getAttribute('data-clouds') ?? '').split(' '));
    expect(listed).toEqual([...CLOUD_IDS]);
    for (const cloud of CLOUD_IDS) {
      const row = rowFor(key, cloud)!;
      const values = expected(CLOUD_PRESETS[cloud]);
      expect(texts(row.querySelectorAll('code[data-value]')), `${key}/${cloud}`).toEqual(values);
      expect(row.text, `${key}/${cloud}`).toContain(CLOUD_PRESETS[cloud].shortName);
      if (values.length === 0) expect(row.text).toContain('none');
    }
    // Neighbouring rows differ: clouds that share a value share a row.
    for (let i = 1; i < rows.length; i++) {
      expect(texts(rows[i]!.querySelectorAll('code[data-value]'))).not.toEqual(texts(rows[i - 1]!.querySelectorAll('code[data-value]')));
    }
  });

  it('marks exactly the unconfirmed values', () => {
    const publicHosts = rowFor('serviceUrlHosts', 'public')!;
    const unconfirmedHosts = SERVICE_URL_HOSTS.filter((h) => h.cloud === 'public' && !h.confirmed).length;
    expect(unconfirmedHosts).toBeGreaterThan(0);
    expect(publicHosts.text.match(/\(unconfirmed\)/g)?.length).toBe(unconfirmedHosts);
    const confirmedRow = rowFor('tokenIssuer', 'public')!;
    expect(confirmedRow.text).not.toContain('unconfirmed');
  });

  it('links the sources of every value', () => {
    for (const cloud of CLOUD_IDS) {
      const row = rowFor('openIdMetadataUrl', cloud)!;
      expect(hrefs(row)).toEqual(uniqueUrls(CLOUD_PRESETS[cloud].openIdMetadataUrl.sources));
    }
  });

  it('can show a subset of clouds', () => {
    const sub = render(<CloudEndpointsTable clouds={['gcch', 'dod']} />);
    const listed = sub.querySelectorAll('tbody[data-row="tokenIssuer"] tr').map((tr) => tr.getAttribute('data-clouds'));
    expect(listed).toEqual(['gcch dod']);
    expect(sub.text).not.toContain('Worldwide');
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
      const required = row.querySelector('[data-col="required"]')!.text;
      expect(required.startsWith(e.required ? 'required' : 'depends')).toBe(true);
      expect(required.includes('unconfirmed')).toBe(!e.confirmed);
      const purpose = row.querySelector('td[data-col="purpose"]')!;
      expect(purpose.text).toContain(e.purpose);
      if (e.note) expect(purpose.text).toContain(e.note);
      expect(hrefs(purpose)).toEqual(uniqueUrls(e.sources));
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
      expect(hrefs(row.querySelector('td[data-col="purpose"]')!)).toEqual(uniqueUrls(h.sources));
    });
  });
});

describe('ServiceUrlRegionsTable', () => {
  it('lists every region path with its hosts', () => {
    const rows = render(<ServiceUrlRegionsTable />).querySelectorAll('tbody tr');
    expect(rows.map((r) => r.querySelector('td[data-col="path"]')!.text)).toEqual(SERVICE_URL_REGIONS.map((r) => `/${r.path}/`));
    rows.forEach((row, i) => {
      const r = SERVICE_URL_REGIONS[i]!;
      expect(row.querySelector('[data-col="kind"]')!.text).toBe(`(${r.kind})`);
      expect(texts(row.querySelectorAll('td[data-col="hosts"] code'))).toEqual([...r.hosts]);
      const name = row.querySelector('td[data-col="name"]')!;
      expect(name.text).toContain(r.name);
      expect(name.text.includes('(unconfirmed)')).toBe(!r.confirmed);
      expect(hrefs(name)).toEqual(uniqueUrls(r.sources));
    });
  });
});

describe('RegionalBotsTable', () => {
  it('shows each regional bot with its location and hosts', () => {
    const root = render(<RegionalBotsTable />);
    expect(root.querySelectorAll('thead th[data-region]').map((h) => h.getAttribute('data-region'))).toEqual(REGIONAL_BOT_ENDPOINTS.map((r) => r.region));
    const cell = (row: string, region: string) => root.querySelector(`tr[data-row="${row}"] td[data-region="${region}"]`)!;
    for (const r of REGIONAL_BOT_ENDPOINTS) {
      const code = (row: string) => cell(row, r.region).querySelector('code')?.text ?? null;
      expect(code('azureLocation')).toBe(r.azureLocation.value);
      expect(code('tokenServiceUrl')).toBe(r.tokenServiceUrl.value);
      expect(code('sdkOAuthUrl')).toBe(r.sdkOAuthUrl.value);
      expect(code('directLineHost')).toBe(r.directLineHost?.value ?? null);
      const sources = [r.azureLocation, r.tokenServiceUrl, r.sdkOAuthUrl, r.directLineHost].flatMap((v) => (v ? v.sources : []));
      expect(hrefs(cell('sources', r.region))).toEqual(uniqueUrls(sources));
    }
    expect(REGIONAL_BOT_ENDPOINTS.map((r) => cell('azureLocation', r.region).querySelector('code')!.text)).toEqual(
      expect.arrayContaining(['westeurope', 'centralindia']),
    );
  });
});

describe('RscPermissionsTable', () => {
  it('lists every RSC permission with its type, scope, meaning and source', () => {
    const rows = render(<RscPermissionsTable />).querySelectorAll('tbody tr');
    expect(rows.map((r) => r.getAttribute('data-permission'))).toEqual(RSC_PERMISSIONS.map((p) => p.name));
    rows.forEach((row, i) => {
      const p = RSC_PERMISSIONS[i]!;
      expect(row.querySelector('td[data-col="name"] code')!.text).toBe(p.name);
      const type = row.querySelector('td[data-col="type"]')!.text;
      expect(type.startsWith(p.type)).toBe(true);
      expect(type.includes('reads content')).toBe(p.readsContent);
      const grants = row.querySelector('td[data-col="grants"]')!;
      expect(grants.text).toContain(p.grants);
      expect(hrefs(grants)).toEqual([p.source]);
    });
  });

  it('can show only the permissions that read content, or one scope', () => {
    const content = render(<RscPermissionsTable contentOnly />).querySelectorAll('tbody tr').map((r) => r.getAttribute('data-permission'));
    const wanted = RSC_PERMISSIONS.filter((p) => p.readsContent).map((p) => p.name);
    expect(wanted.length).toBeGreaterThan(0);
    expect(wanted.length).toBeLessThan(RSC_PERMISSIONS.length);
    expect(content).toEqual(wanted);
    const users = render(<RscPermissionsTable scope="user" />).querySelectorAll('tbody tr').map((r) => r.getAttribute('data-permission'));
    expect(users).toEqual(RSC_PERMISSIONS.filter((p) => p.scope === 'user').map((p) => p.name));
  });
});

describe('ResidencyStatementsTable', () => {
  it.each(CLOUD_IDS)('shows what the residency check reports for %s', (cloud) => {
    const rows = render(<ResidencyStatementsTable cloud={cloud} />).querySelectorAll('tbody tr');
    const statements = RESIDENCY_STATEMENTS[cloud];
    expect(rows).toHaveLength(statements.length);
    rows.forEach((row, i) => {
      const st = statements[i]!;
      expect(row.getAttribute('data-kind')).toBe(st.kind);
      expect(row.querySelector('td[data-col="kind"]')!.text).toBe(st.kind === 'transit' ? 'In transit' : 'At rest');
      const text = row.querySelector('td[data-col="text"]')!;
      expect(text.text).toContain(st.text);
      expect(text.text.startsWith('Unconfirmed: ')).toBe(!st.confirmed);
      expect(hrefs(text)).toEqual(uniqueUrls(st.sources));
    });
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

describe('CodeValue', () => {
  it('keeps the value intact and only offers breaks after / and . or before -', async () => {
    const { default: CodeValue } = await import('./CodeValue');
    const html = renderToStaticMarkup(<CodeValue value="https://smba.infra.gcc-x.teams.microsoft.com/teams" />);
    const root = parse(html);
    expect(root.querySelector('code')!.text).toBe('https://smba.infra.gcc-x.teams.microsoft.com/teams');
    const pieces = html.replace(/^<code[^>]*>|<\/code>$/g, '').split('<wbr/>');
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/[/.]$|[^-]$/);
    for (const piece of pieces.slice(1)) expect(piece.startsWith('-') || /[/.]$/.test(pieces[pieces.indexOf(piece) - 1]!)).toBe(true);
    expect(pieces.length).toBeGreaterThan(5);
  });
});
