import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOOL_VERSION } from '../core/version';
import { runCli, spawnCli } from '../testing/cli';
import type { CliIO } from './io';
import { commandsFor, main } from './main';
import { commandNames } from './commands/index';

describe('botflow CLI (in-process)', () => {
  it('prints its version and where the docs are', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^botflow ${TOOL_VERSION.replaceAll('.', '\\.')}\nDocs: http://localhost:3000/docs/self-checks/ .*\n.*BOTFLOW_DOCS_URL.*\n$`));
  });

  it('points --version at BOTFLOW_DOCS_URL when it is set', async () => {
    const r = await runCli(['-v'], { env: { BOTFLOW_DOCS_URL: 'https://botflow.contoso.com/' } });
    expect(r.stdout).toBe(`botflow ${TOOL_VERSION}\nDocs: https://botflow.contoso.com/docs/self-checks/ (from BOTFLOW_DOCS_URL)\n`);
  });

  it('names the shipped site when this copy has one', async () => {
    const site = mkdtempSync(join(tmpdir(), 'botflow-site-'));
    onTestFinished(() => rmSync(site, { recursive: true, force: true }));
    const io = (): CliIO & { out: string[] } => {
      const out: string[] = [];
      return { out, stdout: { write: (s: string) => out.push(s) }, stderr: { write: () => true }, env: {}, cwd: site, siteDir: site, readStdin: async () => undefined };
    };
    const without = io();
    await main(['--version'], without);
    expect(without.out.join('')).not.toContain(site);
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>x</title>');
    const withSite = io();
    await main(['--version'], withSite);
    expect(withSite.out.join('')).toContain(`"botflow serve" runs (it serves the site shipped in ${site})`);
  });

  it('prints help with its version, examples, exit codes and where the docs are', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`botflow ${TOOL_VERSION}\n`)).toBe(true);
    expect(r.stdout).toContain('Usage: botflow');
    expect(r.stdout).toContain('$ botflow endpoint https://');
    expect(r.stdout).toMatch(/Exit codes: 0 .* 1 .* 2 .* 3 /);
    expect(r.stdout).toContain('Docs: http://localhost:3000/docs/self-checks/');
    const sub = await runCli(['manifest', '--help']);
    expect(sub.stdout.startsWith(`botflow ${TOOL_VERSION}\n`)).toBe(true);
    expect(sub.stdout).toContain('Docs: http://localhost:3000/docs/self-checks/');
  });

  it.each([
    [['--bogus'], /unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'|too many arguments/],
  ])('rejects %j with exit 2 and a short message, no stack', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});

describe('lazy command loading', () => {
  it.each([
    [['--version'], []],
    [['endpoint', 'https://x.example/api/messages', '--quiet'], ['endpoint']],
    [['residency', '--help'], ['residency']],
    [['--help'], 'all'],
    [[], 'all'],
    [['nope'], 'all'],
  ] as const)('%j loads %j', (argv, expected) => {
    expect(commandsFor(argv)).toEqual(expected === 'all' ? commandNames : expected);
  });
});

describe('secrets typed as unknown options', () => {
  it.each([['--client-secret=CANARY-s3cr3t'], ['endpoint', 'https://x.example/api/messages', '--password=CANARY-s3cr3t']])('%j is refused without repeating the value', async (...argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
    expect(r.stdout + r.stderr).not.toContain('CANARY-s3cr3t');
  });
});

describe('botflow CLI (spawned)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'ignore' });
  }, 60_000);

  it('runs from bin/botflow.cjs and exits with the right code', async () => {
    const ok = await spawnCli(['--version']);
    expect(ok.code).toBe(0);
    expect(ok.stdout.startsWith(`botflow ${TOOL_VERSION}\n`)).toBe(true);
    const bad = await spawnCli(['--nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option '--nope'");
  });
});
