import { defineCheck } from '../core/define-check';
import { SOURCES } from '../data/sources';
import { json, msg } from '../computed/json';
import { notProbedGuard } from '../computed/guards';
import { judgeTrust } from '../computed/tls-verdicts';
import type {} from '../gather/tls-handshake'; // its EvidenceMap entry (types only: rules do no I/O)

export default defineCheck({
  meta: {
    id: 'tls-certificate-trust',
    suite: 'endpoint',
    title: 'Certificate chains to a trusted root',
    failureTitle: 'Certificate does not chain to a trusted root',
    description: 'The Bot Connector only calls endpoints whose certificate chains to a root certificate authority it trusts. Self-signed certificates and servers that omit the intermediate certificate fail. This check verifies against the Node.js bundled (Mozilla) root store, plus any --ca roots; that store is close to, but not the same as, the Microsoft Trusted Root Program.',
    severity: 'error',
    requiredEvidence: ['TlsHandshake'],
    guards: [notProbedGuard('TlsHandshake')],
    messages: {
      trusted: 'The certificate chain verifies against {{store}}; issuer: {{issuer}}.',
      trustedDated: 'The chain links to a root in {{store}}; its validity dates fail ({{code}}), which tls-certificate-expiry reports.',
      selfSigned: 'The certificate is self-signed or its chain ends in an untrusted root ({{code}}); issuer: {{issuer}}. The Bot Connector will not call this endpoint.',
      incompleteChain: 'The chain does not reach a trusted root ({{code}}): the server sends {{served}} certificate(s) and most likely leaves out the intermediate certificate; issuer: {{issuer}}.',
      untrusted: 'The certificate does not verify against {{store}} ({{code}}); issuer: {{issuer}}.',
      handshakeFailed: 'Not checked: the TLS handshake failed ({{message}}); see endpoint-reachable and tls-protocol-version.',
    },
    remediation: {
      selfSigned: 'Use a certificate from a public certificate authority (App Service managed certificates and Let\'s Encrypt are free). Self-signed certificates only work for local tests; with this tool, pass your test root with --ca.',
      incompleteChain: 'Configure the server to send the full chain: the leaf certificate followed by the intermediate certificate(s) (for PEM, concatenate them; for PFX, include the chain). Browsers often hide this problem by fetching the intermediate themselves; the Bot Connector may not.',
      untrusted: 'Replace the certificate with one issued by a publicly trusted certificate authority and serve its full chain.',
    },
    sources: [SOURCES.chainTrusted, SOURCES.chainTrusted2, SOURCES.securityFaq],
  },
  evaluate({ TlsHandshake: h }) {
    if (!h.ok) return { status: 'skip', messageId: 'handshakeFailed', data: msg({ message: h.failure.message }), evidence: json({ failure: h.failure }) };
    const v = judgeTrust(h);
    const details = h.chain.map((c, i) => ({ message: `${i === 0 ? 'leaf' : `#${i}`}: ${c.subject} (issued by ${c.issuer})` }));
    return { status: v.status, messageId: v.messageId, data: msg(v.data), evidence: json({ host: h.host, trust: h.trust, chain: h.chain.map((c) => ({ subject: c.subject, issuer: c.issuer, notAfter: c.notAfter, selfIssued: c.selfIssued, ca: c.ca })) }), details };
  },
});
