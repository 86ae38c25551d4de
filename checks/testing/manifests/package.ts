/** Builds real app packages (zip) for tests: manifest.json plus generated PNG icons. */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { colorIcon, outlineIcon } from './png-encode';
import type { Manifest } from './corpus';

export interface PackageOptions {
  /** Put every file inside this folder (the common mistake). */
  folder?: string;
  /** Replace or add files (null removes). */
  files?: Record<string, Uint8Array | string | null>;
  /** The manifest text to store instead of JSON.stringify(manifest). */
  manifestText?: string;
}

export function buildPackage(manifest: Manifest, options: PackageOptions = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'manifest.json': strToU8(options.manifestText ?? JSON.stringify(manifest, null, 2)),
    'color.png': colorIcon(),
    'outline.png': outlineIcon(),
  };
  for (const [name, data] of Object.entries(options.files ?? {})) {
    if (data === null) delete files[name];
    else files[name] = typeof data === 'string' ? strToU8(data) : data;
  }
  const tree: Zippable = {};
  for (const [name, data] of Object.entries(files)) tree[options.folder ? `${options.folder}/${name}` : name] = data;
  return zipSync(tree, { level: 6 });
}
