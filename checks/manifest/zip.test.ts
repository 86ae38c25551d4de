import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8, strFromU8, zipSync } from 'fflate';
import { nameProblems, readZipDirectory, readZipEntry, looksLikeZip } from './zip';
import { decodeJsonBytes, firstInvalidUtf8 } from './text-decode';

describe('readZipDirectory / readZipEntry', () => {
  it('reads every entry of zips made by fflate, stored and deflated', () => {
    fc.assert(fc.property(fc.dictionary(fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8})?\.txt$/), fc.string({ maxLength: 300 }), { minKeys: 1, maxKeys: 8 }), fc.integer({ min: 0, max: 9 }), (files, level) => {
      const zip = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])), { level: level as 0 });
      expect(looksLikeZip(zip)).toBe(true);
      const dir = readZipDirectory(zip);
      expect(dir.problems).toEqual([]);
      expect(dir.entries.map((e) => e.name).sort()).toEqual(Object.keys(files).sort());
      for (const e of dir.entries) {
        const r = readZipEntry(zip, e);
        expect(r.ok && strFromU8(r.data)).toBe(files[e.name]);
      }
    }), { numRuns: 100 });
  });

  it('detects a corrupted entry by its CRC', () => {
    const zip = zipSync({ 'a.txt': strToU8('hello hello hello') }, { level: 0 });
    const dir = readZipDirectory(zip);
    const bad = zip.slice();
    bad[30 + 5 + 2] = bad[30 + 5 + 2]! ^ 1; // a data byte of the stored entry
    expect(readZipEntry(bad, dir.entries[0]!)).toMatchObject({ ok: false, kind: 'corrupt', message: expect.stringMatching(/CRC-32/) });
  });

  it.each([
    ['../evil.txt', ['path-traversal']],
    ['a/../../evil.txt', ['path-traversal']],
    ['/etc/passwd', ['absolute-path']],
    ['C:/Windows/win.ini', ['absolute-path']],
    ['icons\\color.png', ['backslash']],
    ['..\\evil.txt', ['path-traversal', 'backslash']],
    ['manifest.json', []],
    ['loc/fr-fr.json', []],
  ])('name %j', (name, kinds) => {
    expect(nameProblems(name).map((p) => p.kind)).toEqual(kinds);
  });

  it('never throws on random bytes or mutated zips', () => {
    const zip = zipSync({ 'manifest.json': strToU8('{"a":1}'), 'b.png': new Uint8Array(100) });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 500 }), fc.array(fc.tuple(fc.nat(zip.length - 1), fc.integer({ min: 0, max: 255 }))), (random, edits) => {
      const mutated = zip.slice();
      for (const [at, v] of edits) mutated[at] = v;
      for (const bytes of [random, mutated]) {
        const dir = readZipDirectory(bytes);
        for (const e of dir.entries) expect(() => readZipEntry(bytes, e)).not.toThrow();
      }
    }), { numRuns: 300 });
  });
});

describe('decodeJsonBytes', () => {
  it('agrees with TextDecoder(fatal) on which byte strings are UTF-8', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
      let ok = true;
      try { strict.decode(b); } catch { ok = false; }
      expect(firstInvalidUtf8(b) === undefined).toBe(ok);
    }), { numRuns: 2000 });
  });

  it('strips and reports a UTF-8 BOM; refuses UTF-16 and UTF-32', () => {
    expect(decodeJsonBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toEqual({ ok: true, text: '{}', bom: true });
    expect(decodeJsonBytes(new Uint8Array([0xff, 0xfe, 0x7b, 0]))).toMatchObject({ ok: false, reason: 'utf16' });
    expect(decodeJsonBytes(new Uint8Array([0x7b, 0, 0x7d, 0]))).toMatchObject({ ok: false, reason: 'utf16' });
    expect(decodeJsonBytes(new Uint8Array([0xff, 0xfe, 0, 0]))).toMatchObject({ ok: false, reason: 'utf32' });
  });
});
