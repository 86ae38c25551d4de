import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Report } from '../../core/types';
import { main } from '../main';
import type { CliIO } from '../io';
import { testPki } from '../../testing/certs';
import { startBotWithWorld, type RealBot } from '../../testing/bots/start-bot';
import { handlers, startConnectProxy, startServer } from '../../testing/servers';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');

let bot: RealBot;
let dir: string;
let caFile: string;
beforeAll(async () => {
  bot = await startBotWithWorld({ sdk: 'botbuilder', mode: 'authenticated', nodeEnv: 'production' });
  dir = await mkdtemp(path.join(tmpdir(), 'botflow-endpoint-'));
  caFile = path.join(dir, 'test-root.pem');
  await writeFile(caFile, (await testPki()).caPem);
  await writeFile(path.join(dir, 'not-a-cert.txt'), 'hello');
});
afterAll(async () => { await bot.close(); });

function io(env: Record<string, string> = {}): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (s: string) => out.push(s), isTTY: false },
    stderr: { write: (s: string) => err.push(s), isTTY: false },
    env,
    cwd: dir,
    readStdin: async () => undefined,
  };
}

describe('botflow endpoint (in-process)', () => {
  it('prints only the Report on stdout with --format json and exits 0 for a secure bot', async () => {
    const x = io();
    const code = await main(['endpoint', bot.url, '--app-id', bot.appId, '--allow-private', '--ca', 'test-root.pem', '--timeout', '2000', '--format', 'json'], x);
    const report = JSON.parse(x.out.join('')) as Report;
    expect(code).toBe(0);
    expect(report).toMatchObject({ schemaVersion: 1, suite: 'endpoint', target: { url: bot.url, appId: bot.appId } });
    expect(report.results).toHaveLength(13);
    expect(report.counts.fail).toBe(0);
    expect(report.notes).toEqual(expect.arrayContaining([expect.stringContaining('--allow-private')]));
    expect(x.err.join('')).toBe('');
  });

  it('exits 1 when a check fails (a bot without authentication)', async () => {
    const s = await startServer({ tls: { kind: 'good' }, handler: handlers.anonymousBot });
    onTestFinished(() => s.close());
    const x = io();
    const code = await main(['endpoint', s.url, '--allow-private', '--ca', caFile, '--timeout', '2000', '--format', 'json', '--quiet'], x);
    expect(code).toBe(1);
    const report = JSON.parse(x.out.join('')) as Report;
    expect(report.results.find((r) => r.id === 'auth-missing-token')?.status).toBe('fail');
  });

  it('accepts the app id in registry braces, as the API does', async () => {
    const x = io();
    const code = await main(['endpoint', bot.url, '--allow-private', '--ca', caFile, '--app-id', '{00000000-0000-0000-0000-000000000000}', '--format', 'json', '--quiet'], x);
    expect(x.err.join('')).not.toMatch(/must be a GUID/);
    expect(code).toBe(0);
    expect((JSON.parse(x.out.join('')) as Report).suite).toBe('endpoint');
  });

  it('writes the report to --output', async () => {
    const file = path.join(dir, 'report.json');
    const x = io();
    const code = await main(['endpoint', bot.url, '--allow-private', '--ca', caFile, '--format', 'json', '--output', file, '--quiet'], x);
    expect(code).toBe(0);
    expect(x.out.join('')).toBe('');
    expect((JSON.parse(await readFile(file, 'utf8')) as Report).suite).toBe('endpoint');
  });

  it('honours HTTPS_PROXY and notes that a proxy was used', async () => {
    const proxy = await startConnectProxy();
    onTestFinished(() => proxy.close());
    const x = io({ HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` });
    const code = await main(['endpoint', bot.url, '--allow-private', '--ca', caFile, '--format', 'json', '--quiet'], x);
    const report = JSON.parse(x.out.join('')) as Report;
    expect(code).toBe(0);
    expect(report.notes?.some((n) => n.includes(`http://127.0.0.1:${proxy.port}`))).toBe(true);
    expect(proxy.tunnels.length).toBeGreaterThan(0);
  });

  it.each([
    ['malformed URL', ['endpoint', 'not a url'], /not a valid absolute URL/],
    ['unsupported scheme', ['endpoint', 'ftp://bot.contoso.com/api/messages'], /unsupported scheme "ftp"/],
    ['credentials in the URL', ['endpoint', 'https://user:secret@bot.contoso.com/api/messages'], /contains credentials/],
    ['unreadable CA file', ['endpoint', 'https://bot.contoso.com/api/messages', '--ca', 'missing.pem'], /cannot read the CA file "missing.pem" \(ENOENT\)/],
    ['CA file without a certificate', ['endpoint', 'https://bot.contoso.com/api/messages', '--ca', 'not-a-cert.txt'], /holds no PEM certificate/],
    ['app id not a GUID', ['endpoint', 'https://bot.contoso.com/api/messages', '--app-id', 'my-bot'], /--app-id must be a GUID/],
    ['app id with one brace', ['endpoint', 'https://bot.contoso.com/api/messages', '--app-id', '{00000000-0000-0000-0000-000000000000'], /--app-id must be a GUID/],
    ['bad timeout', ['endpoint', 'https://bot.contoso.com/api/messages', '--timeout', 'soon'], /--timeout must be a whole number/],
    ['bad calling webhook', ['endpoint', 'https://bot.contoso.com/api/messages', '--calling-webhook', 'ws://x'], /--calling-webhook: .*unsupported scheme/],
    ['unknown flag', ['endpoint', 'https://bot.contoso.com/api/messages', '--bogus'], /unknown option '--bogus'/],
  ])('%s: exit 2 with a one-line message, no stack trace', async (_name, argv, pattern) => {
    const x = io();
    const code = await main(argv as string[], x);
    const err = x.err.join('');
    expect(code).toBe(2);
    expect(err.split('\n')[0]).toMatch(pattern);
    expect(err).not.toMatch(/\n\s+at /);
    expect(err).not.toContain('secret');
    expect(x.out.join('')).toBe('');
  });
});

describe('botflow endpoint (spawned bundle)', () => {
  beforeAll(async () => {
    await run(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT });
  }, 60_000);

  it('runs the built CLI against the SDK bot', async () => {
    const { stdout, stderr } = await run(process.execPath, ['bin/botflow.cjs', 'endpoint', bot.url, '--allow-private', '--ca', caFile, '--format', 'json'], { cwd: ROOT, env: { ...process.env, HTTPS_PROXY: '', https_proxy: '' } });
    const report = JSON.parse(stdout) as Report;
    expect(report.suite).toBe('endpoint');
    expect(report.results.find((r) => r.id === 'auth-forged-token')?.status).toBe('pass');
    expect(stderr).toBe('');
  });

  it('exits 2 with one line for bad input', async () => {
    const err = await run(process.execPath, ['bin/botflow.cjs', 'endpoint', 'ftp://x'], { cwd: ROOT }).then(() => undefined, (e: { code: number; stderr: string }) => e);
    expect(err?.code).toBe(2);
    expect(err?.stderr.trim().split('\n')).toHaveLength(1);
  });
});
