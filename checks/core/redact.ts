/**
 * Removing secrets the user supplied (a client secret, a token) from what botflow prints. The
 * first line is to keep them out of every string that can be output (`scrubStrings` on the
 * data, before any serialisation); `redactSecrets` on the final text is the last line. Both
 * remove every form a secret takes on its way through other systems: as it is, in any letter
 * case, JSON-escaped, URL-encoded (component and form style), in hex, and in base64 or
 * base64url at any byte alignment inside a longer encoded text. Browser-safe (no Node APIs).
 */

export const REDACTED = '[redacted]';

/** Secrets shorter than this are not searched for (they would match ordinary text). */
export const MIN_SECRET_LENGTH = 4;

function bytesToBinary(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/**
 * The part of base64(prefix + secret + suffix) that depends on the secret alone, for each of
 * the three alignments the secret can have, in standard and URL-safe alphabets.
 */
function base64Cores(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (let k = 0; k < 3; k += 1) {
    const padded = new Uint8Array(k + bytes.length);
    padded.set(bytes, k);
    const encoded = btoa(bytesToBinary(padded));
    const start = Math.ceil((8 * k) / 6);
    const end = Math.floor((8 * (k + bytes.length)) / 6);
    const core = encoded.slice(start, end);
    if (core.length >= 6) out.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

/** Every form of `secret` to search for, longest first. */
export function secretForms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const forms = new Set<string>([
    secret,
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(JSON.stringify(secret)).slice(2, -2),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(''),
    ...base64Cores(bytes),
  ]);
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A matcher for every form of every secret (case-insensitive), or undefined when there is none. */
function matcher(secrets: ReadonlyArray<string | undefined>): RegExp | undefined {
  const forms = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH).flatMap(secretForms))]
    .sort((a, b) => b.length - a.length);
  return forms.length ? new RegExp(forms.map(escapeRegExp).join('|'), 'gi') : undefined;
}

/** Replaces every form of every secret in `text` with [redacted]. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  const re = matcher(secrets);
  return re ? text.replace(re, REDACTED) : text;
}

/** A copy of `value` with every form of every secret removed from each string in it (keys too). */
export function scrubStrings<T>(value: T, secrets: ReadonlyArray<string | undefined>): T {
  const re = matcher(secrets);
  if (!re) return value;
  const scrub = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(re, REDACTED);
    if (Array.isArray(v)) return v.map(scrub);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k.replace(re, REDACTED), scrub(x)]));
    }
    return v;
  };
  return scrub(value) as T;
}
