/**
 * A small, defensive zip reader for Teams app packages. It reads the central directory only,
 * checks every entry's declared sizes and name before anything is inflated, and inflates single
 * entries on demand with a cap that is enforced while inflating (zip bombs and entries that lie
 * about their size stop early). Pure and browser-safe (fflate for DEFLATE).
 */
import { crc32 } from './crc32';
import { inflateCapped } from './inflate';
import { looksLikeZip } from './zip-magic';

export const ZIP_LIMITS = {
  /** Entries in the central directory. */
  maxEntries: 1000,
  /** Sum of the declared uncompressed sizes. */
  maxTotalUncompressed: 100 * 1024 * 1024,
  /** One inflated entry (manifest.json, an icon, a localization file). */
  maxEntryBytes: 10 * 1024 * 1024,
  /** Declared compression ratio above which an entry is treated as a bomb. */
  maxRatio: 1000,
} as const;

export type ZipProblemKind =
  | 'not-zip' | 'corrupt' | 'zip64' | 'multi-disk' | 'too-many-entries' | 'too-large' | 'bomb'
  | 'path-traversal' | 'absolute-path' | 'backslash' | 'duplicate' | 'encrypted' | 'unsupported-method';

export interface ZipProblem {
  kind: ZipProblemKind;
  message: string;
  entry?: string;
}

export interface ZipEntry {
  name: string;
  /** Declared uncompressed size. */
  size: number;
  compressedSize: number;
  /** 0 stored, 8 deflated. */
  method: number;
  encrypted: boolean;
  isDirectory: boolean;
  crc: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Entries the directory declares (may exceed `entries.length` when capped). */
  declaredCount: number;
  problems: ZipProblem[];
}

export type ZipReadResult =
  | { ok: true; data: Uint8Array }
  | { ok: false; kind: ZipProblemKind; message: string };

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;

export { looksLikeZip };

function u16(b: Uint8Array, o: number): number {
  return (b[o] as number) | ((b[o + 1] as number) << 8);
}
function u32(b: Uint8Array, o: number): number {
  return ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16) | ((b[o + 3] as number) << 24)) >>> 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeName(raw: Uint8Array): string {
  try {
    return utf8.decode(raw);
  } catch {
    // Not UTF-8: the legacy code page. Map bytes 1:1 so the name stays printable and unique.
    return Array.from(raw, (c) => String.fromCharCode(c)).join('');
  }
}

function findEocd(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let o = b.length - 22; o >= min; o--) {
    if (u32(b, o) === SIG_EOCD && o + 22 + u16(b, o + 20) <= b.length) return o;
  }
  return -1;
}

/** Problems with an entry's name, before it is ever used as a path. */
export function nameProblems(name: string): ZipProblem[] {
  const out: ZipProblem[] = [];
  const segments = name.split(/[/\\]/);
  if (segments.includes('..')) {
    out.push({ kind: 'path-traversal', entry: name, message: `"${name}" climbs out of the package with ".."` });
  }
  if (/^([/\\]|[A-Za-z]:)/.test(name)) {
    out.push({ kind: 'absolute-path', entry: name, message: `"${name}" is an absolute path` });
  }
  if (name.includes('\\')) {
    out.push({ kind: 'backslash', entry: name, message: `"${name}" uses "\\" as a folder separator (zip paths use "/"); some tools, such as older Windows PowerShell Compress-Archive, write such names` });
  }
  return out;
}

