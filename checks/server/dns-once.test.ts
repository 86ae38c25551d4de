/**
 * The API resolves each name once per request: its up-front guard vets the addresses and the
 * run connects to exactly those. The resolvers here answer differently on the second call (DNS
 * rebinding); every address that could be connected to is on loopback, and a public-looking
 * answer is only given to a run whose checks connect to nothing (DNS and URL checks only).
 */
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../core/types';
import type { LookupFn } from '../gather/net/resolve';
import { testPki } from '../testing/certs';
import { handlers, startServer, type TestServer } from '../testing/servers';
import { dnsOnlyEndpointSuite, postRun, startApi } from '../testing/api-server';

let vetted: TestServer;
let ca: string;
beforeAll(async () => {
  ca = (await testPki()).caPem;
  vetted = await startServer({ tls: { kind: 'good' }, handler: handlers.secureBot });
});
afterAll(async () => { await vetted?.close(); });

/** A resolver answering `first` on the first call for a name and `later` on every other, counting calls per name. */
function rebindingLookup(first: string, later: string): { lookup: LookupFn; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const lookup: LookupFn = async (hostname) => {
    const n = calls.get(hostname) ?? 0;
    calls.set(hostname, n + 1);
    return [{ address: n === 0 ? first : later, family: 4 }];
  };
  return { lookup, calls };
}

/** A TCP listener on `host:port` that counts the connections it is offered and closes them. */
async function tripwire(host: string, port = 0): Promise<{ port: number; connections(): number; close(): Promise<void> }> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => { count += 1; sockets.add(socket); socket.destroy(); });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, host, () => resolve()); });
  return {
    port: (server.address() as { port: number }).port,
    connections: () => count,
    close: () => new Promise<void>((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}

const dnsOnly = dnsOnlyEndpointSuite;

const byId = (report: Report): Record<string, Report['results'][number]> => Object.fromEntries(report.results.map((r) => [r.id, r]));

describe('the API resolves a target once and the run uses the vetted addresses', () => {
  it('public-looking to the guard, loopback afterwards: the run never sees the loopback answer nor connects to it', async () => {
    expect(dnsOnly.checks.map((c) => c.meta.id)).toContain('endpoint-dns');
    const { lookup, calls } = rebindingLookup('52.1.2.3', '127.0.0.1');
    const wire = await tripwire('127.0.0.1');
    const api = await startApi({ mode: 'production', allowedPorts: [wire.port], ca, lookup, suites: { endpoint: dnsOnly } });
    try {
      const host = 'rebind.example.test';
      const res = await postRun(api.base, { suite: 'endpoint', input: { url: `https://${host}:${wire.port}/api/messages` } }, { accept: 'application/json' });
      expect(res.status).toBe(200);
      const dns = byId(res.json() as Report)['endpoint-dns'];
      expect(dns?.status).toBe('pass');
      expect(dns?.evidence).toMatchObject({ host, addresses: [{ address: '52.1.2.3', class: 'public' }] });
      expect(calls.get(host)).toBe(1);
      expect(wire.connections()).toBe(0);
    } finally {
      await api.close();
      await wire.close();
    }
  });

  it('private targets allowed: every probe connects to the address the guard vetted (127.0.0.1), never to the later answer (127.0.0.2)', async () => {
    const { lookup, calls } = rebindingLookup('127.0.0.1', '127.0.0.2');
    const other = await tripwire('127.0.0.2', vetted.port);
    const api = await startApi({ mode: 'production', allowPrivate: true, ca, lookup });
    try {
      const host = 'rebind.example.test';
      const before = vetted.requests.length;
      const res = await postRun(api.base, { suite: 'endpoint', input: { url: `https://${host}:${vetted.port}/api/messages` } }, { accept: 'application/json' });
      expect(res.status).toBe(200);
      const r = byId(res.json() as Report);
      expect(r['endpoint-dns']?.evidence).toMatchObject({ addresses: [{ address: '127.0.0.1' }] });
      expect(r['endpoint-reachable']?.status).toBe('pass');
      expect(vetted.requests.length).toBeGreaterThan(before);
      expect(calls.get(host)).toBe(1);
      expect(other.connections()).toBe(0);
    } finally {
      await api.close();
      await other.close();
    }
  });

  it('loopback to the guard in production: 400 for the field, one lookup, no run and no connection', async () => {
    const { lookup, calls } = rebindingLookup('127.0.0.1', '52.1.2.3');
    const api = await startApi({ mode: 'production', allowedPorts: [vetted.port], ca, lookup });
    try {
      const before = vetted.requests.length;
      const res = await postRun(api.base, { suite: 'endpoint', input: { url: `https://rebind.example.test:${vetted.port}/api/messages` } }, { accept: 'application/json' });
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({ code: 'CHK_ERR_ADDRESS_REFUSED', field: '/input/url' });
      expect(calls.get('rebind.example.test')).toBe(1);
      expect(vetted.requests.length).toBe(before);
    } finally {
      await api.close();
    }
  });
});
