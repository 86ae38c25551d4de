/**
 * The PNG decoder against an independent oracle: pngjs, a maintained PNG library, decodes the same
 * files and the pixels must agree exactly. The files cover every valid colour type and bit depth
 * (1, 2, 4, 8, 16), palettes with tRNS, grey and RGB with a transparent colour, Adam7 interlacing,
 * all five row filters and widths that leave partial bytes at the end of a row.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { readPng } from './png';
import { encodeRawPng, type RawPngSpec } from '../testing/manifests/png-encode';

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;
const DEPTHS = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] } as const;
type ColorType = keyof typeof CHANNELS;

/** Deterministic samples spread over the whole range of a depth (a small hash of x, y and the channel). */
function sampleAt(x: number, y: number, c: number, max: number, seed: number): number {
  let h = (x * 374761393 + y * 668265263 + c * 2147483647 + seed * 974711) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return ((h ^ (h >>> 16)) >>> 0) % (max + 1);
}

interface Case { colorType: ColorType; bitDepth: RawPngSpec['bitDepth']; interlace: boolean; trns: boolean; width: number; height: number; seed: number }

function spec(k: Case): RawPngSpec {
  const max = 2 ** k.bitDepth - 1;
  const paletteSize = k.colorType === 3 ? Math.min(max + 1, 40) : 0;
  const samples = (x: number, y: number): number[] => Array.from({ length: CHANNELS[k.colorType] }, (_, c) => sampleAt(x, y, c, k.colorType === 3 ? paletteSize - 1 : max, k.seed));
  const palette = Array.from({ length: paletteSize }, (_, i) => [sampleAt(i, 0, 0, 255, k.seed), sampleAt(i, 1, 0, 255, k.seed), sampleAt(i, 2, 0, 255, k.seed)] as const);
  let trns: number[] | undefined;
  if (k.trns && k.colorType === 3) trns = Array.from({ length: Math.ceil(paletteSize / 2) }, (_, i) => sampleAt(i, 3, 0, 255, k.seed)); // shorter than the palette: the rest are opaque
  if (k.trns && (k.colorType === 0 || k.colorType === 2)) trns = samples(0, 0).flatMap((v) => [v >> 8, v & 0xff]); // the colour of pixel (0, 0) is transparent
  return {
    width: k.width, height: k.height, colorType: k.colorType, bitDepth: k.bitDepth, samples, filters: [0, 1, 2, 3, 4],
    ...(k.interlace ? { interlace: true } : {}), ...(paletteSize ? { palette } : {}), ...(trns ? { trns } : {}),
  };
}

function expectSamePixels(k: Case): void {
  const file = encodeRawPng(spec(k));
  const oracle = PNG.sync.read(Buffer.from(file));
  const ours = readPng(file, { decode: true });
  expect(ours.ok, ours.ok ? '' : ours.error).toBe(true);
  if (!ours.ok) return;
  expect(ours.info).toMatchObject({ width: oracle.width, height: oracle.height, bitDepth: oracle.depth, colorType: oracle.colorType, interlaced: k.interlace });
  expect(ours.info.hasTransparency).toBe(k.colorType === 4 || k.colorType === 6 || k.trns);
  expect(ours.rgba!.length).toBe(oracle.data.length);
  // A fully transparent pixel has no colour to compare: pngjs writes it as 0,0,0,0, readPng keeps the stored colour.
  const pixel = (data: Uint8Array, i: number): number[] => (data[i + 3] === 0 ? [0, 0, 0, 0] : [...data.subarray(i, i + 4)]);
  let first = -1;
  for (let i = 0; i < ours.rgba!.length && first < 0; i += 4) if (pixel(ours.rgba!, i).some((v, c) => v !== pixel(oracle.data, i)[c])) first = i;
  expect(first, first < 0 ? '' : `pixel ${(first >> 2) % k.width},${Math.floor((first >> 2) / k.width)}: ours ${[...ours.rgba!.subarray(first & ~3, (first & ~3) + 4)]}, pngjs ${[...oracle.data.subarray(first & ~3, (first & ~3) + 4)]}`).toBe(-1);
}

const matrix: Case[] = [];
for (const ct of [0, 2, 3, 4, 6] as const) {
  for (const depth of DEPTHS[ct]) {
    for (const interlace of [false, true]) {
      for (const trns of ct === 4 || ct === 6 ? [false] : [false, true]) {
        matrix.push({ colorType: ct, bitDepth: depth, interlace, trns, width: 13, height: 11, seed: matrix.length });
      }
    }
  }
}
const label = (k: Case) => `colour type ${k.colorType}, ${k.bitDepth}-bit${k.interlace ? ', Adam7' : ''}${k.trns ? ', tRNS' : ''}`;

describe('readPng against pngjs', () => {
  it('covers every colour type and bit depth, interlaced or not, with and without tRNS', () => {
    expect(matrix.length).toBe(2 * (5 * 2 + 2 * 2 + 4 * 2) + 2 * (2 + 2));
  });

  it.each(matrix.map((k) => [label(k), k] as const))('%s: the same pixels', (_label, k) => expectSamePixels(k));

  it.each([[1, 1], [1, 9], [9, 1], [2, 3], [8, 8], [33, 17]] as const)('sizes %ix%i (empty Adam7 passes, partial bytes) decode alike in every format', (width, height) => {
    for (const k of matrix) expectSamePixels({ ...k, width, height });
  });

  it('agrees on random formats, sizes and contents', () => {
    const ct = fc.constantFrom(0, 2, 3, 4, 6) as fc.Arbitrary<ColorType>;
    fc.assert(fc.property(
      ct.chain((colorType) => fc.record({
        colorType: fc.constant(colorType),
        bitDepth: fc.constantFrom(...DEPTHS[colorType]) as fc.Arbitrary<RawPngSpec['bitDepth']>,
        interlace: fc.boolean(),
        trns: colorType === 4 || colorType === 6 ? fc.constant(false) : fc.boolean(),
        width: fc.integer({ min: 1, max: 40 }),
        height: fc.integer({ min: 1, max: 40 }),
        seed: fc.integer({ min: 0, max: 1_000_000 }),
      })),
      (k) => expectSamePixels(k),
    ), { numRuns: 150, seed: 17 });
  });
});
