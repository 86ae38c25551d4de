import { defineCheck } from '../core/define-check';
import { SOURCES } from '../data/sources';
import { json, msg } from '../computed/json';
import { notProbedGuard } from '../computed/guards';
import type {} from '../gather/dns-resolution'; // its EvidenceMap entry (types only: rules do no I/O)

export default defineCheck({
  meta: {
    id: 'endpoint-dns',
    suite: 'endpoint',
    title: 'Endpoint host resolves to public addresses',
    failureTitle: 'Endpoint host does not resolve to a public address',
    description: 'Teams reaches bots over the public internet only: the host of the messaging endpoint must resolve, and to public addresses. A private, loopback or link-local address cannot be reached by the Bot Connector.',
    severity: 'error',
    requiredEvidence: ['DnsResolution'],
    guards: [notProbedGuard('DnsResolution')],
    messages: {
      public: '{{host}} resolves to {{addresses}} (public).',
      private: '{{host}} resolves to {{address}}, a {{class}} address. Teams reaches bots over the public internet only, so it cannot deliver to this address.',
      privateAllowed: '{{host}} resolves to {{address}}, a {{class}} address. It was probed because private targets are allowed, but Teams cannot reach it: only a public URL (a tunnel, for development) works with Teams.',
      notFound: '{{host}} does not resolve ({{code}}).',
      timeout: 'Resolving {{host}} took longer than {{ms}} ms.',
      proxyOnly: '{{host}} does not resolve here ({{code}}); the probes go through the proxy {{proxy}}, which resolves names itself.',
    },
    remediation: {
      private: 'Publish the bot on a public host name (for example its App Service default domain or a public DNS record for your gateway) and register that URL as the messaging endpoint. Keep private addresses for traffic inside your network only.',
      privateAllowed: 'This is expected for a bot on your own machine. To test it with Teams, expose it through a tunnel with a public https URL (Dev Tunnels, ngrok) and register that URL as the messaging endpoint.',
      notFound: 'Check the spelling of the host name and that its public DNS record exists (A, AAAA or CNAME); a name that exists only in a private DNS zone cannot be resolved by Microsoft.',
      timeout: 'Check that the authoritative DNS servers of the domain answer quickly, from more than one network; if only the resolver that ran this check is slow, run the check from another network (or `botflow endpoint` with a longer --timeout).',
      proxyOnly: 'Nothing to fix if the proxy can reach the bot; make sure the name also resolves in public DNS, which is where the Bot Connector looks it up.',
    },
    sources: [SOURCES.securityFaq, SOURCES.commFlow],
  },
  evaluate({ DnsResolution: d }) {
    if (!d.resolved) {
      const evidence = json({ host: d.host, failure: d.failure, ...(d.proxy ? { proxy: d.proxy } : {}) });
      if (d.proxy) return { status: 'warn', messageId: 'proxyOnly', data: msg({ host: d.host, code: d.failure.osCode ?? d.failure.code, proxy: d.proxy }), evidence };
      if (d.failure.code === 'CHK_ERR_PROBE_TIMEOUT') return { status: 'fail', messageId: 'timeout', data: msg({ host: d.host, ms: d.failure.timeoutMs ?? 0 }), evidence };
      return { status: 'fail', messageId: 'notFound', data: msg({ host: d.host, code: d.failure.osCode ?? d.failure.code }), evidence };
    }
    const evidence = json({ host: d.host, literal: d.literal, addresses: d.addresses, allowPrivate: d.allowPrivate, durationMs: d.durationMs });
    const nonPublic = d.addresses.find((a) => a.class !== 'public');
    if (!nonPublic) return { status: 'pass', messageId: 'public', data: msg({ host: d.host, addresses: d.addresses.map((a) => a.address).join(', ') }), evidence };
    const data = { host: d.host, address: nonPublic.address, class: nonPublic.class };
    const details = d.addresses.map((a) => ({ message: `${a.address} (${a.class})`, path: d.host, status: a.class === 'public' ? 'pass' as const : 'fail' as const }));
    if (d.allowed) return { status: 'warn', messageId: 'privateAllowed', data: msg(data), evidence, details };
    return { status: 'fail', messageId: 'private', data: msg(data), evidence, details };
  },
});
