import { defineCheck } from '../core/define-check';
import { AUTH_ANSWER_MESSAGES, AUTH_ANSWER_REMEDIATION, authVerdict } from '../computed/auth-verdict';
import { SOURCES } from '../computed/endpoint-sources';
import type {} from '../gather/auth-probe-forged'; // its EvidenceMap entry (types only: rules do no I/O)

export default defineCheck({
  meta: {
    id: 'auth-forged-token',
    suite: 'endpoint',
    title: 'Endpoint rejects activities with a forged token',
    failureTitle: 'Endpoint accepts activities with a forged token',
    description: 'A bot must verify the token\'s signature against the Bot Framework signing keys, not just its presence or claims. This probe sends a token with the right issuer, audience and serviceurl claims, signed by a key generated for this run that no bot can trust; it must get 401 or 403.',
    severity: 'error',
    requiredEvidence: ['AuthProbeForgedToken'],
    messages: {
      rejected: 'A Teams message activity with a forged token was rejected with HTTP {{status}}.',
      accepted: 'A Teams message activity with a forged token (issuer https://api.botframework.com, audience {{aud}}, signed by a key generated for this run) was accepted with HTTP {{status}}: the bot does not verify token signatures against the Bot Framework keys, so anyone can impersonate Teams. It may have tried to reply to the probe\'s serviceUrl.',
      ...AUTH_ANSWER_MESSAGES,
    },
    remediation: {
      accepted: 'Validate tokens with the Bot Framework SDK (CloudAdapter with ConfigurationBotFrameworkAuthentication and the bot\'s MicrosoftAppId) instead of custom code; custom validation must check the signature against the keys published in the Bot Framework OpenID metadata, plus issuer, audience, expiry and the serviceurl claim.',
      ...AUTH_ANSWER_REMEDIATION,
    },
    sources: [SOURCES.connectorAuth, SOURCES.cloudAdapter, SOURCES.authDisabled, SOURCES.appServiceAuth],
  },
  evaluate: ({ AuthProbeForgedToken }) => authVerdict(AuthProbeForgedToken),
});
