import { runCheckTable } from '../testing/check-tester';
import { goodAuthProbe } from '../testing/endpoint-evidence';
import check from './endpoint-latency';

const timed = (firstByteMs: number) => ({ timings: { dnsMs: 5, connectMs: 20, tlsMs: 30, firstByteMs, bodyMs: 1, totalMs: 56 + firstByteMs } });
const timeout = (timeoutMs: number) => ({ ok: false, failure: { phase: 'firstByte', code: 'CHK_ERR_PROBE_TIMEOUT', timeoutMs, message: 'x' } });

runCheckTable(check, {
  base: { AuthProbeMissingToken: goodAuthProbe('missing-token'), AuthProbeForgedToken: goodAuthProbe('forged-token') },
  valid: [
    { name: 'fast rejections', messageId: 'fast', data: { ms: 100 } },
    { name: 'just under the warning line', evidence: { AuthProbeMissingToken: timed(4950) }, messageId: 'fast', data: { ms: 5000 } },
    { name: 'token-bearing probe not answered, the other fast', evidence: { AuthProbeForgedToken: { ok: false, failure: { phase: 'connect', code: 'CHK_ERR_PROBE_NETWORK', message: 'x' } } }, messageId: 'fast', data: { tokenText: '; the request with a token could not be timed' } },
    { name: 'no answer within a short timeout', status: 'skip', messageId: 'noAnswer', evidence: { AuthProbeMissingToken: timeout(5000), AuthProbeForgedToken: timeout(5000) } },
    { name: 'not probed', status: 'skip', messageId: 'notProbed', evidence: { AuthProbeMissingToken: { probed: false, reason: 'invalid-url' } } },
  ],
  invalid: [
    { name: 'slow rejection', status: 'warn', messageId: 'slow', evidence: { AuthProbeMissingToken: timed(6000) }, data: { ms: 6050 } },
    { name: 'slow signature check only', status: 'warn', messageId: 'slow', evidence: { AuthProbeForgedToken: timed(8000) }, data: { ms: 8050 } },
    { name: 'beyond the channel window', status: 'fail', messageId: 'tooSlow', evidence: { AuthProbeMissingToken: timed(15000) } },
    { name: 'timed out at 15 s', status: 'fail', messageId: 'tooSlow', evidence: { AuthProbeMissingToken: timeout(15000) } },
    { name: 'token-bearing request hangs past the window, no-token rejection instant', status: 'fail', messageId: 'tooSlow', evidence: { AuthProbeForgedToken: timeout(15000) }, data: { ms: 15000 } },
  ],
});
