import { defineCheck, type TypedOutcome } from '../core/define-check';
import type { Detail, JsonObject } from '../core/types';
import { SOURCES } from '../data/sources';
import type {} from '../gather/manifest-icons';

const SIZES = { color: 192, outline: 32, color32x32: 32 } as const;

/** The manifest reference's own words for the icons (sizes in the property descriptions). */
const ROOT_ICONS = { title: 'App manifest reference: icons (color: full color 192x192 PNG; outline: transparent 32x32 PNG, white)', url: 'https://learn.microsoft.com/microsoft-365/extensibility/schema/root-icons' };

const messages = {
  ok: 'The color icon is a {{colorSize}} PNG and the outline icon a {{outlineSize}} PNG, white on transparent.',
  notPackage: 'Icons can only be checked in an app package (.zip); a manifest.json file was given.',
  noManifest: 'There is no parsed manifest, so the icon names are unknown (see manifest-json).',
  missing: 'The {{role}} icon "{{path}}" is not in the package.',
  notPng: 'The {{role}} icon "{{path}}" is not a usable PNG: {{reason}}.',
  wrongSize: 'The {{role}} icon "{{path}}" is {{width}}x{{height}} pixels; the manifest reference describes it as {{size}}x{{size}}, and Microsoft requires that size to pass Teams Store review.',
  outlineColors: 'The outline icon "{{path}}" has {{offending}} pixel(s) that are neither white nor transparent (first at x={{x}}, y={{y}}); Microsoft asks for white (255,255,255) on a transparent background, a Teams Store review requirement.',
  notDeclared: 'The manifest does not name a {{role}} icon.',
  notAtRoot: 'The icons are valid, but they sit in "{{folder}}" next to a nested manifest.json instead of at the root of the zip (see manifest-package-layout).',
};

export default defineCheck({
  meta: {
    id: 'manifest-icons',
    suite: 'manifest',
    title: 'Icons are PNGs of the documented size and colours',
    failureTitle: 'Icons are missing or not PNG, or differ from the documented size or colours',
    description: 'An app package must contain a color and an outline icon, the PNG files the manifest names; a missing or unreadable icon fails. The manifest reference describes the color icon as a 192x192 PNG and the outline icon as a transparent 32x32 PNG in white, and Microsoft requires these sizes and colours to pass Teams Store review; a package that differs only warns, because Microsoft states them as Store-review requirements, not as upload rules.',
    severity: 'error',
    requiredEvidence: ['ManifestIcons'],
    messages,
    remediation: {
      missing: 'Add "{{path}}" at the root of the zip, with exactly the name the manifest gives.',
      notPng: 'Export the icon as a real PNG file (not a renamed JPEG, SVG or ICO) at {{size}}x{{size}} pixels.',
      wrongSize: 'Resize the {{role}} icon to exactly {{size}}x{{size}} pixels.',
      outlineColors: 'Redraw the outline icon with pure white (#FFFFFF) on a fully transparent background, with no other colours and no padding.',
      notDeclared: 'Name the {{role}} icon in "icons" and add the file to the package.',
      notAtRoot: 'Zip the files themselves (manifest.json and the icons), not the "{{folder}}" folder that holds them.',
    },
    sources: [SOURCES.icons, ROOT_ICONS, SOURCES.appPackage, SOURCES.schemaV130],
  },
  evaluate({ ManifestIcons: ev }): TypedOutcome<keyof typeof messages> {
    if (ev.status === 'not-a-package') return { status: 'skip', messageId: 'notPackage' };
    if (ev.status === 'no-manifest') return { status: 'skip', messageId: 'noManifest' };
    const evidence: JsonObject = {
      icons: ev.icons.map((i) => ({
        role: i.role, path: i.path, found: i.found, ...(i.foundAt ? { foundAt: i.foundAt } : {}),
        ...(i.png ? { width: i.png.width, height: i.png.height, colorType: i.png.colorType, bitDepth: i.png.bitDepth } : {}),
        ...(i.error ? { error: i.error } : {}),
        ...(i.scan ? { offendingPixels: i.scan.offending, transparentPixels: i.scan.transparent } : {}),
      })),
    };
    const details: Detail[] = [];
    // A missing or non-PNG icon fails; sizes and outline colours are Store-review requirements and
    // only warn. The first failure is the verdict, else the first warning.
    let firstFail: TypedOutcome<keyof typeof messages> | undefined;
    let firstWarn: TypedOutcome<keyof typeof messages> | undefined;
    const note = (o: TypedOutcome<keyof typeof messages>, d: Detail) => {
      details.push(d);
      if (o.status === 'fail') firstFail ??= o;
      else firstWarn ??= o;
    };
    for (const role of ['color', 'outline'] as const) {
      if (!ev.icons.some((i) => i.role === role)) note({ status: 'fail', messageId: 'notDeclared', data: { role } }, { message: `no ${role} icon named`, path: '/icons', status: 'fail' });
    }
    for (const icon of ev.icons) {
      const size = SIZES[icon.role];
      const path = `/icons/${icon.role}`;
      const base = { role: icon.role, path: icon.path, size };
      if (icon.foundAt) details.push({ message: `${icon.path} was read from "${icon.foundAt}", inside a folder; Teams reads it from the root of the zip (see manifest-package-layout)`, path, status: 'warn' });
      if (!icon.found && !icon.foundAt) { note({ status: 'fail', messageId: 'missing', data: base }, { message: `${icon.path}: not in the package`, path, status: 'fail' }); continue; }
      if (icon.error || !icon.png) { const reason = icon.error ?? 'unreadable'; note({ status: 'fail', messageId: 'notPng', data: { ...base, reason } }, { message: `${icon.path}: ${reason}`, path, status: 'fail' }); continue; }
      if (icon.png.width !== size || icon.png.height !== size) {
        note({ status: 'warn', messageId: 'wrongSize', data: { ...base, width: icon.png.width, height: icon.png.height } }, { message: `${icon.path}: ${icon.png.width}x${icon.png.height}, documented as ${size}x${size}`, path, status: 'warn' });
        continue;
      }
      if (icon.role === 'outline' && icon.scan && icon.scan.offending > 0) {
        const s = icon.scan.samples[0]!;
        note({ status: 'warn', messageId: 'outlineColors', data: { path: icon.path, offending: icon.scan.offending, x: s.x, y: s.y } },
          { message: `${icon.path}: ${icon.scan.offending} pixel(s) not white or transparent, e.g. rgba(${s.rgba.join(',')}) at ${s.x},${s.y}`, path, status: 'warn' });
      }
    }
    const first = firstFail ?? firstWarn;
    if (first) return { ...first, evidence, details };
    const nested = ev.icons.find((i) => i.foundAt);
    if (nested?.foundAt) return { status: 'warn', messageId: 'notAtRoot', data: { folder: nested.foundAt.slice(0, nested.foundAt.lastIndexOf('/') + 1) }, evidence, details };
    return { status: 'pass', messageId: 'ok', data: { colorSize: '192x192', outlineSize: '32x32' }, evidence };
  },
});
