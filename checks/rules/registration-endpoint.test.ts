import { runCheckTable } from '../testing/check-tester';
import { baseRegistration, ENDPOINT } from '../testing/azure-mocks/fixtures';
import check from './registration-endpoint';

runCheckTable(check, {
  base: { AzureRegistration: baseRegistration, UnderTest: {} },
  valid: [
    { name: 'https endpoint without an endpoint under test', messageId: 'httpsOnly' },
    { name: 'equals the endpoint under test', evidence: { UnderTest: { url: ENDPOINT } }, messageId: 'matches' },
    { name: 'equal up to host case and trailing slash', evidence: { UnderTest: { url: 'https://BOT.contoso.example:443/api/messages/' } }, messageId: 'matches' },
  ],
  invalid: [
    { name: 'no endpoint', evidence: { AzureRegistration: { endpoint: null } }, status: 'fail', messageId: 'missing' },
    { name: 'not a URL', evidence: { AzureRegistration: { endpoint: 'bot.contoso.example/api/messages' } }, status: 'fail', messageId: 'invalid' },
    { name: 'http endpoint', evidence: { AzureRegistration: { endpoint: 'http://mybot.coffee' } }, status: 'fail', messageId: 'notHttps' },
    { name: 'loopback endpoint', evidence: { AzureRegistration: { endpoint: 'https://localhost:3978/api/messages' } }, status: 'fail', messageId: 'local' },
    { name: 'private address endpoint', evidence: { AzureRegistration: { endpoint: 'https://10.1.2.3/api/messages' } }, status: 'fail', messageId: 'local' },
    { name: 'different from the endpoint under test', evidence: { UnderTest: { url: 'https://staging.contoso.example/api/messages' } }, status: 'fail', messageId: 'mismatch', data: { endpoint: ENDPOINT } },
    { name: 'different path from the endpoint under test', evidence: { UnderTest: { url: 'https://bot.contoso.example/api/message' } }, status: 'fail', messageId: 'mismatch' },
  ],
});
