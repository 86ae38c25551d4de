import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../../static/schemas/report-v1.schema.json';
import { interpretValidate } from '../manifest/interpret-schema';
import { isCodeGenerationBlocked } from '../manifest/validate-schema';
import type { Report } from '../core/types';

/** The published JSON Schema of the Report (served by the site at /schemas/report-v1.schema.json). */
export const reportSchema = schema;

type Validate = (candidate: unknown) => string[];

let validate: Validate | undefined;

/** RFC 3339 date-time, as ajv-formats checks it (the time zone is required). */
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;

/**
 * The schema checked without generating code: for pages whose Content Security Policy forbids
 * eval (ajv compiles validators with `new Function`). Same schema, interpreted; the one format
 * the schema uses (date-time) is checked here. A test holds it to the ajv path.
 */
export function reportSchemaErrorsInterpreted(candidate: unknown): string[] {
  const errors = interpretValidate(schema as Record<string, unknown>, candidate).map((e) => `${e.instancePath || '/'}: ${e.message}`);
  const startedAt = (candidate as { startedAt?: unknown } | null)?.startedAt;
  if (typeof startedAt === 'string' && !DATE_TIME.test(startedAt)) errors.push('/startedAt: must match format "date-time"');
  return errors;
}

function compile(): Validate {
  try {
    const ajv = new Ajv({ allErrors: true, strict: true, logger: false });
    addFormats(ajv);
    const check = ajv.compile(schema);
    return (candidate) => (check(candidate) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'is invalid'}`));
  } catch (err) {
    if (isCodeGenerationBlocked(err)) return reportSchemaErrorsInterpreted;
    throw err;
  }
}

/** Schema errors of a candidate report as `path: message` lines; empty when valid. */
export function reportSchemaErrors(candidate: unknown): string[] {
  validate ??= compile();
  return validate(candidate);
}

export function isReport(candidate: unknown): candidate is Report {
  return reportSchemaErrors(candidate).length === 0;
}
