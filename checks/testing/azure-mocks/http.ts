/** A loopback HTTP server for the Azure look-alikes: JSON helpers and a request log. Test-only. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  authorization?: string;
  body: string;
}

export interface MockServer {
  /** http://127.0.0.1:<port> */
  url: string;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

export type MockHandler = (req: IncomingMessage, res: ServerResponse, body: string, url: URL) => void | Promise<void>;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export async function startMockServer(handler: MockHandler): Promise<MockServer> {
  const requests: LoggedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const entry: LoggedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', body };
      if (req.headers.authorization) entry.authorization = req.headers.authorization;
      requests.push(entry);
      Promise.resolve(handler(req, res, body, new URL(req.url ?? '/', 'http://127.0.0.1'))).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: { code: 'MockFailure', message: String(err) } });
      });
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
