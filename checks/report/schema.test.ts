import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportSchemaErrors, reportSchemaErrorsInterpreted } from './schema';

const SAMPLE = readFileSync(new URL('./fixtures/sample-report.json', import.meta.url), 'utf8');

/** The interpreted path (used where a CSP forbids eval) must judge reports exactly as ajv does. */
describe('report schema without code generation', () => {
  type Edit = (r: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
  const cases: Array<[string, Edit]> = [
    ['the sample as is', () => undefined],
    ['a result without docsUrl', (r) => { delete r.results[0].docsUrl; }],
    ['an unknown status', (r) => { r.results[0].status = 'passed'; }],
    ['a negative duration', (r) => { r.durationMs = -1; }],
    ['a docsUrl elsewhere', (r) => { r.results[0].docsUrl = 'javascript:alert(1)'; }],
    ['an unknown suite', (r) => { r.suite = 'everything'; }],
    ['a counts field missing', (r) => { delete r.counts.skip; }],
    ['a startedAt that is no date-time', (r) => { r.startedAt = 'yesterday'; }],
    ['schemaVersion 2', (r) => { r.schemaVersion = 2; }],
    ['an extra top-level field', (r) => { r.extra = true; }],
    ['a tool of another name', (r) => { r.tool.name = 'other'; }],
    ['a detail without a message', (r) => { r.results[0].details = [{ path: '/x' }]; }],
    ['a bad error code', (r) => { r.results[3].error.code = 'oops'; }],
    ['results that are not an array', (r) => { r.results = {}; }],
  ];

  it.each(cases)('agrees with ajv on %s', (_name, edit) => {
    const value = JSON.parse(SAMPLE) as Record<string, unknown>;
    edit(value);
    const byAjv = reportSchemaErrors(value);
    const interpreted = reportSchemaErrorsInterpreted(value);
    expect(interpreted.length === 0).toBe(byAjv.length === 0);
    const paths = (errors: string[]): string[] => [...new Set(errors.map((e) => e.split(':')[0]))].sort();
    if (byAjv.length) expect(paths(interpreted)).toEqual(expect.arrayContaining(paths(byAjv).filter((p) => p !== '/')));
  });
});
