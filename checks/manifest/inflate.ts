/**
 * Decompression with a hard output cap, enforced while inflating: input is fed in small slices so
 * one slice can never expand past the cap by much (DEFLATE expands at most ~1032:1), and the run
 * stops as soon as the output passes the cap. Used for zip entries and PNG image data.
 */
import { Inflate, Unzlib } from 'fflate';

export type InflateResult =
  | { ok: true; data: Uint8Array }
  | { ok: false; reason: 'too-large' | 'corrupt'; message: string; produced: number };

const SLICE = 1024;

class CapReached extends Error {}

/** Inflates raw DEFLATE (`format: 'raw'`, zip) or zlib-wrapped DEFLATE (`'zlib'`, PNG). */
export function inflateCapped(input: Uint8Array, cap: number, format: 'raw' | 'zlib'): InflateResult {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let finished = false;
  const onData = (chunk: Uint8Array, final: boolean): void => {
    produced += chunk.length;
    if (produced > cap) throw new CapReached();
    chunks.push(chunk);
    if (final) finished = true;
  };
  const stream = format === 'raw' ? new Inflate(onData) : new Unzlib(onData);
  try {
    if (input.length === 0) stream.push(new Uint8Array(0), true);
    for (let off = 0; off < input.length; off += SLICE) {
      const end = Math.min(off + SLICE, input.length);
      stream.push(input.subarray(off, end), end >= input.length);
      if (finished) break;
    }
  } catch (err) {
    if (err instanceof CapReached) {
      return { ok: false, reason: 'too-large', message: `expands to more than ${cap} bytes`, produced };
    }
    return { ok: false, reason: 'corrupt', message: `the compressed data is corrupt (${err instanceof Error ? err.message : String(err)})`, produced };
  }
  if (!finished) return { ok: false, reason: 'corrupt', message: 'the compressed data ends early', produced };
  const out = new Uint8Array(produced);
  let pos = 0;
  for (const c of chunks) { out.set(c, pos); pos += c.length; }
  return { ok: true, data: out };
}
