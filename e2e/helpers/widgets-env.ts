/**
 * What the widget tests run against, all real and all on loopback:
 * - `origin`: the BUILT site as static files with the real API app (checks/server, private
 *   targets allowed, the test CA trusted) mounted at /api/*, the way the dev-server plugin
 *   mounts it (`app.routing`);
 * - `serveOrigin`: the real `botflow serve` composition: the same app serving the built site
 *   itself, with its production headers (CSP);
 * - `staticOrigin`: the same build on a plain static server (no API), as on a CDN;
 * - a real Bot Framework SDK bot (authentication on, local OpenID metadata) and an anonymous bot
 *   (accepts everything) from checks/testing.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApiServer } from '../../checks/server/app';
import { testPki } from '../../checks/testing/certs';
import { startBotWithWorld, type RealBot } from '../../checks/testing/bots/start-bot';
import { buildDir, resolveFile, startStaticServer, type StaticServer } from './site';

export interface WidgetEnv {
  /** Static build + API mounted at /api (private targets allowed, test CA trusted). */
  origin: string;
  /** `botflow serve`: the API app serving the build itself, production headers included. */
  serveOrigin: string;
  /** The same build without an API. */
  staticOrigin: string;
  sdkBot: RealBot;
  /** A real Microsoft 365 Agents SDK bot with no client id (its anonymous mode). */
  anonymousBot: RealBot;
  close(): Promise<void>;
}

export async function startWidgetEnv(): Promise<WidgetEnv> {
  const site = buildDir();
  const pki = await testPki();
  const closers: Array<() => Promise<void>> = [];
  try {
    const sdkBot = await startBotWithWorld({ sdk: 'botbuilder', mode: 'authenticated', nodeEnv: 'production' });
    closers.push(() => sdkBot.close());
    const anonymousBot = await startBotWithWorld({ sdk: 'agents', mode: 'anonymous' });
    closers.push(() => anonymousBot.close());
    const apiOptions = { mode: 'production' as const, allowPrivate: true, ca: pki.caPem, rateLimit: false as const, logger: false as const };
    const api: FastifyInstance = await createApiServer(apiOptions);
    closers.push(() => api.close());
    const mounted = await startMountedSite(site, api);
    closers.push(() => mounted.close());
    const serve: FastifyInstance = await createApiServer({ ...apiOptions, siteDir: site });
    closers.push(() => serve.close());
    await serve.listen({ port: 0, host: '127.0.0.1' });
    const { port } = serve.server.address() as AddressInfo;
    const plain: StaticServer = await startStaticServer(site);
    closers.push(() => plain.close());
    return {
      origin: mounted.origin,
      serveOrigin: `http://127.0.0.1:${port}`,
      staticOrigin: plain.origin,
      sdkBot,
      anonymousBot,
      close: () => closeAll(closers),
    };
  } catch (err) {
    await closeAll(closers);
    throw err;
  }
}

async function closeAll(closers: Array<() => Promise<void>>): Promise<void> {
  for (const close of closers.reverse()) {
    try { await close(); } catch { /* keep closing the rest */ }
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

/** Static files of the build, with /api/* handed to the API app (as the dev-server plugin does). */
async function startMountedSite(root: string, api: FastifyInstance): Promise<StaticServer> {
  const notFound = path.join(root, '404.html');
  const send = (res: ServerResponse, status: number, file: string): void => {
    res.writeHead(status, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (url === '/api' || url.startsWith('/api/')) {
      api.routing(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    resolveFile(root, new URL(url, 'http://localhost').pathname)
      .then((file) => (file ? send(res, 200, file) : send(res, 404, notFound)))
      .catch(() => { if (!res.headersSent) res.writeHead(500); res.end(); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
