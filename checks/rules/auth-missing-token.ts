import { defineCheck } from '../core/define-check';
import { authVerdict } from '../computed/auth-verdict';
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
      accepted: 'Configure the bot\'s identity so the SDK validates tokens: set MicrosoftAppId (and MicrosoftAppPassword, or the certificate / managed identity settings, plus MicrosoftAppType and MicrosoftAppTenantId) from the Azure Bot resource. With CloudAdapter and ConfigurationBotFrameworkAuthentication, requests without a valid token then get 401.',
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
  evaluate: ({ AuthProbeMissingToken }) => authVerdict(AuthProbeMissingToken),
});
