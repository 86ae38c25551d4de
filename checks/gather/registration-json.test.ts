import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../core/errors';
import { locateJsonError, parseJsonDocument } from './registration-json';

describe('parseJsonDocument', () => {
  it('parses valid JSON and strips a byte-order mark', () => {
    expect(parseJsonDocument('\ufeff{"a": [1, 2]}', 'bot.json')).toEqual({ a: [1, 2] });
  });

  it.each([
    ['trailing comma in object', '{\n  "a": 1,\n}', 3, 1, 'trailing comma'],
    ['missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, 'expected "," or "}"'],
    ['single quotes', "{\n  'a': 1\n}", 2, 3, 'property name in double quotes'],
    ['unterminated string', '{"a": "abc', 1, 11, 'unterminated string'],
    ['raw line break in string', '{"a": "ab\ncd"}', 1, 10, 'control character'],
    ['empty document', '   ', 1, 4, 'empty'],
    ['text after the document', '{}\n{}', 2, 1, 'after the end'],
    ['bad literal', '{"a": tru}', 1, 7, 'expected a value'],
    ['trailing comma in array', '[1,\n 2,\n]', 3, 1, 'trailing comma'],
    ['bad number', '{"a": -}', 1, 7, 'invalid number'],
  ])('locates %s', (_name, text, line, column, reason) => {
    const where = locateJsonError(text);
    expect(where).toMatchObject({ line, column });
    expect(where.reason).toContain(reason);
  });

  it('throws an input error naming the file, line and column', () => {
    let caught: unknown;
    try {
      parseJsonDocument('{\n  "properties": {\n    "endpoint": "https://x"\n    "msaAppId": "y"\n  }\n}', 'bot.json');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as { code: string }).code).toBe(ErrorCodes.INVALID_INPUT);
    expect((caught as Error).message).toMatch(/^bot\.json is not valid JSON: expected "," or "}" but found """ at line 4, column 5\./);
  });

  it('refuses documents over the size limit', () => {
    expect(() => parseJsonDocument(`"${'a'.repeat(1024 * 1024)}"`, 'big.json')).toThrow(/larger than/);
  });
});
