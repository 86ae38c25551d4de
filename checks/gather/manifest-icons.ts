/**
 * The `ManifestIcons` evidence (app packages only): for each icon the manifest names, whether the
 * file is at the root of the zip, its PNG header, and for the outline icon how many pixels are
 * neither white nor transparent. Browser-safe: the zip is re-read from the input bytes (only the
 * icon entries are inflated, with caps) and PNGs are decoded with a small pure decoder.
 */
import { defineGatherer } from '../core/gatherer';
import type { JsonObject } from '../core/types';
import type { PngInfo } from '../manifest/png';
import { looksLikeZip } from '../manifest/zip-magic';
import { isJsonObject } from '../computed/json';

export type IconRole = 'color' | 'outline' | 'color32x32';

export interface IconPixelScan {
  pixels: number;
  /** Pixels that are neither fully transparent nor pure white. */
  offending: number;
  /** Pixels with any transparency. */
  transparent: number;
  samples: Array<{ x: number; y: number; rgba: [number, number, number, number] }>;
}

export interface IconEvidence {
  role: IconRole;
  /** The path the manifest gives. */
  path: string;
  /** The file is in the package at that exact path (the root of the zip). */
  found: boolean;
  /** Where the file was read from when it is not at the root but next to a nested manifest.json. */
  foundAt?: string;
  bytes?: number;
  png?: PngInfo;
  /** The file is not a readable PNG (or could not be extracted). */
  error?: string;
  /** Outline icon only. */
  scan?: IconPixelScan;
}

export interface ManifestIconsEvidence {
  status: 'checked' | 'not-a-package' | 'no-manifest';
  icons: IconEvidence[];
}

declare module '../core/evidence' {
  interface EvidenceMap {
    ManifestIcons: ManifestIconsEvidence;
  }
}


/** Counts outline pixels that are not white-or-transparent. */
export function scanOutline(rgba: Uint8Array, width: number): IconPixelScan {
  const scan: IconPixelScan = { pixels: rgba.length / 4, offending: 0, transparent: 0, samples: [] };
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3] as number;
    if (a < 255) scan.transparent++;
    if (a === 0) continue;
    if (rgba[i] === 255 && rgba[i + 1] === 255 && rgba[i + 2] === 255) continue;
    scan.offending++;
    if (scan.samples.length < 5) {
      const p = i / 4;
      scan.samples.push({ x: p % width, y: Math.floor(p / width), rgba: [rgba[i] as number, rgba[i + 1] as number, rgba[i + 2] as number, a] });
    }
  }
  return scan;
}

export const manifestIconsGatherer = defineGatherer({
  id: 'ManifestIcons',
  environments: ['node', 'browser'],
  timeoutMs: 10_000,
  async gather(ctx) {
    const m = await ctx.get('Manifest');
    const bytes = ctx.input.manifestBytes;
    if (m.source.kind !== 'zip' || !bytes || !looksLikeZip(bytes)) return { status: 'not-a-package', icons: [] };
    if (!m.manifest) return { status: 'no-manifest', icons: [] };
    const iconsField = isJsonObject(m.manifest.icons) ? m.manifest.icons : {};
    // The zip reader and PNG decoder (and their decompressor) load only for packages.
    const [{ PNG_LIMITS, readPng }, { readZipDirectory, readZipEntry }] = await Promise.all([import('../manifest/png'), import('../manifest/zip')]);
    const dir = readZipDirectory(bytes);
    const icons: IconEvidence[] = [];
    // With an enclosing folder (manifest-package-layout fails for it), still judge the icons that
    // sit next to the nested manifest.json, so one run reports every problem.
    const manifestPath = m.package?.manifestPath ?? 'manifest.json';
    const folder = manifestPath.includes('/') ? manifestPath.slice(0, manifestPath.lastIndexOf('/') + 1) : '';
    for (const role of ['color', 'outline', 'color32x32'] as const) {
      const path = iconsField[role];
      if (typeof path !== 'string' || path === '') continue;
      const wanted = path.replace(/^\.\//, '');
      const atRoot = dir.entries.find((e) => e.name === wanted && !e.isDirectory);
      const nested = !atRoot && folder ? dir.entries.find((e) => e.name === `${folder}${wanted}` && !e.isDirectory) : undefined;
      const entry = atRoot ?? nested;
      if (!entry) { icons.push({ role, path, found: false }); continue; }
      const where = { found: Boolean(atRoot), ...(nested ? { foundAt: nested.name } : {}) };
      const read = readZipEntry(bytes, entry);
      if (!read.ok) { icons.push({ role, path, ...where, bytes: entry.size, error: read.message }); continue; }
      // Decode every icon of a plausible size: that also proves the image data matches the
      // header (a PNG that lies about its size fails here). Huge images are judged by header.
      const header = readPng(read.data);
      const decode = header.ok && header.info.width * header.info.height <= PNG_LIMITS.maxDecodePixels;
      const png = decode ? readPng(read.data, { decode: true }) : header;
      if (!png.ok) { icons.push({ role, path, ...where, bytes: read.data.length, error: png.error, ...(png.info ? { png: png.info } : {}) }); continue; }
      const icon: IconEvidence = { role, path, ...where, bytes: read.data.length, png: png.info };
      if (role === 'outline' && png.rgba) icon.scan = scanOutline(png.rgba, png.info.width);
      icons.push(icon);
    }
    return { status: 'checked', icons };
  },
});
