/**
 * A small PNG writer for tests: real PNG files (signature, IHDR, PLTE/tRNS, zlib IDAT with
 * per-row filters, IEND, correct CRCs) for icons and for the decoder's tests.
 */
import { zlibSync } from 'fflate';
import { crc32 } from '../../manifest/crc32';

export interface PngSpec {
  width: number;
  height: number;
  /** Pixel colour at (x, y) as [r, g, b, a] 0-255. */
  pixel(x: number, y: number): [number, number, number, number];
  colorType?: 0 | 2 | 3 | 4 | 6;
  bitDepth?: 8 | 16;
  /** Filter type per row (cycled): exercises the decoder's unfilter paths. */
  filters?: number[];
  interlace?: boolean;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a); const pb = Math.abs(p - b); const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

/** A PNG given by its raw samples: any valid colour type and bit depth, packed as the file stores them. */
export interface RawPngSpec {
  width: number;
  height: number;
  colorType: 0 | 2 | 3 | 4 | 6;
  bitDepth: 1 | 2 | 4 | 8 | 16;
  /** The samples of pixel (x, y), one per channel, each 0 to 2^bitDepth - 1 (a palette index for colour type 3). */
  samples(x: number, y: number): number[];
  /** PLTE entries as [r, g, b]. */
  palette?: ReadonlyArray<readonly [number, number, number]>;
  /** tRNS payload as bytes: alphas by palette index, or a 16-bit grey / RGB value that is transparent. */
  trns?: readonly number[];
  /** Filter type per row (cycled): exercises the decoder's unfilter paths. */
  filters?: number[];
  interlace?: boolean;
  /** Splits the zlib stream over this many IDAT chunks (default 1). */
  idatChunks?: number;
  /** Ancillary chunks written before the image data, e.g. tEXt. */
  extraChunks?: ReadonlyArray<{ type: string; data: Uint8Array }>;
}

/** Packs one row of samples at a bit depth (samples below 8 bits fill bytes from the high bit). */
function packRow(samples: number[], depth: number): number[] {
  if (depth === 8) return samples;
  if (depth === 16) return samples.flatMap((v) => [v >> 8, v & 0xff]);
  const out = new Array<number>(Math.ceil((samples.length * depth) / 8)).fill(0);
  samples.forEach((v, i) => {
    const bit = i * depth;
    out[bit >> 3]! |= v << (8 - depth - (bit & 7));
  });
  return out;
}

export function encodeRawPng(spec: RawPngSpec, options: { ihdrWidth?: number; ihdrHeight?: number; extraData?: number } = {}): Uint8Array {
  const { colorType: ct, bitDepth: depth } = spec;
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[ct];
  const bpp = Math.max(1, (channels * depth) >> 3);
  const passes = spec.interlace
    ? ADAM7.map(([x0, y0, dx, dy]) => ({ x0, y0, dx, dy, w: Math.ceil((spec.width - x0) / dx), h: Math.ceil((spec.height - y0) / dy) })).filter((p) => p.w > 0 && p.h > 0)
    : [{ x0: 0, y0: 0, dx: 1, dy: 1, w: spec.width, h: spec.height }];
  const rows: number[] = [];
  let rowIndex = 0;
  for (const p of passes) {
    let prev: number[] | undefined;
    for (let y = 0; y < p.h; y++) {
      const samples: number[] = [];
      for (let x = 0; x < p.w; x++) samples.push(...spec.samples(p.x0 + x * p.dx, p.y0 + y * p.dy));
      const raw = packRow(samples, depth);
      const filter = spec.filters ? spec.filters[rowIndex++ % spec.filters.length]! : 0;
      rows.push(filter);
      for (let i = 0; i < raw.length; i++) {
        const left = i >= bpp ? raw[i - bpp]! : 0;
        const up = prev ? prev[i]! : 0;
        const ul = prev && i >= bpp ? prev[i - bpp]! : 0;
        const pred = filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : filter === 4 ? paeth(left, up, ul) : 0;
        rows.push((raw[i]! - pred) & 0xff);
      }
      prev = raw;
    }
  }
  for (let i = 0; i < (options.extraData ?? 0); i++) rows.push(0);
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, options.ihdrWidth ?? spec.width);
  dv.setUint32(4, options.ihdrHeight ?? spec.height);
  ihdr[8] = depth; ihdr[9] = ct; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = spec.interlace ? 1 : 0;
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (spec.palette) parts.push(chunk('PLTE', new Uint8Array(spec.palette.flatMap((c) => [c[0], c[1], c[2]]))));
  if (spec.trns) parts.push(chunk('tRNS', new Uint8Array(spec.trns)));
  for (const extra of spec.extraChunks ?? []) parts.push(chunk(extra.type, extra.data));
  const stream = zlibSync(new Uint8Array(rows));
  const pieces = Math.max(1, spec.idatChunks ?? 1);
  const size = Math.ceil(stream.length / pieces);
  for (let i = 0; i < pieces; i++) parts.push(chunk('IDAT', stream.subarray(i * size, Math.min(stream.length, (i + 1) * size))));
  parts.push(chunk('IEND', new Uint8Array(0)));
  return concat(parts);
}

