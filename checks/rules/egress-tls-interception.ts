import { SOURCES } from '../data/sources';
import { defineCheck } from '../core/define-check';
import type { Detail, JsonObject, MessageData } from '../core/types';
import type {} from '../gather/egress-hosts'; // its EvidenceMap entry (types only: rules do no I/O)

export default defineCheck({
  meta: {
    id: 'egress-tls-interception',
    suite: 'egress',
    title: 'TLS to Microsoft hosts is end to end (public certificate chains)',
    failureTitle: 'TLS to Microsoft hosts is intercepted or does not verify',
    description: 'A TLS-inspecting proxy replaces Microsoft certificates with its own. Node does not trust that CA unless told to, so fetching the OpenID metadata and signing keys fails and every incoming request is rejected as unauthorized.',
    severity: 'warning',
    requiredEvidence: ['EgressHosts'],
    messages: {
      publicChains: 'All {{count}} TLS handshakes presented chains that verify to public roots; issuers seen: {{issuers}}.',
      intercepted: '{{count}} host(s) presented a certificate issued by "{{issuer}}", which does not chain to a public root: TLS inspection by a proxy or security product. Hosts: {{hosts}}.',
      interceptedTrusted: '{{count}} host(s) presented a certificate issued by "{{issuer}}", which is not a public root but is trusted on this machine (NODE_EXTRA_CA_CERTS or --ca): TLS is inspected. Hosts: {{hosts}}.',
      notVerified: '{{count}} host(s) presented a certificate that does not verify ({{error}}), issued by "{{issuer}}". Hosts: {{hosts}}.',
      noHandshake: 'No TLS handshake completed, so no certificate could be inspected (see egress-fqdn).',
    },
    remediation: {
      intercepted: 'Exempt the Bot Framework, Entra ID and Teams hosts (`botflow allowlist`) from TLS inspection on the proxy. If inspection must stay, make the bot process trust the proxy CA (NODE_EXTRA_CA_CERTS=/path/ca.pem for Node), knowing that token validation then depends on the proxy.',
      interceptedTrusted: 'Prefer exempting the Bot Framework, Entra ID and Teams hosts from TLS inspection: the bot then sees Microsoft certificates directly and does not depend on the proxy for token validation.',
      notVerified: 'Check the clock (an expired-looking certificate), the proxy (a replaced certificate), and DNS (a host name that resolves to the wrong server). Do not disable certificate verification in the bot.',
    },
    sources: [
      { title: 'Bot Connector authentication: fetch OpenID metadata and keys over TLS', url: SOURCES.connectorAuth.url },
      { title: 'Node.js: NODE_EXTRA_CA_CERTS', url: 'https://nodejs.org/api/cli.html#node_extra_ca_certsfile' },
      { title: 'Node.js: tls.rootCertificates (bundled Mozilla roots)', url: 'https://nodejs.org/api/tls.html#tlsrootcertificates' },
    ],
  },
  evaluate({ EgressHosts: e }) {
    const handshakes = e.probes.filter((p) => p.ok && p.tls);
    const issuers = [...new Set(handshakes.map((p) => p.tls!.leafIssuer))];
    const evidence: JsonObject = {
      issuersSeen: issuers,
      hosts: handshakes.map((p) => ({
        host: p.host,
        authorized: p.tls!.authorized,
        publicChain: p.tls!.publicChain,
        leafIssuer: p.tls!.leafIssuer,
        rootIssuer: p.tls!.rootIssuer,
        ...(p.tls!.authorizationError ? { authorizationError: p.tls!.authorizationError } : {}),
        protocol: p.tls!.protocol,
      })),
    };
    if (handshakes.length === 0) return { status: 'skip', messageId: 'noHandshake', evidence };
    const details: Detail[] = handshakes.map((p) => ({
      path: p.host,
      status: p.tls!.publicChain && p.tls!.authorized ? 'pass' : 'warn',
      message: `issued by "${p.tls!.leafIssuer}", chain ends at "${p.tls!.rootIssuer}"; ${p.tls!.publicChain ? 'public root' : 'not a public root'}${p.tls!.authorized ? '' : `; does not verify (${p.tls!.authorizationError ?? 'unknown reason'})`}.`,
    }));
    const bad = handshakes.filter((p) => !p.tls!.publicChain || !p.tls!.authorized);
    if (bad.length === 0) {
      return { status: 'pass', messageId: 'publicChains', data: { count: handshakes.length, issuers: issuers.join('; ') } satisfies MessageData as MessageData, evidence, details };
    }
    const hosts = bad.map((p) => p.host).join(', ');
    // Name the issuer that replaced Microsoft's: the one most hosts share.
    const counts = new Map<string, number>();
    for (const p of bad) {
      const name = p.tls!.publicChain ? p.tls!.leafIssuer : p.tls!.rootIssuer || p.tls!.leafIssuer;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const issuer = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
    const notPublic = bad.filter((p) => !p.tls!.publicChain);
    if (notPublic.length === 0) {
      const err = bad[0]!.tls!.authorizationError ?? 'unknown reason';
      return { status: 'warn', messageId: 'notVerified', data: { count: bad.length, error: err, issuer, hosts } as MessageData, evidence, details };
    }
    const trusted = notPublic.every((p) => p.tls!.authorized);
    return {
      status: 'warn',
      messageId: trusted ? 'interceptedTrusted' : 'intercepted',
      data: { count: notPublic.length, issuer, hosts: notPublic.map((p) => p.host).join(', ') } as MessageData,
      evidence,
      details,
    };
  },
});
