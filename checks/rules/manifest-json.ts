import { defineCheck, type TypedOutcome } from '../core/define-check';
import type { Detail } from '../core/types';
import { SOURCES } from '../data/sources';
import type {} from '../gather/manifest';

const messages = {
  ok: 'manifest.json is valid UTF-8 JSON ({{bytes}} bytes).',
  okBom: 'manifest.json is valid UTF-8 JSON ({{bytes}} bytes) after a UTF-8 byte order mark, which JSON readers may ignore (RFC 8259, section 8.1); botflow ignores it.',
  noInput: 'No manifest or package was given.',
  noManifest: 'The package has no manifest.json to parse (see manifest-package-layout).',
  unreadable: 'manifest.json could not be extracted from the package: {{reason}}.',
  encoding: 'manifest.json is not UTF-8: {{reason}}.',
  syntax: 'manifest.json is not valid JSON: {{reason}} at line {{line}}, column {{column}}.',
  notObject: 'manifest.json holds a JSON {{type}}; a manifest is a JSON object ({ ... }).',
  tooComplex: 'manifest.json was not read to the end: {{reason}} (line {{line}}, column {{column}}).',
  lenient: 'manifest.json parses only if {{what}} are allowed, and JSON does not allow them; first at line {{line}}, column {{column}}.',
  duplicateKey: 'manifest.json repeats the key "{{key}}" at line {{line}}, column {{column}}; readers keep only one of the values.',
};

export default defineCheck({
  meta: {
    id: 'manifest-json',
    suite: 'manifest',
    title: 'manifest.json is valid JSON',
    failureTitle: 'manifest.json is not valid JSON',
    description: 'manifest.json must be JSON text (RFC 8259) in UTF-8. Editors and some tools accept comments, trailing commas or other encodings, but JSON does not, and an upload that cannot parse the file reports only "Manifest parsing has failed", without saying where. botflow names the line and column.',
    severity: 'error',
    requiredEvidence: ['Manifest'],
    messages,
    remediation: {
      unreadable: 'Re-create the package with a standard zip tool, then check again.',
      encoding: 'Open manifest.json in an editor and save it with the encoding "UTF-8" (not UTF-16, not "UTF-8 with BOM", not Windows-1252).',
      syntax: 'Fix the JSON at the line and column given; a JSON-aware editor highlights the exact spot.',
      notObject: 'The file must contain one JSON object with the manifest properties, starting with "{".',
      tooComplex: 'Check that this is the right file: an app manifest is a small JSON object (a few hundred values). Remove generated or repeated content.',
      lenient: 'Remove every comment (// and /* */) and every comma after the last item of an object or array.',
      duplicateKey: 'Keep one occurrence of the key, with the value you mean.',
    },
    sources: [SOURCES.rfc8259, SOURCES.manifestSchema],
  },
  evaluate({ Manifest }): TypedOutcome<keyof typeof messages> {
    if (Manifest.source.kind === 'none') return { status: 'skip', messageId: 'noInput' };
    if (Manifest.package?.manifestReadError) return { status: 'fail', messageId: 'unreadable', data: { reason: Manifest.package.manifestReadError } };
    const json = Manifest.json;
    if (!json) return { status: 'skip', messageId: 'noManifest' };
    if (json.encodingError) {
      const e = json.encodingError;
      return {
        status: 'fail', messageId: 'encoding', data: { reason: e.message },
        evidence: { reason: e.reason, ...(e.offset !== undefined ? { offset: e.offset } : {}) },
        ...(e.line !== undefined ? { details: [{ message: e.message, line: e.line, ...(e.column !== undefined ? { column: e.column } : {}) }] } : {}),
      };
    }
    if (json.syntaxError?.kind === 'limit') {
      const e = json.syntaxError;
      return { status: 'fail', messageId: 'tooComplex', data: { reason: e.message, line: e.line, column: e.column }, evidence: { line: e.line, column: e.column, offset: e.offset } };
    }
    if (json.syntaxError) {
      const e = json.syntaxError;
      return {
        status: 'fail', messageId: 'syntax', data: { reason: e.message, line: e.line, column: e.column },
        evidence: { line: e.line, column: e.column, offset: e.offset },
        details: [{ message: e.message, line: e.line, column: e.column, status: 'fail' }],
      };
    }
    if (json.rootType) return { status: 'fail', messageId: 'notObject', data: { type: json.rootType } };
    const details: Detail[] = json.problems.map((p) => ({
      message: p.message, line: p.line, column: p.column, ...(p.pointer !== undefined ? { path: p.pointer || '/' } : {}),
      status: p.kind === 'duplicate-key' ? 'warn' as const : 'fail' as const,
    }));
    const strictViolations = json.problems.filter((p) => p.kind === 'comment' || p.kind === 'trailing-comma');
    if (strictViolations.length) {
      const kinds = new Set(strictViolations.map((p) => p.kind));
      const what = [kinds.has('comment') ? 'comments' : '', kinds.has('trailing-comma') ? 'trailing commas' : ''].filter(Boolean).join(' and ');
      const first = strictViolations[0]!;
      return { status: 'fail', messageId: 'lenient', data: { what, line: first.line, column: first.column }, evidence: { violations: strictViolations.length }, details };
    }
    const dup = json.problems.find((p) => p.kind === 'duplicate-key');
    if (dup) {
      const key = (dup.pointer ?? '').split('/').pop() ?? '';
      return { status: 'warn', messageId: 'duplicateKey', data: { key: key.replace(/~1/g, '/').replace(/~0/g, '~'), line: dup.line, column: dup.column }, details };
    }
    if (json.bom) return { status: 'pass', messageId: 'okBom', data: { bytes: (Manifest.text ?? '').length }, evidence: { bom: true } };
    return { status: 'pass', messageId: 'ok', data: { bytes: (Manifest.text ?? '').length }, evidence: { bom: false } };
  },
});
