import schema from '../../static/schemas/report-v1.schema.json';
import validateReport from '../manifest/validators/report-v1.js';
import type { Report } from '../core/types';

/** The published JSON Schema of the Report (served by the site at /schemas/report-v1.schema.json). */
export const reportSchema = schema;

/**
 * Schema errors of a candidate report as `path: message` lines; empty when valid. The validator
 * is precompiled from the schema (checks/manifest/validators/generate.mjs, ajv with allErrors,
 * strict, all ajv-formats), so it needs no eval and runs under a strict CSP too.
 */
export function reportSchemaErrors(candidate: unknown): string[] {
  return validateReport(candidate) ? [] : (validateReport.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'is invalid'}`);
}

export function isReport(candidate: unknown): candidate is Report {
  return reportSchemaErrors(candidate).length === 0;
}