/** Reads the central directory; never throws. */
export function readZipDirectory(b: Uint8Array, limits = ZIP_LIMITS): ZipDirectory {
  const problems: ZipProblem[] = [];
  const entries: ZipEntry[] = [];
  const eocd = findEocd(b);
  if (eocd < 0) {
    return { entries, declaredCount: 0, problems: [{ kind: looksLikeZip(b) ? 'corrupt' : 'not-zip', message: 'the zip end-of-directory record is missing (the file is truncated or not a zip)' }] };
  }
  if (eocd >= 20 && u32(b, eocd - 20) === SIG_ZIP64_LOCATOR) {
    return { entries, declaredCount: 0, problems: [{ kind: 'zip64', message: 'the archive uses the ZIP64 format, which an app package never needs; re-create it with a standard zip tool' }] };
  }
  if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0) {
    return { entries, declaredCount: 0, problems: [{ kind: 'multi-disk', message: 'the archive is split across several files (multi-disk); create a single zip file' }] };
  }
  const declaredCount = u16(b, eocd + 10);
  const cdSize = u32(b, eocd + 12);
  const cdOffset = u32(b, eocd + 16);
  if (cdOffset + cdSize > eocd) {
    return { entries, declaredCount, problems: [{ kind: 'corrupt', message: 'the central directory points outside the file (the zip is truncated or corrupt)' }] };
  }
  if (declaredCount > limits.maxEntries) {
    problems.push({ kind: 'too-many-entries', message: `the archive declares ${declaredCount} entries; botflow reads at most ${limits.maxEntries} (an app package normally has a handful)` });
  }
  const seen = new Set<string>();
  let total = 0;
  let o = cdOffset;
  const count = Math.min(declaredCount, limits.maxEntries);
  for (let k = 0; k < count; k++) {
    if (o + 46 > b.length || u32(b, o) !== SIG_CENTRAL) {
      problems.push({ kind: 'corrupt', message: `central directory entry ${k + 1} is malformed` });
      break;
    }
    const flags = u16(b, o + 8);
    const method = u16(b, o + 10);
    const crc = u32(b, o + 16);
    const compressedSize = u32(b, o + 20);
    const size = u32(b, o + 24);
    const nameLen = u16(b, o + 28);
    const extraLen = u16(b, o + 30);
    const commentLen = u16(b, o + 32);
    const localHeaderOffset = u32(b, o + 42);
    if (o + 46 + nameLen > b.length) {
      problems.push({ kind: 'corrupt', message: `central directory entry ${k + 1} has a name past the end of the file` });
      break;
    }
    const name = decodeName(b.subarray(o + 46, o + 46 + nameLen));
    o += 46 + nameLen + extraLen + commentLen;
    const entry: ZipEntry = {
      name,
      size,
      compressedSize,
      method,
      encrypted: (flags & 1) === 1,
      isDirectory: name.endsWith('/') || name.endsWith('\\'),
      crc,
      localHeaderOffset,
    };
    entries.push(entry);
    problems.push(...nameProblems(name));
    if (seen.has(name)) problems.push({ kind: 'duplicate', entry: name, message: `"${name}" appears more than once in the archive` });
    seen.add(name);
    if (entry.encrypted) problems.push({ kind: 'encrypted', entry: name, message: `"${name}" is encrypted; app packages cannot be password-protected` });
    if (!entry.isDirectory && method !== 0 && method !== 8) {
      problems.push({ kind: 'unsupported-method', entry: name, message: `"${name}" uses compression method ${method}; use Deflate (8) or Store (0)` });
    }
    if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      problems.push({ kind: 'zip64', entry: name, message: `"${name}" uses ZIP64 sizes, which an app package never needs` });
    }
    if (compressedSize > 0 && size / compressedSize > limits.maxRatio && size > 1024 * 1024) {
      problems.push({ kind: 'bomb', entry: name, message: `"${name}" declares ${size} bytes from ${compressedSize} compressed bytes (ratio over ${limits.maxRatio}:1); this looks like a zip bomb` });
    }
    total += size;
  }
  if (total > limits.maxTotalUncompressed) {
    problems.push({ kind: 'too-large', message: `the entries declare ${total} bytes uncompressed in total; botflow reads at most ${limits.maxTotalUncompressed}` });
  }
  return { entries, declaredCount, problems };
}

/** Inflates one entry, checking declared sizes first and enforcing them while inflating. */
export function readZipEntry(b: Uint8Array, entry: ZipEntry, limits = ZIP_LIMITS): ZipReadResult {
  if (entry.encrypted) return { ok: false, kind: 'encrypted', message: `"${entry.name}" is encrypted` };
  if (entry.method !== 0 && entry.method !== 8) return { ok: false, kind: 'unsupported-method', message: `"${entry.name}" uses compression method ${entry.method}` };
  if (entry.size > limits.maxEntryBytes) {
    return { ok: false, kind: 'too-large', message: `"${entry.name}" declares ${entry.size} bytes; botflow reads entries up to ${limits.maxEntryBytes} bytes` };
  }
  const lo = entry.localHeaderOffset;
  if (lo + 30 > b.length || u32(b, lo) !== SIG_LOCAL) return { ok: false, kind: 'corrupt', message: `the local header of "${entry.name}" is missing or malformed` };
  const start = lo + 30 + u16(b, lo + 26) + u16(b, lo + 28);
  const end = start + entry.compressedSize;
  if (end > b.length) return { ok: false, kind: 'corrupt', message: `the data of "${entry.name}" runs past the end of the file` };
  const raw = b.subarray(start, end);
  let data: Uint8Array;
  if (entry.method === 0) {
    data = raw;
  } else {
    const r = inflateCapped(raw, entry.size, 'raw');
    if (!r.ok) {
      return r.reason === 'too-large'
        ? { ok: false, kind: 'bomb', message: `"${entry.name}" inflates to more than the ${entry.size} bytes it declares; the archive lies about its sizes` }
        : { ok: false, kind: 'corrupt', message: `"${entry.name}": ${r.message}` };
    }
    data = r.data;
  }
  if (data.length !== entry.size) {
    return { ok: false, kind: 'corrupt', message: `"${entry.name}" holds ${data.length} bytes but declares ${entry.size}` };
  }
  if (crc32(data) !== entry.crc) return { ok: false, kind: 'corrupt', message: `"${entry.name}" fails its CRC-32 check (the archive is corrupt)` };
  return { ok: true, data };
}
