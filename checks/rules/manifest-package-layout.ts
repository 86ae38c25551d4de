import { defineCheck, type TypedOutcome } from '../core/define-check';
import type { Detail } from '../core/types';
import { SOURCES } from '../data/sources';
import type {} from '../gather/manifest';

/** A Microsoft sample's setup steps: zip the folder's contents, with no subfolder, or the upload fails. */
const SAMPLE_NO_SUBFOLDER = { title: 'Microsoft Teams sample (bot-teams-authentication): a zip with a subfolder gives an error on upload', url: 'https://github.com/OfficeDev/Microsoft-Teams-Samples/blob/64b1a9a917abe1abb8a9b2a53da93822e49c4c14/samples/bot-teams-authentication/nodejs/README.md' };
/** A user report of the upload error for an icon the package does not hold. */
const MISSING_ICON_REPORT = { title: 'Reported: "Failed to find icon \"color.png\" file in the package" on upload (msft-teams/tools#5)', url: 'https://github.com/msft-teams/tools/issues/5' };

type Kind = 'unreadable' | 'unsafePaths' | 'tooLarge' | 'noManifest' | 'nestedFolder' | 'manifestCase' | 'iconMissing' | 'badEntries';

function iconPaths(manifest: Record<string, unknown> | undefined): Array<[string, string]> {
  const icons = manifest?.icons;
  if (typeof icons !== 'object' || icons === null || Array.isArray(icons)) return [];
  return Object.entries(icons as Record<string, unknown>)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 0 && !/^https?:/i.test(e[1]));
}

const messages = {
  ok: 'manifest.json and the {{icons}} icon file(s) it names are at the root of the package ({{files}} files).',
  notPackage: 'A manifest.json file was checked, not an app package (.zip); the package layout was not checked.',
  noInput: 'No manifest or package was given.',
  unreadable: 'The package cannot be read as a zip: {{reason}}.',
  unsafePaths: 'The package has {{count}} entry name(s) that point outside it (absolute paths or ".."), e.g. "{{entry}}".',
  tooLarge: 'The package is refused for its size: {{reason}}.',
  noManifest: 'The package has no manifest.json.',
  nestedFolder: 'manifest.json is inside a folder ("{{path}}"). Microsoft says to place the manifest and icons at the root of the zip, and its samples warn that a zip with a subfolder gives an error on upload.',
  manifestCase: 'The manifest is named "{{path}}"; it must be exactly "manifest.json" at the root.',
  iconMissing: 'The manifest names icon file(s) the package does not hold at that path: {{missing}}.',
  badEntries: 'The package has {{count}} problem entry name(s) or formats, e.g.: {{first}}.',
};

export default defineCheck({
  meta: {
    id: 'manifest-package-layout',
    suite: 'manifest',
    title: 'App package has manifest.json and its icons at the root',
    failureTitle: 'App package layout is wrong',
    description: 'An app package is a zip that contains manifest.json and the color and outline icons; Microsoft says to place the manifest and icons at the root of the zip, and a Microsoft sample warns that a zip with a subfolder gives an error on upload. An upload error for a missing icon ("Failed to find icon ... in the package") has been reported. Unsafe entry names are refused here outright.',
    severity: 'error',
    requiredEvidence: ['Manifest'],
    messages,
    remediation: {
      unreadable: 'Re-create the package with a standard zip tool (Deflate or Store, no password, no ZIP64), e.g. from the folder holding manifest.json: `zip -j app.zip manifest.json color.png outline.png`.',
      unsafePaths: 'Re-create the package from the files themselves; a Teams app package holds only plain relative names such as manifest.json and color.png.',
      tooLarge: 'Check that this is the right file; an app package is normally a few hundred kilobytes. Remove anything other than the manifest, icons and localization files.',
      noManifest: 'Add manifest.json at the root of the zip, next to the icon files it names.',
      nestedFolder: 'Select the files (manifest.json and the icons) and zip them, instead of zipping the folder that contains them.',
      manifestCase: 'Rename the file to manifest.json (lower case) and put it at the root of the zip.',
      iconMissing: 'Add each icon file at the root of the zip with exactly the name the manifest gives in "icons" (names are case-sensitive).',
      badEntries: 'Re-create the zip with a tool that writes "/" as the separator and standard compression (for example `zip` or .NET ZipFile with forward slashes), without passwords or duplicate names.',
    },
    sources: [SOURCES.appPackage, SOURCES.teamsSdkManifest, SAMPLE_NO_SUBFOLDER, MISSING_ICON_REPORT],
  },
  evaluate({ Manifest }): TypedOutcome<keyof typeof messages> {
    if (Manifest.source.kind === 'none') return { status: 'skip', messageId: 'noInput' };
    if (Manifest.source.kind === 'json' || !Manifest.package) return { status: 'skip', messageId: 'notPackage' };
    const pkg = Manifest.package;
    const files = pkg.files.filter((f) => !f.isDirectory).map((f) => f.name);
    const evidence = { files: files.slice(0, 50), fileCount: files.length, ...(pkg.manifestPath ? { manifestPath: pkg.manifestPath } : {}) };
    const details: Detail[] = pkg.problems.map((p) => ({ message: p.message, ...(p.entry ? { path: p.entry } : {}), status: 'fail' as const }));
    const found = (kind: Kind, data: Record<string, string | number>) => ({ status: 'fail' as const, messageId: kind, data, evidence, details });
    const byKind = (...kinds: string[]) => pkg.problems.filter((p) => kinds.includes(p.kind));
    const fatal = byKind('not-zip', 'corrupt', 'zip64', 'multi-disk');
    if (fatal.length) return found('unreadable', { reason: fatal[0]!.message });
    const unsafe = byKind('path-traversal', 'absolute-path');
    if (unsafe.length) return found('unsafePaths', { count: unsafe.length, entry: unsafe[0]!.entry ?? '' });
    const big = byKind('too-many-entries', 'too-large', 'bomb');
    if (big.length) return found('tooLarge', { reason: big[0]!.message });
    if (!pkg.manifestPath) return found('noManifest', {});
    if (/[/\\]/.test(pkg.manifestPath)) return found('nestedFolder', { path: pkg.manifestPath });
    if (pkg.manifestPath !== 'manifest.json') return found('manifestCase', { path: pkg.manifestPath });
    const icons = iconPaths(Manifest.manifest);
    const missing = icons.filter(([, path]) => !files.includes(path.replace(/^\.\//, '')));
    if (missing.length) {
      for (const [role, path] of missing) {
        const elsewhere = files.find((f) => f.toLowerCase() === path.toLowerCase() || f.toLowerCase().endsWith(`/${path.toLowerCase()}`));
        details.push({ message: `icons.${role} is "${path}" but the package has no such file at its root${elsewhere ? ` (it has "${elsewhere}")` : ''}`, path: `/icons/${role}`, status: 'fail' });
      }
      return found('iconMissing', { missing: missing.map(([role, p]) => `${role} "${p}"`).join(', ') });
    }
    const other = byKind('encrypted', 'unsupported-method', 'duplicate', 'backslash');
    if (other.length) return found('badEntries', { count: other.length, first: other[0]!.message });
    return { status: 'pass', messageId: 'ok', data: { icons: icons.length, files: files.length }, evidence };
  },
});
