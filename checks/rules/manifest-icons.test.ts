import { strToU8, zipSync } from 'fflate';
import { runCheckTable } from '../testing/check-tester';
import check from './manifest-icons';
import { iconsEvidence } from '../testing/manifests/evidence';
import { sample } from '../testing/manifests/corpus';
import { buildPackage } from '../testing/manifests/package';
import { colorIcon, encodePng, outlineIcon } from '../testing/manifests/png-encode';

const m = sample('hello-world-bot', '1.30');
const pkg = (files: Record<string, Uint8Array | string | null>) => iconsEvidence(buildPackage(m, { files }));
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const noColor = sample('hello-world-bot', '1.30');
delete (noColor.icons as Record<string, string | undefined>).color;
const withColor32 = sample('hello-world-bot', '1.30');
(withColor32.icons as Record<string, string>).color32x32 = 'color32.png';

runCheckTable(check, {
  valid: [
    { name: 'generated icons', evidence: await pkg({}), messageId: 'ok' },
    { name: 'palette outline with tRNS', evidence: await pkg({ 'outline.png': encodePng({ width: 32, height: 32, colorType: 3, pixel: (x) => (x < 16 ? [255, 255, 255, 255] : [0, 0, 0, 0]) }) }), messageId: 'ok' },
    { name: '16-bit interlaced color icon', evidence: await pkg({ 'color.png': encodePng({ width: 192, height: 192, bitDepth: 16, interlace: true, pixel: (x, y) => [x, y, 128, 255] }) }), messageId: 'ok' },
    { name: 'optional color32x32 icon', evidence: await iconsEvidence(buildPackage(withColor32, { files: { 'color32.png': colorIcon(32) } })), messageId: 'ok' },
    { name: 'a manifest.json, not a package', evidence: await iconsEvidence(strToU8(JSON.stringify(m))), status: 'skip', messageId: 'notPackage' },
    { name: 'a package without manifest.json', evidence: await iconsEvidence(zipSync({ 'color.png': colorIcon(), 'outline.png': outlineIcon() })), status: 'skip', messageId: 'noManifest' },
  ],
  invalid: [
    { name: 'manifest names no color icon', evidence: await iconsEvidence(buildPackage(noColor)), status: 'fail', messageId: 'notDeclared', data: { role: 'color' } },
    { name: 'outline with a blue pixel (Store-review rule: warns)', evidence: await pkg({ 'outline.png': outlineIcon({ strayColor: [0, 120, 212, 255] }) }), status: 'warn', messageId: 'outlineColors', data: { offending: 1, x: 10, y: 3 } },
    { name: 'outline is the color icon scaled down', evidence: await pkg({ 'outline.png': colorIcon(32) }), status: 'warn', messageId: 'outlineColors' },
    { name: 'outline black on transparent', evidence: await pkg({ 'outline.png': encodePng({ width: 32, height: 32, pixel: (x) => (x < 16 ? [0, 0, 0, 255] : [0, 0, 0, 0]) }) }), status: 'warn', messageId: 'outlineColors' },
    { name: 'color icon 96x96 (Store-review size: warns)', evidence: await pkg({ 'color.png': colorIcon(96) }), status: 'warn', messageId: 'wrongSize', data: { width: 96, size: 192 } },
    { name: 'outline 192x192', evidence: await pkg({ 'outline.png': colorIcon(192) }), status: 'warn', messageId: 'wrongSize' },
    { name: 'color icon is a JPEG', evidence: await pkg({ 'color.png': jpeg }), status: 'fail', messageId: 'notPng' },
    { name: 'color icon is an SVG', evidence: await pkg({ 'color.png': '<svg xmlns="http://www.w3.org/2000/svg"/>' }), status: 'fail', messageId: 'notPng' },
    { name: 'PNG claims 32x32 but holds 64x64 of data', evidence: await pkg({ 'outline.png': encodePng({ width: 64, height: 64, pixel: () => [255, 255, 255, 255] }, { ihdrWidth: 32, ihdrHeight: 32 }) }), status: 'fail', messageId: 'notPng' },
    { name: 'PNG claims 192x192 but holds 8x8 of data', evidence: await pkg({ 'color.png': encodePng({ width: 8, height: 8, pixel: () => [1, 2, 3, 255] }, { ihdrWidth: 192, ihdrHeight: 192 }) }), status: 'fail', messageId: 'notPng' },
    { name: 'outline missing from the package', evidence: await pkg({ 'outline.png': null }), status: 'fail', messageId: 'missing' },
    { name: 'good icons inside an enclosing folder', evidence: await iconsEvidence(buildPackage(m, { folder: 'appPackage' })), status: 'warn', messageId: 'notAtRoot', data: { folder: 'appPackage/' } },
    { name: 'wrong-size icon inside an enclosing folder', evidence: await iconsEvidence(buildPackage(m, { folder: 'appPackage', files: { 'color.png': colorIcon(64) } })), status: 'warn', messageId: 'wrongSize' },
    { name: 'wrong-size color icon and a missing outline: the missing icon fails', evidence: await pkg({ 'color.png': colorIcon(96), 'outline.png': null }), status: 'fail', messageId: 'missing' },
    { name: 'truncated PNG', evidence: await pkg({ 'color.png': colorIcon().subarray(0, 100) }), status: 'fail', messageId: 'notPng' },
  ],
});
