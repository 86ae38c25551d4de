import { SOURCES } from '../data/sources';
import { defineCheck } from '../core/define-check';
import type { JsonObject } from '../core/types';
import type {} from '../gather/residency-service-url'; // its EvidenceMap entry (types only: rules do no I/O)
import type { ServiceUrlProblemCode } from '../residency/service-url';

/**
 * When several problems apply, the message names the most telling one; all are in details.
 * A trailing dot never names the message: a host that ends with a dot is never a Teams host, so it
 * is always also a look-alike (of the Teams host without the dot) or an unknown host, which rank
 * higher. It stays in details.
 */
const PROBLEM_ORDER: ReadonlyArray<Exclude<ServiceUrlProblemCode, 'trailingDot'>> = [
  'invalidUrl', 'lookalikeHost', 'userinfo', 'unknownHost', 'insecureScheme', 'malformed', 'dotSegments', 'nonDefaultPort',
];

const TOKEN_WARNING = 'A bot attaches its access token to every call it makes to the serviceUrl, so it must only call serviceUrls on the Teams hosts of its cloud.';

export default defineCheck({
  meta: {
    id: 'residency-service-url',
    suite: 'residency',
    title: 'serviceUrl is a Teams Bot Connector host',
    failureTitle: 'serviceUrl is not a genuine Teams serviceUrl',
    description: 'The serviceUrl of an incoming activity says which Microsoft cloud and region serve the conversation, and therefore where its data is in transit. It is also where the bot sends its access token, so an unknown host must never be called.',
    severity: 'warning',
    requiredEvidence: ['ServiceUrlResidency'],
    messages: {
      recognized: '{{host}} is the Teams Bot Connector for {{cloudName}}; the path /{{region}}/ is {{regionName}}.',
      recognizedLegacyRegion: '{{host}} is the Teams Bot Connector for {{cloudName}}; /{{region}}/ is {{regionName}} (current Microsoft pages use /teams/; UNCONFIRMED whether it is still served).',
      recognizedUnconfirmedRegion: '{{host}} is the Teams Bot Connector for {{cloudName}}; the path segment "{{region}}" is not a region Microsoft documents (UNCONFIRMED), so which region serves it is not known.',
      recognizedNoRegion: '{{host}} is the Teams Bot Connector for {{cloudName}}; the URL has no region path.',
      invalidUrl: '"{{input}}" is not a usable serviceUrl: {{problem}}',
      lookalikeHost: '{{host}} imitates the Teams host {{lookalikeOf}} but is not it. It is not a Teams serviceUrl: a bot must not send its token there.',
      userinfo: 'The URL hides its host behind user info ("…@"). {{problem}} A bot must not send its token to it.',
      unknownHost: '{{host}} is not a Teams serviceUrl host. This is not a Teams serviceUrl, and a bot must not send its token there.',
      insecureScheme: '{{problem}} A bot must not send its token over plain HTTP.',
      malformed: '{{problem}} Treat it as untrusted.',
      dotSegments: '{{problem}} Teams never sends such paths; treat it as untrusted.',
      nonDefaultPort: '{{problem}} Treat it as untrusted.',
    },
    remediation: {
      invalidUrl: 'Pass the serviceUrl field of an incoming activity, e.g. https://smba.trafficmanager.net/emea/.',
      lookalikeHost: `${TOKEN_WARNING} Compare host names exactly (after URL parsing) with the list for your cloud; never match by substring or suffix.`,
      userinfo: `${TOKEN_WARNING} Parse the URL and compare its host exactly; reject URLs with user info.`,
      unknownHost: `${TOKEN_WARNING} Use only the serviceUrl of an activity whose token you validated (its serviceurl claim must match), and refuse hosts outside your cloud's list (worldwide: smba.trafficmanager.net). botbuilder-js does not check this for you.`,
      insecureScheme: `${TOKEN_WARNING} Only call https serviceUrls.`,
      malformed: `${TOKEN_WARNING} Reject serviceUrls with backslashes, spaces or control characters.`,
      dotSegments: `${TOKEN_WARNING} Reject serviceUrls whose path contains . or .. segments.`,
      nonDefaultPort: `${TOKEN_WARNING} Reject serviceUrls that name a port.`,
    },
    sources: [
      { title: 'Teams: bot communication flow (serviceUrl regions, data in transit)', url: 'https://learn.microsoft.com/microsoftteams/platform/bots/communication-flow' },
      { title: 'Teams: send proactive messages (global and government serviceUrls)', url: 'https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages' },
      { title: 'Teams SDK for JavaScript: allowed serviceUrl hosts per cloud', url: 'https://github.com/microsoft/teams.ts/blob/main/packages/api/src/auth/cloud-environment.ts' },
      { title: 'Bot Connector authentication (serviceurl claim)', url: SOURCES.connectorAuth.url },
    ],
  },
  evaluate({ ServiceUrlResidency: a }) {
    const evidence: JsonObject = {
      input: a.input,
      host: a.host,
      cloud: a.cloud,
      region: a.region,
      regionKind: a.regionKind,
      regionConfirmed: a.regionConfirmed,
      recognized: a.recognized,
      tenantSegment: a.tenantSegment,
      problems: a.problems.map((p) => p.code),
      residency: a.residency.map((s) => ({
        kind: s.kind, text: s.text, confirmed: s.confirmed, sources: s.sources.map((x) => x.url),
      })),
    };
    const details = [
      ...a.problems.map((p) => ({ message: p.message, status: 'warn' as const })),
      ...a.residency.map((s) => ({
        message: `${s.kind === 'transit' ? 'In transit' : 'At rest'}: ${s.text}${s.confirmed ? '' : ' (UNCONFIRMED)'}`,
        status: 'info' as const,
      })),
    ];
    if (!a.recognized) {
      const first = PROBLEM_ORDER.find((code) => a.problems.some((p) => p.code === code)) ?? 'unknownHost';
      const problem = a.problems.find((p) => p.code === first)?.message ?? '';
      return {
        status: 'warn',
        messageId: first,
        data: { input: a.input.slice(0, 200), host: a.host ?? '(none)', lookalikeOf: a.lookalikeOf ?? '', problem },
        evidence,
        details,
      };
    }
    const data = { host: a.host ?? '', cloudName: a.cloudName ?? '', region: a.region ?? '', regionName: a.regionName ?? '' };
    const messageId = a.regionKind === 'none' ? 'recognizedNoRegion'
      : a.regionKind === 'unconfirmed' ? 'recognizedUnconfirmedRegion'
        : a.regionKind === 'legacy' ? 'recognizedLegacyRegion'
          : 'recognized';
    return { status: 'info', messageId, data, evidence, details };
  },
});
