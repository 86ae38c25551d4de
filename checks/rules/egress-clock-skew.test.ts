import { describe, it } from 'vitest';
import { assertValidMeta, runCheckTable } from '../testing/check-tester';
import check from './egress-clock-skew';

const URL_ = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
const sample = (serverDate: string, localTime: string): Record<string, unknown> => ({ EgressClock: { samples: [{ url: URL_, serverDate, localTime }] } });
const SERVER = 'Mon, 01 Jun 2026 12:00:00 GMT';

runCheckTable(check, {
  base: { EgressClock: { samples: [{ url: URL_, serverDate: SERVER, localTime: '2026-06-01T12:00:00.400Z' }] } },
  valid: [
    { name: 'in sync', messageId: 'inSync', data: { skewS: 0 } },
    { name: 'within a minute', evidence: sample(SERVER, '2026-06-01T12:00:59.000Z'), messageId: 'inSync', data: { skewS: 59 } },
    { name: 'no samples', evidence: { EgressClock: { samples: [], reason: 'no Date header.' } }, status: 'skip', messageId: 'noSamples' },
    { name: 'unreadable date', evidence: sample('not a date', '2026-06-01T12:00:00Z'), status: 'skip', messageId: 'noSamples' },
  ],
  invalid: [
    { name: 'two minutes ahead', evidence: sample(SERVER, '2026-06-01T12:02:00.000Z'), status: 'warn', messageId: 'drifting', data: { skewS: 120, direction: 'ahead of' } },
    { name: 'ten minutes behind', evidence: sample(SERVER, '2026-06-01T11:50:00.000Z'), status: 'fail', messageId: 'skewed', data: { skewS: 600, direction: 'behind' } },
    { name: 'just beyond five minutes', evidence: sample(SERVER, '2026-06-01T12:05:02.000Z'), status: 'fail', messageId: 'skewed' },
  ],
});

describe('egress-clock-skew meta', () => {
  it('is well-formed', () => assertValidMeta(check));
});
