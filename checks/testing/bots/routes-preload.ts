/**
 * Loaded with `--import` into the processes of the test bots (never into the product): plays the
 * part of a hosts file. Every connection the bot's SDK opens to a Microsoft host (through
 * node:http, node:https or fetch) goes to the loopback port that BOTFLOW_TEST_ROUTES names for
 * it, with SNI and Host unchanged, so the SDK's own code talks to the look-alikes of
 * microsoft-world.ts as it would to the real services. A host with no route is refused at once
 * and reported on stderr: nothing leaves loopback, and no DNS query is made.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch, setGlobalDispatcher } from 'undici';

type Route = { host: string; port: number };
const routes = JSON.parse(process.env.BOTFLOW_TEST_ROUTES ?? '{}') as Record<string, Route>;
const refusedPort = Number(process.env.BOTFLOW_TEST_REFUSED_PORT ?? '9');

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function route(host: string | null | undefined, port: number): Route {
  const name = String(host ?? '').toLowerCase().replace(/\.$/, '');
  if (isLoopback(name)) return { host: name === 'localhost' ? '127.0.0.1' : name.replace(/^\[|\]$/g, ''), port };
  const r = routes[name];
  if (r) return r;
  process.stderr.write(`test-routes: no route for ${name}:${port}; refused\n`);
  return { host: '127.0.0.1', port: refusedPort };
}

type ConnOptions = { host?: string | null; hostname?: string | null; port?: number | string | null; servername?: string };

// Every agent, the global ones and those an SDK creates itself, opens its sockets here.
type CreateConnection = (this: unknown, options: ConnOptions, cb?: unknown) => Socket;
const httpsProto = https.Agent.prototype as unknown as { createConnection: CreateConnection };
const httpProto = http.Agent.prototype as unknown as { createConnection: CreateConnection };
const httpsCreate = httpsProto.createConnection;
const httpCreate = httpProto.createConnection;
httpsProto.createConnection = function routedTls(this: unknown, options: ConnOptions, cb?: unknown): Socket {
  const original = options.host ?? options.hostname ?? '';
  const t = route(original, Number(options.port ?? 443));
  const servername = options.servername || (isLoopback(original) ? undefined : original);
  return httpsCreate.call(this, { ...options, host: t.host, port: t.port, ...(servername ? { servername } : {}) }, cb);
};
httpProto.createConnection = function routedTcp(this: unknown, options: ConnOptions, cb?: unknown): Socket {
  const t = route(options.host ?? options.hostname, Number(options.port ?? 80));
  return httpCreate.call(this, { ...options, host: t.host, port: t.port }, cb);
};

const connector = buildConnector({});
setGlobalDispatcher(new Agent({
  connect: (opts, cb) => {
    const t = route(opts.hostname, Number(opts.port || (opts.protocol === 'https:' ? 443 : 80)));
    const servername = opts.servername || (isLoopback(opts.hostname) ? undefined : opts.hostname);
    connector({ ...opts, hostname: t.host, port: String(t.port), ...(servername ? { servername } : {}) }, cb);
  },
}));
// The SDKs call the global fetch: give them undici's, which uses the routed dispatcher above.
globalThis.fetch = undiciFetch as unknown as typeof globalThis.fetch;

// No real DNS: route names to loopback, everything else fails as an unknown name would.
type LookupCb = (err: NodeJS.ErrnoException | null, address?: string | dns.LookupAddress[], family?: number) => void;
const lookup = ((hostname: string, options: unknown, callback?: LookupCb) => {
  const cb = (typeof options === 'function' ? options : callback) as LookupCb;
  const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
  const name = hostname.toLowerCase();
  if (isLoopback(name) || routes[name]) {
    const address = name === '::1' ? '::1' : '127.0.0.1';
    const family = address === '::1' ? 6 : 4;
    process.nextTick(() => (all ? cb(null, [{ address, family }]) : cb(null, address, family)));
    return;
  }
  const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname, syscall: 'getaddrinfo' });
  process.stderr.write(`test-routes: no route for name ${name}\n`);
  process.nextTick(() => cb(err));
}) as typeof dns.lookup;
dns.lookup = lookup;
