import { defineCheck } from '../core/define-check';
import { SOURCES } from '../data/sources';
import { json, msg } from '../computed/json';
import { notProbedGuard } from '../computed/guards';
import { judgeHostname } from '../computed/tls-verdicts';
import type {} from '../gather/tls-handshake'; // its EvidenceMap entry (types only: rules do no I/O)

export default defineCheck({
  meta: {
    id: 'tls-certificate-hostname',
    suite: 'endpoint',
    title: 'Certificate names the endpoint host',
    failureTitle: 'Certificate does not name the endpoint host',
    description: 'The certificate must name the host of the messaging endpoint in its subject alternative names (wildcards allowed for one label); a certificate for another name fails TLS validation on the Bot Connector side.',
    severity: 'error',
    requiredEvidence: ['TlsHandshake'],
    guards: [notProbedGuard('TlsHandshake')],
    messages: {
      matches: 'The certificate names {{host}} (names: {{names}}).',
      mismatch: 'The certificate does not name {{host}}; it covers {{names}}.',
      handshakeFailed: 'Not checked: the TLS handshake failed ({{message}}).',
    },
    remediation: {
      mismatch: 'Serve a certificate whose subject alternative names include this host name (or a matching wildcard), or register the host name the certificate was issued for as the messaging endpoint. Behind a gateway, bind the certificate for this name on the listener.',
    },
    sources: [SOURCES.chainTrusted, SOURCES.rfc6125],
  },
  evaluate({ TlsHandshake: h }) {
    if (!h.ok) return { status: 'skip', messageId: 'handshakeFailed', data: msg({ message: h.failure.message }), evidence: json({ failure: h.failure }) };
    const v = judgeHostname(h);
    return { status: v.status, messageId: v.messageId, data: msg(v.data), evidence: json({ host: h.host, subject: h.chain[0]?.subject ?? '', subjectAltNames: h.chain[0]?.subjectAltNames ?? [], ...(h.hostname.reason ? { reason: h.hostname.reason } : {}) }) };
  },
});
