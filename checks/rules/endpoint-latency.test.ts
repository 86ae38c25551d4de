import { runCheckTable } from '../testing/check-tester';
import { goodAuthProbe } from '../testing/endpoint-evidence';
import check from './endpoint-latency';

const timed = (firstByteMs: number) => ({ AuthProbeMissingToken: { timings: { dnsMs: 5, connectMs: 20, tlsMs: 30, firstByteMs, bodyMs: 1, totalMs: 56 + firstByteMs } } });

runCheckTable(check, {
  base: { AuthProbeMissingToken: goodAuthProbe('missing-token') },
  valid: [
    { name: 'fast rejection', messageId: 'fast', data: { ms: 100 } },
    { name: 'just under the warning line', evidence: timed(4950), messageId: 'fast', data: { ms: 5000 } },
    { name: 'no answer within a short timeout', status: 'skip', messageId: 'noAnswer', evidence: { AuthProbeMissingToken: { ok: false, failure: { phase: 'firstByte', code: 'CHK_ERR_PROBE_TIMEOUT', timeoutMs: 5000, message: 'x' } } } },
    { name: 'not probed', status: 'skip', messageId: 'notProbed', evidence: { AuthProbeMissingToken: { probed: false, reason: 'invalid-url' } } },
  ],
  invalid: [
    { name: 'slow rejection', status: 'warn', messageId: 'slow', evidence: timed(6000), data: { ms: 6050 } },
    { name: 'beyond the channel timeout', status: 'fail', messageId: 'tooSlow', evidence: timed(15000) },
    { name: 'timed out at 15 s', status: 'fail', messageId: 'tooSlow', evidence: { AuthProbeMissingToken: { ok: false, failure: { phase: 'firstByte', code: 'CHK_ERR_PROBE_TIMEOUT', timeoutMs: 15000, message: 'x' } } } },
  ],
});
