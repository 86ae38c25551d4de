/**
 * Known-good evidence of the endpoint suite, as base rows for table tests (rows deep-merge
 * partial evidence over these). Dates fit the check tester's fixed clock (2026-06-01).
 */
import type { AuthProbeEvidence, ProbeAnswer } from '../gather/auth-probe';
import type { MalformedBodyEvidence } from '../gather/malformed-probe';
import type { CallingWebhookEvidence } from '../gather/calling-webhook';
import type { DnsResolutionEvidence } from '../gather/dns-resolution';
import type { EndpointUrlEvidence } from '../gather/endpoint-url';
import type { CertificateInfo, TlsHandshakeEvidence } from '../gather/tls-handshake';
import type { ProbedVersion, TlsVersionsEvidence, VersionResult } from '../gather/tls-versions';
import { PROBE_INVOKE_NAME, PROBE_SERVICE_URL } from '../gather/teams-probe';

export const HOST = 'bot.contoso.com';
export const URL_ = `https://${HOST}/api/messages`;

export const goodUrl: EndpointUrlEvidence = {
  valid: true, url: URL_, scheme: 'https', https: true, host: HOST, hostKind: 'name', port: 443, defaultPort: true, path: '/api/messages',
};

export const goodDns: DnsResolutionEvidence = {
  probed: true, host: HOST, literal: false, resolved: true,
  addresses: [{ address: '20.50.60.70', family: 4, class: 'public' }],
  allowed: true, allowPrivate: false, durationMs: 12,
};

export function cert(overrides: Partial<CertificateInfo> = {}): CertificateInfo {
  return {
    subject: `CN=${HOST}`, issuer: 'CN=Example Issuing CA', subjectAltNames: [`DNS:${HOST}`],
    notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2026-12-31T00:00:00.000Z',
    serialNumber: '01', fingerprint256: 'AA:BB', selfIssued: false, ca: false, ...overrides,
  };
}

export const intermediate = cert({ subject: 'CN=Example Issuing CA', issuer: 'CN=Example Root CA', subjectAltNames: [], notAfter: '2030-01-01T00:00:00.000Z', ca: true, fingerprint256: 'CC:DD' });

export const goodHandshake: TlsHandshakeEvidence = {
  probed: true, ok: true, host: HOST, port: 443, address: '20.50.60.70',
  protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384',
  chain: [cert(), intermediate],
  trust: { store: 'default', authorized: true },
  hostname: { host: HOST, matches: true },
  timings: { connectMs: 10, tlsMs: 20 },
};

export const refusedVersion = (version: string): VersionResult => ({
  accepted: false,
  failure: { phase: 'tls', code: 'CHK_ERR_PROBE_NETWORK', osCode: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', message: `The server refused ${version}.` },
});

export const acceptedVersion = (protocol: string, cipher = 'ECDHE-RSA-AES128-GCM-SHA256'): VersionResult => ({ accepted: true, protocol, cipher });

export const goodVersionMap: Record<ProbedVersion, VersionResult> = {
  TLSv1: refusedVersion('TLSv1'),
  'TLSv1.1': refusedVersion('TLSv1.1'),
  'TLSv1.2': acceptedVersion('TLSv1.2'),
  'TLSv1.3': acceptedVersion('TLSv1.3', 'TLS_AES_256_GCM_SHA384'),
};

export const goodVersions: TlsVersionsEvidence = { probed: true, host: HOST, port: 443, versions: goodVersionMap };

/** A rejection as an SDK-less server gives it: 401 with a short plain-text body. */
export function rejection(status = 401, body = 'Unauthorized'): Extract<ProbeAnswer, { ok: true }> {
  return {
    ok: true,
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body,
    bodyBytes: body.length,
    truncated: false,
    hops: [{ url: URL_, status }],
    timings: { dnsMs: 0, connectMs: 20, tlsMs: 30, firstByteMs: 50, bodyMs: 1, totalMs: 101 },
  };
}

export function goodAuthProbe(kind: 'missing-token' | 'forged-token'): AuthProbeEvidence {
  return {
    probed: true, ok: true, kind, url: URL_,
    invoke: rejection(401, 'Unauthorized'),
    sent: {
      method: 'POST',
      activity: { type: 'message', channelId: 'msteams', serviceUrl: PROBE_SERVICE_URL, text: `botflow endpoint check (${kind} probe)`, deliveryMode: 'expectReplies' },
      invoke: { type: 'invoke', name: PROBE_INVOKE_NAME },
      authorization: kind === 'forged-token' ? 'forged-bearer-token' : 'none',
      ...(kind === 'forged-token' ? { token: { iss: 'https://api.botframework.com', aud: '11111111-2222-3333-4444-555555555555', serviceurl: PROBE_SERVICE_URL, lifetimeSeconds: 300, kid: 'k' } } : {}),
    },
    status: 401,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: 'Unauthorized Access. Request is not authorized',
    bodyBytes: 46,
    truncated: false,
    hops: [{ url: URL_, status: 401 }],
    timings: { dnsMs: 0, connectMs: 20, tlsMs: 30, firstByteMs: 50, bodyMs: 1, totalMs: 101 },
  };
}

/** A framework's plain 400 to the cut-short body, with nothing in it. */
export const goodMalformedProbe: MalformedBodyEvidence = {
  probed: true, url: URL_, sent: { method: 'POST', bodyBytes: 90 }, ...rejection(400, 'Bad Request'),
};

export const goodCallingWebhook: CallingWebhookEvidence = {
  given: true, valid: true, url: `https://${HOST}/api/calling`, https: true, messagingUrl: URL_, sameAsMessaging: false,
  dns: goodDns as Extract<DnsResolutionEvidence, { probed: true }>,
  handshake: goodHandshake as Extract<TlsHandshakeEvidence, { probed: true }>,
  versions: goodVersionMap,
};
