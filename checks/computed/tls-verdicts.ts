/**
 * Pure TLS judgements shared by the tls-* checks and calling-webhook: trust, host name,
 * validity dates and protocol versions, each from gathered evidence.
 */
import type { CertificateInfo, TlsHandshakeEvidence } from '../gather/tls-handshake';
import type { ProbedVersion, VersionResult } from '../gather/tls-versions';

type Handshake = Extract<TlsHandshakeEvidence, { ok: true }>;
type Verdict<M extends string> = { status: 'pass' | 'warn' | 'fail'; messageId: M; data: Record<string, string | number> };

export const EXPIRY_WARN_DAYS = 30;
const DAY_MS = 86_400_000;

const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
const INCOMPLETE = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']);
/** Date errors: OpenSSL only reaches them after building a chain to a trusted root. */
const DATED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

export type TrustMessage = 'trusted' | 'trustedDated' | 'selfSigned' | 'incompleteChain' | 'untrusted';

export function judgeTrust(h: Handshake): Verdict<TrustMessage> {
  const leaf = h.chain[0];
  const data = { issuer: leaf?.issuer ?? 'unknown', store: h.trust.store === 'default+ca' ? 'Node.js bundled roots plus --ca' : 'Node.js bundled roots', code: h.trust.error ?? 'OK' };
  if (h.trust.authorized) return { status: 'pass', messageId: 'trusted', data };
  const code = h.trust.error ?? '';
  if (DATED.has(code)) return { status: 'pass', messageId: 'trustedDated', data };
  if (SELF_SIGNED.has(code) || (h.chain.length === 1 && leaf?.selfIssued)) return { status: 'fail', messageId: 'selfSigned', data };
  // Leaf alone and its issuer unknown: the intermediate is missing. A longer chain that still does
  // not verify ends in a root that is not in the store.
  if (INCOMPLETE.has(code) && h.chain.length <= 1) return { status: 'fail', messageId: 'incompleteChain', data: { ...data, served: h.chain.length } };
  return { status: 'fail', messageId: 'untrusted', data };
}

export type HostnameMessage = 'matches' | 'mismatch';

export function judgeHostname(h: Handshake): Verdict<HostnameMessage> {
  const names = h.chain[0]?.subjectAltNames ?? [];
  const data = { host: h.hostname.host, names: names.length ? names.join(', ') : '(no subject alternative names)' };
  return h.hostname.matches ? { status: 'pass', messageId: 'matches', data } : { status: 'fail', messageId: 'mismatch', data };
}

export type ExpiryMessage = 'valid' | 'expired' | 'notYetValid' | 'expiresSoon';

export function daysLeft(cert: CertificateInfo, now: Date): number {
  return Math.floor((Date.parse(cert.notAfter) - now.getTime()) / DAY_MS);
}

export function judgeExpiry(h: Handshake, now: Date): Verdict<ExpiryMessage> {
  const leaf = h.chain[0];
  if (!leaf) return { status: 'fail', messageId: 'expired', data: { notAfter: 'unknown', days: 0, subject: 'no certificate' } };
  const days = daysLeft(leaf, now);
  const data = { notAfter: leaf.notAfter, notBefore: leaf.notBefore, days, subject: leaf.subject };
  if (Date.parse(leaf.notAfter) <= now.getTime()) return { status: 'fail', messageId: 'expired', data: { ...data, days: Math.abs(days) } };
  if (Date.parse(leaf.notBefore) > now.getTime()) return { status: 'fail', messageId: 'notYetValid', data };
  if (days < EXPIRY_WARN_DAYS) return { status: 'warn', messageId: 'expiresSoon', data };
  return { status: 'pass', messageId: 'valid', data };
}

export type VersionMessage = 'ok' | 'okLegacyUnknown' | 'tls13Only' | 'noTls12' | 'legacyAccepted' | 'legacyOnly' | 'noHandshake' | 'tls12Unknown';

function accepted(r: VersionResult | undefined): boolean { return r?.accepted === true; }

export function judgeVersions(v: Record<ProbedVersion, VersionResult>): Verdict<VersionMessage> {
  const offered = (Object.keys(v) as ProbedVersion[]).filter((k) => accepted(v[k]));
  const legacy = (['TLSv1', 'TLSv1.1'] as const).filter((k) => accepted(v[k]));
  const data: Record<string, string | number> = {
    offered: offered.length ? offered.join(', ') : 'none',
    legacy: legacy.join(' and '),
    cipher12: v['TLSv1.2'].accepted === true ? v['TLSv1.2'].cipher : '',
  };
  const t12 = v['TLSv1.2'];
  if (t12.accepted === null) {
    const f = t12.failure;
    return { status: 'fail', messageId: offered.length ? 'tls12Unknown' : 'noHandshake', data: { ...data, reason: f.message } };
  }
  if (t12.accepted === false) {
    const has13 = accepted(v['TLSv1.3']);
    if (has13 && !legacy.length) return { status: 'fail', messageId: 'tls13Only', data };
    if (!has13 && legacy.length) return { status: 'fail', messageId: 'legacyOnly', data };
    if (has13) return { status: 'fail', messageId: 'noTls12', data };
    return { status: 'fail', messageId: 'noHandshake', data: { ...data, reason: t12.failure.message } };
  }
  if (legacy.length) return { status: 'warn', messageId: 'legacyAccepted', data };
  const legacyUnknown = v.TLSv1.accepted === null || v['TLSv1.1'].accepted === null;
  return { status: 'pass', messageId: legacyUnknown ? 'okLegacyUnknown' : 'ok', data };
}
