import { runCheckTable } from '../testing/check-tester';
import { cert, goodHandshake } from '../testing/endpoint-evidence';
import check from './tls-certificate-trust';

const untrusted = (error: string) => ({ TlsHandshake: { trust: { store: 'default', authorized: false, error } } });

runCheckTable(check, {
  base: { TlsHandshake: goodHandshake },
  valid: [
    { name: 'trusted chain', messageId: 'trusted' },
    { name: 'trusted with --ca', evidence: { TlsHandshake: { trust: { store: 'default+ca' } } }, messageId: 'trusted', data: { store: 'Node.js bundled roots plus --ca' } },
    { name: 'expired but chained (dates judged elsewhere)', evidence: untrusted('CERT_HAS_EXPIRED'), messageId: 'trustedDated' },
    { name: 'handshake failed', status: 'skip', messageId: 'handshakeFailed', evidence: { TlsHandshake: { ok: false, failure: { phase: 'tls', code: 'CHK_ERR_PROBE_NETWORK', message: 'alert' } } } },
    { name: 'not https', status: 'skip', messageId: 'notProbed', evidence: { TlsHandshake: { probed: false, reason: 'not-https' } } },
  ],
  invalid: [
    { name: 'self-signed leaf', status: 'fail', messageId: 'selfSigned', evidence: { TlsHandshake: { ...untrusted('DEPTH_ZERO_SELF_SIGNED_CERT').TlsHandshake, chain: [cert({ issuer: `CN=bot.contoso.com`, subject: 'CN=bot.contoso.com', selfIssued: true })] } } },
    { name: 'private root in chain', status: 'fail', messageId: 'selfSigned', evidence: untrusted('SELF_SIGNED_CERT_IN_CHAIN') },
    { name: 'missing intermediate', status: 'fail', messageId: 'incompleteChain', evidence: { TlsHandshake: { ...untrusted('UNABLE_TO_VERIFY_LEAF_SIGNATURE').TlsHandshake, chain: [cert()] } }, data: { served: 1 } },
    { name: 'other verification error', status: 'fail', messageId: 'untrusted', evidence: untrusted('CERT_REVOKED') },
    { name: 'full chain to an unknown root', status: 'fail', messageId: 'untrusted', evidence: untrusted('UNABLE_TO_GET_ISSUER_CERT_LOCALLY') },
  ],
});
