import { defineCheck } from '../core/define-check';
import {
  AUTH_ANSWER_MESSAGES, AUTH_ANSWER_REMEDIATION, forgedTokenVerdict, TOKEN_PATH_MESSAGES, TOKEN_PATH_REMEDIATION,
} from '../computed/auth-verdict';
import { SOURCES } from '../data/sources';
import { identifyFromEndpoint } from '../computed/endpoint-sdk';
import type {} from '../gather/auth-probe-forged'; // its EvidenceMap entry (types only: rules do no I/O)
import type {} from '../gather/auth-probe-missing';
import type {} from '../gather/malformed-probe';

export default defineCheck({
  meta: {
    id: 'auth-forged-token',
    suite: 'endpoint',
    title: 'Endpoint rejects activities with a forged token',
    failureTitle: 'Endpoint accepts forged tokens or cannot check tokens',
    description: 'A bot must verify the token\'s signature against the Bot Framework\'s published keys, not just decode it. The probe sends the same two activities with a well-formed JWT (issuer, audience and serviceurl right) signed by a key generated for this run. A bot that accepts it trusts anyone who can write a JWT; a bot that rejects it because it cannot fetch its keys or has no credentials rejects Teams too.',
    severity: 'error',
    requiredEvidence: ['AuthProbeForgedToken', 'AuthProbeMissingToken'],
    optionalEvidence: ['MalformedBodyProbe'],
    messages: {
      rejected: 'Teams activities with a forged token were rejected with HTTP {{status}} before the bot\'s code ran (SDK: {{sdk}}).',
      accepted: 'A Teams activity with a forged token (signed by a key no one trusts; aud {{aud}}) reached the bot\'s own code: {{seen}}. The bot does not verify token signatures, or skips authentication altogether (SDK: {{sdk}}).',
      anonymous: 'The forged token was rejected (HTTP {{status}}), but the bot accepts activities without any token (see auth-missing-token): nobody needs to forge one.',
      ...TOKEN_PATH_MESSAGES,
      ...AUTH_ANSWER_MESSAGES,
    },
    remediation: {
      accepted: 'Validate every inbound token with the SDK\'s own authentication, not a decode of your own. {{sdkFix}}',
      anonymous: 'Turn on the SDK\'s authentication (see auth-missing-token). {{sdkFix}}',
      ...TOKEN_PATH_REMEDIATION,
      ...AUTH_ANSWER_REMEDIATION,
    },
    sources: [SOURCES.connectorAuth, SOURCES.cloudAdapter, SOURCES.botbuilderSettings, SOURCES.agentsJwt, SOURCES.agentsSettings, SOURCES.agentsExpectReplies, SOURCES.teamsHttpServer, SOURCES.teamsApp, SOURCES.teamsAuthDocs, SOURCES.appServiceAuth],
  },
  evaluate: (evidence) => forgedTokenVerdict(evidence.AuthProbeForgedToken, identifyFromEndpoint(evidence), evidence.AuthProbeMissingToken),
});
