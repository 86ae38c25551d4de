/** A schema validation error positioned in the manifest text, and its wording for people. */
import type { JsonObject } from '../core/types';

export interface SchemaError {
  /** JSON pointer of the offending value ('' is the whole manifest). */
  pointer: string;
  keyword: string;
  /** ajv's message, e.g. "must be equal to one of the allowed values". */
  message: string;
  params: JsonObject;
  schemaPath: string;
  line?: number;
  column?: number;
}

/**
 * Renders one schema error for people: the pointer, what is wrong, and the allowed values.
 * With `withPointer: false` the pointer is left out (for details, which carry it as `path`).
 */
export function describeSchemaError(e: SchemaError, options: { withPointer?: boolean } = {}): string {
  const where = options.withPointer === false ? (e.pointer === '' ? 'the manifest' : 'the value') : e.pointer === '' ? 'the manifest' : e.pointer;
  const p = e.params;
  switch (e.keyword) {
    case 'required': return `${where} is missing the required property "${String(p.missingProperty)}"`;
    case 'additionalProperties': return `${where} has a property "${String(p.additionalProperty)}" that this schema version does not allow`;
    case 'enum': return `${where} must be one of: ${Array.isArray(p.allowedValues) ? p.allowedValues.map((v) => JSON.stringify(v)).join(', ') : '?'}`;
    case 'const': return `${where} must be ${JSON.stringify(p.allowedValue)}`;
    default: return `${where} ${e.message}`;
  }
}
