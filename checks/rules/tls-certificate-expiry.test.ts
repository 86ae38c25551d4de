import { runCheckTable } from '../testing/check-tester';
import { cert, goodHandshake, intermediate } from '../testing/endpoint-evidence';
import check from './tls-certificate-expiry';

const withLeaf = (over: Parameters<typeof cert>[0]) => ({ TlsHandshake: { chain: [cert(over), intermediate] } });

runCheckTable(check, {
  base: { TlsHandshake: goodHandshake },
  now: new Date('2026-06-01T12:00:00Z'),
  valid: [
    { name: 'valid for months', messageId: 'valid', data: { days: 212 } },
    { name: 'exactly 30 days left', evidence: withLeaf({ notAfter: '2026-07-01T12:00:00.000Z' }), messageId: 'valid', data: { days: 30 } },
    { name: 'not https', status: 'skip', messageId: 'notProbed', evidence: { TlsHandshake: { probed: false, reason: 'not-https' } } },
    { name: 'handshake failed', status: 'skip', messageId: 'handshakeFailed', evidence: { TlsHandshake: { ok: false, failure: { phase: 'tls', code: 'CHK_ERR_PROBE_NETWORK', message: 'alert handshake failure' } } }, data: { message: 'alert handshake failure' } },
  ],
  invalid: [
    { name: 'expires in 10 days', status: 'warn', messageId: 'expiresSoon', evidence: withLeaf({ notAfter: '2026-06-11T12:00:00.000Z' }), data: { days: 10 } },
    { name: 'expired yesterday', status: 'fail', messageId: 'expired', evidence: withLeaf({ notAfter: '2026-05-31T00:00:00.000Z' }) },
    { name: 'not yet valid', status: 'fail', messageId: 'notYetValid', evidence: withLeaf({ notBefore: '2026-06-05T00:00:00.000Z' }) },
    { name: 'intermediate expired', status: 'fail', messageId: 'intermediateExpired', evidence: { TlsHandshake: { chain: [cert(), { ...intermediate, notAfter: '2026-05-01T00:00:00.000Z' }] } } },
    { name: 'intermediate expiring', status: 'warn', messageId: 'intermediateExpiresSoon', evidence: { TlsHandshake: { chain: [cert(), { ...intermediate, notAfter: '2026-06-20T00:00:00.000Z' }] } } },
  ],
});
