import { describe, expect, it } from 'vitest';
import { defineCheck, type AnyCheck } from '../core/define-check';
import { evaluateOne } from '../core/runner';
import { reachedMessage, unreachedMessageIds } from './check-tester';

const messages: Record<string, string> = { ok: 'All {{count}} fine.', bad: '{{count}} of {{total}} bad.', notProbed: 'Not checked: {{reason}}.', unused: 'Never said.' };
const check = defineCheck({
  meta: {
    id: 'endpoint-example', suite: 'endpoint', title: 'Example passes', failureTitle: 'Example fails',
    description: 'A check made for the table tester\'s own tests.', severity: 'warning',
    requiredEvidence: ['DnsResolution'],
    messages,
    remediation: { bad: 'Fix them.' },
    sources: [{ title: 'Example', url: 'https://example.com/' }],
  },
  evaluate: (e) => {
    const n = (e.DnsResolution as unknown as { n: number }).n;
    return n === 0 ? { status: 'pass', messageId: 'ok', data: { count: 3 } } : { status: 'warn', messageId: 'bad', data: { count: n, total: 3 } };
  },
});
const ctx = { now: new Date(0), input: {} };

describe('table tester', () => {
  it('lists a messageId that no row reaches', () => {
    const table = { valid: [{ name: 'fine', evidence: { DnsResolution: { n: 0 } } }], invalid: [{ name: 'bad', status: 'warn' as const, messageId: 'bad', evidence: { DnsResolution: { n: 2 } } }] };
    expect(unreachedMessageIds(check, table)).toEqual(['notProbed', 'unused']);
  });

  it("takes the rule's own messageId and data when the result is the rule's message", () => {
    const result = evaluateOne(check, { DnsResolution: { n: 2 } }, ctx);
    expect(reachedMessage(check, result, check.evaluate({ DnsResolution: { n: 2 } } as never, ctx))).toEqual({ messageId: 'bad', data: { count: 2, total: 3 }, fromMessage: false });
  });

  it('reads the messageId and data back from a message the runner made for the rule (a declared guard)', () => {
    const result = { ...evaluateOne(check, { DnsResolution: { n: 0 } }, ctx), status: 'skip' as const, message: 'Not checked: the URL is not https.' };
    expect(reachedMessage(check, result, undefined)).toEqual({ messageId: 'notProbed', data: { reason: 'the URL is not https' }, fromMessage: true });
    expect(reachedMessage(check, result, check.evaluate({ DnsResolution: { n: 0 } } as never, ctx))?.messageId).toBe('notProbed');
  });

  it('reaches nothing when no template matches or two match alike, and the most specific of several', () => {
    const result = evaluateOne(check, { DnsResolution: { n: 0 } }, ctx);
    expect(reachedMessage(check, { ...result, message: 'Something else.' }, undefined)).toBeUndefined();
    const twin: AnyCheck = { meta: { ...check.meta, messages: { a: '{{x}}.', b: '{{y}}.' } }, evaluate: check.evaluate };
    expect(reachedMessage(twin, { ...result, message: 'z.' }, undefined)).toBeUndefined();
    const general: AnyCheck = { meta: { ...check.meta, messages: { any: '{{message}}', skip: 'Not checked: {{reason}}.' } }, evaluate: check.evaluate };
    expect(reachedMessage(general, { ...result, message: 'Not checked: no URL.' }, undefined)?.messageId).toBe('skip');
    expect(reachedMessage(general, { ...result, message: 'Something else.' }, undefined)?.messageId).toBe('any');
  });
});
