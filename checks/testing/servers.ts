/**
 * Real servers on loopback (port 0) for tests: HTTPS with certificates from the test PKI in any
 * TLS version range, plain HTTP, and bots that misbehave on purpose. Every server records the
 * requests it got and closes its sockets on `close()`.
 *
 *   const server = await startServer({ tls: { kind: 'good' }, handler: handlers.anonymousBot });
 *   // server.url = https://localhost:<port>/api/messages ; trust (await testPki()).caPem
 *   await server.close();
 *
 * Host names: certificates name `localhost`; pass `lookup: loopbackLookup` to the networking
 * module so any name resolves to 127.0.0.1 without the system resolver.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect as netConnect, createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { createServer as createTlsServer, type SecureVersion } from 'node:tls';
import type { LookupFn } from '../gather/net/resolve';
import { testPki, type LeafKind } from './certs';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface TestServer {
  /** e.g. https://localhost:PORT */
  origin: string;
  /** origin + /api/messages (the conventional bot path). */
  url: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export type TlsRange = 'modern' | 'tls13only' | 'legacyOnly' | 'tls12only' | 'all';

export interface TlsServerOptions {
  kind?: LeafKind;
  /** modern = TLS 1.2 + 1.3 (default); tls13only; tls12only; legacyOnly = TLS 1.0 + 1.1; all = TLS 1.0 to 1.3. */
  range?: TlsRange;
  hosts?: readonly string[];
}

export interface ServerOptions {
  /** false or omitted: plain HTTP. */
  tls?: TlsServerOptions | false;
  handler?: Handler;
}

/** Resolves every name to 127.0.0.1 (tests never use the system resolver). */
export const loopbackLookup: LookupFn = async () => [{ address: '127.0.0.1', family: 4 }];

export function tlsRange(range: TlsRange = 'modern'): { minVersion: SecureVersion; maxVersion: SecureVersion; ciphers?: string } {
  switch (range) {
    case 'tls13only': return { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' };
    case 'tls12only': return { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' };
    // OpenSSL 3 refuses TLS 1.0/1.1 at the default security level; level 0 brings them back.
    case 'legacyOnly': return { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' };
    case 'all': return { minVersion: 'TLSv1', maxVersion: 'TLSv1.3', ciphers: 'DEFAULT@SECLEVEL=0' };
    default: return { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' };
  }
}

async function tlsOptions(opts: TlsServerOptions): Promise<{ key: string; cert: string; minVersion: SecureVersion; maxVersion: SecureVersion; ciphers?: string }> {
  const pki = await testPki();
  const creds = await pki.leaf(opts.kind ?? 'good', opts.hosts ? { hosts: opts.hosts } : undefined);
  return { key: creds.key, cert: creds.cert, ...tlsRange(opts.range) };
}

export function track(server: HttpServer | NetServer): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  server.on('secureConnection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  // Handshake failures (a TLS 1.3-only server meeting a 1.2 client) are expected in tests.
  server.on('tlsClientError', () => undefined);
  return () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
}

export async function listen(server: HttpServer | NetServer): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('server has no port');
  return addr.port;
}

const MAX_RECORDED_BODY = 256 * 1024;

/** An HTTP or HTTPS server running `handler` (default: a bot that enforces auth, 401). */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const handler = options.handler ?? handlers.secureBot;
  const requests: RecordedRequest[] = [];
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => { size += c.length; if (size <= MAX_RECORDED_BODY) chunks.push(c); });
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: { ...req.headers }, body });
      handler(req, res, body);
    });
  };
  const server = options.tls ? createHttpsServer(await tlsOptions(options.tls), onRequest) : createHttpServer(onRequest);
  server.keepAliveTimeout = 500;
  const close = track(server);
  const port = await listen(server);
  const origin = `${options.tls ? 'https' : 'http'}://localhost:${port}`;
  return { origin, url: `${origin}/api/messages`, port, requests, close };
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** A Node-style stack trace with framework internals, as an unhandled error page leaks it. */
export const LEAKED_STACK = [
  'TypeError: Cannot read properties of undefined (reading \'conversation\')',
  '    at BotActivityHandler.onMessage (/home/site/wwwroot/lib/bot.js:42:31)',
  '    at CloudAdapter.processActivity (/home/site/wwwroot/node_modules/botbuilder/lib/cloudAdapter.js:120:19)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
].join('\n');

