import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { reportSchema, reportSchemaErrors } from './schema';

const SAMPLE = readFileSync(new URL('./fixtures/sample-report.json', import.meta.url), 'utf8');

/** The precompiled validator (no eval, fine under a strict CSP) judges reports exactly as ajv compiling the schema does. */
const ajv = new Ajv({ allErrors: true, strict: true, logger: false });
addFormats(ajv);
const compiled = ajv.compile(reportSchema);
const byAjv = (value: unknown): string[] => (compiled(value) ? [] : (compiled.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'is invalid'}`));

describe('report schema, precompiled', () => {
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
    ['a source with a script URL', (r) => { r.results[0].sources = [{ title: 'x', url: 'javascript:alert(1)' }]; }],
    ['a source without a title', (r) => { r.results[0].sources = [{ url: 'https://learn.microsoft.com/' }]; }],
    ['a source with an extra field', (r) => { r.results[0].sources = [{ title: 'x', url: 'https://learn.microsoft.com/', note: 1 }]; }],
  ];

  it.each(cases)('agrees with ajv on %s', (_name, edit) => {
    const value = JSON.parse(SAMPLE) as Record<string, unknown>;
    edit(value);
    expect(reportSchemaErrors(value)).toEqual(byAjv(value));
  });
});
