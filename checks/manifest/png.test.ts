import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readPng, isPng } from './png';
import { readPngChunks } from './png-chunks';
import { encodePng, encodeRawPng, type PngSpec } from '../testing/manifests/png-encode';

const pattern: PngSpec['pixel'] = (x, y) => [(x * 37) & 255, (y * 53) & 255, (x ^ y) & 255, (x + y) % 3 === 0 ? 0 : 255];

describe('readPng', () => {
  it.each([
    ['RGBA 8-bit', { colorType: 6 as const }],
    ['RGBA 16-bit', { colorType: 6 as const, bitDepth: 16 as const }],
    ['RGBA interlaced', { colorType: 6 as const, interlace: true }],
    ['RGBA all filters', { colorType: 6 as const, filters: [0, 1, 2, 3, 4] }],
    ['RGBA 16-bit interlaced with filters', { colorType: 6 as const, bitDepth: 16 as const, interlace: true, filters: [4, 3, 2, 1] }],
  ])('decodes %s exactly', (_name, opts) => {
    for (const [w, h] of [[1, 1], [3, 5], [32, 32], [33, 17]] as const) {
      const png = encodePng({ width: w, height: h, pixel: pattern, ...opts });
      const r = readPng(png, { decode: true });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.info).toMatchObject({ width: w, height: h });
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
        expect([...r.rgba!.subarray((y * w + x) * 4, (y * w + x) * 4 + 4)]).toEqual(pattern(x, y));
      }
    }
  });

  it('decodes RGB, grey, grey+alpha and palette images', () => {
    const rgb = readPng(encodePng({ width: 4, height: 4, colorType: 2, filters: [1, 4], pixel: (x, y) => [x * 60, y * 60, 7, 255] }), { decode: true });
    expect(rgb.ok && [...rgb.rgba!.subarray(4 * 5, 4 * 5 + 4)]).toEqual([60, 60, 7, 255]);
    const grey = readPng(encodePng({ width: 4, height: 2, colorType: 0, pixel: (x) => [x * 80, 0, 0, 255] }), { decode: true });
    expect(grey.ok && [...grey.rgba!.subarray(4 * 3, 4 * 3 + 4)]).toEqual([240, 240, 240, 255]);
    const ga = readPng(encodePng({ width: 2, height: 2, colorType: 4, pixel: (x) => [200, 0, 0, x ? 0 : 255] }), { decode: true });
    expect(ga.ok && [...ga.rgba!.subarray(4, 8)]).toEqual([200, 200, 200, 0]);
    const pal = readPng(encodePng({ width: 5, height: 3, colorType: 3, pixel: (x) => (x % 2 ? [255, 255, 255, 255] : [0, 0, 0, 0]) }), { decode: true });
    expect(pal.ok && pal.info.hasTransparency).toBe(true);
    expect(pal.ok && [...pal.rgba!.subarray(4, 8)]).toEqual([255, 255, 255, 255]);
  });

  it('round-trips random RGBA images', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.boolean(), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 }), fc.integer(), (w, h, interlace, filters, seed) => {
      const px: PngSpec['pixel'] = (x, y) => [(x * 31 + seed) & 255, (y * 17 + seed) & 255, (x * y + seed) & 255, (x + y + seed) & 255];
      const r = readPng(encodePng({ width: w, height: h, interlace, filters, pixel: px }), { decode: true });
      expect(r.ok).toBe(true);
      if (r.ok) expect([...r.rgba!.subarray(((h - 1) * w + (w - 1)) * 4, ((h - 1) * w + (w - 1)) * 4 + 4)]).toEqual(px(w - 1, h - 1));
    }), { numRuns: 100 });
  });

  it.each([
    ['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), /JPEG/],
    ['a GIF', new TextEncoder().encode('GIF89a....'), /GIF/],
    ['empty', new Uint8Array(0), /empty/],
    ['text', new TextEncoder().encode('hello world'), /PNG signature/],
  ])('tells %s apart from a PNG', (_name, bytes, message) => {
    expect(isPng(bytes)).toBe(false);
    const r = readPng(bytes);
    expect(!r.ok && r.error).toMatch(message);
  });

  it('catches a header that claims fewer pixels than the data holds, without inflating it all', () => {
    const png = encodePng({ width: 600, height: 600, pixel: () => [255, 255, 255, 255] }, { ihdrWidth: 32, ihdrHeight: 32 });
    const r = readPng(png, { decode: true });
    expect(!r.ok && r.error).toMatch(/header lies about the size/);
  });

  it('catches a header that claims more pixels than the data holds', () => {
    const png = encodePng({ width: 8, height: 8, pixel: () => [255, 255, 255, 255] }, { ihdrWidth: 32, ihdrHeight: 32 });
    const r = readPng(png, { decode: true });
    expect(!r.ok && r.error).toMatch(/needs \d+: the header lies/);
  });

  it('reports a bad CRC, a truncated file and a chunk length past the end', () => {
    const png = encodePng({ width: 4, height: 4, pixel: pattern });
    const crc = png.slice(); crc[29] = crc[29]! ^ 0xff;
    expect(readPng(crc)).toMatchObject({ ok: false, error: expect.stringMatching(/CRC/) });
    expect(readPng(png.subarray(0, png.length - 6))).toMatchObject({ ok: false });
    const long = png.slice(); long[8] = 0x7f;
    expect(readPng(long)).toMatchObject({ ok: false, error: expect.stringMatching(/claims \d+ bytes/) });
  });

  it('refuses to decode huge images but reads their header', () => {
    const png = encodePng({ width: 1, height: 1, pixel: pattern }, { ihdrWidth: 50_000, ihdrHeight: 50_000 });
    expect(readPng(png)).toMatchObject({ ok: true, info: { width: 50_000, height: 50_000 } });
    expect(readPng(png, { decode: true })).toMatchObject({ ok: false, error: expect.stringMatching(/decodes icons up to/) });
  });

  it('never throws on random bytes after a PNG signature', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (tail) => {
      const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...tail]);
      expect(() => readPng(bytes, { decode: true })).not.toThrow();
    }), { numRuns: 500 });
  });
});

