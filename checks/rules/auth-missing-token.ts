import { defineCheck } from '../core/define-check';
import { AUTH_ANSWER_MESSAGES, AUTH_ANSWER_REMEDIATION, missingTokenVerdict } from '../computed/auth-verdict';
import { SOURCES } from '../data/sources';
import { identifyFromEndpoint } from '../computed/endpoint-sdk';
import type {} from '../gather/auth-probe-missing'; // its EvidenceMap entry (types only: rules do no I/O)
import type {} from '../gather/auth-probe-forged';
import type {} from '../gather/malformed-probe';

export default defineCheck({
  meta: {
    id: 'auth-missing-token',
    suite: 'endpoint',
    title: 'Endpoint rejects activities without a token',
    failureTitle: 'Endpoint accepts activities without a token',
    description: 'Every request from the Bot Connector carries a signed JWT; a bot must reject a request without one with 401 (what the SDKs answer) or 403 (the REST docs). The probe sends a Teams message that asks for its replies in the response and an invoke no bot handles, so a bot whose code runs shows it in the answer, whatever its reply then does. A bot that accepts them runs without authentication: anyone who knows the URL can send it activities.',
    severity: 'error',
    requiredEvidence: ['AuthProbeMissingToken'],
    optionalEvidence: ['AuthProbeForgedToken', 'MalformedBodyProbe'],
    messages: {
      rejected: 'Teams activities without a token were rejected with HTTP {{status}} before the bot\'s code ran (SDK: {{sdk}}).',
      accepted: 'A Teams activity without any token reached the bot\'s own code: {{seen}}. The bot runs without authentication (SDK: {{sdk}}): anyone can post activities to it.',
      ...AUTH_ANSWER_MESSAGES,
    },
    remediation: {
      accepted: 'Turn on the SDK\'s authentication. {{sdkFix}}',
      ...AUTH_ANSWER_REMEDIATION,
    },
    sources: [SOURCES.connectorAuth, SOURCES.cloudAdapter, SOURCES.authDisabled, SOURCES.botbuilderSettings, SOURCES.agentsJwt, SOURCES.agentsSettings, SOURCES.agentsExpectReplies, SOURCES.teamsHttpServer, SOURCES.teamsApp, SOURCES.teamsAuthDocs, SOURCES.appServiceAuth],
  },
  evaluate: (evidence) => missingTokenVerdict(evidence.AuthProbeMissingToken, identifyFromEndpoint(evidence)),
});
