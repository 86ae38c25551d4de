import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../../static/schemas/report-v1.schema.json';
import type { Report } from '../core/types';

/** The published JSON Schema of the Report (served by the site at /schemas/report-v1.schema.json). */
export const reportSchema = schema;

let compiled: ReturnType<Ajv['compile']> | undefined;

function validator(): ReturnType<Ajv['compile']> {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/** Schema errors of a candidate report as `path: message` lines; empty when valid. */
export function reportSchemaErrors(candidate: unknown): string[] {
  const validate = validator();
  if (validate(candidate)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'is invalid'}`);
}

export function isReport(candidate: unknown): candidate is Report {
  return reportSchemaErrors(candidate).length === 0;
}
