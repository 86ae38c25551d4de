import { runCheckTable } from '../testing/check-tester';
import { goodUrl } from '../testing/endpoint-evidence';
import check from './endpoint-https';

runCheckTable(check, {
  base: { EndpointUrl: goodUrl },
  valid: [
    { name: 'https URL', messageId: 'https' },
    { name: 'https on a custom port', evidence: { EndpointUrl: { port: 8443, defaultPort: false, url: 'https://bot.contoso.com:8443/api/messages' } }, messageId: 'https' },
  ],
  invalid: [
    { name: 'plain http', status: 'fail', messageId: 'http', evidence: { EndpointUrl: { https: false, scheme: 'http', url: 'http://bot.contoso.com/api/messages' } } },
    { name: 'malformed URL', status: 'fail', messageId: 'invalid', evidence: { EndpointUrl: { valid: false, problem: 'malformed', message: 'The endpoint URL "x" is not a valid absolute URL.' } } },
  ],
});
