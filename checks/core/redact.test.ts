import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { redactSecrets, scrubStrings, secretForms } from './redact';

const SECRET = 'Ab"c\\d~Q8x+/=é-long-enough';

const encodings: Array<[string, (s: string) => string]> = [
  ['as it is', (s) => s],
  ['lower-cased', (s) => s.toLowerCase()],
  ['upper-cased', (s) => s.toUpperCase()],
  ['JSON-escaped', (s) => JSON.stringify(s).slice(1, -1)],
  ['JSON in JSON', (s) => JSON.stringify(JSON.stringify(s))],
  ['URL-encoded', (s) => encodeURIComponent(s)],
  ['form-encoded', (s) => new URLSearchParams({ q: s }).toString()],
  ['hex', (s) => Buffer.from(s).toString('hex')],
  ['HEX', (s) => Buffer.from(s).toString('hex').toUpperCase()],
  ['base64', (s) => Buffer.from(s).toString('base64')],
  ['base64url', (s) => Buffer.from(s).toString('base64url')],
  ['base64 after 1 byte', (s) => Buffer.from(`x${s}`).toString('base64')],
  ['base64 after 2 bytes, then more', (s) => Buffer.from(`xy${s}tail`).toString('base64')],
  ['base64url inside a JWT-like blob', (s) => `eyJ.${Buffer.from(`{"k":"${s}"}`).toString('base64url')}.sig`],
];

describe('redactSecrets', () => {
  it.each(encodings)('removes the secret %s', (_name, encode) => {
    const text = `before ${encode(SECRET)} after`;
    const out = redactSecrets(text, [SECRET]);
    expect(out).toContain('[redacted]');
    expect(out).not.toContain(encode(SECRET));
    expect(out.startsWith('before ')).toBe(true);
  });

  it('finds base64 of the secret at any offset in any text (property)', () => {
    fc.assert(fc.property(fc.string({ minLength: 8, maxLength: 40 }), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (secret, pre, post) => {
      const encoded = Buffer.from(`${pre}${secret}${post}`).toString('base64');
      const out = redactSecrets(encoded, [secret]);
      return out.includes('[redacted]');
    }), { numRuns: 300 });
  });

  it('leaves text without the secret alone, and ignores very short or missing secrets', () => {
    expect(redactSecrets('nothing here', [SECRET])).toBe('nothing here');
    expect(redactSecrets('abc abc', ['abc', undefined])).toBe('abc abc');
    expect(secretForms('abcd').every((f) => f.length >= 4)).toBe(true);
  });
});

describe('scrubStrings', () => {
  it('removes the secret from every string (and key) of a value before it is serialised', () => {
    const value = { a: `x${SECRET}y`, b: [{ c: SECRET.toLowerCase() }], [`k${SECRET}`]: 1, n: 5, t: true };
    const out = scrubStrings(value, [SECRET]);
    const json = JSON.stringify(out);
    for (const [, encode] of encodings) expect(json).not.toContain(encode(SECRET));
    expect(out.n).toBe(5);
    expect(out.t).toBe(true);
  });
});
