import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ErrorCodes } from './errors';
import { MAX_DOCUMENT_CHARS, MAX_JSON_DEPTH, parseJsonDocument, parseJsonWithLocations } from './json-parse';

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

  it('agrees with JSON.parse on JSON text with one character inserted, deleted or replaced', () => {
    const edit = fc.tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    fc.assert(fc.property(edit, ([v, at, op, ch]) => {
      const json = JSON.stringify(v, null, 1);
      const i = at % (json.length + 1);
      const text = op === 'insert' ? json.slice(0, i) + ch + json.slice(i)
        : op === 'delete' ? json.slice(0, i) + json.slice(i + 1)
        : json.slice(0, i) + ch + json.slice(i + 1);
      let native: { ok: true; value: unknown } | { ok: false } = { ok: false };
      try { native = { ok: true, value: JSON.parse(text) }; } catch { /* rejected */ }
      const r = parseJsonWithLocations(text);
      if (native.ok) {
        expect(r.ok && r.problems.filter((p) => p.kind !== 'duplicate-key')).toEqual([]);
        if (r.ok) expect(r.value).toEqual(native.value);
      } else {
        expect(!r.ok || r.problems.some((p) => p.kind !== 'duplicate-key')).toBe(true);
      }
    }), { numRuns: 2000 });
  });

  it('counts lines on LF, CRLF and a lone CR', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const r = parseJsonWithLocations(`{${nl}  "a": 1,${nl}  "b" 2${nl}}`);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ line: 3, column: 7, message: 'expected ":" after the property name "b" but found "2"' });
    }
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

describe('parseJsonDocument (strict, for Azure documents and config files)', () => {
  const failure = (text: string): string => {
    try {
      parseJsonDocument(text, 'bot.json');
    } catch (err) {
      expect((err as { code: string }).code).toBe(ErrorCodes.INVALID_INPUT);
      return (err as Error).message;
    }
    throw new Error('parsed without an error');
  };

  it('parses valid JSON and strips a byte-order mark', () => {
    expect(parseJsonDocument('\ufeff{"a": [1, 2]}', 'bot.json')).toEqual({ a: [1, 2] });
  });

  it('accepts duplicate keys as JSON.parse does (the last wins)', () => {
    expect(parseJsonDocument('{"a": 1, "a": 2}', 'bot.json')).toEqual({ a: 2 });
  });

  it.each([
    ['trailing comma in object', '{\n  "a": 1,\n}', 2, 9, 'comma after the last property'],
    ['missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, 'expected "," or "}"'],
    ['missing comma, CRLF lines', '{\r\n  "a": 1\r\n  "b": 2\r\n}', 3, 3, 'expected "," or "}"'],
    ['single quotes', "{\n  'a': 1\n}", 2, 3, 'double quotes, not single quotes'],
    ['unterminated string', '{"a": "abc', 1, 7, 'never closed'],
    ['raw line break in string', '{"a": "ab\ncd"}', 1, 10, 'raw line break'],
    ['comment', '{\n  // the bot\n  "a": 1\n}', 2, 3, 'comments'],
    ['empty document', '   ', 1, 4, 'where a value was expected'],
    ['text after the document', '{}\n{}', 2, 1, 'after the end'],
    ['bad literal', '{"a": tru}', 1, 7, 'expected a value'],
    ['trailing comma in array', '[1,\n 2,\n]', 2, 3, 'comma after the last array item'],
    ['bad number', '{"a": -}', 1, 7, 'number is malformed'],
  ])('locates %s', (_name, text, line, column, reason) => {
    const message = failure(text);
    expect(message).toContain(reason);
    expect(message).toContain(`at line ${line}, column ${column}.`);
  });

  it('names the file, line and column', () => {
    expect(failure('{\n  "properties": {\n    "endpoint": "https://x"\n    "msaAppId": "y"\n  }\n}'))
      .toMatch(/^bot\.json is not valid JSON: expected "," or "}" after a property value but found """ at line 4, column 5\./);
  });

  it('refuses documents over the size limit (the API\'s limit too)', () => {
    expect(() => parseJsonDocument(`"${'a'.repeat(MAX_DOCUMENT_CHARS)}"`, 'big.json')).toThrow(/larger than 200000 characters/);
    expect(parseJsonDocument(`"${'a'.repeat(MAX_DOCUMENT_CHARS - 2)}"`, 'big.json')).toHaveLength(MAX_DOCUMENT_CHARS - 2);
  });
});
