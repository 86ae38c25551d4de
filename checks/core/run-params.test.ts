import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors';
import { deriveRunParams, limitsFor, parsePhaseTimeout } from './run-params';

describe('run parameters from one place', () => {
  it('takes the per-step cap as text or number within 50..120000 ms, and nothing else', () => {
    expect(parsePhaseTimeout(undefined, '--timeout')).toBeUndefined();
    expect(parsePhaseTimeout('50', '--timeout')).toBe(50);
    expect(parsePhaseTimeout(120_000, '/input/timeout', 'timeout')).toBe(120_000);
    for (const bad of [49, 120_001, 1.5, -100, '5s', '', '1e3', null, true, Number.NaN]) {
      expect(() => parsePhaseTimeout(bad, '--timeout')).toThrow(InvalidInputError);
    }
  });

  it('names the field and does not echo the value for the API; quotes it for the CLI', () => {
    const api = (() => { try { parsePhaseTimeout(987_654_321, '/input/timeout', 'timeout'); } catch (e) { return e as InvalidInputError; } })();
    expect(api?.field).toBe('timeout');
    expect(api?.message).not.toContain('987654321');
    expect(api?.message).toMatch(/^\/input\/timeout must be a whole number of milliseconds between 50 and 120000: /);
    expect(() => parsePhaseTimeout('soon', '--timeout')).toThrow('--timeout must be a whole number of milliseconds between 50 and 120000 (got "soon")');
  });

  it('derives the gatherer cap from the per-step cap (five steps plus a margin) and the deadline from that', () => {
    expect(limitsFor(5_000)).toEqual({ phaseTimeoutMs: 5_000, gathererTimeoutMs: 27_000, deadlineMs: 54_000 });
    // Without a cap: the longest default step (10 s to the response headers).
    expect(limitsFor(undefined)).toEqual({ gathererTimeoutMs: 52_000, deadlineMs: 104_000 });
  });

  it('caps the derived limits at the front door\'s own budget and says so in the report', () => {
    const p = deriveRunParams({ timeout: 5_000, allowPrivate: true }, { timeoutLabel: '/input/timeout', timeoutField: 'timeout', source: 'api', caps: { gathererTimeoutMs: 15_000, deadlineMs: 30_000 } });
    expect(p).toMatchObject({ phaseTimeoutMs: 5_000, gathererTimeoutMs: 15_000, deadlineMs: 30_000, allowPrivate: true });
    expect(p.notes.join(' ')).toContain('This server stops a check after 15000 ms and a run after 30000 ms; the CLI with --timeout 5000 allows 27000 ms and 54000 ms.');
    // No timeout given: the front door's budget, and no note about it.
    const q = deriveRunParams({}, { timeoutLabel: '/input/timeout', source: 'api', caps: { gathererTimeoutMs: 15_000, deadlineMs: 30_000 } });
    expect(q).toEqual({ gathererTimeoutMs: 15_000, deadlineMs: 30_000, allowPrivate: false, notes: [] });
  });
});
