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
import { interpretValidate } from './interpret-schema';
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

/** A validator for one schema version: returns ajv-shaped errors, empty when valid. */
export type ManifestValidator = ((data: unknown) => RawSchemaError[]) & { engine: 'ajv' | 'interpreter' };

export interface RawSchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const validators = new Map<SchemaVersion, Promise<ManifestValidator>>();

/** Creates the ajv instance the same way for every version (and for the oracle tests). */
export function createAjv(): Ajv04 {
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, logger: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  return ajv;
}

/** True for the error a runtime throws when code generation (eval, new Function) is blocked, e.g. by a CSP. */
export function isCodeGenerationBlocked(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return err.name === 'EvalError' || /unsafe-eval|Content Security Policy|code generation from strings/i.test(err.message);
}

function fromAjv(validate: ValidateFunction): ManifestValidator {
  const fn = (data: unknown): RawSchemaError[] => (validate(data) ? [] : ((validate.errors ?? []) as ErrorObject[]).map((e) => ({
    instancePath: e.instancePath, schemaPath: e.schemaPath, keyword: e.keyword, params: e.params as Record<string, unknown>, ...(e.message !== undefined ? { message: e.message } : {}),
  })));
  return Object.assign(fn, { engine: 'ajv' as const });
}

function fromInterpreter(schema: object): ManifestValidator {
  return Object.assign((data: unknown) => interpretValidate(schema as Record<string, unknown>, data), { engine: 'interpreter' as const });
}

/**
 * The validator for a version (memoised). ajv compiles the schema to JavaScript; where that is
 * blocked (a page whose Content Security Policy has no 'unsafe-eval'), the same schema is
 * interpreted instead, with the same findings.
 */
export function compiledValidator(version: SchemaVersion, options: { engine?: 'ajv' | 'interpreter' } = {}): Promise<ManifestValidator> {
  if (options.engine === 'interpreter') return loadSchema(version).then(fromInterpreter);
  let p = validators.get(version);
  if (!p) {
    p = loadSchema(version).then((schema) => {
      try {
        return fromAjv(createAjv().compile(schema));
      } catch (err) {
        if (isCodeGenerationBlocked(err)) return fromInterpreter(schema);
        throw err;
      }
    });
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
export async function validateManifest(
  manifest: JsonObject, version: SchemaVersion, text?: string, options: { engine?: 'ajv' | 'interpreter' } = {},
): Promise<{ errors: SchemaError[]; errorCount: number; engine: 'ajv' | 'interpreter' }> {
  const validate = await compiledValidator(version, options);
  const raw = validate(manifest as JsonValue);
  if (raw.length === 0) return { errors: [], errorCount: 0, engine: validate.engine };
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
  return { errors, errorCount: raw.length, engine: validate.engine };
}


export { compareVersions, schemaUrl };
