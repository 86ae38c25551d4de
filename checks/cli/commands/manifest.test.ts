import { mkdtempSync, rmSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../../testing/cli';
import { sample, BOT_ID } from '../../testing/manifests/corpus';
import { buildPackage } from '../../testing/manifests/package';
import type { Report } from '../../core/types';

const dir = mkdtempSync(join(tmpdir(), 'botflow-manifest-cli-'));
const good = join(dir, 'app.zip');
const bad = join(dir, 'manifest.json');
const big = join(dir, 'huge.json');
writeFileSync(good, buildPackage(sample('bot-sso', '1.30')));
const broken = sample('bot-sso', '1.30');
(broken.bots as Array<Record<string, unknown>>)[0]!.scopes = ['groupchat'];
writeFileSync(bad, JSON.stringify(broken, null, 2));
writeFileSync(big, '');
truncateSync(big, 50 * 1024 * 1024);
mkdirSync(join(dir, 'folder.zip'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('botflow manifest', () => {
  it('checks a good package: exit 0, a text report', async () => {
    const r = await runCli(['manifest', good, '--app-id', BOT_ID]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('manifest-schema');
  });

  it('prints only the Report on stdout with --format json', async () => {
    const r = await runCli(['manifest', good, '--format', 'json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(report).toMatchObject({ suite: 'manifest', target: { kind: 'package', file: 'app.zip' } });
    expect(report.results.map((x) => x.id)).toContain('manifest-icons');
  });

  it('exits 1 when a check fails', async () => {
    const r = await runCli(['manifest', bad, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.results.find((x) => x.id === 'manifest-bot-scopes')?.status).toBe('fail');
  });

  it('exits 1 when the bot id differs from --app-id', async () => {
    const r = await runCli(['manifest', good, '--app-id', '00000000-1111-2222-3333-444444444444', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('manifest-bot-id');
  });

  it.each([
    ['a missing file', [join(dir, 'nope.json')], /cannot read ".*nope\.json": no such file/],
    ['a directory', [join(dir, 'folder.zip')], /is not a file/],
    ['a 50 MB file', [big], /is 50 MB; botflow reads app packages up to 25 MB/],
    ['a bad --app-id', [good, '--app-id', 'my-bot'], /--app-id "my-bot" is not a GUID/],
  ])('refuses %s with exit 2 and one line', async (_what, args, message) => {
    const r = await runCli(['manifest', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});

describe('botflow manifest (built CLI, spawned)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'ignore' });
  }, 60_000);

  it('loads the schemas bundled into the CLI and exits with the verdict', async () => {
    const ok = await spawnCli(['manifest', good, '--format', 'json']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as Report).results.find((x) => x.id === 'manifest-schema')?.status).toBe('pass');
    const fail = await spawnCli(['manifest', bad, '--quiet']);
    expect(fail.code).toBe(1);
  });
});
