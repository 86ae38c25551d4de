import { runCheckTable } from '../testing/check-tester';
import { cert, goodHandshake, intermediate } from '../testing/endpoint-evidence';
import check from './tls-certificate-hostname';

runCheckTable(check, {
  base: { TlsHandshake: goodHandshake },
  valid: [
    { name: 'name matches', messageId: 'matches', data: { names: 'DNS:bot.contoso.com' } },
    { name: 'wildcard matches', evidence: { TlsHandshake: { chain: [cert({ subjectAltNames: ['DNS:*.contoso.com'] }), intermediate] } }, messageId: 'matches' },
    { name: 'not https', status: 'skip', messageId: 'notProbed', evidence: { TlsHandshake: { probed: false, reason: 'not-https' } } },
    { name: 'handshake failed', status: 'skip', messageId: 'handshakeFailed', evidence: { TlsHandshake: { ok: false, failure: { phase: 'tls', code: 'CHK_ERR_PROBE_NETWORK', message: 'alert' } } } },
  ],
  invalid: [
    { name: 'other name', status: 'fail', messageId: 'mismatch', evidence: { TlsHandshake: { hostname: { host: 'bot.contoso.com', matches: false, reason: 'does not match' }, chain: [cert({ subjectAltNames: ['DNS:other.example.com'] })] } }, data: { names: 'DNS:other.example.com' } },
    { name: 'no SAN at all', status: 'fail', messageId: 'mismatch', evidence: { TlsHandshake: { hostname: { host: 'bot.contoso.com', matches: false }, chain: [cert({ subjectAltNames: [] })] } }, data: { names: '(no subject alternative names)' } },
  ],
});
