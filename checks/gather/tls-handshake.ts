/**
 * Evidence `TlsHandshake`: one handshake as a default modern client does it (TLS 1.2-1.3),
 * without aborting on a bad certificate, so the verdicts can be made from what was seen:
 * protocol and cipher, the peer chain (subject, issuer, SAN, validity), verification against
 * Node's bundled roots (plus --ca), and whether the leaf names the host.
 */
import { X509Certificate } from 'node:crypto';
import { checkServerIdentity, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import { defineGatherer, type GatherContext } from '../core/gatherer';
import { endpointTarget } from './dns-resolution';
import { failureOf, netOptions, portOf, type NotProbed, type ProbeFailure } from './endpoint-probe-context';
import { connectTls, type Resolution, type TlsParams } from './net';

export interface CertificateInfo {
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  notBefore: string;
  notAfter: string;
  serialNumber: string;
  fingerprint256: string;
  /** Subject equals issuer (a root, or a self-signed leaf). */
  selfIssued: boolean;
  ca: boolean;
}

export interface TlsSessionInfo {
  protocol: string;
  cipher: string;
  /** Standard (IANA) cipher name when Node knows it. */
  cipherStandardName?: string;
}

export type TlsHandshakeEvidence =
  | NotProbed
  | ({
    probed: true;
    ok: true;
    host: string;
    port: number;
    address?: string;
    proxy?: string;
    /** Leaf first, up to the last certificate the verifier could link. */
    chain: CertificateInfo[];
    trust: {
      /** Node's bundled Mozilla roots, plus the PEM given with --ca. */
      store: 'default' | 'default+ca';
      authorized: boolean;
      /** OpenSSL's verification result code when not authorized (e.g. UNABLE_TO_VERIFY_LEAF_SIGNATURE). */
      error?: string;
    };
    hostname: { host: string; matches: boolean; reason?: string };
    timings: { connectMs: number; tlsMs: number };
  } & TlsSessionInfo)
  | { probed: true; ok: false; host: string; port: number; failure: ProbeFailure };

declare module '../core/evidence' {
  interface EvidenceMap {
    TlsHandshake: TlsHandshakeEvidence;
  }
}

function splitSan(san: string | undefined): string[] {
  if (!san) return [];
  return san.split(/,\s*/).map((s) => s.replace(/^IP Address:/, 'IP:').trim()).filter(Boolean);
}

export function certificateInfo(raw: Buffer): CertificateInfo {
  const x = new X509Certificate(raw);
  const oneLine = (dn: string): string => dn.split('\n').filter(Boolean).join(', ');
  return {
    subject: oneLine(x.subject),
    issuer: oneLine(x.issuer),
    subjectAltNames: splitSan(x.subjectAltName),
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
    serialNumber: x.serialNumber,
    fingerprint256: x.fingerprint256,
    selfIssued: x.subject === x.issuer,
    ca: x.ca,
  };
}

/** The peer chain as the TLS stack linked it, leaf first (bounded, cycle-safe). */
export function peerChain(socket: TLSSocket): { chain: CertificateInfo[]; leaf?: DetailedPeerCertificate } {
  const leaf = socket.getPeerCertificate(true);
  if (!leaf || !leaf.raw) return { chain: [] };
  const chain: CertificateInfo[] = [];
  const seen = new Set<string>();
  let cur: DetailedPeerCertificate | undefined = leaf;
  while (cur && cur.raw && !seen.has(cur.fingerprint256) && chain.length < 10) {
    seen.add(cur.fingerprint256);
    chain.push(certificateInfo(cur.raw));
    cur = cur.issuerCertificate;
  }
  return { chain, leaf };
}

/** One TLS handshake to `url` and what it showed. Shared with the calling-webhook probe. */
export async function handshake(ctx: GatherContext, url: URL, resolution: Resolution | undefined, tls: TlsParams = {}): Promise<Exclude<TlsHandshakeEvidence, NotProbed>> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = portOf(url);
  let conn;
  try {
    conn = await connectTls(host, port, { ...netOptions(ctx, url, resolution), rejectUnauthorized: false, ...tls });
  } catch (err) {
    return { probed: true, ok: false, host, port, failure: failureOf(err) };
  }
  try {
    const socket = conn.socket;
    const cipher = socket.getCipher();
    const { chain, leaf } = peerChain(socket);
    const identityError = leaf ? checkServerIdentity(host, leaf) : new Error('no certificate');
    const authError = socket.authorizationError ? String(socket.authorizationError) : undefined;
    // Node reports a host name mismatch as the authorization error when the chain itself verifies.
    const chainError = authError === 'ERR_TLS_CERT_ALTNAME_INVALID' ? undefined : authError;
    return {
      probed: true,
      ok: true,
      host,
      port,
      ...(conn.address ? { address: conn.address.address } : {}),
      ...(conn.proxy ? { proxy: conn.proxy } : {}),
      protocol: socket.getProtocol() ?? 'unknown',
      cipher: cipher.name,
      ...(cipher.standardName ? { cipherStandardName: cipher.standardName } : {}),
      chain,
      trust: { store: ctx.options.ca ? 'default+ca' : 'default', authorized: !chainError, ...(chainError ? { error: chainError } : {}) },
      hostname: { host, matches: !identityError, ...(identityError ? { reason: identityError.message } : {}) },
      timings: { connectMs: conn.timings.connectMs, tlsMs: conn.timings.tlsMs },
    };
  } finally {
    conn.socket.destroy();
  }
}

export const tlsHandshakeGatherer = defineGatherer({
  id: 'TlsHandshake',
  environments: ['node'],
  async gather(ctx) {
    const target = await endpointTarget(ctx, { httpsOnly: true });
    if ('probed' in target) return target;
    return handshake(ctx, target.url, target.resolution);
  },
});
