/**
 * Recognises a manifest template: a manifest.json whose values still hold the placeholders a
 * build step fills in. The Microsoft 365 Agents Toolkit (formerly Teams Toolkit) writes
 * `${{BOT_ID}}`-style environment references and `{{appName}}`-style template parameters into
 * appPackage/manifest.json and writes the filled-in copy to appPackage/build/manifest.<env>.json
 * (and the zip appPackage/build/appPackage.<env>.zip). Samples also use `<<botId>>`,
 * `<bot-app-id>`, `[[APP_ID]]`, `YOUR-APP-ID` and `<your app id>` style markers, and a value that
 * is nothing but `{name}` (yo teams, for example `{botId0}`). Single braces inside a longer string
 * are not counted: Teams itself fills in context variables such as `{teamSiteDomain}` or
 * `{entityId}` in URLs. Pure.
 */
import type { JsonObject, JsonValue } from '../core/types';
import { escapePointerToken } from '../core/json-parse';

export type PlaceholderKind = 'toolkit-env' | 'mustache' | 'angle' | 'bracket' | 'brace' | 'your-marker';

export interface Placeholder {
  /** JSON pointer of the string that holds it. */
  pointer: string;
  /** The placeholder text, e.g. "${{BOT_ID}}". */
  text: string;
  kind: PlaceholderKind;
}

export interface TemplateEvidence {
  /** Every placeholder found (up to a cap), in document order. */
  placeholders: Placeholder[];
  /** All placeholders found (placeholders is capped). */
  count: number;
  /** True when the Agents Toolkit's `${{VAR}}` form is used: its build output is appPackage/build/manifest.<env>.json. */
  toolkit: boolean;
}

const PATTERNS: ReadonlyArray<[PlaceholderKind, RegExp]> = [
  ['toolkit-env', /\$\{\{\s*[A-Za-z_][A-Za-z0-9_.]*\s*\}\}/g],
  ['mustache', /\{\{\s*[#^/]?[A-Za-z_][A-Za-z0-9_.-]*\s*\}\}/g],
  ['angle', /<<\s*[A-Za-z_][A-Za-z0-9_. -]*\s*>>/g],
  ['bracket', /\[\[\s*[A-Za-z_][A-Za-z0-9_.]*\s*\]\]/g],
  // <bot-app-id>, <your_app_id>: a word in single angle brackets, joined by - or _ (not HTML such as <br>)
  ['angle', /<[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+>/g],
  ['your-marker', /\bYOUR[-_][A-Z0-9][A-Z0-9_-]{0,40}\b/g],
  ['your-marker', /<\s*your[ _-][^<>]{1,60}>/gi],
];

const MAX_PLACEHOLDERS = 100;

const WHOLE_BRACE = /^\{[A-Za-z_][A-Za-z0-9_]*\}$/;
/** Every pattern needs one of these; most strings have none and skip the patterns. */
const MAY_HOLD = /[{<[]|YOUR[-_]/;

/** The placeholders in one string (mustache hits inside a `${{...}}` are not counted twice). */
export function placeholdersIn(value: string): Array<{ text: string; kind: PlaceholderKind }> {
  if (!MAY_HOLD.test(value)) return [];
  if (WHOLE_BRACE.test(value.trim())) return [{ text: value.trim(), kind: 'brace' }];
  const found: Array<{ text: string; kind: PlaceholderKind; at: number }> = [];
  const taken: Array<[number, number]> = [];
  for (const [kind, re] of PATTERNS) {
    for (const m of value.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      found.push({ text: m[0], kind, at: start });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ text, kind }) => ({ text, kind }));
}

/** True when the string holds a placeholder. */
export function hasPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && placeholdersIn(value).length > 0;
}

/** Walks the manifest for placeholders; undefined when it has none (it is not a template). */
export function findTemplate(manifest: JsonObject): TemplateEvidence | undefined {
  const placeholders: Placeholder[] = [];
  let count = 0;
  let toolkit = false;
  const walk = (v: JsonValue, pointer: string): void => {
    if (typeof v === 'string') {
      for (const p of placeholdersIn(v)) {
        count++;
        if (p.kind === 'toolkit-env') toolkit = true;
        if (placeholders.length < MAX_PLACEHOLDERS) placeholders.push({ pointer, ...p });
      }
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${pointer}/${i}`));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (k !== '$schema') walk(x, `${pointer}/${escapePointerToken(k)}`);
    }
  };
  walk(manifest, '');
  return count ? { placeholders, count, toolkit } : undefined;
}

/** A placeholder's name without its markers ("${{BOT_ID}}" -> "BOT_ID"), for messages. */
export function placeholderName(text: string): string {
  return text.replace(/^\$?\{\{\s*[#^/]?|\s*\}\}$|^<<\s*|\s*>>$|^\[\[\s*|\s*\]\]$|^<\s*|\s*>$|^\{|\}$/g, '').trim() || text;
}

/** Where the filled-in manifest of a template is, in words for a finding. */
export function builtManifestHint(t: TemplateEvidence): string {
  return t.toolkit
    ? 'the Agents Toolkit (Teams Toolkit) fills these in and writes appPackage/build/manifest.<env>.json and appPackage/build/appPackage.<env>.zip: check that file instead'
    : 'check the manifest after your build or deployment step has filled them in';
}
