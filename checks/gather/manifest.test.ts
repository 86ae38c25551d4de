import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { manifestGatherer } from './manifest';
import type { GatherContext } from '../core/gatherer';
import type { CheckInput } from '../core/evidence';

function ctx(input: CheckInput): GatherContext {
  return {
    input, options: {}, signal: new AbortController().signal, environment: 'browser', now: () => new Date(),
    get: () => Promise.reject(new Error('not used')),
  };
}
const manifest = { manifestVersion: '1.17', id: '11111111-2222-3333-4444-555555555555', bots: [{ botId: '66666666-7777-8888-9999-000000000000', scopes: ['personal'], supportsCalling: true }], validDomains: ['token.botframework.com'] };

describe('Manifest gatherer', () => {
  it('reads JSON text and summarises it', async () => {
    const ev = await manifestGatherer.gather(ctx({ manifestText: JSON.stringify(manifest), manifestName: 'manifest.json' }));
    expect(ev.source).toEqual({ kind: 'json', name: 'manifest.json', bytes: JSON.stringify(manifest).length });
    expect(ev.json).toMatchObject({ ok: true, bom: false, problems: [] });
    expect(ev.summary).toMatchObject({ manifestVersion: '1.17', supportsCalling: true, bots: [{ botId: manifest.bots[0]!.botId, scopes: ['personal'] }] });
    expect(() => JSON.stringify(ev)).not.toThrow();
  });

  it('detects a zip by its magic bytes and lists its files', async () => {
    const zip = zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), 'color.png': new Uint8Array(10) });
    const ev = await manifestGatherer.gather(ctx({ manifestBytes: zip }));
    expect(ev.source.kind).toBe('zip');
    expect(ev.package?.files.map((f) => f.name)).toEqual(['manifest.json', 'color.png']);
    expect(ev.package?.manifestPath).toBe('manifest.json');
    expect(ev.manifest?.manifestVersion).toBe('1.17');
  });

  it('reports a parse error with line and column', async () => {
    const ev = await manifestGatherer.gather(ctx({ manifestBytes: strToU8('{\n  "id": "x",\n  "name" 1\n}') }));
    expect(ev.json).toMatchObject({ ok: false, syntaxError: { line: 3, column: 10 } });
    expect(ev.manifest).toBeUndefined();
  });

  it('gives kind none when no manifest was given', async () => {
    expect((await manifestGatherer.gather(ctx({}))).source.kind).toBe('none');
  });

  it('refuses oversized input with CHK_ERR_TOO_LARGE', async () => {
    await expect(manifestGatherer.gather(ctx({ manifestBytes: new Uint8Array(50 * 1024 * 1024).fill(32) }))).rejects.toMatchObject({ code: 'CHK_ERR_TOO_LARGE' });
  });
});
