/**
 * The Manifest evidence and its JSON half: from manifest.json text or bytes to the decoded and
 * parsed manifest with tolerated deviations, or the exact reason it could not be read. Pure, and
 * without the zip reader (./read-manifest adds app packages), so checking a manifest.json on its
 * own never loads the decompressor.
 */
import type { JsonObject, JsonValue } from '../core/types';
import { parseJsonWithLocations, type JsonProblem, type JsonSyntaxError } from '../core/json-parse';
import { decodeJsonBytes } from './text-decode';
import { findTemplate, type TemplateEvidence } from './template';
import type { ZipProblem } from './zip';
import { looksLikeZip } from './zip-magic';
import { isJsonObject } from '../computed/json';

export const INPUT_LIMITS = {
  /** A manifest.json given on its own. */
  maxJsonBytes: 5 * 1024 * 1024,
  /** An app package (.zip). */
  maxPackageBytes: 25 * 1024 * 1024,
} as const;

export type ManifestSourceKind = 'json' | 'zip' | 'none';

export interface PackageFile {
  name: string;
  size: number;
  compressedSize: number;
  isDirectory: boolean;
}

export interface PackageEvidence {
  files: PackageFile[];
  declaredCount: number;
  problems: ZipProblem[];
  /** Where manifest.json was found ('manifest.json' at the root; a nested or differently cased path otherwise). */
  manifestPath?: string;
  /** Why manifest.json could not be extracted. */
  manifestReadError?: string;
}

export interface EncodingProblem {
  reason: 'utf16' | 'utf32' | 'invalid-utf8';
  message: string;
  line?: number;
  column?: number;
  offset?: number;
}

export interface JsonReadEvidence {
  /** Parsed (possibly with tolerated problems). */
  ok: boolean;
  /** A UTF-8 byte order mark preceded the text. */
  bom: boolean;
  encodingError?: EncodingProblem;
  syntaxError?: JsonSyntaxError;
  /** Deviations that were tolerated: comments, trailing commas, duplicate keys. */
  problems: JsonProblem[];
  /** Type of the top-level value when it is not an object. */
  rootType?: 'array' | 'string' | 'number' | 'boolean' | 'null';
}

export interface ManifestBotSummary {
  botId?: string;
  /** Where the manifest names this bot id: a bot, or a message extension (composeExtensions[].botId). */
  source: 'bots' | 'composeExtensions';
  scopes: string[];
  supportsCalling: boolean;
  supportsVideo: boolean;
  isNotificationOnly: boolean;
}

/** Facts other suites (registration) read without walking the manifest themselves. */
export interface ManifestSummary {
  manifestVersion?: string;
  schemaUrl?: string;
  /** The app's own `id`. */
  appId?: string;
  bots: ManifestBotSummary[];
  /** True when any bot declares `supportsCalling: true`. */
  supportsCalling: boolean;
  webApplicationInfo?: { id?: string; resource?: string };
  validDomains: string[];
}

export interface ManifestEvidence {
  source: { kind: ManifestSourceKind; name?: string; bytes: number };
  package?: PackageEvidence;
  json?: JsonReadEvidence;
  /** The decoded manifest text (no BOM); kept so findings can point at lines and columns. */
  text?: string;
  /** The parsed manifest when its top level is an object. */
  manifest?: JsonObject;
  summary?: ManifestSummary;
  /** Set when the manifest is a template (its values hold placeholders a build step fills in). */
  template?: TemplateEvidence;
}

export interface ManifestInput {
  manifestText?: string;
  manifestBytes?: Uint8Array;
  manifestName?: string;
}

export class ManifestTooLargeError extends Error {
  constructor(readonly bytes: number, readonly limit: number, readonly kind: 'json' | 'zip') {
    super(`The ${kind === 'zip' ? 'app package' : 'manifest'} is ${bytes} bytes; botflow reads ${kind === 'zip' ? 'packages' : 'manifest files'} up to ${limit} bytes. Check that this is the right file.`);
  }
}

function typeOf(v: JsonValue): NonNullable<JsonReadEvidence['rootType']> | 'object' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as 'string' | 'number' | 'boolean' | 'object';
}


