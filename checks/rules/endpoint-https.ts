import { defineCheck } from '../core/define-check';
import { SOURCES } from '../data/sources';
import { json, msg } from '../computed/json';
import type {} from '../gather/endpoint-url'; // its EvidenceMap entry (types only: rules do no I/O)

export default defineCheck({
  meta: {
    id: 'endpoint-https',
    suite: 'endpoint',
    title: 'Messaging endpoint uses HTTPS',
    failureTitle: 'Messaging endpoint does not use HTTPS',
    description: 'The Bot Connector delivers Teams activities only to an absolute https:// messaging endpoint that is reachable from the internet.',
    severity: 'error',
    requiredEvidence: ['EndpointUrl'],
    messages: {
      https: 'The endpoint {{url}} uses HTTPS.',
      http: 'The endpoint {{url}} uses plain HTTP. Teams only delivers activities to HTTPS endpoints; plain HTTP is fine only for local tests with the Bot Framework Emulator.',
      invalid: 'The endpoint URL is not usable: {{problem}}',
    },
    remediation: {
      http: 'Serve the bot over HTTPS with a certificate from a public certificate authority (Azure App Service and Container Apps provide one on their default host names) and register the https:// URL as the messaging endpoint of the Azure Bot. For local development, expose the bot through a tunnel that gives an https URL, such as Dev Tunnels.',
      invalid: 'Give the full messaging endpoint URL as it is registered on the Azure Bot, for example https://bot.contoso.com/api/messages.',
    },
    sources: [SOURCES.securityFaq, SOURCES.commFlow],
  },
  evaluate({ EndpointUrl: e }) {
    if (!e.valid) return { status: 'fail', messageId: 'invalid', data: msg({ problem: e.message }), evidence: json({ problem: e.problem }) };
    const evidence = json({ url: e.url, scheme: e.scheme, host: e.host, port: e.port, path: e.path });
    if (!e.https) return { status: 'fail', messageId: 'http', data: msg({ url: e.url }), evidence };
    return { status: 'pass', messageId: 'https', data: msg({ url: e.url }), evidence };
  },
});
