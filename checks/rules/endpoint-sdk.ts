import { defineCheck } from '../core/define-check';
import { identifyFromEndpoint } from '../computed/endpoint-sdk';
import { SOURCES } from '../data/sources';
import { json, msg } from '../computed/json';
import { SDK_NAMES } from '../computed/sdk-identity';
import type {} from '../gather/auth-probe-missing'; // its EvidenceMap entry (types only: rules do no I/O)
import type {} from '../gather/auth-probe-forged';
import type {} from '../gather/malformed-probe';

export default defineCheck({
  meta: {
    id: 'endpoint-sdk',
    suite: 'endpoint',
    title: 'Bot SDK behind the endpoint',
    failureTitle: 'Bot SDK behind the endpoint',
    description: 'Which bot SDK most likely answered the probes (the Bot Framework SDK botbuilder, the Microsoft 365 Agents SDK or the Teams SDK), from what each SDK\'s own code sends back: the bodies of its rejections, the shape of its answers to the probes\' expectReplies message and invoke, and package paths in a stack trace. The other checks name settings in that SDK\'s terms. Informational: it is evidence, not proof, and a gateway or custom code can answer in any of these ways.',
    severity: 'info',
    requiredEvidence: [],
    optionalEvidence: ['AuthProbeMissingToken', 'AuthProbeForgedToken', 'MalformedBodyProbe'],
    messages: {
      identified: 'Most likely the {{sdk}}{{version}}, from {{count}} signal(s): {{signals}}.',
      unknown: 'The SDK behind the endpoint could not be told from its answers{{signals}}; the fixes the other checks suggest name the settings of all three SDKs.',
      notProbed: 'Not checked: no answer was received to read.',
    },
    sources: [SOURCES.cloudAdapter, SOURCES.botbuilderInvoke501, SOURCES.agentsJwt, SOURCES.agentsExpectReplies, SOURCES.teamsHttpServer, SOURCES.sdkRetirement],
  },
  evaluate(evidence) {
    const probed = [evidence.AuthProbeMissingToken, evidence.AuthProbeForgedToken, evidence.MalformedBodyProbe].some((p) => p?.probed);
    if (!probed) return { status: 'skip', messageId: 'notProbed', evidence: json({}) };
    const identity = identifyFromEndpoint(evidence);
    const ev = json({ sdk: identity.sdk, ...(identity.version ? { version: identity.version } : {}), signals: identity.signals.map((s) => ({ sdk: s.sdk, signal: s.signal })) });
    if (identity.sdk === 'unknown') {
      const mixed = identity.signals.length ? ` (the signals disagree: ${identity.signals.map((s) => `${SDK_NAMES[s.sdk]}: ${s.signal}`).join('; ')})` : '';
      return { status: 'info', messageId: 'unknown', data: msg({ signals: mixed }), evidence: ev };
    }
    const own = identity.signals.filter((s) => s.sdk === identity.sdk);
    return {
      status: 'info',
      messageId: 'identified',
      data: msg({ sdk: SDK_NAMES[identity.sdk], version: identity.version ? ` ${identity.version}` : '', count: own.length, signals: own.map((s) => s.signal).join('; ') }),
      evidence: ev,
    };
  },
});
