import { strToU8, zipSync } from 'fflate';
import { runCheckTable } from '../testing/check-tester';
import check from './manifest-package-layout';
import { baseEvidence, bytesEvidence } from '../testing/manifests/evidence';
import { sample } from '../testing/manifests/corpus';
import { buildPackage } from '../testing/manifests/package';
import { colorIcon, outlineIcon } from '../testing/manifests/png-encode';

const m = sample('hello-world-bot', '1.30');
const json = strToU8(JSON.stringify(m));

/** Patches the central directory so one entry's name becomes `name` (same length). */
function renameEntry(zip: Uint8Array, from: string, to: string): Uint8Array {
  const out = zip.slice();
  const a = strToU8(from);
  const b = strToU8(to);
  for (let i = 0; i + a.length <= out.length; i++) {
    if (a.every((v, k) => out[i + k] === v)) out.set(b, i);
  }
  return out;
}

runCheckTable(check, {
  valid: [
    { name: 'manifest and icons at the root', evidence: bytesEvidence(buildPackage(m)), messageId: 'ok' },
    { name: 'extra localization file', evidence: bytesEvidence(buildPackage(m, { files: { 'fr-fr.json': '{}' } })), messageId: 'ok' },
    { name: 'a manifest.json file, not a package', evidence: baseEvidence('hello-world-bot', '1.30'), status: 'skip', messageId: 'notPackage' },
    { name: 'no input', evidence: { Manifest: { source: { kind: 'none', bytes: 0 } } }, status: 'skip', messageId: 'noInput' },
  ],
  invalid: [
    // 1001 files and the folder entry zipSync adds for loc/.
    { name: 'more entries than botflow reads', evidence: bytesEvidence(zipSync(Object.fromEntries([['manifest.json', json], ...Array.from({ length: 1001 }, (_, i) => [`loc/${i}.json`, strToU8('{}')])]))), status: 'fail', messageId: 'tooLarge', data: { reason: 'the archive declares 1002 entries; botflow reads at most 1000 (an app package normally has a handful)' } },
    { name: 'enclosing folder', evidence: bytesEvidence(buildPackage(m, { folder: 'appPackage' })), status: 'fail', messageId: 'nestedFolder', data: { path: 'appPackage/manifest.json' } },
    { name: 'no manifest.json', evidence: bytesEvidence(zipSync({ 'color.png': colorIcon(), 'outline.png': outlineIcon() })), status: 'fail', messageId: 'noManifest' },
    { name: 'Manifest.json with a capital M', evidence: bytesEvidence(zipSync({ 'Manifest.json': json, 'color.png': colorIcon(), 'outline.png': outlineIcon() })), status: 'fail', messageId: 'manifestCase' },
    { name: 'outline icon missing', evidence: bytesEvidence(buildPackage(m, { files: { 'outline.png': null } })), status: 'fail', messageId: 'iconMissing' },
    { name: 'icon in a subfolder', evidence: bytesEvidence(buildPackage(m, { files: { 'color.png': null, 'icons/color.png': colorIcon() } })), status: 'fail', messageId: 'iconMissing' },
    { name: 'path traversal entry', evidence: bytesEvidence(renameEntry(zipSync({ 'manifest.json': json, 'color.png': colorIcon(), 'outline.png': outlineIcon(), 'xx/evil.txt': strToU8('x') }), 'xx/evil.txt', '../evil.txt')), status: 'fail', messageId: 'unsafePaths' },
    { name: 'absolute path entry', evidence: bytesEvidence(renameEntry(zipSync({ 'manifest.json': json, 'color.png': colorIcon(), 'outline.png': outlineIcon(), 'xetc/passwd': strToU8('x') }), 'xetc/passwd', '/etc/passwd')), status: 'fail', messageId: 'unsafePaths' },
    { name: 'backslash separators', evidence: bytesEvidence(zipSync({ 'manifest.json': json, 'color.png': colorIcon(), 'outline.png': outlineIcon(), 'loc\\fr.json': strToU8('{}') })), status: 'fail', messageId: 'badEntries' },
    { name: 'truncated zip', evidence: bytesEvidence(buildPackage(m).subarray(0, 200)), status: 'fail', messageId: 'unreadable' },
  ],
});
