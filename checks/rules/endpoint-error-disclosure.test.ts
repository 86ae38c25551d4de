import { runCheckTable } from '../testing/check-tester';
import { goodAuthProbe } from '../testing/endpoint-evidence';
import { LEAKED_STACK } from '../testing/servers';
import check from './endpoint-error-disclosure';

runCheckTable(check, {
  base: { AuthProbeMissingToken: goodAuthProbe('missing-token'), AuthProbeForgedToken: goodAuthProbe('forged-token') },
  valid: [
    { name: 'short rejections', messageId: 'clean', data: { count: 2 } },
    { name: 'version header alone is only noted', evidence: { AuthProbeMissingToken: { headers: { 'x-powered-by': 'Express' } } }, messageId: 'clean' },
    { name: 'one probe failed, the other is clean', evidence: { AuthProbeForgedToken: { ok: false, failure: { phase: 'connect', code: 'CHK_ERR_PROBE_NETWORK', message: 'x' } } }, messageId: 'clean', data: { count: 1 } },
    { name: 'no answers at all', status: 'skip', messageId: 'notProbed', evidence: { AuthProbeMissingToken: { probed: false, reason: 'dns-failed' }, AuthProbeForgedToken: { probed: false, reason: 'dns-failed' } } },
  ],
  invalid: [
    { name: 'Node stack trace', status: 'warn', messageId: 'leaks', evidence: { AuthProbeMissingToken: { status: 500, body: LEAKED_STACK } } },
    { name: '.NET stack trace', status: 'warn', messageId: 'leaks', evidence: { AuthProbeForgedToken: { status: 500, body: 'System.InvalidOperationException: boom\n   at Contoso.Bot.Controllers.BotController.PostAsync() in C:\\src\\Bot\\BotController.cs:line 42' } } },
    { name: 'Python traceback', status: 'warn', messageId: 'leaks', evidence: { AuthProbeMissingToken: { status: 500, body: 'Traceback (most recent call last):\n  File "app.py", line 10, in messages' } } },
    { name: 'JVM stack trace', status: 'warn', messageId: 'leaks', evidence: { AuthProbeMissingToken: { status: 500, body: 'java.lang.NullPointerException\n\tat com.contoso.Bot.handle(Bot.java:42)' } } },
    { name: 'App Service path', status: 'warn', messageId: 'leaks', evidence: { AuthProbeMissingToken: { status: 401, body: 'Error loading /home/site/wwwroot/config.json' } } },
    { name: 'ASP.NET error page', status: 'warn', messageId: 'leaks', evidence: { AuthProbeMissingToken: { status: 500, body: "<h1>Server Error in '/' Application.</h1>" } } },
  ],
});
