/**
 * Turns ajv's errors into one message with the JSON pointer of the field at fault. Messages
 * never quote the value the client sent.
 */
import { API_SUITES, inputSchemas } from './inputs';
import { phaseTimeoutMessage } from '../core/run-params';

interface AjvErrorLike {
  instancePath?: string;
  schemaPath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  message?: string;
}

function allowedFieldsAt(schemaPath: string | undefined): string | undefined {
  const m = /^#\/allOf\/(\d+)\/then\/properties\/input\//.exec(schemaPath ?? '');
  if (!m) return undefined;
  const suite = API_SUITES[Number(m[1])];
  if (!suite) return undefined;
  const props = (inputSchemas[suite] as { properties?: Record<string, unknown> }).properties ?? {};
  return `${suite} accepts ${Object.keys(props).join(', ')}`;
}

export function formatValidationError(errors: readonly unknown[], context: string): { field: string; message: string } {
  const list = errors as readonly AjvErrorLike[];
  const e = list.find((x) => x.keyword !== 'if') ?? list[0] ?? {};
  const base = e.instancePath ?? '';
  const params = e.params ?? {};
  const where = context === 'body' ? 'the request body' : context;
  // The timeout's one message, the same the CLI gives for --timeout (without echoing the value).
  if (base === '/input/timeout' && ['type', 'minimum', 'maximum'].includes(e.keyword ?? '')) {
    return { field: base, message: phaseTimeoutMessage(base) };
  }
  switch (e.keyword) {
    case 'required': {
      const name = String(params.missingProperty ?? '');
      const field = `${base}/${name}`;
      return { field, message: base === '' ? `${field} is required in ${where}: send {"suite": ..., "input": {...}}.` : `${field} is required.` };
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty ?? '');
      const allowed = allowedFieldsAt(e.schemaPath);
      return { field: `${base}/${name}`, message: `"${name}" is not accepted here${allowed ? ` (${allowed})` : ''}. Remove it.` };
    }
    case 'enum':
      if (base === '/suite') {
        return { field: base, message: `Unknown suite: choose one of ${API_SUITES.join(', ')} (egress runs only in the CLI).` };
      }
      return { field: base, message: `${base} must be one of ${(params.allowedValues as unknown[] | undefined)?.join(', ') ?? 'the allowed values'}.` };
    case 'type':
      return { field: base || '/', message: `${base || 'The body'} must be ${Array.isArray(params.type) ? params.type.join(' or ') : String(params.type)}.` };
    case 'maxLength':
      return { field: base, message: `${base} is too long (at most ${String(params.limit)} characters).` };
    case 'minLength':
      return { field: base, message: `${base} must not be empty.` };
    case 'pattern':
      return { field: base, message: /appId$/i.test(base) ? `${base} must be a GUID (the bot's Microsoft App ID), e.g. 00000000-0000-0000-0000-000000000000.` : `${base} has the wrong format.` };
    default:
      return { field: base || '/', message: `${base || 'The body'} ${e.message ?? 'is invalid'}.` };
  }
}
