/**
 * `botflow serve` as users run it: a real process serving a built site and the API, stopped
 * with SIGTERM. Bad usage exits 2 with one line and no stack.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/cli';
import { testPki } from '../testing/certs';

const MAIN = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const ENTRY = `const { main } = await import(${JSON.stringify(MAIN)}); process.exitCode = await main(process.argv.slice(1));`;

let site: string;
beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'botflow-serve-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Teams Bot Flow</title><script>window.x=1</script><p>home</p>');
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

function statusWithHost(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/health', headers: { host } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
    req.end();
  });
}

interface Served { child: ChildProcess; base: string; stderr(): string; stdout(): string; exit: Promise<number | null> }

function serve(args: string[], env: Record<string, string> = {}): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ENTRY, 'serve', ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`serve did not start: ${err}`)); }, 20_000);
    child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /on (http:\/\/\S+) \(/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1]!.replace('localhost', '127.0.0.1'), stderr: () => err, stdout: () => out, exit });
      }
    });
    void exit.then((code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}: ${err}`)); });
  });
}

describe('botflow serve', () => {
  it('serves the site and the API in production mode, and stops cleanly on SIGTERM', async () => {
    const s = await serve(['--port', '0', '--site', site]);
    try {
      expect(s.stderr()).toMatch(/production mode; private targets refused/);
      const page = await fetch(`${s.base}/`);
      expect(await page.text()).toContain('home');
      expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-/);
      const health = await (await fetch(`${s.base}/api/health`)).json() as { status: string; allowPrivate: boolean };
      expect(health).toMatchObject({ status: 'ok', allowPrivate: false });
      const refused = await fetch(`${s.base}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ suite: 'endpoint', input: { url: 'https://127.0.0.1/api/messages' } }) });
      expect(refused.status).toBe(400);
      // Structured JSON logs on stdout.
      await expect.poll(() => s.stdout().split('\n').filter(Boolean).some((l) => (JSON.parse(l) as { route?: string }).route === '/api/runs')).toBe(true);
    } finally {
      s.child.kill('SIGTERM');
    }
    expect(await s.exit).toBe(0);
    expect(s.stderr()).toMatch(/SIGTERM received, stopping/);
  });

  it('allows private targets with BOTFLOW_ALLOW_PRIVATE=1', async () => {
    const s = await serve(['--port', '0', '--site', site], { BOTFLOW_ALLOW_PRIVATE: '1' });
    try {
      expect(s.stderr()).toMatch(/private targets ALLOWED/);
      expect(s.stderr()).not.toMatch(/warning/);
      const health = await (await fetch(`${s.base}/api/health`)).json() as { allowPrivate: boolean };
      expect(health.allowPrivate).toBe(true);
    } finally {
      s.child.kill('SIGTERM');
    }
    expect(await s.exit).toBe(0);
  });

  it('names its --ca file in /api/health only while private targets are allowed (for the widgets\' shown --ca)', async () => {
    const caFile = join(site, 'dev-ca.pem');
    writeFileSync(caFile, (await testPki()).caPem);
    const local = await serve(['--port', '0', '--site', site, '--allow-private', '--ca', caFile]);
    try {
      expect(await (await fetch(`${local.base}/api/health`)).json()).toMatchObject({ allowPrivate: true, caFile });
    } finally {
      local.child.kill('SIGTERM');
    }
    expect(await local.exit).toBe(0);
    const production = await serve(['--port', '0', '--site', site], { BOTFLOW_CA: caFile });
    try {
      const health = await (await fetch(`${production.base}/api/health`)).json() as Record<string, unknown>;
      expect(health.allowPrivate).toBe(false);
      expect(health).not.toHaveProperty('caFile');
      expect(JSON.stringify(health)).not.toContain('dev-ca.pem');
    } finally {
      production.child.kill('SIGTERM');
    }
    expect(await production.exit).toBe(0);
  });

  it('warns when private targets are allowed on every interface', async () => {
    const s = await serve(['--port', '0', '--host', '0.0.0.0', '--allow-private', '--allowed-host', 'lab.internal', '--site', site]);
    try {
      expect(s.stderr()).toMatch(/warning: private targets are allowed and the server listens on 0\.0\.0\.0/);
      expect((await fetch(`${s.base}/api/health`)).status).toBe(200);
      const port = Number(new URL(s.base).port);
      expect(await statusWithHost(port, `lab.internal:${port}`)).toBe(200);
      expect(await statusWithHost(port, `attacker.example:${port}`)).toBe(403);
    } finally {
      s.child.kill('SIGTERM');
    }
    expect(await s.exit).toBe(0);
  });

  it('exits 2 with "run npm run build first" when the site is missing', async () => {
    const run = await runCli(['serve', '--site', join(site, 'missing')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/built site is missing.*Run "npm run build" first/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on an unreadable or non-PEM CA file', async () => {
    const missing = await runCli(['serve', '--site', site, '--ca', join(site, 'nope.pem')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the CA file .*ENOENT/);
    const notPem = await runCli(['serve', '--site', site, '--ca', join(site, 'index.html')]);
    expect(notPem.code).toBe(2);
    expect(notPem.stderr).toMatch(/holds no PEM certificate/);
  });

  it('exits 2 on a bad port', async () => {
    const run = await runCli(['serve', '--port', 'eighty', '--site', site]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--port "eighty" is not a port number/);
    const extra = await runCli(['serve', '--allow-port', '443,x', '--site', site]);
    expect(extra.code).toBe(2);
  });
});
