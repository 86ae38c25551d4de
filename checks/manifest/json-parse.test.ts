import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJsonWithLocations, MAX_JSON_DEPTH } from './json-parse';

describe('parseJsonWithLocations', () => {
  it('parses what JSON.parse parses, to the same value', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
      const text = JSON.stringify(v, null, pretty ? 2 : undefined);
      const r = parseJsonWithLocations(text);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.value).toEqual(JSON.parse(text));
    }), { numRuns: 300 });
  });

  it('rejects what JSON.parse rejects, or reports the tolerated deviation', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      let native = true;
      try { JSON.parse(s); } catch { native = false; }
      const r = parseJsonWithLocations(s);
      if (native) expect(r.ok).toBe(true);
      else expect(!r.ok || r.problems.length > 0).toBe(true);
    }), { numRuns: 1000 });
  });

  it('records line and column of each value and key', () => {
    const text = '{\n  "a": 1,\n  "bots": [\n    { "botId": "x" }\n  ]\n}';
    const r = parseJsonWithLocations(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pos = (p: string) => r.lines.position(r.locations.get(p)!.offset);
    expect(pos('/a')).toMatchObject({ line: 2, column: 8 });
    expect(pos('/bots/0')).toMatchObject({ line: 4, column: 5 });
    expect(pos('/bots/0/botId')).toMatchObject({ line: 4, column: 16 });
    expect(r.lines.position(r.locations.get('/bots/0/botId')!.keyOffset!)).toMatchObject({ line: 4, column: 7 });
  });

  it('escapes pointer tokens (RFC 6901)', () => {
    const r = parseJsonWithLocations('{"a/b": {"c~d": 1}}');
    expect(r.ok && [...r.locations.keys()]).toEqual(['', '/a~1b', '/a~1b/c~0d']);
  });

  it.each([
    ['{"a": 1,}', 'trailing-comma', 1, 8],
    ['[1, 2,\n]', 'trailing-comma', 1, 6],
    ['{\n  // note\n  "a": 1\n}', 'comment', 2, 3],
    ['{"a": /* x */ 1}', 'comment', 1, 7],
    ['{"a": 1, "a": 2}', 'duplicate-key', 1, 10],
  ])('tolerates and reports %j', (text, kind, line, column) => {
    const r = parseJsonWithLocations(text);
    expect(r.ok).toBe(true);
    expect(r.problems[0]).toMatchObject({ kind, line, column });
  });

  it.each([
    ['{"a": 1', 1, 8, /expected "," or "}"/],
    ['{\n  "a": 01\n}', 2, 8, /leading zeros/],
    ["{'a': 1}", 1, 2, /double quotes/],
    ['{"a": "x\n"}', 1, 9, /end of the line/],
    ['{"a": tru}', 1, 7, /expected a value/],
    ['', 1, 1, /ends where a value/],
    ['{} x', 1, 4, /after the end/],
    ['"\\q"', 1, 2, /not a valid escape/],
    ['{"a": 1 /* open', 1, 9, /never closed/],
  ])('fails on %j with a position', (text, line, column, message) => {
    const r = parseJsonWithLocations(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(message);
    expect(r.error.line).toBe(line);
    if (column) expect(r.error.column).toBe(column);
  });

  it('keeps __proto__ as an own key, like JSON.parse', () => {
    const r = parseJsonWithLocations('{"__proto__": {"polluted": true}}');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (r.ok) expect(Object.keys(r.value as object)).toEqual(['__proto__']);
  });

  it('caps nesting depth instead of overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = parseJsonWithLocations(deep);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(String(MAX_JSON_DEPTH));
  });
});
