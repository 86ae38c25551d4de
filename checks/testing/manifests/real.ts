/**
 * The real-world corpus: manifests collected from public GitHub repositories (Microsoft samples,
 * PnP community samples and other public projects), kept byte for byte as committed there (a
 * leading BOM included). index.json names the repository, path and commit of each and marks the
 * templates (manifests with placeholders that a build step fills in). Tests only (node:fs).
 */
import { readFileSync } from 'node:fs';

export interface RealManifest {
  file: string;
  repo: string;
  path: string;
  commit: string;
  manifestVersion: string;
  template: boolean;
  placeholders: string[];
  /** False for a template that is not JSON until it is filled in (e.g. a cookiecutter template). */
  json: boolean;
}

const dir = new URL('./real-world/', import.meta.url);

export function realIndex(): RealManifest[] {
  return JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')) as RealManifest[];
}

export function realBytes(entry: Pick<RealManifest, 'file'>): Uint8Array {
  return new Uint8Array(readFileSync(new URL(entry.file, dir)));
}

/** The manifest as JSON text, without a BOM (for JSON.parse and AppManifestUtils). */
export function realText(entry: Pick<RealManifest, 'file'>): string {
  return readFileSync(new URL(entry.file, dir), 'utf8').replace(/^\uFEFF/, '');
}

/** The real manifest a regression test is built from, by file name. */
export function realEntry(file: string): RealManifest {
  const e = realIndex().find((x) => x.file === file);
  if (!e) throw new Error(`no real manifest ${file} in checks/testing/manifests/real-world/index.json`);
  return e;
}

/**
 * A real template's text with its `${{VAR}}` placeholders filled in, the way the Agents Toolkit
 * builds appPackage/build/manifest.<env>.json: ids get a GUID, domains and endpoints a host name.
 */
export function filledIn(entry: Pick<RealManifest, 'file'>, values: Record<string, string> = {}): string {
  return realText(entry).replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_m, name: string) => {
    if (values[name] !== undefined) return values[name] as string;
    if (/(^|_)(ID|CLIENT_ID)$/.test(name)) return FILLED_GUID;
    if (/DOMAIN|HOSTNAME/.test(name)) return 'contoso.azurewebsites.net';
    if (/ENDPOINT|URL/.test(name)) return 'https://contoso.azurewebsites.net';
    return 'dev';
  });
}

export const FILLED_GUID = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';
