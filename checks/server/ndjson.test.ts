import { describe, expect, it } from 'vitest';
import { NdjsonDecoder } from './protocol';

describe('NdjsonDecoder', () => {
  it('returns values as their lines complete, across chunk boundaries', () => {
    const d = new NdjsonDecoder();
    expect(d.push('{"a":1}\n{"b"')).toEqual([{ a: 1 }]);
    expect(d.push(':2}')).toEqual([]);
    expect(d.push('\n\n{"c":[1,2]}\n')).toEqual([{ b: 2 }, { c: [1, 2] }]);
    expect(d.end()).toEqual([]);
  });

  it('keeps a last line without a newline for end()', () => {
    const d = new NdjsonDecoder();
    expect(d.push('{"a":1}\r\n{"z":true}')).toEqual([{ a: 1 }]);
    expect(d.end()).toEqual([{ z: true }]);
  });

  it('throws on a line that is not JSON, and on a runaway line', () => {
    expect(() => new NdjsonDecoder().push('<html>oops</html>\n')).toThrow(/not JSON: <html>/);
    expect(() => new NdjsonDecoder(10).push('x'.repeat(11))).toThrow(/longer than 10/);
  });
});
