import { describe, expect, it } from 'vitest';
import { decodeJsonBytes, firstInvalidUtf8 } from './text-decode';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const acceptsStrictly = (b: Uint8Array): boolean => {
  try {
    strict.decode(b);
    return true;
  } catch {
    return false;
  }
};

// Bytes near every boundary of the well-formed UTF-8 table, and some ASCII.
const EDGES = [0x00, 0x0a, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff];

/** Random text of every UTF-8 length (1-4 bytes), with one byte in three runs set to a boundary byte. */
function randomBytes(seed: number, chars: number): Uint8Array {
  let x = seed;
  const next = (): number => { x = (x * 1103515245 + 12345) >>> 0; return x >>> 8; };
  const ranges = [[0x20, 0x7f], [0x80, 0x800], [0x800, 0xd800], [0xe000, 0x10000], [0x10000, 0x110000]] as const;
  const points = Array.from({ length: chars }, () => {
    const [lo, hi] = ranges[next() % ranges.length]!;
    return lo + (next() % (hi - lo));
  });
  const bytes = new TextEncoder().encode(String.fromCodePoint(...points));
  if (seed % 3 === 0) bytes[next() % bytes.length] = EDGES[next() % EDGES.length]!;
  return bytes;
}

describe('firstInvalidUtf8 and the strict TextDecoder agree', () => {
  it('on 20,000 random byte strings built around the UTF-8 boundaries', () => {
    let invalid = 0;
    for (let i = 0; i < 20_000; i++) {
      const bytes = randomBytes(i + 1, 1 + (i % 9));
      const scan = firstInvalidUtf8(bytes) === undefined;
      expect(scan, Buffer.from(bytes).toString('hex')).toBe(acceptsStrictly(bytes));
      if (!scan) invalid++;
    }
    // Both kinds were seen, in numbers.
    expect(invalid).toBeGreaterThan(3_000);
    expect(invalid).toBeLessThan(10_000);
  });

  it.each([
    ['overlong two-byte', [0xc0, 0x80], false],
    ['overlong three-byte', [0xe0, 0x80, 0x80], false],
    ['surrogate', [0xed, 0xa0, 0x80], false],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], false],
    ['F5 lead byte', [0xf5, 0x80, 0x80, 0x80], false],
    ['truncated euro sign', [0xe2, 0x82], false],
    ['euro sign', [0xe2, 0x82, 0xac], true],
    ['U+10FFFF', [0xf4, 0x8f, 0xbf, 0xbf], true],
  ])('%s', (_name, bytes, valid) => {
    const b = Uint8Array.from(bytes);
    expect(firstInvalidUtf8(b) === undefined).toBe(valid);
    expect(acceptsStrictly(b)).toBe(valid);
  });
});

describe('decodeJsonBytes', () => {
  it('decodes UTF-8 and tells a byte order mark', () => {
    expect(decodeJsonBytes(new TextEncoder().encode('{"name":"Zoë ✓"}'))).toEqual({ ok: true, text: '{"name":"Zoë ✓"}', bom: false });
    expect(decodeJsonBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toEqual({ ok: true, text: '{}', bom: true });
  });

  it('points at the first byte that is not UTF-8, after a BOM too', () => {
    const latin1 = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('{\n "a": "caf', 'latin1'), 0xe9, ...Buffer.from('"}', 'latin1')]);
    const r = decodeJsonBytes(latin1);
    expect(r).toMatchObject({ ok: false, reason: 'invalid-utf8', offset: 15, line: 2, column: 11 });
    expect(r.ok ? '' : r.message).toContain('byte 15 (line 2, column 11) is 0xe9');
  });

  it('refuses UTF-16 and UTF-32', () => {
    expect(decodeJsonBytes(Uint8Array.from([0xff, 0xfe, 0x7b, 0x00]))).toMatchObject({ ok: false, reason: 'utf16' });
    expect(decodeJsonBytes(Uint8Array.from([0x7b, 0x00, 0x7d, 0x00]))).toMatchObject({ ok: false, reason: 'utf16' });
    expect(decodeJsonBytes(Uint8Array.from([0xff, 0xfe, 0x00, 0x00]))).toMatchObject({ ok: false, reason: 'utf32' });
  });
});
