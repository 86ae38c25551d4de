import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/site';

/**
 * `npm run dev` mounts the check API into the Docusaurus dev server (plugins/api-dev): the real
 * dev server is started, asked for /api/health, a manifest run and a run against a bot on
 * loopback (development mode allows it), then stopped with its whole process group.
 */

let dev: ChildProcess | undefined;
let bot: ReturnType<typeof createServer>;
let origin: string;
let botUrl: string;
let output = '';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

beforeAll(async () => {
  bot = createServer((_req, res) => { res.writeHead(401, { 'content-type': 'text/plain' }); res.end('Unauthorized'); });
  await new Promise<void>((r) => bot.listen(0, '127.0.0.1', r));
  botUrl = `http://localhost:${(bot.address() as AddressInfo).port}/api/messages`;
  const port = await freePort();
  origin = `http://localhost:${port}`;
  dev = spawn(process.execPath, [path.join(REPO_ROOT, 'node_modules', '.bin', 'docusaurus'), 'start', '--port', String(port), '--host', 'localhost', '--no-open'], {
    cwd: REPO_ROOT,
    env: { ...process.env, BROWSER: 'none', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  dev.stdout!.on('data', (d: Buffer) => { output += d.toString(); });
  dev.stderr!.on('data', (d: Buffer) => { output += d.toString(); });
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (dev.exitCode !== null) throw new Error(`docusaurus start exited with ${dev.exitCode}:\n${output.slice(-2000)}`);
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`the dev server did not answer within 240 s:\n${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
});

afterAll(async () => {
  if (dev?.pid && dev.exitCode === null) {
    const exited = new Promise((r) => dev!.once('exit', r));
    process.kill(-dev.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (dev.exitCode === null) process.kill(-dev.pid, 'SIGKILL');
  }
  await new Promise((r) => bot?.close(r));
});

describe('npm run dev: the API inside the dev server', () => {
  it('answers health in development mode', async () => {
    const health = await (await fetch(`${origin}/api/health`)).json() as { status: string; mode: string; allowPrivate: boolean };
    expect(health).toMatchObject({ status: 'ok', mode: 'development', allowPrivate: true });
  });

  it('runs a manifest check as an ndjson stream', async () => {
    const res = await fetch(`${origin}/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ suite: 'manifest', input: { manifest: '{"manifestVersion":"1.17"}' } }),
    });
    expect(res.headers.get('content-type')).toMatch(/x-ndjson/);
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string; report?: { suite: string } });
    expect(lines[0]?.type).toBe('run-start');
    expect(lines.at(-1)).toMatchObject({ type: 'run-end', report: { suite: 'manifest' } });
  });

  it('checks a bot on localhost (private targets allowed in development)', async () => {
    const res = await fetch(`${origin}/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ suite: 'endpoint', input: { url: botUrl } }),
    });
    expect(res.status).toBe(200);
    const report = await res.json() as { results: Array<{ id: string; status: string }> };
    expect(report.results.find((r) => r.id === 'auth-missing-token')?.status).toBe('pass');
    expect(report.results.find((r) => r.id === 'endpoint-https')?.status).toBe('fail');
  });

  it('still serves the site', async () => {
    const res = await fetch(`${origin}/docs/architecture`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="__docusaurus">');
  });
});
