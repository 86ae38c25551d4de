/** Real evidence for rule table tests: the Manifest evidence of a corpus manifest, read for real. */
import { readManifestInput, type ManifestEvidence } from '../../manifest/read-manifest';
import { sample, type Manifest } from './corpus';
import type { SchemaVersion } from '../../manifest/schemas';
import type { GatherContext } from '../../core/gatherer';
import { manifestIconsGatherer, type ManifestIconsEvidence } from '../../gather/manifest-icons';

export function manifestEvidence(manifest: Manifest): ManifestEvidence {
  return readManifestInput({ manifestText: JSON.stringify(manifest, null, 2) });
}

/** `{ Manifest: evidence }` for a corpus sample, ready to be the base of a check table. */
export function baseEvidence(name: string, version: SchemaVersion): { Manifest: ManifestEvidence } {
  return { Manifest: manifestEvidence(sample(name, version)) };
}

/** `{ Manifest: evidence }` for a sample after an edit (for rows that need a whole new manifest). */
export function editedEvidence(name: string, version: SchemaVersion, edit: (m: Manifest) => void): { Manifest: ManifestEvidence } {
  const m = JSON.parse(JSON.stringify(sample(name, version))) as Manifest;
  edit(m);
  return { Manifest: manifestEvidence(m) };
}

/** `{ Manifest: evidence }` for raw input bytes (a zip or a JSON file), read for real. */
export function bytesEvidence(bytes: Uint8Array): { Manifest: ManifestEvidence } {
  return { Manifest: readManifestInput({ manifestBytes: bytes }) };
}

/** `{ Manifest: evidence }` for raw text. */
export function textEvidence(text: string): { Manifest: ManifestEvidence } {
  return { Manifest: readManifestInput({ manifestText: text }) };
}

/** Runs the real ManifestIcons gatherer on input bytes. */
export async function iconsEvidence(bytes: Uint8Array): Promise<{ ManifestIcons: ManifestIconsEvidence }> {
  const manifest = readManifestInput({ manifestBytes: bytes });
  const ctx = {
    input: { manifestBytes: bytes }, options: {}, signal: new AbortController().signal, environment: 'node' as const,
    now: () => new Date(0),
    get: (async (id: string) => { if (id !== 'Manifest') throw new Error(id); return manifest; }) as GatherContext['get'],
  };
  return { ManifestIcons: await manifestIconsGatherer.gather(ctx) };
}
