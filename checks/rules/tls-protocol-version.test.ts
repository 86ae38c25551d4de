import { runCheckTable } from '../testing/check-tester';
import { acceptedVersion, goodVersions, refusedVersion } from '../testing/endpoint-evidence';
import check from './tls-protocol-version';

const unknown = { accepted: null, failure: { phase: 'tls', code: 'CHK_ERR_PROBE_NETWORK', osCode: 'ERR_SSL_NO_PROTOCOLS_AVAILABLE', message: 'cannot offer' } };

runCheckTable(check, {
  base: { TlsVersions: goodVersions },
  valid: [
    { name: 'TLS 1.2 and 1.3, no legacy', messageId: 'ok', data: { offered: 'TLSv1.2, TLSv1.3' } },
    { name: 'TLS 1.2 only', evidence: { TlsVersions: { versions: { 'TLSv1.3': refusedVersion('TLSv1.3') } } }, messageId: 'ok', data: { offered: 'TLSv1.2' } },
    { name: 'legacy could not be tested here', evidence: { TlsVersions: { versions: { TLSv1: unknown, 'TLSv1.1': unknown } } }, messageId: 'okLegacyUnknown' },
    { name: 'plain http is not checked', status: 'skip', messageId: 'notProbed', evidence: { TlsVersions: { probed: false, reason: 'not-https' } } },
  ],
  invalid: [
    { name: 'TLS 1.3 only (Teams is reported to use 1.2)', status: 'fail', messageId: 'tls13Only', evidence: { TlsVersions: { versions: { 'TLSv1.2': refusedVersion('TLSv1.2') } } } },
    { name: 'TLS 1.0/1.1 only', status: 'fail', messageId: 'legacyOnly', evidence: { TlsVersions: { versions: { TLSv1: acceptedVersion('TLSv1'), 'TLSv1.1': acceptedVersion('TLSv1.1'), 'TLSv1.2': refusedVersion('TLSv1.2'), 'TLSv1.3': refusedVersion('TLSv1.3') } } }, data: { legacy: 'TLSv1 and TLSv1.1' } },
    { name: 'legacy still accepted', status: 'warn', messageId: 'legacyAccepted', evidence: { TlsVersions: { versions: { 'TLSv1.1': acceptedVersion('TLSv1.1') } } }, data: { legacy: 'TLSv1.1' } },
    { name: 'nothing handshakes', status: 'fail', messageId: 'noHandshake', evidence: { TlsVersions: { versions: { TLSv1: refusedVersion('TLSv1'), 'TLSv1.1': refusedVersion('TLSv1.1'), 'TLSv1.2': refusedVersion('TLSv1.2'), 'TLSv1.3': refusedVersion('TLSv1.3') } } } },
    { name: 'legacy and 1.3 without 1.2', status: 'fail', messageId: 'noTls12', evidence: { TlsVersions: { versions: { TLSv1: acceptedVersion('TLSv1'), 'TLSv1.2': refusedVersion('TLSv1.2') } } } },
    { name: 'TLS 1.2 attempt inconclusive', status: 'warn', messageId: 'tls12Unknown', evidence: { TlsVersions: { versions: { 'TLSv1.2': { accepted: null, failure: { phase: 'connect', code: 'CHK_ERR_PROBE_TIMEOUT', message: 'timed out' } } } } } },
  ],
});
