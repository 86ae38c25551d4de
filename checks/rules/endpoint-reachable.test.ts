import { describe, expect, it } from 'vitest';
import { evaluateOne } from '../core/runner';
import { runCheckTable } from '../testing/check-tester';
import { goodAuthProbe } from '../testing/endpoint-evidence';
import check from './endpoint-reachable';

const failure = (phase: string, code: string, osCode?: string) => ({ ok: false, failure: { phase, code, ...(osCode ? { osCode } : {}), timeoutMs: 5000, message: 'x' } });
/** Both of the probe's requests failed the same way. */
const failed = (phase: string, code: string, osCode?: string) => ({ ...failure(phase, code, osCode), invoke: failure(phase, code, osCode) });

runCheckTable(check, {
  base: { AuthProbeMissingToken: goodAuthProbe('missing-token') },
  valid: [
    { name: 'answered 401', messageId: 'answered', data: { status: 401 } },
    { name: 'answered 500 is still reachable', evidence: { AuthProbeMissingToken: { status: 500 } }, messageId: 'answered' },
    { name: 'message hung, the invoke was answered (a bot whose reply hangs)', evidence: { AuthProbeMissingToken: { ...failure('firstByte', 'CHK_ERR_PROBE_TIMEOUT'), invoke: { status: 200 } } }, messageId: 'answered', data: { status: 200 } },
    { name: 'not probed (private address)', status: 'skip', messageId: 'notProbed', evidence: { AuthProbeMissingToken: { probed: false, reason: 'address-refused' } } },
  ],
  invalid: [
    { name: 'connection refused', status: 'fail', messageId: 'refused', evidence: { AuthProbeMissingToken: failed('connect', 'CHK_ERR_PROBE_NETWORK', 'ECONNREFUSED') } },
    { name: 'connect timeout', status: 'fail', messageId: 'connectTimeout', evidence: { AuthProbeMissingToken: failed('connect', 'CHK_ERR_PROBE_TIMEOUT') } },
    { name: 'TLS alert', status: 'fail', messageId: 'tlsFailed', evidence: { AuthProbeMissingToken: failed('tls', 'CHK_ERR_PROBE_NETWORK', 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION') } },
    { name: 'TLS never starts', status: 'fail', messageId: 'tlsTimeout', evidence: { AuthProbeMissingToken: failed('tls', 'CHK_ERR_PROBE_TIMEOUT') } },
    { name: 'no answer', status: 'fail', messageId: 'noAnswer', evidence: { AuthProbeMissingToken: failed('firstByte', 'CHK_ERR_PROBE_TIMEOUT') } },
    { name: 'body cut off', status: 'fail', messageId: 'failed', evidence: { AuthProbeMissingToken: failed('body', 'CHK_ERR_PROBE_TIMEOUT') } },
  ],
});

describe('the fix for a failed request', () => {
  // The API takes no timeout, and a longer one cannot fix a protocol mismatch: plain HTTP sent
  // to a TLS port is answered by a closed connection (UND_ERR_SOCKET), not by slowness.
  it('names the protocol mismatch and suggests no option, for a plain-HTTP request to a TLS port', () => {
    const result = evaluateOne(check, { AuthProbeMissingToken: { ...goodAuthProbe('missing-token'), ...failed('firstByte', 'CHK_ERR_PROBE_NETWORK', 'UND_ERR_SOCKET') } }, { now: new Date(), input: {} });
    expect(result).toMatchObject({ status: 'fail' });
    expect(result.remediation).toMatch(/TLS answering plain http:\/\//);
    expect(result.remediation).not.toMatch(/--\w/);
  });
});
