/**
 * A JSON Schema (draft-04) validator that interprets the schema instead of compiling it, for
 * pages whose Content Security Policy forbids 'unsafe-eval' (ajv compiles schemas with
 * `new Function`). It covers the keywords the Teams manifest schemas use and reports errors in
 * ajv's shape (instancePath, keyword, params, message) with ajv's allErrors semantics, so the
 * manifest-schema check gives the same findings either way. Oracle tests hold it to ajv on the
 * whole corpus and on random mutations. Node and the CLI keep using ajv.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { escapePointerToken } from './json-parse';

export interface InterpretedError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

type Schema = Record<string, unknown>;
type FormatCheck = (s: string) => boolean;

const FORMATS: Record<string, FormatCheck> = {};
for (const name of ['uri', 'email', 'regex'] as const) {
  const f = (fullFormats as Record<string, unknown>)[name];
  FORMATS[name] = f instanceof RegExp ? (s) => f.test(s) : typeof f === 'function' ? (f as FormatCheck) : () => true;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeMatches(type: string, v: unknown): boolean {
  switch (type) {
    case 'string': return typeof v === 'string';
    case 'number': return typeof v === 'number';
    case 'integer': return typeof v === 'number' && !(v % 1) && !Number.isNaN(v);
    case 'boolean': return typeof v === 'boolean';
    case 'null': return v === null;
    case 'array': return Array.isArray(v);
    case 'object': return isObject(v);
    default: return false;
  }
}

/** Deep equality as ajv's runtime uses it (fast-deep-equal on JSON values). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** String length in code points, as ajv's ucs2length counts it. */
function ucs2length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    n++;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if ((d & 0xfc00) === 0xdc00) i++;
    }
  }
  return n;
}

