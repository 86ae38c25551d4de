import { defineCheck } from '../core/define-check';
import { AUTH_ANSWER_MESSAGES, AUTH_ANSWER_REMEDIATION, authVerdict } from '../computed/auth-verdict';
import { SOURCES } from '../computed/endpoint-sources';
import type {} from '../gather/auth-probe-missing'; // its EvidenceMap entry (types only: rules do no I/O)

export default defineCheck({
  meta: {
    id: 'auth-missing-token',
    suite: 'endpoint',
    title: 'Endpoint rejects activities without a token',
    failureTitle: 'Endpoint accepts activities without a token',
    description: 'Every request from the Bot Connector carries a signed JWT; a bot must reject a request without one with 401 (the SDK) or 403 (the REST docs). A bot that accepts it runs without authentication: anyone who knows the URL can send it activities.',
    severity: 'error',
    requiredEvidence: ['AuthProbeMissingToken'],
    messages: {
      rejected: 'A Teams message activity without a token was rejected with HTTP {{status}}.',
      accepted: 'A Teams message activity without any token was accepted with HTTP {{status}}: the bot runs without authentication. Anyone can post activities to it, and it may have tried to reply to the probe\'s serviceUrl. The Bot Framework SDK turns authentication off when no app ID is configured.',
      ...AUTH_ANSWER_MESSAGES,
    },
    remediation: {
      accepted: 'Configure the bot\'s identity so the SDK validates tokens: set MicrosoftAppId (and MicrosoftAppPassword, or the certificate / managed identity settings, plus MicrosoftAppType and MicrosoftAppTenantId) from the Azure Bot resource. With CloudAdapter and ConfigurationBotFrameworkAuthentication, requests without a valid token then get 401.',
      ...AUTH_ANSWER_REMEDIATION,
    },
    sources: [SOURCES.connectorAuth, SOURCES.cloudAdapter, SOURCES.authDisabled, SOURCES.appServiceAuth],
  },
  evaluate: ({ AuthProbeMissingToken }) => authVerdict(AuthProbeMissingToken),
});
