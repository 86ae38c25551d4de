import { SDK_NAMES } from '../computed/sdk-identity';
import { runCheckTable } from '../testing/check-tester';
import { goodAuthProbe, goodMalformedProbe } from '../testing/endpoint-evidence';
import { capturedAnswer, capturedEvidence } from '../testing/sdk-answers';
import { LEAKED_STACK } from '../testing/servers';
import check from './auth-missing-token';

const answer = (status: number, headers: Record<string, string> = {}, body = '') => ({ AuthProbeMissingToken: { status, headers, body } });
const real = (sdk: 'botbuilder' | 'agents' | 'teams', mode: 'authenticated' | 'anonymous' | 'unconfigured', egress: 'answer' | 'unreachable' = 'answer', nodeEnv: 'development' | 'production' = 'development') =>
  capturedEvidence({ sdk, mode, egress, nodeEnv });

runCheckTable(check, {
  base: { AuthProbeMissingToken: goodAuthProbe('missing-token'), AuthProbeForgedToken: goodAuthProbe('forged-token'), MalformedBodyProbe: goodMalformedProbe },
  valid: [
    { name: '401 from the SDK', messageId: 'rejected', data: { status: 401 } },
    { name: '403 plain text (REST docs)', evidence: answer(403, { 'content-type': 'application/json' }, '{"error":"forbidden"}'), messageId: 'rejected' },
    { name: 'real botbuilder bot with credentials', evidence: real('botbuilder', 'authenticated'), messageId: 'rejected', data: { sdk: SDK_NAMES.botbuilder } },
    { name: 'real Agents SDK bot with credentials', evidence: real('agents', 'authenticated'), messageId: 'rejected', data: { sdk: SDK_NAMES.agents } },
    { name: 'real Teams SDK bot with credentials', evidence: real('teams', 'authenticated'), messageId: 'rejected', data: { sdk: SDK_NAMES.teams } },
    { name: 'real Agents SDK bot with credentials, in production, keys unreachable', evidence: real('agents', 'authenticated', 'unreachable'), messageId: 'rejected' },
    { name: 'real Teams SDK bot without credentials rejects every request', evidence: real('teams', 'unconfigured'), messageId: 'rejected' },
    { name: 'not probed', status: 'skip', messageId: 'notProbed', evidence: { AuthProbeMissingToken: { probed: false, reason: 'dns-failed' } } },
  ],
  invalid: [
    { name: '200: runs without authentication', status: 'fail', messageId: 'accepted', evidence: answer(200) },
    { name: '202 accepted', status: 'fail', messageId: 'accepted', evidence: answer(202) },
    { name: 'message rejected but the invoke ran (501)', status: 'fail', messageId: 'accepted', evidence: { AuthProbeMissingToken: { invoke: { status: 501, headers: {}, body: '' } } } },
    { name: 'real anonymous botbuilder bot', status: 'fail', messageId: 'accepted', evidence: real('botbuilder', 'anonymous'), data: { sdk: SDK_NAMES.botbuilder } },
    { name: 'real anonymous botbuilder bot, in production', status: 'fail', messageId: 'accepted', evidence: real('botbuilder', 'anonymous', 'answer', 'production') },
    { name: 'real anonymous Agents SDK bot', status: 'fail', messageId: 'accepted', evidence: real('agents', 'anonymous'), data: { sdk: SDK_NAMES.agents } },
    { name: 'real anonymous Teams SDK bot (500 to the message, 200 to the invoke)', status: 'fail', messageId: 'accepted', evidence: real('teams', 'anonymous'), data: { sdk: SDK_NAMES.teams } },
    { name: 'real anonymous Teams SDK bot, reply host unreachable', status: 'fail', messageId: 'accepted', evidence: real('teams', 'anonymous', 'unreachable') },
    {
      name: 'real anonymous Agents SDK bot whose failed reply came back as 401 (message without expectReplies)', status: 'fail', messageId: 'accepted',
      evidence: { ...real('agents', 'anonymous'), AuthProbeMissingToken: { ...real('agents', 'anonymous').AuthProbeMissingToken, ...capturedAnswer({ sdk: 'agents', mode: 'anonymous' }, 'missing-token plain message'), invoke: { ok: false, failure: { phase: 'firstByte', code: 'CHK_ERR_PROBE_TIMEOUT', timeoutMs: 10000, message: 'x' } } } },
    },
    {
      name: 'real anonymous botbuilder bot whose reply the connector refused (500)', status: 'fail', messageId: 'accepted',
      evidence: { AuthProbeMissingToken: { ...capturedAnswer({ sdk: 'botbuilder', mode: 'anonymous' }, 'missing-token plain message'), invoke: { ok: false, failure: { phase: 'firstByte', code: 'CHK_ERR_PROBE_TIMEOUT', timeoutMs: 10000, message: 'x' } } } },
    },
    { name: '302 to Entra sign-in (Easy Auth)', status: 'fail', messageId: 'signInRedirect', evidence: { AuthProbeMissingToken: { status: 302, headers: {}, body: '', redirect: { to: 'https://login.microsoftonline.com/tid/oauth2/v2.0/authorize?client_id=x', followed: false, reason: 'not-followed' } } }, data: { locationHost: 'login.microsoftonline.com' } },
    { name: '302 to /.auth/login', status: 'fail', messageId: 'signInRedirect', evidence: answer(302, { location: 'https://bot.contoso.com/.auth/login/aad?post_login_redirect_uri=/api/messages' }) },
    { name: '401 with an Entra challenge (Easy Auth)', status: 'fail', messageId: 'appServiceAuth401', evidence: answer(401, { 'www-authenticate': 'Bearer realm="bot.contoso.com" authorization_uri="https://login.microsoftonline.com/tid/oauth2/authorize" resource_id="x"' }) },
    { name: '301 elsewhere', status: 'warn', messageId: 'redirect', evidence: answer(301, { location: 'https://www.contoso.com/' }) },
    { name: '403 WAF page', status: 'warn', messageId: 'gatewayBlock', evidence: answer(403, { 'content-type': 'text/html', server: 'Microsoft-Azure-Application-Gateway/v2' }, '<html><body>403 Forbidden</body></html>'), data: { gateway: 'Azure Application Gateway' } },
    { name: '403 from Cloudflare', status: 'warn', messageId: 'gatewayBlock', evidence: answer(403, { 'cf-ray': '8a-AMS' }, 'error code: 1020'), data: { gateway: 'Cloudflare' } },
    { name: '404 wrong path', status: 'fail', messageId: 'notFound', evidence: answer(404), data: { path: '/api/messages' } },
    { name: '405 no POST', status: 'fail', messageId: 'methodNotAllowed', evidence: answer(405) },
    { name: '400 before auth', status: 'warn', messageId: 'badRequest', evidence: answer(400) },
    { name: '500 with stack trace', status: 'warn', messageId: 'serverError', evidence: answer(500, {}, LEAKED_STACK), data: { status: 500 } },
    { name: '500 without details', status: 'warn', messageId: 'serverError', evidence: answer(500, {}, 'Internal Server Error'), data: { leak: '' } },
    { name: '502 from a gateway', status: 'warn', messageId: 'gatewayError', evidence: answer(502, { 'x-azure-ref': '0abc' }), data: { gateway: 'Azure Front Door' } },
    { name: '418 unexpected', status: 'warn', messageId: 'other', evidence: answer(418) },
    {
      name: 'timed out', status: 'warn', messageId: 'noAnswer',
      evidence: { AuthProbeMissingToken: { ok: false, failure: { phase: 'firstByte', code: 'CHK_ERR_PROBE_TIMEOUT', timeoutMs: 5000, message: 'Waiting for the response did not finish within 5000 ms.' }, invoke: { ok: false, failure: { phase: 'firstByte', code: 'CHK_ERR_PROBE_TIMEOUT', timeoutMs: 5000, message: 'x' } } } },
    },
  ],
});
