/**
 * The Docusaurus dev plugin: its devServer config merges into Docusaurus's own the way
 * `docusaurus start` merges it (webpack-merge), and the dev server's express app then routes
 * /api/* into the API (development mode: private targets allowed) and everything else onward.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { merge } from 'webpack-merge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import apiDevPlugin, { isApiPath } from '../../plugins/api-dev/index';
import { testPki } from '../testing/certs';

type Mw = { name: string; path?: string; middleware: (req: unknown, res: unknown, next: () => void) => void } | ((req: unknown, res: unknown, next: () => void) => void);
type Setup = (middlewares: Mw[], devServer: unknown) => Mw[];

let server: Server;
let base: string;
let merged: Mw[];

let caDir: string;
let caFile: string;
beforeAll(async () => {
  // BOTFLOW_CA as a developer sets it for a local bot with a private test CA (read when the API starts).
  caDir = mkdtempSync(join(tmpdir(), 'botflow-dev-ca-'));
  caFile = join(caDir, 'dev-ca.pem');
  writeFileSync(caFile, (await testPki()).caPem);
  process.env.BOTFLOW_CA = caFile;
  const plugin = apiDevPlugin({} as never);
  const fromPlugin = (plugin.configureWebpack as (c: unknown, isServer: boolean) => { devServer?: { setupMiddlewares: Setup } })({}, false);
  expect(fromPlugin.devServer?.setupMiddlewares).toBeTypeOf('function');
  // Docusaurus's own dev server config (its setupMiddlewares unshifts a middleware and returns the array).
  const docusaurusDefault = {
    setupMiddlewares: (middlewares: Mw[]) => { middlewares.unshift({ name: 'eval-source-map', middleware: (_q, _s, next) => next() }); return middlewares; },
  };
  const config = merge([docusaurusDefault, fromPlugin.devServer as object]) as { setupMiddlewares: Setup };
  const defaults: Mw[] = [{ name: 'site', middleware: (_req, res, next) => { void next; (res as { end(s: string): void }).end('site page'); } }];
  merged = config.setupMiddlewares(defaults, {});
  const app = express();
  for (const m of merged) {
    if (typeof m === 'function') app.use(m);
    else if (m.path) app.use(m.path, m.middleware);
    else app.use(m.middleware);
  }
  server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  delete process.env.BOTFLOW_CA;
  await new Promise((r) => server.close(r));
  rmSync(caDir, { recursive: true, force: true });
});

describe('api-dev plugin', () => {
  it('keeps every dev-server middleware exactly once, the API first', () => {
    const names = merged.map((m) => (typeof m === 'function' ? 'fn' : m.name));
    expect(names).toEqual(['botflow-api', 'eval-source-map', 'site']);
  });

  it('routes /api/* to the API in development mode', async () => {
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    // The CA file is named so the widgets' shown command carries --ca <file> (development only).
    expect(await health.json()).toMatchObject({ status: 'ok', mode: 'development', allowPrivate: true, caFile });
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('runs a manifest check and streams it', async () => {
    const res = await fetch(`${base}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ suite: 'manifest', input: { manifest: '{"manifestVersion":"1.17"}' } }) });
    expect(res.headers.get('content-type')).toMatch(/x-ndjson/);
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(lines.at(-1)?.type).toBe('run-end');
  });

  it('lets a loopback target through in development (never metadata)', async () => {
    const post = (url: string): Promise<Response> => fetch(`${base}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ suite: 'endpoint', input: { url } }) });
    expect((await post('https://localhost:3978/api/messages')).status).toBe(200);
    expect((await post('https://169.254.169.254/')).status).toBe(400);
  });

  it('leaves other paths to the dev server', async () => {
    expect(await (await fetch(`${base}/docs/architecture`)).text()).toBe('site page');
    expect(await (await fetch(`${base}/apidocs`)).text()).toBe('site page');
    expect(isApiPath('/api/runs')).toBe(true);
    expect(isApiPath('/apis')).toBe(false);
  });

  it('adds nothing to the production build or the server bundle', () => {
    const plugin = apiDevPlugin({} as never);
    expect((plugin.configureWebpack as (c: unknown, s: boolean) => object)({}, true)).toEqual({});
  });
});
