/**
 * Hostile and broken input through the whole suite: each gives a clear finding or a clear error
 * code, never a crash (a rule error) or a hang.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync, deflateSync } from 'fflate';
import { runChecks } from '../core/runner';
import type { CheckInput } from '../core/evidence';
import type { Report } from '../core/types';
import { manifestSuite } from './manifest';
import { sample } from '../testing/manifests/corpus';
import { buildPackage } from '../testing/manifests/package';
import { ZIP_LIMITS } from '../manifest/zip';

const manifest = sample('bot-sso', '1.30');
const text = JSON.stringify(manifest, null, 2);

async function run(input: CheckInput): Promise<{ report: Report; r: Record<string, Report['results'][number]>; ms: number }> {
  const t0 = performance.now();
  const report = await runChecks({ suite: manifestSuite, input });
  const ms = performance.now() - t0;
  expect(report.results.filter((x) => x.error?.code === 'CHK_ERR_RULE_FAILED')).toEqual([]);
  expect(() => JSON.stringify(report)).not.toThrow();
  return { report, r: Object.fromEntries(report.results.map((x) => [x.id, x])), ms };
}

/** Overwrites the declared uncompressed size of every central-directory entry named `name`. */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const n = strToU8(name);
  for (let i = 0; i + 46 < out.length; i++) {
    if (dv.getUint32(i, true) === 0x02014b50 && dv.getUint16(i + 28, true) === n.length && n.every((b, k) => out[i + 46 + k] === b)) {
      dv.setUint32(i + 24, size, true);
    }
  }
  return out;
}

describe('bad input', () => {
  it('a UTF-8 BOM is accepted (as Teams and the official library accept it) and the manifest is checked', async () => {
    const { r } = await run({ manifestBytes: new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)]) });
    expect(r['manifest-json']).toMatchObject({ status: 'pass', evidence: { bom: true } });
    expect(r['manifest-schema']!.status).toBe('pass');
  });

  it('comments and trailing commas fail manifest-json but every other check still runs', async () => {
    const lenient = text.replace('{\n', '{\n  // app manifest\n').replace(/\n}$/, ',\n}');
    const { r } = await run({ manifestText: lenient });
    expect(r['manifest-json']).toMatchObject({ status: 'fail' });
    expect(r['manifest-json']!.details?.map((d) => d.line)).toEqual([2, lenient.split('\n').length - 1]);
    expect(r['manifest-schema']!.status).toBe('pass');
    expect(r['manifest-bot-id']!.status).toBe('pass');
  });

  it('non-UTF-8 bytes fail with the byte, line and column', async () => {
    const bytes = strToU8(text);
    const at = bytes.indexOf(0x43); // the C of "Contoso"
    bytes[at] = 0xc9; // a lone UTF-8 lead byte
    const { r } = await run({ manifestBytes: bytes });
    expect(r['manifest-json']!.status).toBe('fail');
    expect(r['manifest-json']!.message).toMatch(/byte \d+ \(line \d+, column \d+\) is 0xc9/);
    expect(r['manifest-schema']!.status).toBe('skip');
  });

  it('a 50 MB file is refused with CHK_ERR_TOO_LARGE, quickly', async () => {
    const { r, ms } = await run({ manifestBytes: new Uint8Array(50 * 1024 * 1024).fill(0x20) });
    expect(r['manifest-json']).toMatchObject({ status: 'error', error: { code: 'CHK_ERR_TOO_LARGE' } });
    expect(r['manifest-json']!.message).toMatch(/up to \d+ bytes/);
    expect(ms).toBeLessThan(2000);
  });

  it('a zip bomb that lies about its size stops at the declared size', async () => {
    const bomb = zipSync({ 'manifest.json': new Uint8Array(30 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const lying = patchDeclaredSize(bomb, 'manifest.json', 1000);
    const { r, ms } = await run({ manifestBytes: lying });
    expect(r['manifest-json']!.status).toBe('fail');
    expect(r['manifest-json']!.message).toMatch(/inflates to more than the 1000 bytes it declares/);
    expect(ms).toBeLessThan(2000);
  });

  it('a zip that declares gigabytes is refused before inflating anything', async () => {
    const pkg = patchDeclaredSize(buildPackage(manifest, { files: { 'big.bin': deflateSync(new Uint8Array(10)) } }), 'big.bin', 0x7ffffff0);
    const { r, ms } = await run({ manifestBytes: pkg });
    expect(r['manifest-package-layout']).toMatchObject({ status: 'fail' });
    expect(r['manifest-package-layout']!.message).toMatch(/refused for its size/);
    expect(ms).toBeLessThan(2000);
  });

  it('a zip with too many entries is refused', async () => {
    const files: Record<string, Uint8Array> = { 'manifest.json': strToU8(text) };
    for (let i = 0; i <= ZIP_LIMITS.maxEntries; i++) files[`f${i}.txt`] = new Uint8Array(0);
    const { r } = await run({ manifestBytes: zipSync(files) });
    expect(r['manifest-package-layout']!.status).toBe('fail');
    expect(r['manifest-package-layout']!.message).toMatch(/declares 1002 entries/);
  });

  it('a manifest.json in a nested folder is found, checked, and the layout fails', async () => {
    const { r } = await run({ manifestBytes: buildPackage(manifest, { folder: 'build/appPackage' }) });
    expect(r['manifest-package-layout']!.status).toBe('fail');
    expect(r['manifest-package-layout']!.message).toContain('build/appPackage/manifest.json');
    expect(r['manifest-schema']!.status).toBe('pass');
    expect(r['manifest-icons']!.status).toBe('warn');
  });

  it('garbage after a zip signature is a clear finding', async () => {
    const bytes = new Uint8Array(5000);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    const { r } = await run({ manifestBytes: bytes });
    expect(r['manifest-package-layout']).toMatchObject({ status: 'fail' });
    expect(r['manifest-json']!.status).toBe('skip');
  });

  it('a deeply nested JSON value is a syntax finding, not a stack overflow', async () => {
    const { r } = await run({ manifestText: '{"a":' + '['.repeat(200_000) });
    expect(r['manifest-json']!.status).toBe('fail');
    expect(r['manifest-json']!.message).toMatch(/nested more than/);
  });

  it('a 5 MB manifest with millions of values is refused quickly, not validated for seconds', async () => {
    const m = { ...manifest, validDomains: '__X__' };
    const n = Math.floor((5 * 1024 * 1024 - 3000) / 2);
    const huge = JSON.stringify(m).replace('"__X__"', `[${'1,'.repeat(n - 1)}1]`);
    const { r, ms } = await run({ manifestText: huge });
    expect(r['manifest-json']).toMatchObject({ status: 'fail' });
    expect(r['manifest-json']!.message).toMatch(/more than 50000 JSON values/);
    expect(ms).toBeLessThan(3000);
  });

  it('a truncated package (cut mid-file) is a clear finding', async () => {
    const pkg = buildPackage(manifest);
    const { r } = await run({ manifestBytes: pkg.subarray(0, pkg.length - 30) });
    expect(r['manifest-package-layout']!.status).toBe('fail');
  });
});
