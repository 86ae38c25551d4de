import { defineCheck } from '../core/define-check';
import { SOURCES } from '../data/sources';
import { json, msg } from '../computed/json';
import { notProbedGuard } from '../computed/guards';
import { judgeVersions } from '../computed/tls-verdicts';
import type {} from '../gather/tls-versions'; // its EvidenceMap entry (types only: rules do no I/O)

export default defineCheck({
  meta: {
    id: 'tls-protocol-version',
    suite: 'endpoint',
    title: 'Endpoint accepts TLS 1.2 and no legacy TLS',
    failureTitle: 'Endpoint TLS versions do not fit Teams',
    description: 'Bot Service channels require TLS 1.2, and the Teams channel is reported to connect to bots with TLS 1.2 at most, so an endpoint must accept TLS 1.2 (a TLS 1.3-only endpoint gets no Teams traffic). TLS 1.0 and 1.1 are deprecated and should be off.',
    severity: 'error',
    requiredEvidence: ['TlsVersions'],
    guards: [notProbedGuard('TlsVersions')],
    messages: {
      ok: 'TLS 1.2 is accepted ({{cipher12}}) and TLS 1.0/1.1 are refused. Versions accepted: {{offered}}.',
      okLegacyUnknown: 'TLS 1.2 is accepted ({{cipher12}}). Whether TLS 1.0/1.1 are still accepted could not be tested from this machine. Versions accepted: {{offered}}.',
      tls13Only: 'The endpoint accepts only TLS 1.3 and refuses TLS 1.2. The Teams channel is reported (in GitHub issues, not yet in Microsoft documentation) to connect to bots with TLS 1.2 at most, so Teams messages would not arrive.',
      noTls12: 'TLS 1.2 is refused (accepted: {{offered}}). Bot Service channels require TLS 1.2.',
      legacyOnly: 'Only {{legacy}} is accepted; TLS 1.2 is refused. Bot Service channels require TLS 1.2.',
      legacyAccepted: 'TLS 1.2 is accepted, but {{legacy}} is accepted too (accepted: {{offered}}). TLS 1.0 and 1.1 are deprecated (RFC 8996), and Bot Service channels require TLS 1.2 anyway.',
      noHandshake: 'No TLS handshake succeeded with any version: {{reason}}',
      tls12Unknown: 'The TLS 1.2 attempt could not complete ({{reason}}) although {{offered}} worked; rerun the check.',
    },
    remediation: {
      tls13Only: 'Allow TLS 1.2 as the minimum and keep TLS 1.3 on: on Azure App Service set Minimum Inbound TLS Version to 1.2; on Cloudflare set SSL/TLS > Edge Certificates > Minimum TLS Version to 1.2; on Application Gateway or Front Door choose a TLS policy that includes 1.2.',
      noTls12: 'Enable TLS 1.2 on the server or the gateway in front of it (minimum TLS version 1.2).',
      legacyOnly: 'Upgrade the TLS configuration of the server or gateway to offer TLS 1.2 (and 1.3), then turn TLS 1.0 and 1.1 off.',
      legacyAccepted: 'Set the minimum TLS version to 1.2 on the server or gateway (App Service: Minimum Inbound TLS Version 1.2).',
      noHandshake: 'Check that the port serves HTTPS; see endpoint-reachable for the failing phase.',
      tls12Unknown: 'Rerun the check; if it repeats, look at the server or gateway logs for failed handshakes.',
    },
    sources: [SOURCES.securityGuidelines, SOURCES.tls12Announcement, SOURCES.tls13Teams, SOURCES.tls13Docs1, SOURCES.tls13Docs2, { title: 'RFC 8996: Deprecating TLS 1.0 and TLS 1.1', url: 'https://www.rfc-editor.org/rfc/rfc8996' }],
  },
  evaluate({ TlsVersions: t }) {
    const v = judgeVersions(t.versions);
    const versions = Object.fromEntries(Object.entries(t.versions).map(([k, r]) => [k, r.accepted === true ? { accepted: true, cipher: r.cipher } : { accepted: r.accepted, reason: r.failure.osCode ?? r.failure.code }]));
    const status = v.messageId === 'tls12Unknown' ? 'warn' : v.status;
    return { status, messageId: v.messageId, data: msg(v.data), evidence: json({ host: t.host, port: t.port, versions }) };
  },
});
