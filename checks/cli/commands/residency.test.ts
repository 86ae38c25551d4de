import { describe, expect, it } from 'vitest';
import { runCli } from '../../testing/cli';

describe('botflow residency', () => {
  it('prints the cloud and region of a real serviceUrl and exits 0', async () => {
    const r = await runCli(['residency', 'https://smba.trafficmanager.net/apac/', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.suite).toBe('residency');
    expect(report.results[0]).toMatchObject({ id: 'residency-service-url', status: 'info', evidence: { cloud: 'public', region: 'apac' } });
  });

  it('writes a self-contained HTML report with --format html, docs links on BOTFLOW_DOCS_URL', async () => {
    const r = await runCli(['residency', 'https://smba.trafficmanager.net/apac/', '--format', 'html'], { env: { BOTFLOW_DOCS_URL: 'https://bots.contoso.example/flow/' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).toContain('<dd data-target><code>https://smba.trafficmanager.net/apac/</code></dd>');
    expect(r.stdout).toContain('data-overall-verdict="pass"');
    expect(r.stdout).toContain('href="https://bots.contoso.example/flow/docs/checks/residency-service-url"');
    expect(r.stderr).toBe('');
  });

  it('warns (exit 0, warn) on an unknown host and says not to send the token', async () => {
    const r = await runCli(['residency', 'https://smba.trafficmanager.net.evil.example/emea/']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/WARN/);
    expect(r.stdout).toMatch(/must not send its token/);
  });

  it.each([
    [['residency'], /missing required argument/],
    [['residency', 'smba.trafficmanager.net/emea/'], /has no scheme/],
    [['residency', 'https://'], /not a valid URL/],
    [['residency', ' '], /empty/],
  ])('exits 2 with one clear line for %j', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
