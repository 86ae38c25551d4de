import { defineCheck } from '../core/define-check';
import type { Detail, JsonObject } from '../core/types';
import type { EgressHostProbe } from '../gather/egress-hosts';
import type {} from '../gather/egress-hosts'; // its EvidenceMap entry (types only: rules do no I/O)

const PHASE_WORDS: Record<string, string> = {
  dns: 'DNS resolution failed',
  connect: 'TCP connection to port 443 failed',
  proxy: 'the proxy tunnel (CONNECT) failed',
  tls: 'the TLS handshake failed',
  budget: 'no answer within the time budget',
};

const ODD_ADDRESS_HINTS: Record<string, string> = {
  loopback: 'a hosts-file entry or DNS sinkhole?',
  private: 'split DNS, a private endpoint or a transparent proxy?',
  'unique-local': 'split DNS, a private endpoint or a transparent proxy?',
  cgnat: 'a carrier-grade NAT range: unusual for a Microsoft host',
};

function failureText(p: EgressHostProbe): string {
  if (p.error?.code === 'CHK_ERR_ADDRESS_REFUSED') return `${p.error.message.replace(/\.+$/, '')}; it was not contacted.`;
  const what = PHASE_WORDS[p.failedPhase ?? ''] ?? 'the probe failed';
  const code = p.error?.osCode ? ` (${p.error.osCode})` : p.error?.code === 'CHK_ERR_PROBE_TIMEOUT' ? ' (timeout)' : '';
  return `${what}${code}${p.via === 'proxy' ? ' through the proxy' : ''}.`;
}

function okText(p: EgressHostProbe): string {
  const parts = [
    p.dns ? `DNS ${p.dns.ms} ms -> ${p.dns.addresses.slice(0, 3).join(', ')}` : 'resolved by the proxy',
    `${p.via === 'proxy' ? 'tunnel' : 'TCP'} ${p.connectMs ?? 0} ms`,
    `TLS ${p.tlsMs ?? 0} ms (${p.tls?.protocol ?? '?'})`,
  ];
  const odd = p.dns?.classes.find((c) => c !== 'public');
  return `reachable; ${parts.join(', ')}${odd ? `; resolves to a ${odd} address (${ODD_ADDRESS_HINTS[odd] ?? 'unusual for a Microsoft host'})` : ''}.`;
}

export default defineCheck({
  meta: {
    id: 'egress-fqdn',
    suite: 'egress',
    title: 'Every host the bot needs is reachable over HTTPS',
    failureTitle: 'Some hosts the bot needs are not reachable',
    description: 'A bot calls Microsoft hosts to validate incoming tokens, get its own token and reply to Teams. When a firewall or proxy blocks one, the bot fails in ways that look like authentication bugs, or hangs.',
    severity: 'error',
    requiredEvidence: ['EgressHosts'],
    messages: {
      allReachable: 'All {{count}} hosts for {{cloud}} ({{features}}) answered: DNS, TCP 443 and TLS; slowest {{slowest}} in {{slowestMs}} ms.',
      requiredUnreachable: '{{failed}} of {{count}} required hosts are not reachable from this machine: {{hosts}}.',
      optionalUnreachable: 'Every required host answered, but {{failed}} host(s) needed only in some set-ups did not: {{hosts}}.',
    },
    remediation: {
      requiredUnreachable: 'Allow outbound HTTPS (TCP 443) to these host names on the firewall or proxy (`botflow allowlist --cloud {{cloud}}` prints the list). Filter by host name, not IP address. If a proxy is required, set HTTPS_PROXY for the bot process, and make sure NO_PROXY does not exclude these hosts.',
      optionalUnreachable: 'If your bot uses these hosts (see the purpose of each in `botflow allowlist`), allow outbound HTTPS to them; otherwise no action is needed.',
    },
    sources: [
      { title: 'Bot Framework security FAQ: hosts to allow outbound', url: 'https://learn.microsoft.com/azure/bot-service/bot-service-resources-faq-security' },
      { title: 'Teams: bot communication flow and network FAQ', url: 'https://learn.microsoft.com/microsoftteams/platform/bots/communication-flow' },
      { title: 'Configure a bot for US Government (GCC High / DoD)', url: 'https://learn.microsoft.com/azure/bot-service/how-to-deploy-gov-cloud-high' },
    ],
  },
  evaluate({ EgressHosts: e }) {
    const failed = e.probes.filter((p) => !p.ok);
    const required = e.probes.filter((p) => p.required);
    const failedRequired = failed.filter((p) => p.required);
    const evidence: JsonObject = {
      cloud: e.cloud,
      features: e.features,
      proxy: { ...e.proxy },
      durationMs: e.durationMs,
      hosts: e.probes.map((p) => ({
        host: p.host,
        port: p.port,
        required: p.required,
        purpose: p.purpose,
        via: p.via,
        ok: p.ok,
        ...(p.failedPhase ? { failedPhase: p.failedPhase } : {}),
        ...(p.error ? { error: p.error.osCode ?? p.error.code } : {}),
        ...(p.dns ? { dnsMs: p.dns.ms, addresses: p.dns.addresses, addressClasses: p.dns.classes } : {}),
        ...(p.connectMs !== undefined ? { connectMs: p.connectMs } : {}),
        ...(p.tlsMs !== undefined ? { tlsMs: p.tlsMs } : {}),
        totalMs: p.totalMs,
      })),
    };
    const details: Detail[] = e.probes.map((p) => ({
      path: `${p.host}:${p.port}`,
      status: p.ok ? 'pass' : p.required ? 'fail' : 'warn',
      message: p.ok ? okText(p) : failureText(p),
    }));
    const base = { cloud: e.cloud, features: e.features.join(', '), count: e.probes.length };
    if (failedRequired.length) {
      return {
        status: 'fail',
        messageId: 'requiredUnreachable',
        data: { ...base, count: required.length, failed: failedRequired.length, hosts: failedRequired.map((p) => p.host).join(', ') },
        evidence,
        details,
      };
    }
    if (failed.length) {
      return {
        status: 'warn',
        messageId: 'optionalUnreachable',
        data: { ...base, failed: failed.length, hosts: failed.map((p) => p.host).join(', ') },
        evidence,
        details,
      };
    }
    const slowest = [...e.probes].sort((a, b) => b.totalMs - a.totalMs)[0];
    return {
      status: 'pass',
      messageId: 'allReachable',
      data: { ...base, slowest: slowest?.host ?? '-', slowestMs: slowest?.totalMs ?? 0 },
      evidence,
      details,
    };
  },
});
