/**
 * Table tests for rules, after ESLint's RuleTester: each row gives (partial) evidence and the
 * expected verdict. Rows are deep-merged over `base`, so a row shows only what matters.
 * The tester also checks the table itself: at least one valid and one invalid row, unique names,
 * known messageIds, every placeholder filled, a remediation on every warn/fail, and (as RuleTester
 * does for messageIds) that the rows together reach every messageId the rule declares.
 *
 * A row's messageId and data are read from the runner's result (`evaluateOne`), not from the rule
 * alone: a skip the runner produces for the rule (a declared guard) counts as reaching its
 * messageId when a row exercises it.
 */
import { describe, expect, it } from 'vitest';
import type { AnyCheck } from '../core/define-check';
import type { CheckInput } from '../core/evidence';
import { formatMessage, placeholders } from '../core/format';
import { evaluateOne, outcomeOf } from '../core/runner';
import type { CheckResult, MessageData, Status } from '../core/types';

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

/** What a result says it reached: its messageId and the data that filled the message. */
export interface Reached {
  messageId: string;
  data: MessageData;
  /** True when read back from the message text (then every value is a string). */
  fromMessage: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A template as a pattern that matches its filled message and captures each placeholder. */
function templatePattern(template: string): RegExp {
  const names = new Set<string>();
  const source = template.split(/(\{\{\s*[A-Za-z0-9_]+\s*\}\})/).map((part) => {
    const name = /^\{\{\s*([A-Za-z0-9_]+)\s*\}\}$/.exec(part)?.[1];
    if (name === undefined) return escapeRegExp(part);
    if (names.has(name)) return `\\k<${name}>`;
    names.add(name);
    return `(?<${name}>[\\s\\S]*?)`;
  }).join('');
  return new RegExp(`^${source}$`);
}

/**
 * The messageId a result was made from. The rule's own outcome is taken when the result is its
 * message; otherwise (the runner answered for the rule, e.g. a declared guard's skip) the
 * template that matches the result's message (the most specific one when several do).
 */
export function reachedMessage(check: AnyCheck, result: CheckResult, ruleOutcome: { messageId: string; data?: MessageData } | undefined): Reached | undefined {
  const templates = check.meta.messages as Record<string, string>;
  if (ruleOutcome && ruleOutcome.messageId in templates && formatMessage(templates[ruleOutcome.messageId]!, ruleOutcome.data) === result.message) {
    return { messageId: ruleOutcome.messageId, data: ruleOutcome.data ?? {}, fromMessage: false };
  }
  // Several templates can match ("{{message}}" matches anything): the one with the most fixed text wins, if only one has it.
  const matches = Object.entries(templates).flatMap(([messageId, template]) => {
    const m = templatePattern(template).exec(result.message);
    return m ? [{ reached: { messageId, data: { ...(m.groups ?? {}) }, fromMessage: true }, fixed: template.replace(/\{\{\s*[A-Za-z0-9_]+\s*\}\}/g, '').length }] : [];
  });
  const best = Math.max(...matches.map((m) => m.fixed));
  const winners = matches.filter((m) => m.fixed === best);
  return winners.length === 1 ? winners[0]!.reached : undefined;
}

/** Evaluates one row the way the runner does; returns the result and what it reached. */
function evaluateRow(check: AnyCheck, table: CheckTable, row: RowBase): { result: CheckResult; reached: Reached | undefined } {
  const evidence = deepMerge(table.base ?? {}, row.evidence ?? {});
  const input = { ...(table.input ?? {}), ...(row.input ?? {}) } as CheckInput;
  const ctx = { now: row.now ?? table.now ?? FIXED_NOW, input };
  const result = evaluateOne(check, evidence, ctx);
  let outcome: { messageId: string; data?: MessageData } | undefined;
  try {
    outcome = outcomeOf(check, evidence, ctx);
  } catch {
    outcome = undefined;
  }
  return { result, reached: result.error ? undefined : reachedMessage(check, result, outcome) };
}

/** The messageIds of a rule that no row of its table reaches. */
export function unreachedMessageIds(check: AnyCheck, table: CheckTable): string[] {
  const reached = new Set([...table.valid, ...table.invalid].map((row) => evaluateRow(check, table, row).reached?.messageId));
  return Object.keys(check.meta.messages).filter((id) => !reached.has(id));
}

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
      const { result, reached } = evaluateRow(check, table, row);
      expect(result.error, `rule error: ${result.error?.message}`).toBeUndefined();
      const expected = row.status ?? (isValid ? 'pass' : undefined);
      expect(result.status).toBe(expected);
      if (row.messageId) {
        expect(reached?.messageId).toBe(row.messageId);
        if (row.data) expect(reached?.data).toMatchObject(reached?.fromMessage ? stringValues(row.data) : row.data);
      }
      expect(placeholders(result.message), 'no unfilled placeholders in message').toEqual([]);
      if (result.status === 'fail' || result.status === 'warn') {
        expect(result.remediation, 'warn/fail results carry a remediation').toBeTruthy();
        expect(placeholders(result.remediation ?? ''), 'no unfilled placeholders in remediation').toEqual([]);
      }
      expect(() => JSON.stringify(result)).not.toThrow();
    });

    it('reaches every messageId the rule declares', () => {
      expect(unreachedMessageIds(check, table), 'messageIds no row reaches (add a row, or remove the dead message)').toEqual([]);
    });
  });
}

/** Data as the message shows it (numbers compared as their text when read back from a message). */
function stringValues(data: MessageData): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)]));
}

/** Meta checks every rule must pass (the catalogue test runs them on every registered check). */
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
