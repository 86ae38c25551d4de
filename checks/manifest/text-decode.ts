/**
 * Turns file bytes into text the way a strict JSON reader would, and says precisely what is wrong
 * when it cannot: UTF-16 text, bytes that are not UTF-8 (with the byte offset, line and column),
 * and whether a UTF-8 byte order mark was present (RFC 8259 §8.1: JSON must not start with one;
 * readers may ignore it).
 */

export type DecodeResult =
  | { ok: true; text: string; bom: boolean }
  | { ok: false; reason: 'utf16' | 'utf32' | 'invalid-utf8'; message: string; offset?: number; line?: number; column?: number };

/** Length of the valid UTF-8 sequence at `i`, or 0 if the bytes there are not valid UTF-8. */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i] as number;
  if (c < 0x80) return 1;
  const cont = (k: number): boolean => i + k < b.length && ((b[i + k] as number) & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1] as number;
    if (c === 0xe0 && c1 < 0xa0) return 0;
    if (c === 0xed && c1 > 0x9f) return 0; // surrogates
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1] as number;
    if (c === 0xf0 && c1 < 0x90) return 0;
    if (c === 0xf4 && c1 > 0x8f) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Finds the first byte that is not valid UTF-8; -1 when all bytes are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number; column: number } | undefined {
  let line = 1;
  let column = 1;
  for (let i = 0; i < bytes.length;) {
    const len = utf8SequenceLength(bytes, i);
    if (len === 0) return { offset: i, line, column };
    if (bytes[i] === 10) { line++; column = 1; } else column++;
    i += len;
  }
  return undefined;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decodeJsonBytes(bytes: Uint8Array): DecodeResult {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (bytes.length >= 4 && ((b0 === 0xff && b1 === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff))) {
    return { ok: false, reason: 'utf32', message: 'the file is UTF-32 text; save it as UTF-8 without a byte order mark' };
  }
  if (bytes.length >= 2 && ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff))) {
    return { ok: false, reason: 'utf16', message: 'the file is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8' };
  }
  // UTF-16 without a BOM: JSON starts with an ASCII character, so a zero byte at 0 or 1 gives it away.
  if (bytes.length >= 2 && (b0 === 0 || b1 === 0) && b0 !== b1) {
    return { ok: false, reason: 'utf16', message: 'the file looks like UTF-16 text (zero bytes between characters); save it as UTF-8' };
  }
  const bom = bytes.length >= 3 && b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  // The platform's strict decoder first (native, and what a file of valid UTF-8 needs); the scan
  // below, which also knows the line and column, only runs for bytes it refused. Both follow
  // the well-formed UTF-8 table of the Unicode Standard (Table 3-7), and a test holds them equal.
  try {
    return { ok: true, text: strict.decode(body), bom };
  } catch {
    // not UTF-8: find where
  }
  const bad = firstInvalidUtf8(body);
  if (bad) {
    const offset = bad.offset + (bom ? 3 : 0);
    return {
      ok: false,
      reason: 'invalid-utf8',
      message: `the file is not valid UTF-8: byte ${offset} (line ${bad.line}, column ${bad.column}) is 0x${(body[bad.offset] as number).toString(16).padStart(2, '0')}; save the file as UTF-8 (it may be Windows-1252 or Latin-1)`,
      offset,
      line: bad.line,
      column: bad.column,
    };
  }
  return { ok: true, text: lenient.decode(body), bom };
}
