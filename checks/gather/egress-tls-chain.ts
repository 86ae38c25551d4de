/**
 * What a TLS peer presented, and whether its chain ends in a public root (Node's bundled Mozilla
 * roots by default) or somewhere else (a TLS-inspecting proxy's own CA).
 */
import { X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';

export interface ChainCert {
  subject: string;
  issuer: string;
  validTo: string;
  fingerprint256: string;
}

export interface TlsPeerEvidence {
  protocol: string | null;
  /** Verified against the roots the connection trusted (Node's default store unless configured). */
  authorized: boolean;
  authorizationError?: string;
  /** The chain ends in one of the public roots. */
  publicChain: boolean;
  leafSubject: string;
  /** Issuer of the leaf (what an inspecting proxy replaces). */
  leafIssuer: string;
  /** Issuer of the last certificate presented: the root the chain claims. */
  rootIssuer: string;
  chain: ChainCert[];
}

/** "CN=a\nO=b" -> "CN=a, O=b". */
export function dn(text: string | undefined): string {
  return (text ?? '').split('\n').map((s) => s.trim()).filter(Boolean).join(', ');
}

const rootCache = new WeakMap<readonly string[], X509Certificate[]>();

function parseRoots(roots: readonly string[]): X509Certificate[] {
  let parsed = rootCache.get(roots);
  if (!parsed) {
    parsed = [];
    for (const pem of roots) {
      try { parsed.push(new X509Certificate(pem)); } catch { /* skip an unparsable root */ }
    }
    rootCache.set(roots, parsed);
  }
  return parsed;
}

/** The peer's chain as presented (leaf first), following issuerCertificate links. */
export function peerChain(socket: TLSSocket): X509Certificate[] {
  const out: X509Certificate[] = [];
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (cert && cert.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    try { out.push(new X509Certificate(cert.raw)); } catch { break; }
    const next: DetailedPeerCertificate | undefined = cert.issuerCertificate;
    if (!next || next === cert) break;
    cert = next;
  }
  return out;
}

/** True when the chain is anchored in one of `roots`: its last certificate is one, or is signed by one. */
export function anchoredIn(chain: readonly X509Certificate[], roots: readonly string[]): boolean {
  const last = chain[chain.length - 1];
  if (!last) return false;
  const parsed = parseRoots(roots);
  for (const root of parsed) {
    if (root.fingerprint256 === last.fingerprint256) return true;
    if (root.subject === last.issuer) {
      try {
        if (last.checkIssued(root) && last.verify(root.publicKey)) return true;
      } catch { /* not this root */ }
    }
  }
  return false;
}

export function describePeer(socket: TLSSocket, publicRoots: readonly string[]): TlsPeerEvidence {
  const chain = peerChain(socket);
  const leaf = chain[0];
  const last = chain[chain.length - 1];
  const authorized = socket.authorized;
  const authorizationError = socket.authorizationError ? String(socket.authorizationError) : undefined;
  return {
    protocol: socket.getProtocol() ?? null,
    authorized,
    ...(authorizationError ? { authorizationError } : {}),
    publicChain: anchoredIn(chain, publicRoots),
    leafSubject: dn(leaf?.subject),
    leafIssuer: dn(leaf?.issuer),
    rootIssuer: dn(last?.issuer),
    chain: chain.map((c) => ({ subject: dn(c.subject), issuer: dn(c.issuer), validTo: c.validTo, fingerprint256: c.fingerprint256 })),
  };
}
