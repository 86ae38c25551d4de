import { defineCheck } from '../core/define-check';
import type { Detail } from '../core/types';
import { SOURCES } from '../data/sources';
import { json, msg } from '../computed/json';
import { phaseText } from '../computed/not-probed';
import { judgeExpiry, judgeHostname, judgeTrust, judgeVersions } from '../computed/tls-verdicts';
import type {} from '../gather/calling-webhook'; // its EvidenceMap entry (types only: rules do no I/O)

const TRUST_TEXT: Record<string, string> = {
  selfSigned: 'the certificate is self-signed',
  incompleteChain: 'the chain misses its intermediate certificate',
  untrusted: 'the certificate does not chain to a trusted root',
};
const VERSION_TEXT: Record<string, string> = {
  tls13Only: 'only TLS 1.3 is accepted (TLS 1.2 is needed)',
  noTls12: 'TLS 1.2 is refused',
  legacyOnly: 'only TLS 1.0/1.1 are accepted',
  noHandshake: 'no TLS handshake succeeds',
  tls12Unknown: 'the TLS 1.2 attempt did not complete',
  legacyAccepted: 'TLS 1.0/1.1 are still accepted',
};

export default defineCheck({
  meta: {
    id: 'calling-webhook',
    suite: 'endpoint',
    title: 'Calling webhook is HTTPS, separate and passes the TLS checks',
    failureTitle: 'Calling webhook has problems',
    description: 'A calling bot has a second endpoint, the calling webhook set in the Teams channel\'s Calling tab. Microsoft configures it separately from the messaging endpoint, with different network requirements; this check requires HTTPS and applies the TLS checks of the messaging endpoint to it (TLS 1.2, trusted chain, host name, current certificate). A webhook equal to the messaging endpoint only warns: Microsoft does not say the two must differ.',
    severity: 'error',
    requiredEvidence: ['CallingWebhook'],
    messages: {
      ok: 'The calling webhook {{url}} uses HTTPS, is separate from the messaging endpoint and passes the TLS checks (accepted: {{offered}}).',
      notGiven: 'No calling webhook was given; for a calling bot, give it (--calling-webhook in the CLI, callingWebhook in the API input).',
      invalid: '{{message}}',
      notHttps: 'The calling webhook {{url}} does not use HTTPS.',
      sameAsMessaging: 'The calling webhook {{url}} is the messaging endpoint itself. Microsoft configures the two separately, with different network requirements, but does not say they must differ, so this is a warning: one route then receives both activities and call notifications.',
      unreachable: 'The calling webhook {{url}} could not be checked: {{problem}}.',
      problems: 'The calling webhook {{url}} has TLS problems: {{problems}}.',
      warnings: 'The calling webhook {{url}} works, with warnings: {{problems}}.',
    },
    remediation: {
      invalid: 'Give the full calling webhook URL as set in the Teams channel (Calling tab), for example https://bot.contoso.com/api/calling.',
      notHttps: 'Serve the calling webhook over HTTPS with a publicly trusted certificate and update the Teams channel\'s Calling tab.',
      sameAsMessaging: 'Give the calling webhook its own route (for example /api/calling) handled by your calling code, and set it in the Teams channel\'s Calling tab.',
      unreachable: 'Make the calling webhook\'s host resolve to a public address and accept HTTPS connections from the internet.',
      problems: 'Fix the TLS setup of the calling webhook the same way as for the messaging endpoint: see tls-protocol-version and the tls-certificate checks.',
      warnings: 'Renew the certificate in time and turn TLS 1.0/1.1 off on the calling webhook.',
    },
    sources: [SOURCES.calling, SOURCES.commFlow, SOURCES.securityGuidelines, SOURCES.chainTrusted],
  },
  evaluate({ CallingWebhook: c }, ctx) {
    if (!c.given) return { status: 'skip', messageId: 'notGiven', evidence: json({ given: false }) };
    if (!c.valid) return { status: 'fail', messageId: 'invalid', data: msg({ message: c.message }), evidence: json({ problem: c.problem }) };
    const base = { url: c.url, https: c.https, sameAsMessaging: c.sameAsMessaging, ...(c.messagingUrl ? { messagingUrl: c.messagingUrl } : {}) };
    if (!c.https) return { status: 'fail', messageId: 'notHttps', data: msg({ url: c.url }), evidence: json(base) };
    const dns = c.dns;
    if (dns && !dns.resolved && !dns.proxy) return { status: 'fail', messageId: 'unreachable', data: msg({ url: c.url, problem: `${phaseText('dns')} failed (${dns.failure.osCode ?? dns.failure.code})` }), evidence: json({ ...base, dns }) };
    if (dns && dns.resolved && !dns.allowed) return { status: 'fail', messageId: 'unreachable', data: msg({ url: c.url, problem: `it resolves to ${dns.refused?.address ?? 'a non-public address'} (${dns.refused?.class ?? 'private'})` }), evidence: json({ ...base, dns }) };
    const h = c.handshake;
    if (!h || !h.ok || !c.versions) {
      const problem = h && !h.ok ? `${phaseText(h.failure.phase)} failed: ${h.failure.message}` : 'no TLS evidence';
      return { status: 'fail', messageId: 'unreachable', data: msg({ url: c.url, problem }), evidence: json(base) };
    }
    const trust = judgeTrust(h);
    const host = judgeHostname(h);
    const expiry = judgeExpiry(h, ctx.now);
    const versions = judgeVersions(c.versions);
    const details: Detail[] = [
      { message: `Trust: ${trust.status === 'pass' ? 'chains to a trusted root' : TRUST_TEXT[trust.messageId] ?? trust.messageId}`, status: trust.status },
      { message: `Host name: ${host.status === 'pass' ? 'named in the certificate' : `not named (covers ${host.data.names})`}`, status: host.status },
      { message: `Expiry: ${expiry.messageId === 'valid' ? `valid until ${expiry.data.notAfter}` : `${expiry.messageId} (${expiry.data.notAfter})`}`, status: expiry.status },
      { message: `Versions: ${versions.status === 'pass' ? `TLS 1.2 accepted (${versions.data.offered})` : VERSION_TEXT[versions.messageId] ?? versions.messageId}`, status: versions.messageId === 'tls12Unknown' ? 'warn' : versions.status },
    ];
    const evidence = json({ ...base, protocol: h.protocol, cipher: h.cipher, trust: h.trust, hostname: h.hostname, notAfter: h.chain[0]?.notAfter ?? '', offered: versions.data.offered ?? '' });
    const failing = details.filter((d) => d.status === 'fail');
    const warning = details.filter((d) => d.status === 'warn');
    if (failing.length) return { status: 'fail', messageId: 'problems', data: msg({ url: c.url, problems: failing.map((d) => d.message).join('; ') }), evidence, details };
    if (c.sameAsMessaging) return { status: 'warn', messageId: 'sameAsMessaging', data: msg({ url: c.url }), evidence, details };
    if (warning.length) return { status: 'warn', messageId: 'warnings', data: msg({ url: c.url, problems: warning.map((d) => d.message).join('; ') }), evidence, details };
    return { status: 'pass', messageId: 'ok', data: msg({ url: c.url, offered: versions.data.offered ?? '' }), evidence, details };
  },
});
