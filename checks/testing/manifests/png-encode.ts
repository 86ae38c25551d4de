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

export function encodePng(spec: PngSpec, options: { ihdrWidth?: number; ihdrHeight?: number; extraData?: number } = {}): Uint8Array {
  const ct = spec.colorType ?? 6;
  const depth = spec.bitDepth ?? 8;
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[ct];
  const bpp = Math.max(1, (channels * depth) >> 3);
  const palette: Array<[number, number, number, number]> = [];
  const paletteIndex = (c: [number, number, number, number]): number => {
    let i = palette.findIndex((p) => p.every((v, k) => v === c[k]));
    if (i < 0) { palette.push(c); i = palette.length - 1; }
    return i;
  };
  const sample = (x: number, y: number): number[] => {
    const [r, g, b, a] = spec.pixel(x, y);
    switch (ct) {
      case 0: return [r];
      case 2: return [r, g, b];
      case 3: return [paletteIndex([r, g, b, a])];
      case 4: return [r, a];
      default: return [r, g, b, a];
    }
  };
  const passes = spec.interlace
    ? ADAM7.map(([x0, y0, dx, dy]) => ({ x0, y0, dx, dy, w: Math.ceil((spec.width - x0) / dx), h: Math.ceil((spec.height - y0) / dy) })).filter((p) => p.w > 0 && p.h > 0)
    : [{ x0: 0, y0: 0, dx: 1, dy: 1, w: spec.width, h: spec.height }];
  const rows: number[] = [];
  let rowIndex = 0;
  for (const p of passes) {
    let prev: number[] | undefined;
    for (let y = 0; y < p.h; y++) {
      const raw: number[] = [];
      for (let x = 0; x < p.w; x++) {
        for (const v of sample(p.x0 + x * p.dx, p.y0 + y * p.dy)) {
          if (depth === 16) raw.push(v, v); else raw.push(v);
        }
      }
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
  const idat = zlibSync(new Uint8Array(rows));
  if (ct === 3) {
    parts.push(chunk('PLTE', new Uint8Array(palette.flatMap((p) => [p[0], p[1], p[2]]))));
    if (palette.some((p) => p[3] !== 255)) parts.push(chunk('tRNS', new Uint8Array(palette.map((p) => p[3]))));
  }
  parts.push(chunk('IDAT', idat), chunk('IEND', new Uint8Array(0)));
  return concat(parts);
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