function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function summarize(m: JsonObject): ManifestSummary {
  const bots = Array.isArray(m.bots) ? m.bots.filter(isJsonObject) : [];
  const botSummaries: ManifestBotSummary[] = bots.map((b) => {
    const botId = str(b.botId);
    return {
      source: 'bots' as const,
      ...(botId !== undefined ? { botId } : {}),
      scopes: Array.isArray(b.scopes) ? b.scopes.filter((s): s is string => typeof s === 'string') : [],
      supportsCalling: b.supportsCalling === true,
      supportsVideo: b.supportsVideo === true,
      isNotificationOnly: b.isNotificationOnly === true,
    };
  });
  // A message extension names the bot that serves it; an app that is only a message extension
  // still has a bot id, which must be the Azure Bot's msaAppId like any bots[].botId.
  const known = new Set(botSummaries.map((b) => b.botId?.trim().toLowerCase()));
  const extensions = Array.isArray(m.composeExtensions) ? m.composeExtensions.filter(isJsonObject) : [];
  for (const ext of extensions) {
    const botId = str(ext.botId);
    if (botId === undefined || known.has(botId.trim().toLowerCase())) continue;
    known.add(botId.trim().toLowerCase());
    botSummaries.push({ source: 'composeExtensions', botId, scopes: [], supportsCalling: false, supportsVideo: false, isNotificationOnly: false });
  }
  const wai = isJsonObject(m.webApplicationInfo) ? m.webApplicationInfo : undefined;
  const summary: ManifestSummary = {
    bots: botSummaries,
    supportsCalling: botSummaries.some((b) => b.supportsCalling),
    validDomains: Array.isArray(m.validDomains) ? m.validDomains.filter((d): d is string => typeof d === 'string') : [],
  };
  const mv = str(m.manifestVersion);
  if (mv !== undefined) summary.manifestVersion = mv;
  const schema = str(m.$schema);
  if (schema !== undefined) summary.schemaUrl = schema;
  const id = str(m.id);
  if (id !== undefined) summary.appId = id;
  if (wai) {
    summary.webApplicationInfo = {};
    const wid = str(wai.id);
    if (wid !== undefined) summary.webApplicationInfo.id = wid;
    const res = str(wai.resource);
    if (res !== undefined) summary.webApplicationInfo.resource = res;
  }
  return summary;
}

/** Decodes and parses manifest bytes (or text) into the json/text/manifest part of the evidence. */
export function readManifestJson(input: { text: string } | { bytes: Uint8Array }): Pick<ManifestEvidence, 'json' | 'text' | 'manifest' | 'summary'> {
  let text: string;
  let bom = false;
  if ('bytes' in input) {
    const decoded = decodeJsonBytes(input.bytes);
    if (!decoded.ok) {
      const { ok: _ok, ...rest } = decoded;
      return { json: { ok: false, bom: false, encodingError: rest, problems: [] } };
    }
    text = decoded.text;
    bom = decoded.bom;
  } else {
    text = input.text;
    if (text.charCodeAt(0) === 0xfeff) {
      bom = true;
      text = text.slice(1);
    }
  }
  const parsed = parseJsonWithLocations(text);
  if (!parsed.ok) {
    return { json: { ok: false, bom, syntaxError: parsed.error, problems: parsed.problems }, text };
  }
  const kind = typeOf(parsed.value);
  if (kind !== 'object') {
    return { json: { ok: true, bom, problems: parsed.problems, rootType: kind }, text };
  }
  const manifest = parsed.value as JsonObject;
  const template = findTemplate(manifest);
  return { json: { ok: true, bom, problems: parsed.problems }, text, manifest, summary: summarize(manifest), ...(template ? { template } : {}) };
}

/**
 * Reads JSON input (text, or bytes that are not a zip) into Manifest evidence; for a zip it
 * returns undefined (./read-manifest reads packages). Throws ManifestTooLargeError above the caps.
 */
export function readManifestJsonInput(input: ManifestInput): ManifestEvidence | undefined {
  const name = input.manifestName;
  const withName = <T extends object>(o: T): T & { name?: string } => (name !== undefined ? { ...o, name } : o);
  if (input.manifestBytes !== undefined) {
    const bytes = input.manifestBytes;
    if (looksLikeZip(bytes)) return undefined;
    if (bytes.length > INPUT_LIMITS.maxJsonBytes) throw new ManifestTooLargeError(bytes.length, INPUT_LIMITS.maxJsonBytes, 'json');
    return { source: withName({ kind: 'json' as const, bytes: bytes.length }), ...readManifestJson({ bytes }) };
  }
  if (input.manifestText !== undefined) {
    const size = input.manifestText.length;
    if (size > INPUT_LIMITS.maxJsonBytes) throw new ManifestTooLargeError(size, INPUT_LIMITS.maxJsonBytes, 'json');
    return { source: withName({ kind: 'json' as const, bytes: size }), ...readManifestJson({ text: input.manifestText }) };
  }
  return { source: withName({ kind: 'none' as const, bytes: 0 }) };
}
