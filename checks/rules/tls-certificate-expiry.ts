import { defineCheck } from '../core/define-check';
import { SOURCES } from '../data/sources';
import { json, msg } from '../computed/json';
import { notProbedGuard } from '../computed/guards';
import { daysLeft, EXPIRY_WARN_DAYS, judgeExpiry } from '../computed/tls-verdicts';
import type {} from '../gather/tls-handshake'; // its EvidenceMap entry (types only: rules do no I/O)

export default defineCheck({
  meta: {
    id: 'tls-certificate-expiry',
    suite: 'endpoint',
    title: 'Certificate is current',
    failureTitle: 'Certificate is expired, not yet valid or about to expire',
    description: `The Bot Connector requires a current certificate: once it expires, Teams messages stop arriving. This check fails an expired or not-yet-valid certificate and warns ${EXPIRY_WARN_DAYS} days before expiry.`,
    severity: 'error',
    requiredEvidence: ['TlsHandshake'],
    guards: [notProbedGuard('TlsHandshake')],
    messages: {
      valid: 'The certificate is valid until {{notAfter}} ({{days}} days left).',
      expiresSoon: 'The certificate expires on {{notAfter}}, in {{days}} days.',
      expired: 'The certificate expired on {{notAfter}} ({{days}} days ago).',
      notYetValid: 'The certificate is not valid before {{notBefore}}.',
      intermediateExpired: 'The leaf certificate is current, but the intermediate {{subject}} the server sends expired on {{notAfter}}.',
      intermediateExpiresSoon: 'The leaf certificate is current, but the intermediate {{subject}} the server sends expires on {{notAfter}}, in {{days}} days.',
      handshakeFailed: 'Not checked: the TLS handshake failed ({{message}}).',
    },
    remediation: {
      expiresSoon: 'Renew the certificate now and deploy it before {{notAfter}}; use a managed or automatically renewed certificate (App Service managed certificates, Key Vault auto-renewal, ACME) to avoid this.',
      expired: 'Renew the certificate and deploy it on the server or gateway; until then Teams cannot deliver messages to the bot.',
      intermediateExpired: 'Download the current intermediate certificate from your certificate authority and serve it with the leaf (renewing the certificate usually brings the right chain).',
      intermediateExpiresSoon: 'Replace the intermediate certificate in the served chain with the current one from your certificate authority.',
      notYetValid: 'Check the server clock and the certificate\'s start date; deploy a certificate that is already valid.',
    },
    sources: [SOURCES.chainTrusted],
  },
  evaluate({ TlsHandshake: h }, ctx) {
    if (!h.ok) return { status: 'skip', messageId: 'handshakeFailed', data: msg({ message: h.failure.message }), evidence: json({ failure: h.failure }) };
    const v = judgeExpiry(h, ctx.now);
    const leaf = h.chain[0];
    // Intermediates the server sends can expire too: list any that are dated or close.
    const intermediates = h.chain.slice(1).filter((c) => !c.selfIssued).map((c) => ({ cert: c, days: daysLeft(c, ctx.now) }));
    const details = intermediates.map(({ cert, days }) => ({
      message: `Intermediate ${cert.subject} valid until ${cert.notAfter} (${days} days)`,
      status: days < 0 ? 'fail' as const : days < EXPIRY_WARN_DAYS ? 'warn' as const : 'pass' as const,
    }));
    const dated = intermediates.find((i) => i.days < 0) ?? intermediates.find((i) => i.days < EXPIRY_WARN_DAYS);
    let status = v.status;
    let messageId: typeof v.messageId | 'intermediateExpired' | 'intermediateExpiresSoon' = v.messageId;
    let data = v.data;
    if (v.status === 'pass' && dated) {
      status = dated.days < 0 ? 'fail' : 'warn';
      messageId = dated.days < 0 ? 'intermediateExpired' : 'intermediateExpiresSoon';
      data = { subject: dated.cert.subject, notAfter: dated.cert.notAfter, days: dated.days };
    }
    return {
      status,
      messageId,
      data: msg(data),
      evidence: json({ subject: leaf?.subject ?? '', notBefore: leaf?.notBefore ?? '', notAfter: leaf?.notAfter ?? '', daysLeft: leaf ? daysLeft(leaf, ctx.now) : 0, now: ctx.now.toISOString() }),
      ...(details.length ? { details } : {}),
    };
  },
});
