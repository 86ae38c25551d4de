/**
 * Validates a parsed manifest against the bundled official schema with ajv in draft-04 mode, the
 * way the Teams Toolkit's own validator does (allErrors, the uri/email/regex formats), and maps
 * every error to a JSON pointer plus line and column in the original text. Compiled validators
 * are cached per version, so only the first manifest of a version pays for compilation.
 */
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { JsonObject, JsonValue } from '../core/types';
import { escapePointerToken, parseJsonWithLocations } from './json-parse';
import type { SchemaError } from './schema-error';

export type { SchemaError } from './schema-error';
export { describeSchemaError } from './schema-error';
import { compareVersions, isSchemaVersion, loadSchema, schemaUrl, versionFromSchemaUrl, type SchemaVersion } from './schemas';


export interface SchemaChoice {
  version?: SchemaVersion;
  selectedBy?: 'manifestVersion' | '$schema';
  /** What the manifest declares. */
  manifestVersion?: string;
  schemaUrl?: string;
  schemaUrlVersion?: string;
}

/** Picks the schema: manifestVersion first (Teams reads it), else the $schema URL. */
export function chooseSchema(manifest: JsonObject): SchemaChoice {
  const choice: SchemaChoice = {};
  if (typeof manifest.manifestVersion === 'string') choice.manifestVersion = manifest.manifestVersion;
  if (typeof manifest.$schema === 'string') {
    choice.schemaUrl = manifest.$schema;
    const v = versionFromSchemaUrl(manifest.$schema);
    if (v !== undefined) choice.schemaUrlVersion = v;
  }
  if (isSchemaVersion(choice.manifestVersion)) {
    choice.version = choice.manifestVersion;
    choice.selectedBy = 'manifestVersion';
  } else if (choice.manifestVersion === undefined && isSchemaVersion(choice.schemaUrlVersion)) {
    choice.version = choice.schemaUrlVersion;
    choice.selectedBy = '$schema';
  }
  return choice;
}

const validators = new Map<SchemaVersion, Promise<ValidateFunction>>();

/** Creates the ajv instance the same way for every version (and for the oracle tests). */
export function createAjv(): Ajv04 {
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, logger: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  return ajv;
}

/** The compiled validator for a version (memoised; compiles on first use). */
export function compiledValidator(version: SchemaVersion): Promise<ValidateFunction> {
  let p = validators.get(version);
  if (!p) {
    p = loadSchema(version).then((schema) => createAjv().compile(schema));
    p.catch(() => validators.delete(version));
    validators.set(version, p);
  }
  return p;
}

export const MAX_SCHEMA_ERRORS = 200;

function toJsonObject(params: Record<string, unknown>): JsonObject {
  return JSON.parse(JSON.stringify(params ?? {})) as JsonObject;
}

/** Validates and positions errors. `text` is the manifest text the value was parsed from. */
export async function validateManifest(manifest: JsonObject, version: SchemaVersion, text?: string): Promise<{ errors: SchemaError[]; errorCount: number }> {
  const validate = await compiledValidator(version);
  const ok = validate(manifest as JsonValue);
  if (ok) return { errors: [], errorCount: 0 };
  const raw = (validate.errors ?? []) as ErrorObject[];
  const parsed = text !== undefined ? parseJsonWithLocations(text) : undefined;
  const locate = (pointer: string, key?: boolean): { line: number; column: number } | undefined => {
    if (!parsed || !parsed.ok) return undefined;
    const loc = parsed.locations.get(pointer);
    if (!loc) return undefined;
    const { line, column } = parsed.lines.position(key && loc.keyOffset !== undefined ? loc.keyOffset : loc.offset);
    return { line, column };
  };
  const errors: SchemaError[] = [];
  for (const e of raw.slice(0, MAX_SCHEMA_ERRORS)) {
    let pos = locate(e.instancePath);
    if (e.keyword === 'additionalProperties' && typeof e.params.additionalProperty === 'string') {
      pos = locate(`${e.instancePath}/${escapePointerToken(e.params.additionalProperty)}`, true) ?? pos;
    }
    errors.push({
      pointer: e.instancePath,
      keyword: e.keyword,
      message: e.message ?? e.keyword,
      params: toJsonObject(e.params as Record<string, unknown>),
      schemaPath: e.schemaPath,
      ...(pos ?? {}),
    });
  }
  return { errors, errorCount: raw.length };
}


export { compareVersions, schemaUrl };
