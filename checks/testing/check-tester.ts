/**
 * Table tests for rules, after ESLint's RuleTester: each row gives (partial) evidence and the
 * expected verdict. Rows are deep-merged over `base`, so a row shows only what matters.
 * The tester also checks the table itself: at least one valid and one invalid row, unique names,
 * known messageIds, every placeholder filled, and a remediation on every warn/fail.
 */
import { describe, expect, it } from 'vitest';
import type { AnyCheck } from '../core/define-check';
import type { CheckInput } from '../core/evidence';
import { placeholders } from '../core/format';
import { evaluateOne, outcomeOf } from '../core/runner';
import type { Status } from '../core/types';

export type DeepPartial<T> = T extends readonly (infer U)[] ? readonly U[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

interface RowBase {
  name: string;
  evidence?: Record<string, unknown>;
  input?: CheckInput;
  now?: Date;
  messageId?: string;
  data?: Record<string, string | number>;
}
export interface ValidRow extends RowBase {
  /** Default 'pass'. */
  status?: Extract<Status, 'pass' | 'info' | 'skip'>;
}
export interface InvalidRow extends RowBase {
  status: Extract<Status, 'fail' | 'warn'>;
  messageId: string;
}
export interface CheckTable {
  base?: Record<string, unknown>;
  input?: CheckInput;
  now?: Date;
  valid: ValidRow[];
  invalid: InvalidRow[];
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** Deep merge: objects merge key by key, arrays and primitives replace; `undefined` deletes. */
export function deepMerge<T>(base: T, patch: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(patch)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k], v) : v;
  }
  return out as T;
}

const FIXED_NOW = new Date('2026-06-01T12:00:00Z');

export function runCheckTable(check: AnyCheck, table: CheckTable): void {
  describe(`${check.meta.id} (table)`, () => {
    it('has a well-formed table', () => {
      expect(table.valid.length, 'at least one valid row').toBeGreaterThan(0);
      // An informational check never warns or fails, so it has no invalid rows.
      if (check.meta.severity !== 'info') expect(table.invalid.length, 'at least one invalid row').toBeGreaterThan(0);
      const names = [...table.valid, ...table.invalid].map((r) => r.name);
      expect(new Set(names).size, 'row names are unique').toBe(names.length);
      for (const row of [...table.valid, ...table.invalid]) {
        if (row.messageId) expect(Object.keys(check.meta.messages), `${row.name}: known messageId`).toContain(row.messageId);
      }
    });

    const all: Array<[string, RowBase & { status?: Status }, boolean]> = [
      ...table.valid.map((r): [string, RowBase & { status?: Status }, boolean] => [r.name, r, true]),
      ...table.invalid.map((r): [string, RowBase & { status?: Status }, boolean] => [r.name, r, false]),
    ];
    it.each(all)('%s', (_name, row, isValid) => {
      const evidence = deepMerge(table.base ?? {}, row.evidence ?? {});
      const input = { ...(table.input ?? {}), ...(row.input ?? {}) } as CheckInput;
      const result = evaluateOne(check, evidence, { now: row.now ?? table.now ?? FIXED_NOW, input });
      expect(result.error, `rule error: ${result.error?.message}`).toBeUndefined();
      const expected = row.status ?? (isValid ? 'pass' : undefined);
      expect(result.status).toBe(expected);
      if (row.messageId) {
        // Re-evaluate to read the raw messageId (the result carries only the filled message).
        const raw = outcomeOf(check, evidence, { now: row.now ?? table.now ?? FIXED_NOW, input });
        expect(raw.messageId).toBe(row.messageId);
        if (row.data) expect(raw.data).toMatchObject(row.data);
      }
      expect(placeholders(result.message), 'no unfilled placeholders in message').toEqual([]);
      if (result.status === 'fail' || result.status === 'warn') {
        expect(result.remediation, 'warn/fail results carry a remediation').toBeTruthy();
        expect(placeholders(result.remediation ?? ''), 'no unfilled placeholders in remediation').toEqual([]);
      }
      expect(() => JSON.stringify(result)).not.toThrow();
    });
  });
}

/** Meta checks every rule must pass (used by the catalogue test). */
export function assertValidMeta(check: AnyCheck): void {
  const m = check.meta;
  expect(m.id).toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
  expect(m.title.length).toBeGreaterThan(0);
  expect(m.failureTitle.length).toBeGreaterThan(0);
  expect(m.description.length).toBeGreaterThan(20);
  expect(Object.keys(m.messages).length).toBeGreaterThan(0);
  expect(m.sources.length, `${m.id} cites at least one public source`).toBeGreaterThan(0);
  for (const s of m.sources) expect(s.url).toMatch(/^https:\/\//);
}
