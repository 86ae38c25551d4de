import { runCheckTable } from '../testing/check-tester';
import { goodAuthProbe, goodMalformedProbe } from '../testing/endpoint-evidence';
import { capturedAnswer, capturedMalformed } from '../testing/sdk-answers';
import { LEAKED_STACK } from '../testing/servers';
import check from './endpoint-error-disclosure';

const dev = { egress: 'answer', nodeEnv: 'development' } as const;
const prod = { egress: 'answer', nodeEnv: 'production' } as const;

/** An ASP.NET Core developer exception page, cut down to its documented structure (no .NET SDK can run here). */
const ASPNET_DEV_PAGE = '<!DOCTYPE html><html><head><title>Internal Server Error</title></head><body><h1>An unhandled exception occurred while processing the request.</h1><div class="titleerror">InvalidOperationException: No service for type &#x27;Microsoft.Bot.Builder.IBot&#x27; has been registered.</div><ul><li>Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService(IServiceProvider provider, Type serviceType)</li></ul></body></html>';
/** A Python web framework's debug traceback page (Werkzeug/Starlette style), HTML-escaped. */
const PYTHON_DEBUG_PAGE = '<html><body><pre>Traceback (most recent call last):\n  File &quot;/app/app.py&quot;, line 42, in messages\n    response = await ADAPTER.process(req, BOT)\nKeyError: &#39;conversation&#39;</pre></body></html>';
/** A JSON error whose stack is a \n-separated string (custom Express handlers often send this). */
const JSON_STACK = JSON.stringify({ error: { message: 'boom', stack: 'TypeError: boom\n    at onMessage (/app/dist/bot.js:10:5)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)' } });

runCheckTable(check, {
  base: { AuthProbeMissingToken: goodAuthProbe('missing-token'), AuthProbeForgedToken: goodAuthProbe('forged-token'), MalformedBodyProbe: goodMalformedProbe },
  valid: [
    { name: 'short rejections', messageId: 'clean', data: { count: 5 } },
    { name: 'version header alone is only noted', evidence: { AuthProbeMissingToken: { headers: { 'x-powered-by': 'Express' } } }, messageId: 'clean' },
    { name: 'one probe failed, the others are clean', evidence: { AuthProbeForgedToken: { ok: false, failure: { phase: 'connect', code: 'CHK_ERR_PROBE_NETWORK', message: 'x' }, invoke: { ok: false, failure: { phase: 'connect', code: 'CHK_ERR_PROBE_NETWORK', message: 'x' } } } }, messageId: 'clean', data: { count: 3 } },
    { name: 'real botbuilder bot in production: plain "Bad Request" page', evidence: { MalformedBodyProbe: capturedMalformed({ sdk: 'botbuilder', mode: 'authenticated', ...prod }) }, messageId: 'clean' },
    { name: 'real Agents SDK bot in production', evidence: { MalformedBodyProbe: capturedMalformed({ sdk: 'agents', mode: 'authenticated', ...prod }) }, messageId: 'clean' },
    { name: 'real Teams SDK bot in production', evidence: { MalformedBodyProbe: capturedMalformed({ sdk: 'teams', mode: 'authenticated', ...prod }) }, messageId: 'clean' },
    {
      name: 'no answers at all', status: 'skip', messageId: 'notProbed',
      evidence: { AuthProbeMissingToken: { probed: false, reason: 'dns-failed' }, AuthProbeForgedToken: { probed: false, reason: 'dns-failed' }, MalformedBodyProbe: { probed: false, reason: 'dns-failed' } },
    },
  ],
  invalid: [
    { name: 'Node stack trace', status: 'warn', messageId: 'leaks', evidence: { AuthProbeMissingToken: { status: 500, body: LEAKED_STACK } } },
    { name: 'real botbuilder bot outside production: Express stack page for a cut-short body', status: 'warn', messageId: 'leaks', evidence: { MalformedBodyProbe: capturedMalformed({ sdk: 'botbuilder', mode: 'authenticated', ...dev }) } },
    { name: 'real Agents SDK bot outside production', status: 'warn', messageId: 'leaks', evidence: { MalformedBodyProbe: capturedMalformed({ sdk: 'agents', mode: 'authenticated', ...dev }) } },
    { name: 'real Teams SDK bot outside production', status: 'warn', messageId: 'leaks', evidence: { MalformedBodyProbe: capturedMalformed({ sdk: 'teams', mode: 'authenticated', ...dev }) } },
    { name: 'real anonymous Agents SDK bot: its failed reply as an HTML stack page', status: 'warn', messageId: 'leaks', evidence: { AuthProbeMissingToken: capturedAnswer({ sdk: 'agents', mode: 'anonymous', ...dev }, 'missing-token plain message') } },
    { name: 'JSON body with a stack string', status: 'warn', messageId: 'leaks', evidence: { AuthProbeForgedToken: { status: 500, headers: { 'content-type': 'application/json' }, body: JSON_STACK } } },
    { name: '.NET stack trace', status: 'warn', messageId: 'leaks', evidence: { AuthProbeForgedToken: { status: 500, body: 'System.InvalidOperationException: boom\n   at Contoso.Bot.Controllers.BotController.PostAsync() in C:\\src\\Bot\\BotController.cs:line 42' } } },
    { name: 'ASP.NET Core developer exception page', status: 'warn', messageId: 'leaks', evidence: { MalformedBodyProbe: { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' }, body: ASPNET_DEV_PAGE } } },
    { name: 'Python traceback', status: 'warn', messageId: 'leaks', evidence: { AuthProbeMissingToken: { status: 500, body: 'Traceback (most recent call last):\n  File "app.py", line 10, in messages' } } },
    { name: 'Python debug page (HTML)', status: 'warn', messageId: 'leaks', evidence: { MalformedBodyProbe: { status: 500, headers: { 'content-type': 'text/html' }, body: PYTHON_DEBUG_PAGE } } },
    { name: 'JVM stack trace', status: 'warn', messageId: 'leaks', evidence: { AuthProbeMissingToken: { status: 500, body: 'java.lang.NullPointerException\n\tat com.contoso.Bot.handle(Bot.java:42)' } } },
    { name: 'App Service path', status: 'warn', messageId: 'leaks', evidence: { AuthProbeMissingToken: { status: 401, body: 'Error loading /home/site/wwwroot/config.json' } } },
    { name: 'ASP.NET error page', status: 'warn', messageId: 'leaks', evidence: { AuthProbeMissingToken: { status: 500, body: "<h1>Server Error in '/' Application.</h1>" } } },
  ],
});
