import type {} from '../computed/registration-model'; // its EvidenceMap entry (types only: rules do no I/O)
import { defineCheck } from '../core/define-check';
import type { MessageData } from '../core/types';
import { comparableUrl, isHttpsUrl } from '../computed/identifiers';
import type {} from '../gather/under-test';

function isLocalHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1') return true;
  const m = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(h);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254);
}

export default defineCheck({
  meta: {
    id: 'registration-endpoint',
    suite: 'registration',
    title: 'Registered messaging endpoint is HTTPS and is the endpoint under test',
    failureTitle: 'Registered messaging endpoint is wrong',
    description:
      'Teams sends every activity to the messaging endpoint recorded on the Azure Bot resource, not to the URL you test. '
      + 'It must be a public https URL, and it must be the endpoint your bot actually serves.',
    severity: 'error',
    requiredEvidence: ['AzureRegistration', 'UnderTest'],
    messages: {
      matches: 'The registered endpoint {{endpoint}} is https and is the endpoint under test.',
      httpsOnly: 'The registered endpoint {{endpoint}} is https (no endpoint under test was given to compare with).',
      missing: 'The Azure Bot resource has no messaging endpoint, so Teams has nowhere to send messages.',
      invalid: 'The registered endpoint "{{endpoint}}" is not an absolute URL.',
      notHttps: 'The registered endpoint {{endpoint}} does not use https.',
      local: 'The registered endpoint {{endpoint}} points at a loopback or private address, which Teams cannot reach.',
      mismatch: 'The registered endpoint {{endpoint}} is not the endpoint under test {{tested}}: Teams sends messages to the registered one.',
    },
    remediation: {
      missing: 'Set the messaging endpoint: az bot update --name <bot> --resource-group <group> --endpoint https://<host>/api/messages (or Azure Bot > Configuration in the portal).',
      invalid: 'Set the messaging endpoint to an absolute https URL such as https://<host>/api/messages.',
      notHttps: 'Serve the bot over https with a publicly trusted certificate and update the endpoint: az bot update --name <bot> --resource-group <group> --endpoint https://<host>/api/messages.',
      local: 'Expose the bot on a public https host (or a tunnel for development) and register that URL as the messaging endpoint.',
      mismatch: 'Make the two agree: either test {{endpoint}}, or update the registration with az bot update --name <bot> --resource-group <group> --endpoint {{tested}}.',
    },
    sources: [
      { title: 'Azure REST API: Bots - Get (2022-09-15), properties.endpoint', url: 'https://learn.microsoft.com/rest/api/botservice/bots/get?view=rest-botservice-2022-09-15' },
      { title: 'Azure Bot Service: configure bot settings (messaging endpoint)', url: 'https://learn.microsoft.com/azure/bot-service/bot-service-manage-settings' },
      { title: 'Teams platform: bot communication flow', url: 'https://learn.microsoft.com/microsoftteams/platform/bots/communication-flow' },
    ],
  },
  evaluate({ AzureRegistration: reg, UnderTest: underTest }) {
    const endpoint = reg.endpoint;
    const tested = underTest.url;
    const evidence = { endpoint, endpointUnderTest: tested ?? null };
    if (!endpoint) return { status: 'fail', messageId: 'missing', evidence };
    const normalized = comparableUrl(endpoint);
    if (!normalized) return { status: 'fail', messageId: 'invalid', data: { endpoint } as MessageData, evidence };
    if (!isHttpsUrl(endpoint)) return { status: 'fail', messageId: 'notHttps', data: { endpoint } as MessageData, evidence };
    if (isLocalHost(new URL(endpoint).hostname)) return { status: 'fail', messageId: 'local', data: { endpoint } as MessageData, evidence };
    if (tested === undefined) return { status: 'pass', messageId: 'httpsOnly', data: { endpoint } as MessageData, evidence };
    if (comparableUrl(tested) !== normalized) return { status: 'fail', messageId: 'mismatch', data: { endpoint, tested } as MessageData, evidence };
    return { status: 'pass', messageId: 'matches', data: { endpoint } as MessageData, evidence };
  },
});
