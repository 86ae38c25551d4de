/**
 * Property tests: whatever JSON or bytes come in, the suite returns a report whose checks all
 * evaluated (no rule crash), which is JSON-serialisable, and it does so quickly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { runChecks } from '../core/runner';
import type { Report } from '../core/types';
import { manifestSuite } from './manifest';
import { validCorpus } from '../testing/manifests/corpus';
import { buildPackage } from '../testing/manifests/package';

function assertSound(report: Report): void {
  expect(report.results).toHaveLength(manifestSuite.checks.length);
  const crashed = report.results.filter((r) => r.status === 'error');
  expect(crashed.map((r) => `${r.id}: ${r.error?.code} ${r.message}`)).toEqual([]);
  expect(() => JSON.stringify(report)).not.toThrow();
}

const corpus = validCorpus();
const pkg = buildPackage(corpus[0]!.manifest);

describe('the manifest suite never throws and never crashes a rule', () => {
  it('on random JSON values', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), async (v) => {
      assertSound(await runChecks({ suite: manifestSuite, input: { manifestText: JSON.stringify(v) } }));
    }), { numRuns: 200 });
  });

  it('on random objects shaped like manifests', async () => {
    const anyValue = fc.oneof(fc.jsonValue(), fc.string(), fc.constant(null));
    const shaped = fc.record({
      manifestVersion: fc.oneof(fc.constantFrom('1.11', '1.16', '1.17', '1.18', '1.21', '1.30', 'devPreview'), anyValue),
      $schema: fc.oneof(fc.constant('https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json'), anyValue),
      bots: fc.oneof(fc.array(fc.record({ botId: fc.oneof(fc.uuid(), anyValue), scopes: fc.oneof(fc.array(fc.constantFrom('team', 'personal', 'groupchat', 'groupChat', 'copilot', 'x')), anyValue), supportsCalling: anyValue, commandLists: anyValue }, { requiredKeys: [] })), anyValue),
      validDomains: fc.oneof(fc.array(fc.oneof(fc.domain(), fc.webUrl(), fc.string())), anyValue),
      webApplicationInfo: fc.oneof(fc.record({ id: fc.oneof(fc.uuid(), anyValue), resource: fc.oneof(fc.constant('api://botid-'), fc.string(), anyValue), applicationPermissions: anyValue }, { requiredKeys: [] }), anyValue),
      authorization: anyValue,
      icons: fc.oneof(fc.record({ color: fc.string(), outline: fc.string() }), anyValue),
    }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(shaped, fc.option(fc.uuid(), { nil: undefined }), async (m, appId) => {
      assertSound(await runChecks({ suite: manifestSuite, input: { manifestText: JSON.stringify(m), ...(appId ? { appId } : {}) } }));
    }), { numRuns: 300 });
  });

  it('on random text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), async (s) => {
      assertSound(await runChecks({ suite: manifestSuite, input: { manifestText: s } }));
    }), { numRuns: 300 });
  });

  it('on random bytes, with and without a zip signature', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), async (bytes, zip) => {
      const input = zip ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
      assertSound(await runChecks({ suite: manifestSuite, input: { manifestBytes: input } }));
    }), { numRuns: 300 });
  });

  it('on a real package with random bytes overwritten', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat(pkg.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }), async (edits) => {
      const bytes = pkg.slice();
      for (const [at, v] of edits) bytes[at] = v;
      assertSound(await runChecks({ suite: manifestSuite, input: { manifestBytes: bytes } }));
    }), { numRuns: 300 });
  });

  it('on a real package truncated anywhere', async () => {
    await fc.assert(fc.asyncProperty(fc.nat(pkg.length), async (cut) => {
      assertSound(await runChecks({ suite: manifestSuite, input: { manifestBytes: pkg.subarray(0, cut) } }));
    }), { numRuns: 150 });
  });

  it('on manifest.json text with random characters inserted', async () => {
    const text = JSON.stringify(corpus[5]!.manifest, null, 2);
    await fc.assert(fc.asyncProperty(fc.nat(text.length), fc.string({ minLength: 1, maxLength: 3 }), async (at, s) => {
      const bytes = strToU8(text.slice(0, at) + s + text.slice(at));
      assertSound(await runChecks({ suite: manifestSuite, input: { manifestBytes: bytes } }));
    }), { numRuns: 200 });
  });
});
