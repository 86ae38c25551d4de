import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectFqdns, EGRESS_CLOUD_IDS } from '../core/clouds';
import { runCli } from '../testing/cli';
import { buildAllowlist, renderAllowlist } from './allowlist';

/** Minimal RFC 4180 reader, enough to prove the CSV is well-formed. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 1; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

describe('buildAllowlist', () => {
  it.each(EGRESS_CLOUD_IDS)('lists exactly the data module hosts for %s with all features', (cloud) => {
    const list = buildAllowlist({ cloud, features: ['calling', 'sso', 'graph'] });
    const expected = selectFqdns({ cloud, features: ['calling', 'sso', 'graph'] }).map((e) => e.host).sort();
    expect(list.rows.map((r) => r.host).sort()).toEqual(expected);
    expect(list.rows.every((r) => r.port === 443 && r.protocol === 'https' && r.sources.length > 0)).toBe(true);
    // Required rows come first.
    const firstOptional = list.rows.findIndex((r) => !r.required);
    if (firstOptional >= 0) expect(list.rows.slice(firstOptional).every((r) => !r.required)).toBe(true);
  });

  it('adds hosts per feature and keeps clouds apart', () => {
    const base = buildAllowlist({ cloud: 'public' }).rows.map((r) => r.host);
    const sso = buildAllowlist({ cloud: 'public', features: ['sso'] }).rows.map((r) => r.host);
    expect(base).not.toContain('token.botframework.com');
    expect(sso).toContain('token.botframework.com');
    const gcch = buildAllowlist({ cloud: 'gcch', features: ['graph'] }).rows.map((r) => r.host);
    expect(gcch).toContain('graph.microsoft.us');
    expect(gcch).not.toContain('graph.microsoft.com');
    expect(gcch).not.toContain('login.microsoftonline.com');
    const gcc = buildAllowlist({ cloud: 'gcc' }).rows.map((r) => r.host);
    expect(gcc).toContain('smba.infra.gcc.teams.microsoft.com');
    expect(gcc).toContain('login.botframework.com');
  });
});

describe('renderAllowlist', () => {
  const list = buildAllowlist({ cloud: 'public', features: ['sso', 'graph'], region: 'india' });

  it('renders well-formed CSV with one row per host', () => {
    const rows = parseCsv(renderAllowlist(list, 'csv'));
    expect(rows[0]).toEqual(['host', 'port', 'protocol', 'required', 'features', 'purpose', 'confirmed', 'note', 'sources']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(list.rows.map((r) => r.host));
    for (const r of rows.slice(1)) {
      expect(r).toHaveLength(9);
      expect(r[8]).toMatch(/^https:\/\//);
    }
    expect(rows.slice(1).map((r) => r[0])).toContain('india.token.botframework.com');
  });

  it('renders JSON that round-trips', () => {
    expect(JSON.parse(renderAllowlist(list, 'json'))).toEqual(list);
  });

  it('renders text with every host, its port and an UNCONFIRMED marker where due', () => {
    const text = renderAllowlist(list, 'text');
    for (const r of list.rows) expect(text).toMatch(new RegExp(`^${r.host.replace(/[.*]/g, '\\$&')}\\s+443\\s`, 'm'));
    expect(text).toMatch(/smba\.onyx\.prod\.teams\.trafficmanager\.net.*\[UNCONFIRMED\]/);
  });
});

describe('botflow allowlist', () => {
  it('prints JSON for a cloud and features', async () => {
    const r = await runCli(['allowlist', '--cloud', 'dod', '--calling', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.cloud).toBe('dod');
    expect(list.features).toEqual(['messaging', 'calling']);
    expect(list.rows.map((x: { host: string }) => x.host)).toContain('dod-graph.microsoft.us');
  });

  it('writes to --output', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'allowlist-'));
    try {
      const file = join(dir, 'allow.csv');
      const r = await runCli(['allowlist', '--format', 'csv', '--output', file]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(await readFile(file, 'utf8')).toMatch(/^"host","port"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['allowlist', '--cloud', 'china'], /argument 'china' is invalid/],
    [['allowlist', '--format', 'xml'], /argument 'xml' is invalid/],
    [['allowlist', '--cloud', 'gcch', '--region', 'europe'], /worldwide \(public\) bots only/],
    [['allowlist', '--output', '/nonexistent-dir/x/y.txt'], /cannot write the allowlist/],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
