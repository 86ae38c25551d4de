import { SDK_NAMES } from '../computed/sdk-identity';
import { runCheckTable } from '../testing/check-tester';
import { goodAuthProbe, goodMalformedProbe } from '../testing/endpoint-evidence';
import { capturedEvidence } from '../testing/sdk-answers';
import check from './auth-forged-token';

const answer = (status: number, headers: Record<string, string> = {}, body = '') => ({ AuthProbeForgedToken: { status, headers, body } });
const real = (sdk: 'botbuilder' | 'agents' | 'teams', mode: 'authenticated' | 'anonymous' | 'unconfigured', egress: 'answer' | 'unreachable' = 'answer', nodeEnv: 'development' | 'production' = 'development') =>
  capturedEvidence({ sdk, mode, egress, nodeEnv });
const hung = { ok: false, failure: { phase: 'firstByte', code: 'CHK_ERR_PROBE_TIMEOUT', timeoutMs: 15000, message: 'Waiting for the response did not finish within 15000 ms.' } };

runCheckTable(check, {
  base: { AuthProbeForgedToken: goodAuthProbe('forged-token'), AuthProbeMissingToken: goodAuthProbe('missing-token'), MalformedBodyProbe: goodMalformedProbe },
  valid: [
    { name: '401 signature rejected', messageId: 'rejected' },
    { name: '403 rejected', evidence: answer(403, { 'content-type': 'text/plain' }, 'Forbidden'), messageId: 'rejected' },
    { name: 'real botbuilder bot with credentials', evidence: real('botbuilder', 'authenticated'), messageId: 'rejected', data: { sdk: SDK_NAMES.botbuilder } },
    { name: 'real Agents SDK bot with credentials (signing key not found)', evidence: real('agents', 'authenticated'), messageId: 'rejected', data: { sdk: SDK_NAMES.agents } },
    { name: 'real Agents SDK bot with credentials, in production', evidence: real('agents', 'authenticated', 'answer', 'production'), messageId: 'rejected' },
    { name: 'real Teams SDK bot with credentials', evidence: real('teams', 'authenticated'), messageId: 'rejected', data: { sdk: SDK_NAMES.teams } },
    { name: 'not probed', status: 'skip', messageId: 'notProbed', evidence: { AuthProbeForgedToken: { probed: false, reason: 'address-refused' } } },
  ],
  invalid: [
    { name: '200: signature not verified', status: 'fail', messageId: 'accepted', evidence: answer(200), data: { aud: '11111111-2222-3333-4444-555555555555' } },
    { name: 'real anonymous botbuilder bot', status: 'fail', messageId: 'accepted', evidence: real('botbuilder', 'anonymous') },
    { name: 'real anonymous Teams SDK bot', status: 'fail', messageId: 'accepted', evidence: real('teams', 'anonymous') },
    { name: 'real anonymous Agents SDK bot: rejects the forged token, accepts none', status: 'fail', messageId: 'anonymous', evidence: real('agents', 'anonymous') },
    { name: 'real botbuilder bot that cannot fetch its keys (500)', status: 'fail', messageId: 'keysUnavailable', evidence: real('botbuilder', 'authenticated', 'unreachable') },
    { name: 'real Agents SDK bot that cannot fetch its keys (401)', status: 'fail', messageId: 'keysUnavailable', evidence: real('agents', 'authenticated', 'unreachable') },
    { name: 'real Teams SDK bot without credentials', status: 'fail', messageId: 'notConfigured', evidence: real('teams', 'unconfigured'), data: { sdk: SDK_NAMES.teams } },
    { name: 'the token path hangs past the window while no-token requests are rejected', status: 'fail', messageId: 'tokenPathHangs', evidence: { AuthProbeForgedToken: { ...hung, invoke: hung } }, data: { waitMs: 15000 } },
    { name: 'Easy Auth redirect', status: 'fail', messageId: 'signInRedirect', evidence: answer(302, { location: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize' }) },
    { name: 'crash on the token', status: 'warn', messageId: 'serverError', evidence: answer(500) },
    { name: 'wrong path', status: 'fail', messageId: 'notFound', evidence: answer(404) },
    { name: '401 with an Entra challenge (Easy Auth)', status: 'fail', messageId: 'appServiceAuth401', evidence: answer(401, { 'www-authenticate': 'Bearer realm="bot.contoso.com" authorization_uri="https://login.microsoftonline.com/tid/oauth2/authorize" resource_id="x"' }) },
    { name: '301 elsewhere', status: 'warn', messageId: 'redirect', evidence: answer(301, { location: 'https://www.contoso.com/' }), data: { status: 301, location: 'https://www.contoso.com/' } },
    { name: '403 WAF page', status: 'warn', messageId: 'gatewayBlock', evidence: answer(403, { 'content-type': 'text/html', server: 'Microsoft-Azure-Application-Gateway/v2' }, '<html><body>403 Forbidden</body></html>'), data: { gateway: 'Azure Application Gateway' } },
    { name: '405 no POST', status: 'fail', messageId: 'methodNotAllowed', evidence: answer(405) },
    { name: '400 before the token is judged', status: 'warn', messageId: 'badRequest', evidence: answer(400) },
    { name: '502 from a gateway', status: 'warn', messageId: 'gatewayError', evidence: answer(502, { 'x-azure-ref': '0abc' }), data: { status: 502, gateway: 'Azure Front Door' } },
    { name: '418 unexpected', status: 'warn', messageId: 'other', evidence: answer(418), data: { status: 418 } },
    {
      name: 'connection refused to both probes', status: 'warn', messageId: 'noAnswer',
      evidence: {
        AuthProbeForgedToken: { ok: false, failure: { phase: 'connect', code: 'CHK_ERR_PROBE_NETWORK', osCode: 'ECONNREFUSED', message: 'The connection was refused.' }, invoke: { ok: false, failure: { phase: 'connect', code: 'CHK_ERR_PROBE_NETWORK', osCode: 'ECONNREFUSED', message: 'x' } } },
        AuthProbeMissingToken: { ok: false, failure: { phase: 'connect', code: 'CHK_ERR_PROBE_NETWORK', osCode: 'ECONNREFUSED', message: 'The connection was refused.' }, invoke: { ok: false, failure: { phase: 'connect', code: 'CHK_ERR_PROBE_NETWORK', osCode: 'ECONNREFUSED', message: 'x' } } },
      },
      data: { phase: 'the TCP connection', message: 'The connection was refused.' },
    },
  ],
});