/** A PNG of 8-bit RGBA colours, stored as the colour type and depth asked (palette built from the colours seen). */
export function encodePng(spec: PngSpec, options: { ihdrWidth?: number; ihdrHeight?: number; extraData?: number } = {}): Uint8Array {
  const ct = spec.colorType ?? 6;
  const depth = spec.bitDepth ?? 8;
  const palette: Array<[number, number, number, number]> = [];
  const paletteIndex = (c: [number, number, number, number]): number => {
    let i = palette.findIndex((p) => p.every((v, k) => v === c[k]));
    if (i < 0) { palette.push(c); i = palette.length - 1; }
    return i;
  };
  const widen = (v: number): number => (depth === 16 ? (v << 8) | v : v);
  const samples = (x: number, y: number): number[] => {
    const [r, g, b, a] = spec.pixel(x, y);
    switch (ct) {
      case 0: return [widen(r)];
      case 2: return [r, g, b].map(widen);
      case 3: return [paletteIndex([r, g, b, a])];
      case 4: return [r, a].map(widen);
      default: return [r, g, b, a].map(widen);
    }
  };
  if (ct === 3) for (let y = 0; y < spec.height; y++) for (let x = 0; x < spec.width; x++) samples(x, y);
  return encodeRawPng({
    width: spec.width, height: spec.height, colorType: ct, bitDepth: depth, samples,
    ...(spec.filters ? { filters: spec.filters } : {}),
    ...(spec.interlace ? { interlace: true } : {}),
    ...(ct === 3 ? { palette: palette.map((p) => [p[0], p[1], p[2]] as const) } : {}),
    ...(ct === 3 && palette.some((p) => p[3] !== 255) ? { trns: palette.map((p) => p[3]) } : {}),
  }, options);
}

/** A 192x192 colour icon: a blue rounded square on a transparent background. */
export function colorIcon(size = 192): Uint8Array {
  return encodePng({
    width: size, height: size, filters: [0, 1, 2, 3, 4],
    pixel: (x, y) => {
      const q = size / 4;
      const inside = x >= q && x < size - q && y >= q && y < size - q;
      return inside ? [0x46, 0x47, 0xc1, 255] : [0, 0, 0, 0];
    },
  });
}

/** A 32x32 outline icon: a white ring on transparent (optionally with one coloured pixel). */
export function outlineIcon(options: { size?: number; strayColor?: [number, number, number, number] } = {}): Uint8Array {
  const size = options.size ?? 32;
  return encodePng({
    width: size, height: size, filters: [4, 1, 0, 2, 3],
    pixel: (x, y) => {
      if (options.strayColor && x === 10 && y === 3) return options.strayColor;
      const d = Math.hypot(x - size / 2 + 0.5, y - size / 2 + 0.5);
      if (d > 10 && d < 13) return [255, 255, 255, 255];
      if (d >= 13 && d < 14) return [255, 255, 255, 128];
      return [0, 0, 0, 0];
    },
  });
}
