import { runCheckTable } from '../testing/check-tester';
import { acceptedVersion, cert, goodCallingWebhook, goodVersionMap, intermediate, refusedVersion } from '../testing/endpoint-evidence';
import check from './calling-webhook';

runCheckTable(check, {
  base: { CallingWebhook: goodCallingWebhook },
  valid: [
    { name: 'separate https webhook passing TLS checks', messageId: 'ok' },
    { name: 'not given', status: 'skip', messageId: 'notGiven', evidence: { CallingWebhook: { given: false } } },
  ],
  invalid: [
    { name: 'malformed URL', status: 'fail', messageId: 'invalid', evidence: { CallingWebhook: { valid: false, problem: 'malformed', message: 'The calling webhook URL "x" is not a valid absolute URL.' } } },
    { name: 'plain http', status: 'fail', messageId: 'notHttps', evidence: { CallingWebhook: { https: false, url: 'http://bot.contoso.com/api/calling' } } },
    { name: 'same as messaging endpoint (Microsoft does not say they must differ: a warning)', status: 'warn', messageId: 'sameAsMessaging', evidence: { CallingWebhook: { sameAsMessaging: true } } },
    { name: 'same as messaging endpoint and TLS 1.3-only: the TLS failure wins', status: 'fail', messageId: 'problems', evidence: { CallingWebhook: { sameAsMessaging: true, versions: { ...goodVersionMap, 'TLSv1.2': refusedVersion('TLSv1.2') } } } },
    { name: 'resolves to a private address', status: 'fail', messageId: 'unreachable', evidence: { CallingWebhook: { dns: { allowed: false, refused: { address: '10.0.0.4', class: 'private' }, addresses: [{ address: '10.0.0.4', family: 4, class: 'private' }] } } } },
    { name: 'handshake fails', status: 'fail', messageId: 'unreachable', evidence: { CallingWebhook: { handshake: { ok: false, failure: { phase: 'connect', code: 'CHK_ERR_PROBE_NETWORK', osCode: 'ECONNREFUSED', message: 'refused' } } } } },
    { name: 'TLS 1.3 only', status: 'fail', messageId: 'problems', evidence: { CallingWebhook: { versions: { ...goodVersionMap, 'TLSv1.2': refusedVersion('TLSv1.2') } } } },
    { name: 'self-signed', status: 'fail', messageId: 'problems', evidence: { CallingWebhook: { handshake: { trust: { store: 'default', authorized: false, error: 'DEPTH_ZERO_SELF_SIGNED_CERT' } } } } },
    { name: 'wrong host', status: 'fail', messageId: 'problems', evidence: { CallingWebhook: { handshake: { hostname: { host: 'bot.contoso.com', matches: false } } } } },
    { name: 'expiring soon', status: 'warn', messageId: 'warnings', evidence: { CallingWebhook: { handshake: { chain: [cert({ notAfter: '2026-06-10T00:00:00.000Z' }), intermediate] } } } },
    { name: 'legacy TLS accepted', status: 'warn', messageId: 'warnings', evidence: { CallingWebhook: { versions: { ...goodVersionMap, TLSv1: acceptedVersion('TLSv1') } } } },
  ],
});
