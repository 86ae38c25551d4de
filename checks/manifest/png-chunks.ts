/**
 * The PNG chunk walker: checks the signature, walks the chunks (lengths in bounds, CRC of each),
 * enforces their order where the decoder depends on it, and reads IHDR. It returns what the pixel
 * decoder (png.ts) needs (header, palette, transparency, image data) and decodes nothing itself.
 * Pure and browser-safe.
 */
import { crc32 } from './crc32';

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  colorType: number;
  interlaced: boolean;
  /** Has an alpha channel or a tRNS chunk. */
  hasTransparency: boolean;
}

/** The chunks of a well-formed PNG the decoder reads. */
export interface PngChunks {
  info: PngInfo;
  palette?: Uint8Array;
  trns?: Uint8Array;
  /** The IDAT payloads, in file order (one zlib stream split across them). */
  idat: Uint8Array[];
  idatBytes: number;
}

export type PngChunksResult = ({ ok: true } & PngChunks) | { ok: false; error: string; info?: PngInfo };

export const PNG_CHUNK_LIMITS = {
  maxChunks: 10_000,
} as const;

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Valid bit depths by colour type (PNG specification, IHDR). */
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

export function be32(b: Uint8Array, o: number): number {
  return (((b[o] as number) << 24) | ((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number)) >>> 0;
}

export function isPng(b: Uint8Array): boolean {
  return b.length >= 8 && SIGNATURE.every((v, i) => b[i] === v);
}

function describeNonPng(b: Uint8Array): string {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'the file is a JPEG, not a PNG';
  if (b.length >= 6 && (String.fromCharCode(...b.subarray(0, 6)) === 'GIF87a' || String.fromCharCode(...b.subarray(0, 6)) === 'GIF89a')) return 'the file is a GIF, not a PNG';
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'the file is a BMP, not a PNG';
  if (b.length >= 5 && /^\s*<(\?xml|svg)/i.test(String.fromCharCode(...b.subarray(0, Math.min(64, b.length))))) return 'the file is an SVG, not a PNG';
  if (b.length === 0) return 'the file is empty';
  return 'the file does not start with the PNG signature';
}

function readIhdr(data: Uint8Array): { info: PngInfo; error?: string } {
  const colorType = data[9] as number;
  const bitDepth = data[8] as number;
  const info: PngInfo = {
    width: be32(data, 0),
    height: be32(data, 4),
    bitDepth,
    colorType,
    interlaced: data[12] === 1,
    hasTransparency: colorType === 4 || colorType === 6,
  };
  if (info.width === 0 || info.height === 0 || info.width > 0x7fffffff || info.height > 0x7fffffff) return { info, error: 'the IHDR chunk gives an invalid width or height' };
  if (!(colorType in DEPTHS) || !DEPTHS[colorType]!.includes(bitDepth)) return { info, error: `colour type ${colorType} with bit depth ${bitDepth} is not a valid PNG combination` };
  if (data[10] !== 0 || data[11] !== 0 || (data[12] as number) > 1) return { info, error: 'the IHDR chunk names an unknown compression, filter or interlace method' };
  return { info };
}

/** Walks the chunks of a PNG up to IEND. Never throws. */
export function readPngChunks(b: Uint8Array): PngChunksResult {
  if (!isPng(b)) return { ok: false, error: describeNonPng(b) };
  let o = 8;
  let info: PngInfo | undefined;
  let palette: Uint8Array | undefined;
  let trns: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  let idatBytes = 0;
  let sawEnd = false;
  const fail = (error: string): PngChunksResult => ({ ok: false, error, ...(info ? { info } : {}) });
  for (let n = 0; o < b.length; n++) {
    if (n > PNG_CHUNK_LIMITS.maxChunks) return fail(`the file has more than ${PNG_CHUNK_LIMITS.maxChunks} chunks`);
    if (o + 12 > b.length) return fail('the file ends in the middle of a chunk (truncated)');
    const len = be32(b, o);
    const type = String.fromCharCode(b[o + 4] as number, b[o + 5] as number, b[o + 6] as number, b[o + 7] as number);
    if (len > b.length - o - 12) return fail(`the ${JSON.stringify(type)} chunk claims ${len} bytes but the file ends first (truncated or corrupt)`);
    const data = b.subarray(o + 8, o + 8 + len);
    if (crc32(b, o + 4, o + 8 + len) !== be32(b, o + 8 + len)) return fail(`the ${JSON.stringify(type)} chunk fails its CRC check (the file is corrupt)`);
    o += 12 + len;
    if (n === 0 && type !== 'IHDR') return { ok: false, error: 'the first chunk is not IHDR' };
    if (type === 'IHDR') {
      if (info) return fail('the file has two IHDR chunks');
      if (len !== 13) return { ok: false, error: 'the IHDR chunk has the wrong length' };
      const header = readIhdr(data);
      info = header.info;
      if (header.error) return fail(header.error);
    } else if (type === 'PLTE') {
      palette = data;
    } else if (type === 'tRNS') {
      trns = data;
      if (info) info.hasTransparency = true;
    } else if (type === 'IDAT') {
      idat.push(data);
      idatBytes += data.length;
    } else if (type === 'IEND') {
      sawEnd = true;
      break;
    }
  }
  if (!info) return { ok: false, error: 'the file has no IHDR chunk' };
  if (!sawEnd) return fail('the file has no IEND chunk (truncated)');
  if (idat.length === 0) return fail('the file has no image data (IDAT)');
  if (info.colorType === 3 && !palette) return fail('a palette image has no PLTE chunk');
  return { ok: true, info, idat, idatBytes, ...(palette ? { palette } : {}), ...(trns ? { trns } : {}) };
}
