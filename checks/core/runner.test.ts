import { describe, expect, it } from 'vitest';
import { reportSchemaErrors } from '../report/schema';
import { defineCheck, type AnyCheck } from './define-check';
import { ProbeNetworkError } from './errors';
import type { AnyGatherer } from './gatherer';
import { runChecks, type RunnableSuite } from './runner';
import type { RunEvent } from './types';

// Evidence ids used only by this test; the runner treats evidence as opaque.
type Ev = Record<string, unknown>;

function check(id: string, evidence: string[], evaluate: (e: Ev) => { status: 'pass' | 'fail' | 'warn' | 'skip' | 'info'; messageId: string }): AnyCheck {
  return defineCheck({
    meta: {
      id, suite: 'endpoint', title: `${id} ok`, failureTitle: `${id} bad`, description: 'A check used by the runner tests only.',
      severity: 'error', requiredEvidence: evidence as never[],
      messages: { ok: 'fine {{n}}', bad: 'broken', odd: 'odd' }, remediation: { bad: 'fix it' },
      sources: [{ title: 'x', url: 'https://example.org' }],
    },
    evaluate: ((e: Ev) => ({ ...evaluate(e), data: { n: 1 } })) as never,
  }) as AnyCheck;
}

const gather = (id: string, fn: AnyGatherer['gather'], extra: Partial<AnyGatherer> = {}): AnyGatherer => ({ id, environments: ['node'], gather: fn, ...extra });

function suite(checks: AnyCheck[], gatherers: AnyGatherer[]): RunnableSuite {
  return { name: 'endpoint', checks, gatherers, describeTarget: () => ({ url: 'https://x.test' }) };
}

