/**
 * The golden sample is a real run (scripts/sample-report.ts), not a hand-written report: a fresh
 * run must give what the committed one says on everything a run decides (each check's status,
 * messageId, severity, title and error code; the counts), and every committed result must be
 * what the engine's meta makes today (title, severity, message and fix templates, sources, docs
 * link). The golden files themselves are held to the reporters' output in reporters.test.ts.
 * Regenerate with `npm run sample:report`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnyCheck } from '../core/define-check';
import { allChecks } from '../core/registry';
import { countResults } from '../core/runner';
import type { CheckResult, Report } from '../core/types';
import { reachedMessage } from '../testing/check-tester';
import { FIXTURES, runSampleReport } from '../../scripts/sample-report';

const committed = JSON.parse(readFileSync(`${FIXTURES}sample-report.json`, 'utf8')) as Report;
const checkOf = (id: string): AnyCheck => allChecks.find((c) => c.meta.id === id)!;

/** The messageId a result's message was made from (undefined for an error: its message is the error's). */
function messageIdOf(r: CheckResult): string | undefined {
  return r.status === 'error' ? undefined : reachedMessage(checkOf(r.id), r, undefined)?.messageId;
}

/** What a run decides, without what it measures (durations, timings, ports, dates). */
function decided(report: Report) {
  return {
    suite: report.suite,
    counts: report.counts,
    results: report.results.map((r) => ({ id: r.id, status: r.status, severity: r.severity, title: r.title, messageId: messageIdOf(r), error: r.error?.code })),
  };
}

describe('the golden sample report', () => {
  it('is what a fresh run decides', async () => {
    const fresh = await runSampleReport();
    expect(decided(fresh)).toEqual(decided(committed));
  }, 60_000);

  it('counts its own results', () => {
    expect(committed.counts).toEqual(countResults(committed.results));
  });

  it.each(committed.results.map((r) => [r.id, r] as const))("%s is what the check's meta makes today", (id, r) => {
    const check = checkOf(id);
    expect(check, `${id} is a registered check`).toBeDefined();
    const { meta } = check;
    expect(r.severity).toBe(meta.severity);
    expect(r.title).toBe(r.status === 'fail' || r.status === 'warn' ? meta.failureTitle : meta.title);
    expect(r.docsUrl).toBe(`/docs/checks/${id}`);
    expect(r.sources).toEqual(meta.sources.map(({ title, url }) => ({ title, url })));
    if (r.status === 'error') {
      expect(r.error?.code).toMatch(/^CHK_ERR_/);
      return;
    }
    const messageId = messageIdOf(r);
    expect(messageId, `the message is one of ${id}'s templates`).toBeDefined();
    const fixes = Object.fromEntries(Object.entries(meta.remediation ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
    if (r.remediation) {
      const asMessages: AnyCheck = { meta: { ...meta, messages: fixes }, evaluate: check.evaluate };
      expect(reachedMessage(asMessages, { ...r, message: r.remediation }, undefined)?.messageId, 'the fix is the template of its messageId').toBe(messageId);
    } else {
      expect(r.status === 'fail' || r.status === 'warn' ? fixes[messageId!] : undefined).toBeUndefined();
    }
  });
});
