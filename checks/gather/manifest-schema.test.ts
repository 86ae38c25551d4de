import { describe, expect, it } from 'vitest';
import { manifestSchemaGatherer } from './manifest-schema';
import { readManifestInput } from '../manifest/read-manifest';
import type { GatherContext } from '../core/gatherer';
import { sample } from '../testing/manifests/corpus';

function ctx(text: string): GatherContext {
  const manifest = readManifestInput({ manifestText: text });
  return {
    input: { manifestText: text }, options: {}, signal: new AbortController().signal, environment: 'browser', now: () => new Date(0),
    get: (async () => manifest) as GatherContext['get'],
  };
}

describe('ManifestSchema gatherer', () => {
  it('chooses by manifestVersion and positions errors', async () => {
    const m = sample('notification-bot', '1.22');
    (m.name as Record<string, unknown>).short = 'x'.repeat(31);
    const ev = await manifestSchemaGatherer.gather(ctx(JSON.stringify(m, null, 2)));
    expect(ev).toMatchObject({ status: 'validated', version: '1.22', choice: { selectedBy: 'manifestVersion' }, errorCount: 1 });
    expect(ev.errors[0]).toMatchObject({ pointer: '/name/short', keyword: 'maxLength', line: expect.any(Number), column: expect.any(Number) });
  });

  it('falls back to the $schema URL when manifestVersion is missing', async () => {
    const m = sample('notification-bot', '1.19');
    delete m.manifestVersion;
    const ev = await manifestSchemaGatherer.gather(ctx(JSON.stringify(m)));
    expect(ev).toMatchObject({ status: 'validated', version: '1.19', choice: { selectedBy: '$schema' } });
    expect(ev.errors.map((e) => e.params.missingProperty)).toContain('manifestVersion');
  });

  it('reports no-schema for a version that has none, and no-manifest when nothing parsed', async () => {
    const m = sample('notification-bot', '1.17');
    m.manifestVersion = '1.18';
    expect(await manifestSchemaGatherer.gather(ctx(JSON.stringify(m)))).toMatchObject({ status: 'no-schema', choice: { manifestVersion: '1.18' } });
    expect(await manifestSchemaGatherer.gather(ctx('{'))).toMatchObject({ status: 'no-manifest' });
  });

  it('uses the precompiled validator of the version (nothing compiled at run time)', async () => {
    const ev = await manifestSchemaGatherer.gather(ctx(JSON.stringify(sample('notification-bot', '1.26'))));
    expect(ev).toMatchObject({ status: 'validated', version: '1.26', engine: 'precompiled', errorCount: 0 });
  });
});
