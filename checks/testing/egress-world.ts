/**
 * TEST SUPPORT (imported by tests only): a local stand-in for the Microsoft hosts a bot talks to.
 * Each host name gets its own loopback server; the resolver and port map send the real names
 * there, and the "public" root store is the test PKI's root (checks/testing/certs.ts). Hosts can
 * be made to misbehave: blackholed (TCP accepted, TLS never answered), DNS that never answers,
 * NXDOMAIN, refused, a certificate from an "inspecting proxy" CA, a skewed Date header, metadata
 * with or without endorsements, or a block page instead of JSON.
 */
import 'reflect-metadata';
import { generateKeyPairSync, webcrypto } from 'node:crypto';
import { createServer as createHttpsServer, type Server } from 'node:https';
import { createServer as createNetServer, type Socket } from 'node:net';
import * as x509 from '@peculiar/x509';
import { getCloud, type EgressCloudId } from '../core/clouds';
import { testPki } from './certs';
import type { EgressNetwork } from '../gather/egress-config';
import type { LookupFn } from '../gather/net/index';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export type HostBehaviour =
  | 'ok'
  | 'blackhole'      // accepts TCP, never answers TLS
  | 'slowDnsBlackhole' // the resolver answers after 1.9 s, then the server never answers TLS
  | 'dnsHang'        // the resolver never answers
  | 'nxdomain'
  | 'refused'
  | 'intercepted';   // certificate from the inspecting-proxy CA

export interface WorldOptions {
  cloud: EgressCloudId;
  hosts: readonly string[];
  behaviour?: Record<string, HostBehaviour>;
  /** Keys' endorsements in the JWKS (default ['msteams']); null: no endorsements property. */
  endorsements?: string[] | null;
  /** Added to the Date header the metadata host sends (ms). */
  dateOffsetMs?: number;
  /** Metadata body override (e.g. an HTML block page). */
  metadataBody?: string;
  /** Issuer written in the metadata (default: the cloud's token issuer). */
  metadataIssuer?: string;
}

export interface World {
  network: EgressNetwork;
  /** PEM of the inspecting-proxy root (to simulate NODE_EXTRA_CA_CERTS). */
  interceptionCaPem: string;
  /** Host names the servers saw in HTTP requests. */
  requests: string[];
  close(): Promise<void>;
}

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

function pem(cert: x509.X509Certificate): string {
  return `${cert.toString('pem')}\n`;
}

async function keyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key as webcrypto.CryptoKey));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').trim()}\n-----END PRIVATE KEY-----\n`;
}

interface InterceptionPki { caPem: string; key: string; cert: string }
let interception: Promise<InterceptionPki> | undefined;

/** An "inspecting proxy" root and a leaf it mints for the given hosts (cached per process). */
function interceptionPki(hosts: readonly string[]): Promise<InterceptionPki> {
  interception ??= (async () => {
    const now = Date.now();
    const caKeys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']) as CryptoKeyPair;
    const caName = 'CN=Contoso TLS Inspection CA, O=Contoso Security Gateway';
    const ca = await x509.X509CertificateGenerator.createSelfSigned({
      name: caName, notBefore: new Date(now - DAY), notAfter: new Date(now + 365 * DAY), signingAlgorithm: ALG, keys: caKeys,
      extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true)],
    });
    const leafKeys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']) as CryptoKeyPair;
    const leaf = await x509.X509CertificateGenerator.create({
      subject: `CN=${hosts[0]}`, issuer: caName, notBefore: new Date(now - DAY), notAfter: new Date(now + 30 * DAY),
      signingAlgorithm: ALG, publicKey: leafKeys.publicKey, signingKey: caKeys.privateKey,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension(['*.botframework.com', '*.microsoftonline.com', '*.microsoftonline.us', '*.trafficmanager.net', '*.microsoft.com', '*.microsoft.us', '*.azure.us', '*.teams.microsoft.com', '*.infra.gcc.teams.microsoft.com', '*.infra.gov.teams.microsoft.us', '*.infra.dod.teams.microsoft.us', '*.botframework.azure.us', ...hosts].map((h) => ({ type: 'dns' as const, value: h }))),
      ],
    });
    return { caPem: pem(ca), key: await keyPem(leafKeys.privateKey), cert: pem(leaf) };
  })();
  return interception;
}