function schemaTypes(schema: unknown): string[] {
  if (!isObject(schema)) return [];
  const t = schema.type;
  return typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

/** Compiled form kept between runs: regular expressions per pattern. */
const patternCache = new Map<string, RegExp>();
function patternOf(p: string): RegExp {
  let re = patternCache.get(p);
  if (!re) { re = new RegExp(p, 'u'); patternCache.set(p, re); }
  return re;
}

export function interpretValidate(root: Schema, data: unknown): InterpretedError[] {
  const errors: InterpretedError[] = [];
  const err = (instancePath: string, schemaPath: string, keyword: string, params: Record<string, unknown>, message: string): void => {
    errors.push({ instancePath, schemaPath, keyword, params, message });
  };

  const resolveRef = (ref: string): { schema: unknown; path: string } => {
    if (!ref.startsWith('#')) throw new Error(`unsupported $ref ${ref}`);
    let node: unknown = root;
    const parts = ref.slice(1).split('/').filter(Boolean).map((t) => decodeURIComponent(t).replace(/~1/g, '/').replace(/~0/g, '~'));
    for (const part of parts) node = isObject(node) ? node[part] : Array.isArray(node) ? node[Number(part)] : undefined;
    return { schema: node, path: ref };
  };

  const validate = (schema: unknown, v: unknown, ip: string, sp: string): void => {
    if (schema === true || schema === undefined) return;
    if (schema === false) { err(ip, sp, 'false schema', {}, 'boolean schema is false'); return; }
    if (!isObject(schema)) return;
    const s = schema;

    // $ref alone: only the reference applies (ajv ignores nothing else because there is nothing else).
    if (typeof s.$ref === 'string') {
      const target = resolveRef(s.$ref);
      validate(target.schema, v, ip, `${target.path}`);
    }

    const types = schemaTypes(s);
    if (types.length > 0 && !types.some((t) => typeMatches(t, v))) {
      err(ip, `${sp}/type`, 'type', { type: Array.isArray(s.type) ? [...types] : types[0] }, `must be ${types.join(',')}`);
    }

    // number keywords
    if (typeof v === 'number') {
      if (typeof s.maximum === 'number' && !(v <= s.maximum)) err(ip, `${sp}/maximum`, 'maximum', { comparison: '<=', limit: s.maximum }, `must be <= ${s.maximum}`);
      if (typeof s.minimum === 'number' && !(v >= s.minimum)) err(ip, `${sp}/minimum`, 'minimum', { comparison: '>=', limit: s.minimum }, `must be >= ${s.minimum}`);
    }
    // string keywords
    if (typeof v === 'string') {
      if (typeof s.maxLength === 'number' && ucs2length(v) > s.maxLength) err(ip, `${sp}/maxLength`, 'maxLength', { limit: s.maxLength }, `must NOT have more than ${s.maxLength} characters`);
      if (typeof s.minLength === 'number' && ucs2length(v) < s.minLength) err(ip, `${sp}/minLength`, 'minLength', { limit: s.minLength }, `must NOT have fewer than ${s.minLength} characters`);
      if (typeof s.pattern === 'string' && !patternOf(s.pattern).test(v)) err(ip, `${sp}/pattern`, 'pattern', { pattern: s.pattern }, `must match pattern "${s.pattern}"`);
      if (typeof s.format === 'string' && FORMATS[s.format] && !FORMATS[s.format]!(v)) err(ip, `${sp}/format`, 'format', { format: s.format }, `must match format "${s.format}"`);
    }
    // array keywords
    if (Array.isArray(v)) {
      if (typeof s.maxItems === 'number' && v.length > s.maxItems) err(ip, `${sp}/maxItems`, 'maxItems', { limit: s.maxItems }, `must NOT have more than ${s.maxItems} items`);
      if (typeof s.minItems === 'number' && v.length < s.minItems) err(ip, `${sp}/minItems`, 'minItems', { limit: s.minItems }, `must NOT have fewer than ${s.minItems} items`);
      if (Array.isArray(s.items)) {
        s.items.forEach((itemSchema, i) => { if (i < v.length) validate(itemSchema, v[i], `${ip}/${i}`, `${sp}/items/${i}`); });
      } else if (s.items !== undefined) {
        v.forEach((item, i) => validate(s.items, item, `${ip}/${i}`, `${sp}/items`));
      }
      if (s.uniqueItems === true && v.length > 1) {
        const dup = findDuplicate(v, s.items);
        if (dup) err(ip, `${sp}/uniqueItems`, 'uniqueItems', { i: dup.i, j: dup.j }, `must NOT have duplicate items (items ## ${dup.j} and ${dup.i} are identical)`);
      }
    }
    // object keywords
    if (isObject(v)) {
      const keys = Object.keys(v);
      if (typeof s.minProperties === 'number' && keys.length < s.minProperties) err(ip, `${sp}/minProperties`, 'minProperties', { limit: s.minProperties }, `must NOT have fewer than ${s.minProperties} properties`);
      if (Array.isArray(s.required)) {
        for (const r of s.required) {
          if (typeof r === 'string' && !Object.prototype.hasOwnProperty.call(v, r)) err(ip, `${sp}/required`, 'required', { missingProperty: r }, `must have required property '${r}'`);
        }
      }
      if (isObject(s.dependencies)) {
        for (const [prop, dep] of Object.entries(s.dependencies)) {
          if (!Object.prototype.hasOwnProperty.call(v, prop)) continue;
          if (Array.isArray(dep)) {
            for (const missing of dep) {
              if (typeof missing === 'string' && !Object.prototype.hasOwnProperty.call(v, missing)) {
                const deps = dep.join(', ');
                err(ip, `${sp}/dependencies`, 'dependencies', { property: prop, missingProperty: missing, depsCount: dep.length, deps }, `must have ${dep.length === 1 ? 'property' : 'properties'} ${deps} when property ${prop} is present`);
              }
            }
          } else {
            validate(dep, v, ip, `${sp}/dependencies/${escapePointerToken(prop)}`);
          }
        }
      }
      const props = isObject(s.properties) ? s.properties : {};
      for (const [k, sub] of Object.entries(props)) {
        if (Object.prototype.hasOwnProperty.call(v, k)) validate(sub, v[k], `${ip}/${escapePointerToken(k)}`, `${sp}/properties/${escapePointerToken(k)}`);
      }
      if (s.additionalProperties !== undefined && s.additionalProperties !== true) {
        for (const k of keys) {
          if (Object.prototype.hasOwnProperty.call(props, k)) continue;
          if (s.additionalProperties === false) err(ip, `${sp}/additionalProperties`, 'additionalProperties', { additionalProperty: k }, 'must NOT have additional properties');
          else validate(s.additionalProperties, v[k], `${ip}/${escapePointerToken(k)}`, `${sp}/additionalProperties`);
        }
      }
    }
    // keywords for any type
    if (s.const !== undefined && !deepEqual(v, s.const)) err(ip, `${sp}/const`, 'const', { allowedValue: s.const }, 'must be equal to constant');
    if (Array.isArray(s.enum) && !s.enum.some((e) => deepEqual(v, e))) err(ip, `${sp}/enum`, 'enum', { allowedValues: s.enum }, 'must be equal to one of the allowed values');
    if (s.not !== undefined) {
      const before = errors.length;
      validate(s.not, v, ip, `${sp}/not`);
      const passed = errors.length === before;
      errors.length = before;
      if (passed) err(ip, `${sp}/not`, 'not', {}, 'must NOT be valid');
    }
    if (Array.isArray(s.anyOf)) {
      const before = errors.length;
      let ok = false;
      s.anyOf.forEach((sub, i) => {
        if (ok) return;
        const at = errors.length;
        validate(sub, v, ip, `${sp}/anyOf/${i}`);
        if (errors.length === at) ok = true;
      });
      if (ok) errors.length = before;
      else err(ip, `${sp}/anyOf`, 'anyOf', {}, 'must match a schema in anyOf');
    }
    if (Array.isArray(s.oneOf)) {
      const before = errors.length;
      let valid = false;
      let passing: number | number[] | null = null;
      // Like ajv: stop at the second passing branch (later branches are not evaluated).
      for (const [i, sub] of s.oneOf.entries()) {
        const at = errors.length;
        validate(sub, v, ip, `${sp}/oneOf/${i}`);
        const subValid = errors.length === at;
        if (i > 0 && subValid && valid) {
          valid = false;
          passing = [passing as number, i];
          break;
        }
        if (subValid) {
          valid = true;
          passing = i;
        }
      }
      if (valid) errors.length = before;
      else err(ip, `${sp}/oneOf`, 'oneOf', { passingSchemas: passing }, 'must match exactly one schema in oneOf');
    }
    if (Array.isArray(s.allOf)) s.allOf.forEach((sub, i) => validate(sub, v, ip, `${sp}/allOf/${i}`));
    if (s.if !== undefined && (s.then !== undefined || s.else !== undefined)) {
      const before = errors.length;
      validate(s.if, v, ip, `${sp}/if`);
      const ifValid = errors.length === before;
      errors.length = before;
      const branch = ifValid ? 'then' : 'else';
      if (s[branch] !== undefined) {
        const at = errors.length;
        validate(s[branch], v, ip, `${sp}/${branch}`);
        if (errors.length > at) err(ip, `${sp}/if`, 'if', { failingKeyword: branch }, `must match "${branch}" schema`);
      }
    }
  };

  validate(root, data, '', '#');
  return errors;
}

/** The duplicate pair ajv reports: scalar item types use a map (i < j), others a double loop (i > j). */
function findDuplicate(v: unknown[], items: unknown): { i: number; j: number } | undefined {
  const itemTypes = schemaTypes(items);
  if (itemTypes.length > 0 && !itemTypes.some((t) => t === 'object' || t === 'array')) {
    const indices = new Map<unknown, number>();
    for (let i = v.length; i--;) {
      let item = v[i];
      if (!itemTypes.some((t) => typeMatches(t, item))) continue;
      if (itemTypes.length > 1 && typeof item === 'string') item = `${item}_`;
      const seen = indices.get(item);
      if (seen !== undefined) return { i, j: seen };
      indices.set(item, i);
    }
    return undefined;
  }
  for (let i = v.length; i--;) {
    for (let j = i; j--;) {
      if (deepEqual(v[i], v[j])) return { i, j };
    }
  }
  return undefined;
}
