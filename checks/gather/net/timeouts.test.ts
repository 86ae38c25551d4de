import { describe, expect, it } from 'vitest';
import { linkedDeadline } from './timeouts';

describe('linkedDeadline', () => {
  it('is aborted at once, with that reason, when a parent already is', async () => {
    const done = new AbortController();
    done.abort(new Error('run over'));
    const d = linkedDeadline([new AbortController().signal, done.signal], 50);
    expect(d.signal.aborted).toBe(true);
    expect((d.signal.reason as Error).message).toBe('run over');
    await new Promise((r) => setTimeout(r, 120));
    // Its timer was stopped: the reason is still the parent's, and it did not expire.
    expect(d.expired).toBe(false);
    expect((d.signal.reason as Error).message).toBe('run over');
  });

  it('takes the reason of whichever parent aborts first', () => {
    const a = new AbortController();
    const b = new AbortController();
    const d = linkedDeadline([a.signal, b.signal], 60_000);
    b.abort(new Error('second parent'));
    a.abort(new Error('first parent'));
    expect((d.signal.reason as Error).message).toBe('second parent');
    d.dispose();
  });

  it('expires with a TimeoutError that names the work and the limit', async () => {
    const d = linkedDeadline([], 30, 'The egress probes');
    await new Promise((r) => setTimeout(r, 100));
    expect(d.expired).toBe(true);
    expect(d.signal.reason).toMatchObject({ name: 'TimeoutError', message: 'The egress probes did not finish within 30 ms.' });
  });

  it('lets go of its parents when disposed', () => {
    const parent = new AbortController();
    const d = linkedDeadline([parent.signal], 60_000);
    d.dispose();
    parent.abort(new Error('later'));
    expect(d.signal.aborted).toBe(false);
  });
});