describe('runChecks', () => {
  it('gathers once per evidence, shares it via ctx.get, and keeps registry order', async () => {
    let calls = 0;
    const report = await runChecks({
      suite: suite(
        [check('a-one', ['Base'], () => ({ status: 'pass', messageId: 'ok' })),
          check('a-two', ['Derived', 'Base'], (e) => ({ status: e.Derived === 2 ? 'fail' : 'pass', messageId: e.Derived === 2 ? 'bad' : 'ok' }))],
        [gather('Base', async () => { calls += 1; await new Promise((r) => setTimeout(r, 20)); return 1; }),
          gather('Derived', async (ctx) => (await ctx.get('Base' as never) as number) + 1)],
      ),
      input: {},
    });
    expect(calls).toBe(1);
    expect(report.results.map((r) => [r.id, r.status])).toEqual([['a-one', 'pass'], ['a-two', 'fail']]);
    expect(report.results[0]!.message).toBe('fine 1');
    expect(report.results[1]).toMatchObject({ title: 'a-two bad', remediation: 'fix it', docsUrl: '/docs/checks/a-two' });
    expect(report.counts).toMatchObject({ pass: 1, fail: 1 });
    expect(reportSchemaErrors(report)).toEqual([]);
  });

  it('passes optional evidence when it was gathered and leaves it out when its gatherer failed, without an error result', async () => {
    const withOptional = (id: string, optional: string): AnyCheck => defineCheck({
      meta: {
        id, suite: 'endpoint', title: `${id} ok`, failureTitle: `${id} bad`, description: 'A check used by the runner tests only.',
        severity: 'error', requiredEvidence: ['Base'] as never[], optionalEvidence: [optional] as never[],
        messages: { with: 'with {{v}}', without: 'without' }, sources: [{ title: 'x', url: 'https://example.org' }],
      },
      evaluate: ((e: Ev) => (e[optional] === undefined ? { status: 'pass', messageId: 'without' } : { status: 'pass', messageId: 'with', data: { v: String(e[optional]) } })) as never,
    }) as AnyCheck;
    const report = await runChecks({
      suite: suite(
        [withOptional('o-present', 'Extra'), withOptional('o-failed', 'Broken')],
        [gather('Base', async () => 1), gather('Extra', async () => 42), gather('Broken', async () => { throw new ProbeNetworkError('refused'); })],
      ),
      input: {},
    });
    expect(report.results.map((r) => [r.id, r.status, r.message])).toEqual([['o-present', 'pass', 'with 42'], ['o-failed', 'pass', 'without']]);
    expect(report.counts.error).toBe(0);
  });

  it('turns a throwing gatherer, a hanging gatherer and a broken rule into error results; the rest completes', async () => {
    const report = await runChecks({
      suite: suite(
        [check('b-throws', ['Throws'], () => ({ status: 'pass', messageId: 'ok' })),
          check('b-hangs', ['Hangs'], () => ({ status: 'pass', messageId: 'ok' })),
          check('b-rule', ['Fine'], () => { throw new Error('boom'); }),
          check('b-unknown-message', ['Fine'], () => ({ status: 'pass', messageId: 'nope' })),
          check('b-missing', ['Nobody'], () => ({ status: 'pass', messageId: 'ok' })),
          check('b-fine', ['Fine'], () => ({ status: 'pass', messageId: 'ok' }))],
        [gather('Throws', async () => { throw new ProbeNetworkError('connection refused by 203.0.113.1:443'); }),
          gather('Hangs', () => new Promise(() => undefined), { timeoutMs: 50 }),
          gather('Fine', async () => 'ok')],
      ),
      input: {},
    });
    const byId = Object.fromEntries(report.results.map((r) => [r.id, r]));
    expect(byId['b-throws']).toMatchObject({ status: 'error', error: { code: 'CHK_ERR_PROBE_NETWORK' } });
    expect(byId['b-hangs']).toMatchObject({ status: 'error', error: { code: 'CHK_ERR_PROBE_TIMEOUT' } });
    expect(byId['b-rule']).toMatchObject({ status: 'error', error: { code: 'CHK_ERR_RULE_FAILED' } });
    expect(byId['b-unknown-message']).toMatchObject({ status: 'error', error: { code: 'CHK_ERR_RULE_FAILED' } });
    expect(byId['b-missing']).toMatchObject({ status: 'error', error: { code: 'CHK_ERR_MISSING_EVIDENCE' } });
    expect(byId['b-fine']).toMatchObject({ status: 'pass' });
    expect(report.counts.error).toBe(5);
    expect(JSON.stringify(report)).not.toMatch(/at .*\.ts:\d+/); // no stack traces
  });

  it('a plain Error from a gatherer becomes CHK_ERR_EVIDENCE_ERRORED', async () => {
    const report = await runChecks({
      suite: suite([check('c-one', ['X'], () => ({ status: 'pass', messageId: 'ok' }))], [gather('X', async () => { throw new TypeError('bad thing'); })]),
      input: {},
    });
    expect(report.results[0]).toMatchObject({ status: 'error', error: { code: 'CHK_ERR_EVIDENCE_ERRORED' } });
    expect(report.results[0]!.message).toContain('bad thing');
  });

  it('ends at the run deadline even when gatherers ignore their abort signal', async () => {
    const t0 = Date.now();
    const report = await runChecks({
      suite: suite([check('d-one', ['Slow'], () => ({ status: 'pass', messageId: 'ok' }))], [gather('Slow', () => new Promise(() => undefined))]),
      input: {},
      deadlineMs: 80,
      gathererTimeoutMs: 10_000,
    });
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(report.results[0]).toMatchObject({ status: 'error', error: { code: 'CHK_ERR_DEADLINE' } });
  });

  it('passes an abort signal that fires on timeout', async () => {
    let aborted = false;
    await runChecks({
      suite: suite([check('e-one', ['S'], () => ({ status: 'pass', messageId: 'ok' }))], [gather('S', (ctx) => new Promise((_, reject) => {
        ctx.signal.addEventListener('abort', () => { aborted = true; reject(ctx.signal.reason); });
      }), { timeoutMs: 30 })]),
      input: {},
    });
    expect(aborted).toBe(true);
  });


  it('runs many gatherers at once without piling listeners on one signal, and still aborts every one of them', async () => {
    // `botflow all` gathers more than ten kinds of evidence at once; one abort listener per
    // gatherer on the run's signal made Node print MaxListenersExceededWarning on every run.
    const warnings: string[] = [];
    const onWarning = (w: Error): void => { warnings.push(`${w.name}: ${w.message}`); };
    process.on('warning', onWarning);
    const ids = Array.from({ length: 16 }, (_, i) => `G${i}`);
    const aborted = new Set<string>();
    const outer = new AbortController();
    try {
      const run = runChecks({
        suite: suite(
          ids.map((id, i) => check(`m-${i}`, [id], () => ({ status: 'pass', messageId: 'ok' }))),
          ids.map((id) => gather(id, (ctx) => new Promise((_, reject) => {
            ctx.signal.addEventListener('abort', () => { aborted.add(id); reject(ctx.signal.reason); }, { once: true });
          }))),
        ),
        input: {},
        signal: outer.signal,
      });
      await new Promise((r) => setTimeout(r, 30));
      outer.abort(new Error('stopped'));
      const report = await run;
      expect(report.results.map((r) => r.status)).toEqual(ids.map(() => 'error'));
      await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    expect([...aborted].sort()).toEqual([...ids].sort());
    expect(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning'))).toEqual([]);
  });
  it('aborts a gatherer still running when the run is over (started through ctx.get, awaited by no check)', async () => {
    let reason: unknown;
    const report = await runChecks({
      suite: suite(
        [check('s-one', ['Quick'], () => ({ status: 'pass', messageId: 'ok' }))],
        [gather('Quick', async (ctx) => { void ctx.get('Slow' as never).catch(() => undefined); return 1; }),
          gather('Slow', (ctx) => new Promise((_, reject) => {
            ctx.signal.addEventListener('abort', () => { reason = ctx.signal.reason; reject(ctx.signal.reason); }, { once: true });
          }))],
      ),
      input: {},
    });
    expect(report.results.map((r) => r.status)).toEqual(['pass']);
    expect((reason as Error | undefined)?.message).toBe('The run is over.');
  });

  it('marks node-only evidence unsupported in the browser', async () => {
    const report = await runChecks({
      suite: suite([check('f-one', ['N'], () => ({ status: 'pass', messageId: 'ok' }))], [gather('N', async () => 1)]),
      input: {},
      environment: 'browser',
    });
    expect(report.results[0]).toMatchObject({ status: 'error', error: { code: 'CHK_ERR_UNSUPPORTED_ENV' } });
  });

  it('emits progress events in a sensible order and passes a fixed clock to rules', async () => {
    const events: RunEvent[] = [];
    let seen: Date | undefined;
    const fixed = new Date('2026-01-02T03:04:05Z');
    const report = await runChecks({
      suite: suite([defineCheck({
        meta: { id: 'g-one', suite: 'endpoint', title: 't', failureTitle: 'f', description: 'A check used by the runner tests only.', severity: 'info', requiredEvidence: [] as never[], messages: { ok: 'ok' }, sources: [] },
        evaluate: (_e, ctx) => { seen = ctx.now; return { status: 'info', messageId: 'ok' }; },
      }) as AnyCheck], []),
      input: {},
      now: () => fixed,
      onEvent: (e) => { events.push(e); if (e.type === 'check-result') throw new Error('listener bug must not break the run'); },
    });
    expect(seen?.toISOString()).toBe(fixed.toISOString());
    expect(report.startedAt).toBe(fixed.toISOString());
    expect(events.map((e) => e.type)).toEqual(['run-start', 'check-result', 'run-end']);
  });

  it.each([
    ['duplicate ids', { checks: [check('h-one', [], () => ({ status: 'pass', messageId: 'ok' })), check('h-one', [], () => ({ status: 'pass', messageId: 'ok' }))] }, /registered twice/],
    ['unknown --only id', { only: ['nope'] }, /Unknown check id/],
    ['negative deadline', { deadlineMs: -1 }, /deadlineMs must be a positive/],
  ])('rejects bad configuration: %s', async (_n, patch, message) => {
    const base = suite([check('h-two', [], () => ({ status: 'pass', messageId: 'ok' }))], []);
    const p = patch as { checks?: AnyCheck[]; only?: string[]; deadlineMs?: number };
    await expect(runChecks({
      suite: p.checks ? { ...base, checks: p.checks } : base,
      input: {},
      ...(p.only ? { only: p.only } : {}),
      ...(p.deadlineMs !== undefined ? { deadlineMs: p.deadlineMs } : {}),
    })).rejects.toMatchObject({ code: 'CHK_ERR_INVALID_CONFIG', message: expect.stringMatching(message) });
  });
});
