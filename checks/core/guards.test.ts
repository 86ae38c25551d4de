import { describe, expect, it } from 'vitest';
import { defineCheck, type AnyCheck, type AnyGuard } from './define-check';
import type { AnyGatherer } from './gatherer';
import { runChecks, type RunnableSuite } from './runner';
import { NOT_PROBED_MESSAGE, notProbedGuard, parsedManifestGuard } from '../computed/guards';
import { allChecks } from './registry';

// A guard on an evidence id of this test only (the runner treats evidence as opaque).
const emptyGuard = {
  evidence: 'Thing' as never,
  messageId: 'nothing',
  message: 'Nothing to judge ({{why}}).',
  applies: (v: { items: unknown[] }) => v.items.length > 0,
  skipped: () => ({ data: { why: 'empty' }, evidence: { items: 0 } }),
} as unknown as AnyGuard;

let evaluated = 0;
function guarded(evidence: string[], guards: AnyGuard[]): AnyCheck {
  return defineCheck({
    meta: {
      id: 'guard-test', suite: 'endpoint', title: 'ok', failureTitle: 'bad', description: 'A check used by the guard tests only.',
      severity: 'error', requiredEvidence: evidence as never[], guards,
      messages: { ok: 'fine' }, sources: [{ title: 'x', url: 'https://example.org' }],
    },
    evaluate: (() => { evaluated += 1; return { status: 'pass', messageId: 'ok' }; }) as never,
  }) as AnyCheck;
}

function suite(checks: AnyCheck[], value: unknown): RunnableSuite {
  const gatherer: AnyGatherer = { id: 'Thing', environments: ['node'], gather: async () => value };
  return { name: 'endpoint', checks, gatherers: [gatherer], describeTarget: () => ({}) };
}

describe('declared guards', () => {
  it('adds the guard message to the check\'s messages', () => {
    expect(guarded(['Thing'], [emptyGuard]).meta.messages).toEqual({ ok: 'fine', nothing: 'Nothing to judge ({{why}}).' });
  });

  it('skips without calling evaluate when the guard does not apply, with its message and evidence', async () => {
    evaluated = 0;
    const report = await runChecks({ suite: suite([guarded(['Thing'], [emptyGuard])], { items: [] }), input: {} });
    expect(evaluated).toBe(0);
    expect(report.results[0]).toMatchObject({ status: 'skip', title: 'ok', message: 'Nothing to judge (empty).', evidence: { items: 0 } });
    expect(report.results[0]!.remediation).toBeUndefined();
  });

  it('lets the rule run when the guard applies', async () => {
    evaluated = 0;
    const report = await runChecks({ suite: suite([guarded(['Thing'], [emptyGuard])], { items: [1] }), input: {} });
    expect(evaluated).toBe(1);
    expect(report.results[0]).toMatchObject({ status: 'pass', message: 'fine' });
  });

  it('refuses a guard on evidence the check does not declare', async () => {
    await expect(runChecks({ suite: suite([guarded([], [emptyGuard])], { items: [] }), input: {} })).rejects.toMatchObject({ code: 'CHK_ERR_INVALID_CONFIG' });
  });

  it('words a probe that did not run as the rules did before the guard', () => {
    const guard = notProbedGuard('TlsHandshake');
    expect(guard.message).toBe(NOT_PROBED_MESSAGE);
    expect(guard.applies({ probed: false, reason: 'not-https' })).toBe(false);
    expect(guard.skipped({ probed: false, reason: 'not-https' })).toEqual({ data: { reason: 'the endpoint does not use HTTPS (see endpoint-https)' }, evidence: { reason: 'not-https' } });
    expect(parsedManifestGuard().applies({ source: { kind: 'json', bytes: 1 } } as never)).toBe(false);
  });

  it('is declared, not written, by every rule that opens with "notProbed" or "noManifest" on a guardable evidence', () => {
    const guardedIds = allChecks.filter((c) => (c.meta.guards ?? []).length > 0).map((c) => c.meta.id);
    expect(guardedIds).toEqual(expect.arrayContaining([
      'endpoint-dns', 'endpoint-reachable', 'tls-protocol-version', 'tls-certificate-trust', 'tls-certificate-hostname',
      'tls-certificate-expiry', 'endpoint-latency', 'manifest-schema', 'manifest-version', 'manifest-bot-id', 'manifest-bot-scopes',
      'manifest-valid-domains', 'manifest-sso', 'manifest-rsc-permissions',
    ]));
    for (const c of allChecks) {
      for (const g of c.meta.guards ?? []) expect(c.meta.messages[g.messageId], `${c.meta.id}: ${g.messageId}`).toBe(g.message);
    }
  });
});
