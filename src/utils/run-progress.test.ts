import { describe, expect, it } from 'vitest';
import type { CheckResult, Report, RunEvent } from '../../checks/core/types';
import { announcement, countsSentence, IDLE, reduceProgress } from './run-progress';

function result(id: string, status: CheckResult['status']): CheckResult {
  return { id, title: id, status, severity: 'error', message: `${id} is ${status}`, evidence: {}, docsUrl: `/docs/checks/${id}`, durationMs: 1 };
}

describe('reduceProgress', () => {
  it('folds a run into rows, counts and announcements', () => {
    const events: RunEvent[] = [
      { type: 'run-start', suite: 'endpoint', checks: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }, { id: 'c', title: 'C' }] },
      { type: 'gather-start', evidence: 'X' },
      { type: 'check-result', result: result('b', 'fail') },
    ];
    const mid = events.reduce(reduceProgress, IDLE);
    expect(mid.phase).toBe('running');
    expect(mid.rows.map((r) => r.status)).toEqual([undefined, 'fail', undefined]);
    expect(announcement(mid)).toBe('Running checks: 1 of 3 done, 1 failing so far.');

    const withA = reduceProgress(mid, { type: 'check-result', result: result('a', 'pass') });
    expect(withA.done).toBe(2);
    const report = { results: [result('a', 'pass'), result('b', 'fail'), result('c', 'skip')], counts: { pass: 1, warn: 0, fail: 1, info: 0, skip: 1, error: 0 } } as unknown as Report;
    const end = reduceProgress(reduceProgress(withA, { type: 'check-result', result: result('c', 'skip') }), { type: 'run-end', report });
    expect(end.phase).toBe('done');
    expect(announcement(end)).toBe('Checks finished: 3 checks, 1 fail, 1 pass, 1 skip.');
    expect(announcement(IDLE)).toBe('');
  });

  it('adds a result for a check the start event did not list', () => {
    const s = reduceProgress(IDLE, { type: 'check-result', result: result('z', 'warn') });
    expect(s.rows).toEqual([{ id: 'z', title: 'z', status: 'warn', message: 'z is warn' }]);
    expect(s.total).toBe(1);
  });
});

describe('countsSentence', () => {
  it('lists non-zero counts, worst first', () => {
    expect(countsSentence({ pass: 8, warn: 1, fail: 2, info: 0, skip: 1, error: 0 })).toBe('2 fail, 1 warn, 8 pass, 1 skip');
    expect(countsSentence({ pass: 0, warn: 0, fail: 0, info: 0, skip: 0, error: 0 })).toBe('no results');
  });
});