let jwk: Record<string, string> | undefined;
function rsaJwk(): Record<string, string> {
  jwk ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }) as Record<string, string>;
  return jwk;
}

function track(server: Server | ReturnType<typeof createNetServer>): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => undefined); });
  server.on('tlsClientError', () => undefined);
  return () => new Promise<void>((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); });
}

async function listen(server: Server | ReturnType<typeof createNetServer>): Promise<number> {
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', () => resolve()); });
  const a = server.address();
  if (!a || typeof a === 'string') throw new Error('no port');
  return a.port;
}

/** Starts one local server per host and returns the network that reaches them by their real names. */
export async function startWorld(options: WorldOptions): Promise<World> {
  const pki = await testPki();
  const cloud = getCloud(options.cloud);
  const good = await pki.leaf('good', { hosts: [...options.hosts] });
  const inspector = await interceptionPki(options.hosts);
  const behaviour = (h: string): HostBehaviour => options.behaviour?.[h] ?? 'ok';
  const requests: string[] = [];
  const ports = new Map<string, number>();
  const closers: Array<() => Promise<void>> = [];

  const metadataPath = new URL(cloud.openIdMetadataUrl.value).pathname;
  const jwksUrl = cloud.jwksUrl.value;
  for (const host of options.hosts) {
    const b = behaviour(host);
    if (b === 'dnsHang' || b === 'nxdomain') continue;
    if (b === 'refused') {
      const s = createNetServer();
      const port = await listen(s);
      await new Promise<void>((r) => s.close(() => r()));
      ports.set(host, port);
      continue;
    }
    if (b === 'blackhole' || b === 'slowDnsBlackhole') {
      const s = createNetServer(() => undefined);
      closers.push(track(s));
      ports.set(host, await listen(s));
      continue;
    }
    const creds = b === 'intercepted' ? { key: inspector.key, cert: inspector.cert } : { key: good.key, cert: good.cert };
    const server = createHttpsServer(creds, (req, res) => {
      requests.push(`${host}${req.url ?? ''}`);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.dateOffsetMs) headers.date = new Date(Date.now() + options.dateOffsetMs).toUTCString();
      const path = (req.url ?? '').split('?')[0];
      if (path === metadataPath && options.metadataBody !== undefined) {
        res.writeHead(200, { ...headers, 'content-type': 'text/html' });
        res.end(options.metadataBody);
        return;
      }
      if (path === metadataPath) {
        res.writeHead(200, headers);
        res.end(JSON.stringify({
          issuer: options.metadataIssuer ?? cloud.tokenIssuer.value,
          authorization_endpoint: 'https://invalid.botframework.com',
          jwks_uri: jwksUrl,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        }));
        return;
      }
      if (path === new URL(jwksUrl).pathname) {
        const k = rsaJwk();
        const endorse = options.endorsements === undefined ? ['msteams'] : options.endorsements;
        const keys = ['key-a', 'key-b'].map((kid) => ({ kty: 'RSA', use: 'sig', kid, n: k.n, e: k.e, ...(endorse === null ? {} : { endorsements: endorse }) }));
        res.writeHead(200, headers);
        res.end(JSON.stringify({ keys }));
        return;
      }
      res.writeHead(404, headers);
      res.end('{}');
    });
    server.keepAliveTimeout = 200;
    closers.push(track(server));
    ports.set(host, await listen(server));
  }

  const lookup: LookupFn = (name) => {
    const b = behaviour(name);
    if (b === 'dnsHang') return new Promise(() => undefined);
    if (b === 'slowDnsBlackhole') return new Promise((r) => { setTimeout(() => r([{ address: '127.0.0.1', family: 4 }]), 1_900); });
    if (b === 'nxdomain' || !options.hosts.includes(name)) {
      return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' }));
    }
    return Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
  };
  return {
    network: {
      lookup,
      portFor: (h) => ports.get(h) ?? 9, // unknown hosts: the discard port, never listened on here
      trustedRoots: [pki.caPem],
      publicRoots: [pki.caPem],
    },
    interceptionCaPem: inspector.caPem,
    requests,
    close: async () => { await Promise.all(closers.map((c) => c())); },
  };
}
