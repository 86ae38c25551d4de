/**
 * Test certificate factory: a private root CA, an intermediate, and leaf certificates in every
 * state the TLS checks care about. Material is generated once per test process (ECDSA P-256,
 * fast) and cached; every server certificate is issued for `localhost`, `127.0.0.1` and `::1`
 * unless the kind says otherwise.
 *
 *   const pki = await testPki();
 *   const leaf = await pki.leaf('expired');
 *   https.createServer({ key: leaf.key, cert: leaf.cert }, ...);   // clients trust pki.caPem
 */
// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata polyfill first.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

export type LeafKind =
  | 'good'
  | 'expired'
  | 'notYetValid'
  | 'expiringSoon'
  | 'wrongHost'
  | 'selfSigned'
  | 'missingIntermediate';

export interface ServerCredentials {
  /** PKCS#8 private key, PEM. */
  key: string;
  /** What the server sends: leaf first, then the intermediate unless the kind drops it. */
  cert: string;
  /** The leaf alone (PEM). */
  leafPem: string;
  notBefore: Date;
  notAfter: Date;
  hosts: readonly string[];
}

export interface TestPki {
  /** The root to trust (pass as `ca` / `--ca`). */
  caPem: string;
  intermediatePem: string;
  leaf(kind: LeafKind, options?: { hosts?: readonly string[] }): Promise<ServerCredentials>;
}

interface Issuer {
  name: string;
  keys: CryptoKeyPair;
  cert: x509.X509Certificate;
}

async function keyPair(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

async function keyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key as webcrypto.CryptoKey));
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').trim();
  return `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`;
}

function pem(cert: x509.X509Certificate): string {
  return `${cert.toString('pem')}\n`;
}

function isIpLiteral(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}

async function makeCa(name: string, issuer: Issuer | undefined, now: number): Promise<Issuer> {
  const keys = await keyPair();
  const extensions = [
    new x509.BasicConstraintsExtension(true, issuer ? 0 : 1, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  const cert = issuer
    ? await x509.X509CertificateGenerator.create({
      subject: name,
      issuer: issuer.name,
      notBefore: new Date(now - 30 * DAY),
      notAfter: new Date(now + 3650 * DAY),
      signingAlgorithm: ALG,
      publicKey: keys.publicKey,
      signingKey: issuer.keys.privateKey,
      extensions: [...extensions, await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey)],
    })
    : await x509.X509CertificateGenerator.createSelfSigned({
      name,
      notBefore: new Date(now - 30 * DAY),
      notAfter: new Date(now + 3650 * DAY),
      signingAlgorithm: ALG,
      keys,
      extensions,
    });
  return { name, keys, cert };
}

async function makeLeaf(issuer: Issuer | undefined, hosts: readonly string[], notBefore: Date, notAfter: Date): Promise<{ keys: CryptoKeyPair; cert: x509.X509Certificate }> {
  const keys = await keyPair();
  const subject = `CN=${hosts[0] ?? 'localhost'}, O=Teams Bot Flow tests`;
  const extensions = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    new x509.SubjectAlternativeNameExtension(hosts.map((h) => ({ type: isIpLiteral(h) ? 'ip' as const : 'dns' as const, value: h }))),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  const cert = issuer
    ? await x509.X509CertificateGenerator.create({
      subject,
      issuer: issuer.name,
      notBefore,
      notAfter,
      signingAlgorithm: ALG,
      publicKey: keys.publicKey,
      signingKey: issuer.keys.privateKey,
      extensions: [...extensions, await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey)],
    })
    : await x509.X509CertificateGenerator.createSelfSigned({ name: subject, notBefore, notAfter, signingAlgorithm: ALG, keys, extensions });
  return { keys, cert };
}

export const DEFAULT_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1'];

let cached: Promise<TestPki> | undefined;

/** The per-process test PKI (root, intermediate, cached leaves). */
export function testPki(): Promise<TestPki> {
  cached ??= createPki();
  return cached;
}

async function createPki(): Promise<TestPki> {
  const now = Date.now();
  const root = await makeCa('CN=Teams Bot Flow Test Root CA, O=Teams Bot Flow tests', undefined, now);
  const intermediate = await makeCa('CN=Teams Bot Flow Test Issuing CA, O=Teams Bot Flow tests', root, now);
  const leaves = new Map<string, Promise<ServerCredentials>>();

  const build = async (kind: LeafKind, hostsIn: readonly string[]): Promise<ServerCredentials> => {
    const hosts = kind === 'wrongHost' ? ['wrong-host.invalid'] : hostsIn;
    let notBefore = new Date(now - DAY);
    let notAfter = new Date(now + 90 * DAY);
    if (kind === 'expired') { notBefore = new Date(now - 100 * DAY); notAfter = new Date(now - 2 * DAY); }
    if (kind === 'notYetValid') { notBefore = new Date(now + 2 * DAY); notAfter = new Date(now + 100 * DAY); }
    if (kind === 'expiringSoon') { notAfter = new Date(now + 10 * DAY); }
    const leaf = await makeLeaf(kind === 'selfSigned' ? undefined : intermediate, hosts, notBefore, notAfter);
    const leafPem = pem(leaf.cert);
    const chain = kind === 'selfSigned' || kind === 'missingIntermediate' ? leafPem : `${leafPem}${pem(intermediate.cert)}`;
    return { key: await keyPem(leaf.keys.privateKey), cert: chain, leafPem, notBefore, notAfter, hosts };
  };

  return {
    caPem: pem(root.cert),
    intermediatePem: pem(intermediate.cert),
    leaf(kind, options) {
      const hosts = options?.hosts ?? DEFAULT_HOSTS;
      const key = `${kind}|${hosts.join(',')}`;
      let p = leaves.get(key);
      if (!p) { p = build(kind, hosts); leaves.set(key, p); }
      return p;
    },
  };
}