describe('readPngChunks', () => {
  const raw = { width: 5, height: 3, colorType: 3 as const, bitDepth: 2 as const, samples: (x: number, y: number) => [(x + y) % 3], palette: [[255, 0, 0], [0, 255, 0], [0, 0, 255]] as const, trns: [0, 128] };

  it('hands the decoder the header, palette, transparency and every IDAT piece in order, skipping ancillary chunks', () => {
    const one = encodeRawPng(raw);
    const split = encodeRawPng({ ...raw, idatChunks: 3, extraChunks: [{ type: 'tEXt', data: new TextEncoder().encode('Comment\0made by a test') }] });
    const c = readPngChunks(split);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.info).toEqual({ width: 5, height: 3, bitDepth: 2, colorType: 3, interlaced: false, hasTransparency: true });
    expect([...c.palette!]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255]);
    expect([...c.trns!]).toEqual([0, 128]);
    expect(c.idat).toHaveLength(3);
    expect(c.idatBytes).toBe(c.idat.reduce((n, d) => n + d.length, 0));
    const whole = readPngChunks(one);
    expect(whole.ok && [...whole.idat[0]!]).toEqual([...c.idat.flatMap((d) => [...d])]);
    const a = readPng(one, { decode: true });
    const b = readPng(split, { decode: true });
    expect(a.ok && b.ok && [...b.rgba!]).toEqual(a.ok && [...a.rgba!]);
  });

  it('refuses a palette image without PLTE, and a colour type and depth PNG does not allow', () => {
    const { palette: _p, ...noPalette } = raw;
    expect(readPngChunks(encodeRawPng(noPalette))).toMatchObject({ ok: false, error: 'a palette image has no PLTE chunk' });
    expect(readPngChunks(encodeRawPng({ ...raw, colorType: 2, bitDepth: 4, samples: () => [1, 2, 3] }))).toMatchObject({ ok: false, error: 'colour type 2 with bit depth 4 is not a valid PNG combination' });
  });
});
