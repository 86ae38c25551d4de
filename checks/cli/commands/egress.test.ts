import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCli } from '../../testing/cli';
import { startConnectProxy } from '../../testing/servers';
import { testPki } from '../../testing/certs';
import { egressPlan } from '../../gather/egress-config';
import { egressNotes } from './egress';

describe('botflow egress', () => {
  // The CLI always probes the real host names on port 443. Through a local CONNECT proxy that
  // sends every name to 127.0.0.1 (where nothing listens on 443) each tunnel is refused: this
  // proves the CLI reads HTTPS_PROXY from its environment and reports the proxy, end to end.
  it('uses HTTPS_PROXY from the environment, reports it and fails fast when the proxy cannot tunnel', async () => {
    const proxy = await startConnectProxy();
    onTestFinished(() => proxy.close());
    const t0 = performance.now();
    const r = await runCli(['egress', '--cloud', 'gcch', '--sso', '--format', 'json'], {
      env: { HTTPS_PROXY: `http://ops:pa55word@127.0.0.1:${proxy.port}`, NO_PROXY: 'localhost' },
    });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.suite).toBe('egress');
    expect(report.target).toMatchObject({ cloud: 'gcch', features: ['messaging', 'sso'], proxy: `http://127.0.0.1:${proxy.port}`, noProxy: 'localhost' });
    expect(report.notes.join(' ')).toMatch(/through the proxy http:\/\/127\.0\.0\.1:\d+ \(from HTTPS_PROXY\)/);
    const fqdn = report.results.find((x: { id: string }) => x.id === 'egress-fqdn');
    expect(fqdn.status).toBe('fail');
    const hosts = fqdn.evidence.hosts as Array<{ host: string; via: string; ok: boolean; failedPhase: string }>;
    expect(hosts.map((h) => h.host)).toEqual(expect.arrayContaining(['login.botframework.azure.us', 'login.microsoftonline.us', 'smba.infra.gov.teams.microsoft.us', 'tokengcch.botframework.azure.us']));
    // Nothing listens on 127.0.0.1:443 here, so the proxy answers 502 (a local service on 443 would fail TLS instead).
    expect(hosts.every((h) => h.via === 'proxy' && !h.ok && ['proxy', 'tls'].includes(h.failedPhase))).toBe(true);
    expect(new Set(proxy.tunnels)).toEqual(new Set([...hosts.map((h) => `${h.host}:443`)]));
    expect(r.stdout + r.stderr).not.toContain('pa55word');
    expect(report.notes.join(' ')).toMatch(/NODE_USE_ENV_PROXY=1/);
  });

  it('notes when only HTTP_PROXY is set (the run goes direct) and when Node needs NODE_USE_ENV_PROXY', () => {
    const direct = egressNotes(egressPlan({ cloud: 'public', proxyEnv: {} }), { HTTP_PROXY: 'http://proxy:3128' });
    expect(direct.join(' ')).toMatch(/HTTP_PROXY is set but HTTPS_PROXY is not/);
    expect(direct.join(' ')).not.toMatch(/NODE_USE_ENV_PROXY/);
    const proxied = egressPlan({ cloud: 'gcc', proxyEnv: { https_proxy: 'http://u:p@proxy:3128', no_proxy: '.corp' } });
    const notes = egressNotes(proxied, { NODE_USE_ENV_PROXY: '1' });
    expect(notes[0]).toBe('Outbound connections go through the proxy http://proxy:3128 (from https_proxy), except hosts matching NO_PROXY=.corp.');
    expect(notes.join(' ')).not.toMatch(/NODE_USE_ENV_PROXY|u:p/);
    expect(egressNotes(proxied, { NODE_OPTIONS: '--use-env-proxy' }).join(' ')).not.toMatch(/NODE_USE_ENV_PROXY/);
    expect(egressNotes(proxied, {}).join(' ')).toMatch(/NODE_USE_ENV_PROXY=1/);
    expect(egressNotes(egressPlan({ cloud: 'public', region: 'india' }), {}).join(' ')).toMatch(/add --sso/);
    expect(egressNotes(egressPlan({ cloud: 'public', region: 'india', features: ['sso'] }), {}).join(' ')).not.toMatch(/add --sso/);
  });

  it.each([
    [['egress', '--cloud', 'china'], /argument 'china' is invalid/],
    [['egress', '--cloud', 'dod', '--region', 'india'], /worldwide \(public\) bots only/],
    [['egress', '--ca', '/nonexistent/ca.pem'], /cannot read the CA file/],
  ])('exits 2 with one clear line for %j', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });

  it('rejects a --ca file that holds no certificate', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'egress-ca-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, 'not.pem'), 'hello');
    const r = await runCli(['egress', '--ca', join(dir, 'not.pem')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds no PEM certificate/);
    // A real PEM is accepted (the run then proceeds; through an unusable proxy it ends quickly).
    await writeFile(join(dir, 'ca.pem'), (await testPki()).caPem);
    const proxy = await startConnectProxy();
    onTestFinished(() => proxy.close());
    const ok = await runCli(['egress', '--ca', join(dir, 'ca.pem'), '--format', 'json'], { env: { https_proxy: `127.0.0.1:${proxy.port}` } });
    expect(ok.code).toBe(1);
    expect(JSON.parse(ok.stdout).suite).toBe('egress');
  });
});
