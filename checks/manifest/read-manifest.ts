/**
 * From user input (JSON text, or file bytes that are JSON or a zip app package) to the Manifest
 * evidence: manifest-input.ts for JSON, plus app packages here: the package's file list and
 * problems, and the manifest.json found in it. Pure.
 */
import { INPUT_LIMITS, ManifestTooLargeError, readManifestJson, readManifestJsonInput, type ManifestEvidence, type ManifestInput, type PackageEvidence } from './manifest-input';
import { readZipDirectory, readZipEntry, type ZipDirectory, type ZipEntry } from './zip';

export * from './manifest-input';

/** Finds manifest.json: the root entry, else a nested or differently cased one. */
export function locateManifestEntry(dir: ZipDirectory): ZipEntry | undefined {
  const files = dir.entries.filter((e) => !e.isDirectory);
  return files.find((e) => e.name === 'manifest.json')
    ?? files.find((e) => e.name.toLowerCase() === 'manifest.json')
    ?? files
      .filter((e) => /(^|[/\\])manifest\.json$/i.test(e.name))
      .sort((a, b) => a.name.split(/[/\\]/).length - b.name.split(/[/\\]/).length)[0];
}

/** Reads the input (JSON text, JSON bytes or an app package) into Manifest evidence. Throws ManifestTooLargeError above the input caps. */
export function readManifestInput(input: ManifestInput): ManifestEvidence {
  const json = readManifestJsonInput(input);
  if (json) return json;
  const bytes = input.manifestBytes as Uint8Array;
  if (bytes.length > INPUT_LIMITS.maxPackageBytes) throw new ManifestTooLargeError(bytes.length, INPUT_LIMITS.maxPackageBytes, 'zip');
  const source = { kind: 'zip' as const, bytes: bytes.length, ...(input.manifestName !== undefined ? { name: input.manifestName } : {}) };
  return readPackage(bytes, source);
}

function readPackage(bytes: Uint8Array, source: ManifestEvidence['source']): ManifestEvidence {
  const dir = readZipDirectory(bytes);
  const pkg: PackageEvidence = {
    files: dir.entries.map((e) => ({ name: e.name, size: e.size, compressedSize: e.compressedSize, isDirectory: e.isDirectory })),
    declaredCount: dir.declaredCount,
    problems: dir.problems,
  };
  const fatal = dir.problems.some((p) => p.kind === 'not-zip' || p.kind === 'corrupt' || p.kind === 'zip64' || p.kind === 'multi-disk' || p.kind === 'too-large');
  const entry = fatal ? undefined : locateManifestEntry(dir);
  if (!entry) return { source, package: pkg };
  pkg.manifestPath = entry.name;
  if (entry.size > INPUT_LIMITS.maxJsonBytes) {
    pkg.manifestReadError = `${entry.name} declares ${entry.size} bytes; botflow reads manifest files up to ${INPUT_LIMITS.maxJsonBytes} bytes`;
    return { source, package: pkg };
  }
  const read = readZipEntry(bytes, entry);
  if (!read.ok) {
    pkg.manifestReadError = read.message;
    return { source, package: pkg };
  }
  if (read.data.length > INPUT_LIMITS.maxJsonBytes) {
    pkg.manifestReadError = `${entry.name} is ${read.data.length} bytes; botflow reads manifest files up to ${INPUT_LIMITS.maxJsonBytes} bytes`;
    return { source, package: pkg };
  }
  return { source, package: pkg, ...readManifestJson({ bytes: read.data }) };
}
