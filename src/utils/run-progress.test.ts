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
    expect(announcement(end)).toBe('Checks finished: 3 checks, 1 failed, 1 passed, 1 skipped.');
    expect(announcement(IDLE)).toBe('');
  });

  it('a stopped run keeps what finished, marks the rest as not finished, and ignores late results', () => {
    const started: RunEvent[] = [
      { type: 'run-start', suite: 'endpoint', checks: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }, { id: 'c', title: 'C' }] },
      { type: 'check-result', result: result('a', 'pass') },
    ];
    const running = started.reduce(reduceProgress, IDLE);
    const stopped = reduceProgress(running, { type: 'stopped' });
    expect(stopped.phase).toBe('stopped');
    expect(announcement(stopped)).toBe('Stopped: 1 of 3 checks finished; the other 2 were not run to the end.');
    const late = reduceProgress(stopped, { type: 'check-result', result: result('b', 'fail') });
    expect(late).toBe(stopped);
    expect(announcement(reduceProgress(reduceProgress(reduceProgress(IDLE, { type: 'run-start', suite: 'endpoint', checks: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] }), { type: 'check-result', result: result('a', 'pass') }), { type: 'stopped' })))
      .toBe('Stopped: 1 of 2 checks finished; the other one was not run to the end.');
    expect(reduceProgress(stopped, { type: 'reset' })).toBe(IDLE);
    // Stop before anything ran, or after the run ended, changes nothing.
    expect(reduceProgress(IDLE, { type: 'stopped' })).toBe(IDLE);
  });

  it('adds a result for a check the start event did not list', () => {
    const s = reduceProgress(IDLE, { type: 'check-result', result: result('z', 'warn') });
    expect(s.rows).toEqual([{ id: 'z', title: 'z', status: 'warn', message: 'z is warn' }]);
    expect(s.total).toBe(1);
  });
});

describe('countsSentence', () => {
  it('lists non-zero counts, worst first, in words with the right number', () => {
    expect(countsSentence({ pass: 8, warn: 1, fail: 2, info: 0, skip: 1, error: 0 })).toBe('2 failed, 1 warning, 8 passed, 1 skipped');
    expect(countsSentence({ pass: 0, warn: 2, fail: 0, info: 1, skip: 0, error: 8 })).toBe('8 errors, 2 warnings, 1 info');
    expect(countsSentence({ pass: 0, warn: 0, fail: 0, info: 0, skip: 0, error: 1 })).toBe('1 error');
    expect(countsSentence({ pass: 0, warn: 0, fail: 0, info: 0, skip: 0, error: 0 })).toBe('no results');
  });
});