export const handlers = {
  /** Enforces authentication without an SDK: no valid token -> 401 (every token here is invalid). */
  secureBot: ((req, res) => {
    if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed', { allow: 'POST' });
    send(res, 401, 'Unauthorized Access. Request is not authorized');
  }) as Handler,
  /** Runs without authentication (anonymous mode): accepts every activity. */
  anonymousBot: ((req, res) => {
    if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed');
    send(res, 200, '', {});
  }) as Handler,
  /** Crashes on every request and shows the stack. */
  stackTrace500: ((_req, res) => send(res, 500, `Internal Server Error\n\n${LEAKED_STACK}\n`)) as Handler,
  /** App Service Authentication (EasyAuth) in front: 302 to the Entra sign-in page. */
  easyAuth: ((req, res) => {
    const redirect = encodeURIComponent(`https://${req.headers.host ?? 'bot'}/.auth/login/aad/callback`);
    res.writeHead(302, {
      location: `https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/oauth2/v2.0/authorize?response_type=code+id_token&redirect_uri=${redirect}&client_id=11111111-1111-1111-1111-111111111111`,
      'content-length': 0,
    });
    res.end();
  }) as Handler,
  /** A WAF / gateway block page (HTML, 403). */
  wafBlock: ((_req, res) => send(res, 403, '<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>Microsoft-Azure-Application-Gateway/v2</center></body></html>', { 'content-type': 'text/html', server: 'Microsoft-Azure-Application-Gateway/v2' })) as Handler,
  notFound: ((_req, res) => send(res, 404, 'Cannot POST /api/messages')) as Handler,
  methodNotAllowed: ((_req, res) => send(res, 405, 'Method Not Allowed', { allow: 'GET' })) as Handler,
  /** Accepts the request and never answers. */
  neverAnswer: (() => undefined) as Handler,
  /** Redirects to `location` (default: the cloud metadata address). */
  redirectTo(location = 'http://169.254.169.254/latest/meta-data/', status = 302): Handler {
    return (_req, res) => { res.writeHead(status, { location, 'content-length': 0 }); res.end(); };
  },
  /** Headers at once, then the body one byte every `intervalMs`. */
  dripBody(intervalMs = 1_000, text = 'slow body'): Handler {
    return (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(text) });
      let i = 0;
      const timer = setInterval(() => {
        if (res.destroyed || i >= text.length) { clearInterval(timer); if (!res.destroyed) res.end(); return; }
        res.write(text[i]);
        i += 1;
      }, intervalMs);
      res.on('close', () => clearInterval(timer));
    };
  },
  /**
   * A bot that enforces auth (401), slowly in steps: the headers after `stepMs`, the body
   * `stepMs` later. Each network step stays under a per-step cap above `stepMs` while the whole
   * answer takes twice as long (tests of what `--timeout` caps).
   */
  slowInSteps(stepMs: number): Handler {
    return (req, res) => {
      if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed', { allow: 'POST' });
      const body = 'Unauthorized Access. Request is not authorized';
      const timer = setTimeout(() => {
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        res.flushHeaders();
        const end = setTimeout(() => res.end(body), stepMs);
        res.on('close', () => clearTimeout(end));
      }, stepMs);
      res.on('close', () => clearTimeout(timer));
    };
  },
  /** Answers with `status` and a fixed body. */
  status(status: number, body = '', headers: Record<string, string> = {}): Handler {
    return (_req, res) => send(res, status, body, headers);
  },
};

/**
 * A raw server that answers every request one byte every `intervalMs`, status line included,
 * so the response headers never complete in a test's time.
 */
export async function startDripServer(options: { tls?: TlsServerOptions | false; intervalMs?: number } = {}): Promise<TestServer> {
  const intervalMs = options.intervalMs ?? 1_000;
  const answer = 'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\n\r\nok';
  const requests: RecordedRequest[] = [];
  const onSocket = (socket: Socket): void => {
    let buf = '';
    let started = false;
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      buf += chunk.toString('latin1');
      if (started || !buf.includes('\r\n\r\n')) return;
      started = true;
      const [line] = buf.split('\r\n');
      const [method = '', path = ''] = (line ?? '').split(' ');
      requests.push({ method, path, headers: {}, body: '' });
      let i = 0;
      const timer = setInterval(() => {
        if (socket.destroyed || i >= answer.length) { clearInterval(timer); return; }
        socket.write(answer[i] as string);
        i += 1;
      }, intervalMs);
      socket.on('close', () => clearInterval(timer));
    });
  };
  const server = options.tls
    ? createTlsServer(await tlsOptions(options.tls), onSocket)
    : createNetServer(onSocket);
  const close = track(server);
  const port = await listen(server);
  const origin = `${options.tls ? 'https' : 'http'}://localhost:${port}`;
  return { origin, url: `${origin}/api/messages`, port, requests, close };
}

/** A TCP port that accepts connections (and TLS handshakes never start): accept then silence. */
export async function startSilentServer(): Promise<TestServer> {
  const server = createNetServer((s) => { s.on('error', () => undefined); });
  const close = track(server);
  const port = await listen(server);
  const origin = `https://localhost:${port}`;
  return { origin, url: `${origin}/api/messages`, port, requests: [], close };
}

/** A port with nothing listening (connections are refused). */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  const port = await listen(server);
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** A minimal HTTP CONNECT proxy on loopback; records the authorities it tunnelled to. */
export async function startConnectProxy(): Promise<TestServer & { tunnels: string[] }> {
  const tunnels: string[] = [];
  const server = createHttpServer((_req, res) => send(res, 405, 'CONNECT only'));
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const authority = req.url ?? '';
    tunnels.push(authority);
    const idx = authority.lastIndexOf(':');
    const port = Number(authority.slice(idx + 1));
    // Test proxy: every name goes to loopback.
    const upstream = netConnect({ host: '127.0.0.1', port });
    upstream.on('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => { client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'); });
    client.on('error', () => upstream.destroy());
  });
  const close = track(server);
  const port = await listen(server);
  const origin = `http://127.0.0.1:${port}`;
  return { origin, url: origin, port, requests: [], tunnels, close };
}
