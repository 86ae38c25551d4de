/**
 * The PNG pixel decoder for app icons: every standard colour type and bit depth (including Adam7
 * interlacing) into 8-bit RGBA. The chunks are walked and CRC-checked by png-chunks.ts; here the
 * image data is inflated with a cap equal to the size the header implies, so a PNG that lies
 * about its dimensions is caught without inflating more than it claims. Pure and browser-safe
 * (fflate for zlib).
 */
import { inflateCapped } from './inflate';
import { isPng, PNG_CHUNK_LIMITS, readPngChunks, type PngInfo } from './png-chunks';

export { isPng, type PngInfo };

export type PngResult =
  | { ok: true; info: PngInfo; rgba?: Uint8Array }
  | { ok: false; error: string; info?: PngInfo };

export const PNG_LIMITS = {
  /** Pixels decoded at most (icons are 192x192 and 32x32). */
  maxDecodePixels: 1024 * 1024,
  maxChunks: PNG_CHUNK_LIMITS.maxChunks,
} as const;

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ADAM7 = [
  [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
] as const;

function rowBytes(width: number, bitsPerPixel: number): number {
  return Math.ceil((width * bitsPerPixel) / 8);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Reverses the per-row filters in place; returns false on an unknown filter type. */
function unfilter(data: Uint8Array, start: number, h: number, stride: number, bpp: number): boolean {
  let prev = -1;
  for (let y = 0; y < h; y++) {
    const rowStart = start + y * (stride + 1);
    const type = data[rowStart] as number;
    const p = rowStart + 1;
    switch (type) {
      case 0: break;
      case 1: for (let x = bpp; x < stride; x++) data[p + x] = ((data[p + x] as number) + (data[p + x - bpp] as number)) & 0xff; break;
      case 2: if (prev >= 0) for (let x = 0; x < stride; x++) data[p + x] = ((data[p + x] as number) + (data[prev + x] as number)) & 0xff; break;
      case 3:
        for (let x = 0; x < stride; x++) {
          const left = x >= bpp ? (data[p + x - bpp] as number) : 0;
          const up = prev >= 0 ? (data[prev + x] as number) : 0;
          data[p + x] = ((data[p + x] as number) + ((left + up) >> 1)) & 0xff;
        }
        break;
      case 4:
        for (let x = 0; x < stride; x++) {
          const left = x >= bpp ? (data[p + x - bpp] as number) : 0;
          const up = prev >= 0 ? (data[prev + x] as number) : 0;
          const ul = prev >= 0 && x >= bpp ? (data[prev + x - bpp] as number) : 0;
          data[p + x] = ((data[p + x] as number) + paeth(left, up, ul)) & 0xff;
        }
        break;
      default: return false;
    }
    prev = p;
  }
  return true;
}

/** Reads a PNG; with `decode`, also returns its pixels as 8-bit RGBA. Never throws. */
export function readPng(b: Uint8Array, options: { decode?: boolean } = {}): PngResult {
  const chunks = readPngChunks(b);
  if (!chunks.ok) return chunks;
  const { info, palette, trns, idat, idatBytes } = chunks;
  if (!options.decode) return { ok: true, info };
  if (info.width * info.height > PNG_LIMITS.maxDecodePixels) return { ok: false, error: `the image is ${info.width}x${info.height}; botflow decodes icons up to ${PNG_LIMITS.maxDecodePixels} pixels`, info };

  const channels = CHANNELS[info.colorType] as number;
  const bitsPerPixel = channels * info.bitDepth;
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const passes = info.interlaced
    ? ADAM7.map(([x0, y0, dx, dy]) => ({
      x0, y0, dx, dy,
      w: Math.max(0, Math.ceil((info.width - x0) / dx)),
      h: Math.max(0, Math.ceil((info.height - y0) / dy)),
    })).filter((p) => p.w > 0 && p.h > 0)
    : [{ x0: 0, y0: 0, dx: 1, dy: 1, w: info.width, h: info.height }];
  const expected = passes.reduce((sum, p) => sum + p.h * (1 + rowBytes(p.w, bitsPerPixel)), 0);
  const compressed = new Uint8Array(idatBytes);
  let pos = 0;
  for (const c of idat) { compressed.set(c, pos); pos += c.length; }
  const inflated = inflateCapped(compressed, expected, 'zlib');
  if (!inflated.ok) {
    return {
      ok: false,
      error: inflated.reason === 'too-large'
        ? `the image data is larger than a ${info.width}x${info.height} image can hold: the header lies about the size`
        : `the image data cannot be decompressed (${inflated.message})`,
      info,
    };
  }
  const raw = inflated.data;
  if (raw.length < expected) return { ok: false, error: `the image data holds ${raw.length} bytes but a ${info.width}x${info.height} image needs ${expected}: the header lies about the size`, info };

  const rgba = new Uint8Array(info.width * info.height * 4);
  const maxSample = 2 ** info.bitDepth - 1;
  const trnsGrey = trns && info.colorType === 0 && trns.length >= 2 ? ((trns[0] as number) << 8) | (trns[1] as number) : -1;
  const trnsRgb = trns && info.colorType === 2 && trns.length >= 6
    ? [((trns[0] as number) << 8) | (trns[1] as number), ((trns[2] as number) << 8) | (trns[3] as number), ((trns[4] as number) << 8) | (trns[5] as number)]
    : undefined;
  let start = 0;
  for (const p of passes) {
    const stride = rowBytes(p.w, bitsPerPixel);
    if (!unfilter(raw, start, p.h, stride, bpp)) return { ok: false, error: 'a row uses an unknown filter type (the file is corrupt)', info };
    for (let y = 0; y < p.h; y++) {
      const row = start + y * (stride + 1) + 1;
      const sample = (index: number): number => {
        if (info.bitDepth === 8) return raw[row + index] as number;
        if (info.bitDepth === 16) return ((raw[row + index * 2] as number) << 8) | (raw[row + index * 2 + 1] as number);
        const bit = index * info.bitDepth;
        return ((raw[row + (bit >> 3)] as number) >> (8 - info.bitDepth - (bit & 7))) & maxSample;
      };
      // Rescaled to 8 bits linearly, round(v * 255 / max): the most accurate scaling by PNG's sample depth rules (RFC 2083, 9.1).
      const to8 = (v: number): number => (info.bitDepth === 8 ? v : Math.round((v * 255) / maxSample));
      for (let x = 0; x < p.w; x++) {
        const out = ((p.y0 + y * p.dy) * info.width + (p.x0 + x * p.dx)) * 4;
        let r: number; let g: number; let bl: number; let a = 255;
        switch (info.colorType) {
          case 0: { const v = sample(x); r = g = bl = to8(v); if (v === trnsGrey) a = 0; break; }
          case 2: {
            const vr = sample(x * 3); const vg = sample(x * 3 + 1); const vb = sample(x * 3 + 2);
            r = to8(vr); g = to8(vg); bl = to8(vb);
            if (trnsRgb && vr === trnsRgb[0] && vg === trnsRgb[1] && vb === trnsRgb[2]) a = 0;
            break;
          }
          case 3: {
            const idx = sample(x);
            if (idx * 3 + 2 >= (palette as Uint8Array).length) return { ok: false, error: `a pixel uses palette entry ${idx}, which the palette does not have`, info };
            r = palette![idx * 3] as number; g = palette![idx * 3 + 1] as number; bl = palette![idx * 3 + 2] as number;
            if (trns && idx < trns.length) a = trns[idx] as number;
            break;
          }
          case 4: r = g = bl = to8(sample(x * 2)); a = to8(sample(x * 2 + 1)); break;
          default: r = to8(sample(x * 4)); g = to8(sample(x * 4 + 1)); bl = to8(sample(x * 4 + 2)); a = to8(sample(x * 4 + 3));
        }
        rgba[out] = r; rgba[out + 1] = g; rgba[out + 2] = bl; rgba[out + 3] = a;
      }
    }
    start += p.h * (stride + 1);
  }
  return { ok: true, info, rgba };
}
