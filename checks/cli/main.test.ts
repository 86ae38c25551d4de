import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { TOOL_VERSION } from '../core/version';
import { runCli, spawnCli } from '../testing/cli';
import { commandsFor } from './main';
import { commandNames } from './commands/index';

describe('botflow CLI (in-process)', () => {
  it('prints its version', async () => {
    const r = await runCli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${TOOL_VERSION}\n` });
  });

  it('prints help with examples and exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: botflow');
    expect(r.stdout).toContain('npx botflow endpoint https://');
    expect(r.stdout).toMatch(/Exit codes: 0 .* 1 .* 2 .* 3 /);
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

  it('runs from bin/botflow.mjs and exits with the right code', async () => {
    const ok = await spawnCli(['--version']);
    expect(ok).toMatchObject({ code: 0, stdout: `${TOOL_VERSION}\n` });
    const bad = await spawnCli(['--nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option '--nope'");
  });
});
