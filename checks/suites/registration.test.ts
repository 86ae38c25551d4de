import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { registrationSuite } from './registration';
import { allSuite, allSuiteFor } from './all';

describe('registration suite', () => {
  it('lists the eight catalogue checks in order, each with sources and remediation for its warn/fail messages', () => {
    expect(registrationSuite.checks.map((c) => c.meta.id)).toEqual([
      'registration-app-type', 'registration-tenant', 'registration-endpoint', 'registration-teams-channel',
      'registration-calling', 'registration-public-access', 'registration-manifest-match', 'registration-region',
    ]);
    for (const check of registrationSuite.checks) {
      expect(check.meta.suite).toBe('registration');
      expect(check.meta.sources.length).toBeGreaterThan(0);
      for (const s of check.meta.sources) expect(s.url).toMatch(/^https:\/\//);
    }
  });

  it('bundles for the browser: no node: modules and none of the live ARM / Entra / Graph code', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./registration.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((p) => p.startsWith('node:') || /registration-(arm|http)|entra-|graph-|undici/.test(p))).toEqual([]);
    expect(inputs.some((p) => p.endsWith('gather/registration.ts'))).toBe(true);
  }, 60_000);
});

describe('all suite', () => {
  it('composes the three layers into one suite named "all" without duplicate checks or gatherers', () => {
    expect(allSuite.name).toBe('all');
    const ids = allSuite.checks.map((c) => c.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    const gatherers = allSuite.gatherers.map((g) => g.id);
    expect(new Set(gatherers).size).toBe(gatherers.length);
    expect(ids).toEqual(expect.arrayContaining(registrationSuite.checks.map((c) => c.meta.id)));
  });

  it('keeps only the layers asked for, and describes the target per layer', () => {
    const onlyRegistration = allSuiteFor(['registration']);
    expect(onlyRegistration.checks.every((c) => c.meta.id.startsWith('registration-'))).toBe(true);
    expect(onlyRegistration.describeTarget({ bot: '{}', botLabel: 'bot.json' })).toEqual({ registration: { bot: 'bot.json' }, name: 'bot.json' });
    const live = allSuiteFor(['registration']).describeTarget({ azure: { subscription: 's', resourceGroup: 'g', name: 'contoso-bot' } });
    expect(live.name).toBe('contoso-bot (Azure)');
  });
});
