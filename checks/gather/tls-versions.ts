/**
 * Evidence `TlsVersions`: which protocol versions the endpoint accepts, each tried by its own
 * handshake with the client pinned to that version (all at once): TLS 1.2 (what Teams is
 * reported to use), TLS 1.3, and the legacy TLS 1.0 and 1.1. OpenSSL 3 disables 1.0/1.1 at its
 * default security level, so those attempts run at SECLEVEL=0.
 */
import type { SecureVersion } from 'node:tls';
import { defineGatherer, type GatherContext } from '../core/gatherer';
import { endpointTarget } from './dns-resolution';
import { failureOf, netOptions, portOf, type NotProbed, type ProbeFailure } from './endpoint-probe-context';
import { connectTls, type Resolution } from './net';

export type VersionResult =
  | { accepted: true; protocol: string; cipher: string }
  /** The server refused this version (a TLS alert or a closed connection during the handshake). */
  | { accepted: false; failure: ProbeFailure }
  /** Could not be told (the TCP connection failed, or this client cannot offer the version). */
  | { accepted: null; failure: ProbeFailure };

export const PROBED_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type ProbedVersion = (typeof PROBED_VERSIONS)[number];

export type TlsVersionsEvidence =
  | NotProbed
  | { probed: true; host: string; port: number; versions: Record<ProbedVersion, VersionResult> };

declare module '../core/evidence' {
  interface EvidenceMap {
    TlsVersions: TlsVersionsEvidence;
  }
}

/** Client-side codes meaning "this Node/OpenSSL cannot offer that version at all". */
const CLIENT_CANNOT = new Set(['ERR_SSL_NO_PROTOCOLS_AVAILABLE', 'ERR_TLS_INVALID_PROTOCOL_VERSION', 'ERR_SSL_NO_CIPHERS_AVAILABLE']);

async function tryVersion(ctx: GatherContext, url: URL, resolution: Resolution | undefined, version: ProbedVersion): Promise<VersionResult> {
  const legacy = version === 'TLSv1' || version === 'TLSv1.1';
  try {
    const conn = await connectTls(url.hostname.replace(/^\[|\]$/g, ''), portOf(url), {
      ...netOptions(ctx, url, resolution, false),
      rejectUnauthorized: false,
      minVersion: version as SecureVersion,
      maxVersion: version as SecureVersion,
      ...(legacy ? { ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
    });
    const result: VersionResult = { accepted: true, protocol: conn.socket.getProtocol() ?? version, cipher: conn.socket.getCipher().name };
    conn.socket.destroy();
    return result;
  } catch (err) {
    const failure = failureOf(err);
    const refusedByServer = failure.phase === 'tls' && failure.code === 'CHK_ERR_PROBE_NETWORK' && !CLIENT_CANNOT.has(failure.osCode ?? '');
    return refusedByServer ? { accepted: false, failure } : { accepted: null, failure };
  }
}

/** Tries every version against `url` concurrently. Shared with the calling-webhook probe. */
export async function probeVersions(ctx: GatherContext, url: URL, resolution: Resolution | undefined): Promise<Record<ProbedVersion, VersionResult>> {
  const results = await Promise.all(PROBED_VERSIONS.map((v) => tryVersion(ctx, url, resolution, v)));
  return Object.fromEntries(PROBED_VERSIONS.map((v, i) => [v, results[i]])) as Record<ProbedVersion, VersionResult>;
}

export const tlsVersionsGatherer = defineGatherer({
  id: 'TlsVersions',
  environments: ['node'],
  async gather(ctx) {
    const target = await endpointTarget(ctx, { httpsOnly: true });
    if ('probed' in target) return target;
    return { probed: true, host: target.url.hostname.replace(/^\[|\]$/g, ''), port: portOf(target.url), versions: await probeVersions(ctx, target.url, target.resolution) };
  },
});
