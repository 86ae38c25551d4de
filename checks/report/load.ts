import { InvalidInputError } from '../core/errors';
import type { Report } from '../core/types';
import { reportSchemaErrors } from './schema';

/** Largest saved report we accept (a full "all" run is a few hundred KB at most). */
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;

/**
 * Parses a saved report (JSON text) and checks it against the published schema.
 * Throws InvalidInputError with a message that says what is wrong and what to do.
 */
export function parseReport(text: string, source = 'the report'): Report {
  if (text.length > MAX_REPORT_BYTES) {
    throw new InvalidInputError(`${source} is larger than ${MAX_REPORT_BYTES / 1024 / 1024} MB; load a report saved by botflow (--format json).`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new InvalidInputError(`${source} is not JSON (${(err as Error).message}); load a report saved with --format json or the Save JSON button.`);
  }
  if (typeof value === 'object' && value !== null && 'schemaVersion' in value && (value as { schemaVersion: unknown }).schemaVersion !== 1) {
    throw new InvalidInputError(`${source} has schemaVersion ${String((value as { schemaVersion: unknown }).schemaVersion)}; this version of botflow reads schemaVersion 1.`);
  }
  const errors = reportSchemaErrors(value);
  if (errors.length) {
    const shown = errors.slice(0, 3).join('; ');
    throw new InvalidInputError(`${source} is not a botflow report: ${shown}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}.`);
  }
  return value as Report;
}
