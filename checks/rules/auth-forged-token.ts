import { defineCheck } from '../core/define-check';
import { authVerdict } from '../computed/auth-verdict';
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
      signInRedirect: 'The request was redirected (HTTP {{status}}) to a sign-in page on {{locationHost}}: App Service Authentication (Easy Auth) sits in front of the bot. Teams\' requests carry a Bot Framework token, not a user sign-in, so they are likely to be redirected too and never reach the bot.',
      appServiceAuth401: 'HTTP 401 came with an Entra ID sign-in challenge: App Service Authentication (Easy Auth) answered, not the bot. It is likely to reject Teams\' Bot Framework tokens too, and whether the bot checks tokens itself cannot be seen.',
      redirect: 'The endpoint answered with a redirect (HTTP {{status}}) to {{location}} instead of handling the activity; it was not followed.',
      gatewayBlock: 'HTTP {{status}} came from {{gateway}}, not from the bot: it blocked the request before the bot could judge the token. Whether the bot itself checks tokens cannot be seen from here.',
      notFound: 'HTTP 404: nothing answers at {{path}}, so Teams would get the same answer.',
      methodNotAllowed: 'HTTP 405: the endpoint does not accept POST, but the Bot Connector delivers every activity with a POST.',
      badRequest: 'HTTP 400: a well-formed Teams message activity was refused as a bad request before its token could be judged.',
      serverError: 'HTTP {{status}}: the endpoint failed on the request instead of rejecting it cleanly{{leak}}.',
      gatewayError: 'HTTP {{status}} from {{gateway}}: the gateway could not get an answer from the bot.',
      other: 'Unexpected HTTP {{status}}: the request was neither accepted nor rejected as unauthenticated.',
      noAnswer: 'No answer to judge: {{phase}} failed ({{message}}). See endpoint-reachable.',
      notProbed: 'Not checked: {{reason}}.',
    },
    remediation: {
      accepted: 'Validate tokens with the Bot Framework SDK (CloudAdapter with ConfigurationBotFrameworkAuthentication and the bot\'s MicrosoftAppId) instead of custom code; custom validation must check the signature against the keys published in the Bot Framework OpenID metadata, plus issuer, audience, expiry and the serviceurl claim.',
      signInRedirect: 'Turn off App Service Authentication for the bot app, or exclude the messaging path from it (Easy Auth "Allow unauthenticated requests", or an excluded path in the auth configuration); the Bot Framework SDK authenticates the Bot Connector\'s requests itself.',
      appServiceAuth401: 'Let the messaging path through App Service Authentication (allow unauthenticated requests or exclude the path); the Bot Framework SDK validates the Bot Connector\'s tokens itself.',
      redirect: 'Register the final URL (after the redirect) as the messaging endpoint, and make the server answer POSTs on it directly (no HTTP to HTTPS or trailing-slash redirects).',
      gatewayBlock: 'Make sure the gateway or WAF lets the Bot Connector\'s POSTs to the messaging path through (WAF rules often block JSON bodies or unknown clients), then run the check again to see the bot\'s own answer.',
      notFound: 'Check the path of the messaging endpoint: it must be the route the bot listens on (the SDK samples use /api/messages) and it must match the endpoint registered on the Azure Bot.',
      methodNotAllowed: 'Point the messaging endpoint at the route that handles POST (for example /api/messages), or allow POST on it.',
      badRequest: 'Let the SDK adapter handle the raw request (CloudAdapter.process), so that authentication runs before any validation of your own, and check that body parsing accepts application/json.',
      serverError: 'Check the bot\'s logs for this request. Authentication failures should become 401, not a crash; with the SDK, pass requests to CloudAdapter.process and do not throw from middleware that runs before it.',
      gatewayError: 'The gateway is up but the bot behind it is not answering: check the backend health, its port and its logs.',
      other: 'Check what in front of the bot produces this status; the bot should answer 401 for a request without a token.',
      noAnswer: 'Fix reachability first (see endpoint-reachable), then run the check again.',
    },
    sources: [SOURCES.connectorAuth, SOURCES.cloudAdapter, SOURCES.authDisabled, SOURCES.appServiceAuth],
  },
  evaluate: ({ AuthProbeForgedToken }) => authVerdict(AuthProbeForgedToken),
});
