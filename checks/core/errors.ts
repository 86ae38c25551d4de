/**
 * Every error code botflow puts on the wire, in one union (`ErrorCode`): the engine's (a check
 * could not be evaluated; misconfigured bots are findings, never errors), Azure's answers to a
 * live lookup, the HTTP API's refusals and the widgets' client failures. Callers branch on
 * `code`, which survives JSON, the API and the browser boundary.
 *
 * One scheme for every code: `CHK_ERR_` then what went wrong in upper snake case, with an area
 * word where the cause lies outside botflow (`CHK_ERR_AZURE_*` for Azure Resource Manager and
 * Microsoft Graph, `CHK_ERR_API_*` for the widgets' view of the API). The meaning and fix of each
 * code are in ./error-docs.ts, from which docs/reference/error-codes.mdx is generated.
 */

export const ErrorCodes = {
  // The engine: a check could not be evaluated.
  INVALID_CONFIG: 'CHK_ERR_INVALID_CONFIG',
  INVALID_INPUT: 'CHK_ERR_INVALID_INPUT',
  PROBE_TIMEOUT: 'CHK_ERR_PROBE_TIMEOUT',
  PROBE_NETWORK: 'CHK_ERR_PROBE_NETWORK',
  MISSING_EVIDENCE: 'CHK_ERR_MISSING_EVIDENCE',
  EVIDENCE_ERRORED: 'CHK_ERR_EVIDENCE_ERRORED',
  RULE_FAILED: 'CHK_ERR_RULE_FAILED',
  UNSUPPORTED_ENV: 'CHK_ERR_UNSUPPORTED_ENV',
  DEADLINE: 'CHK_ERR_DEADLINE',
  ADDRESS_REFUSED: 'CHK_ERR_ADDRESS_REFUSED',
  TOO_LARGE: 'CHK_ERR_TOO_LARGE',
  // Azure Resource Manager or Microsoft Graph answered a live lookup with an HTTP error.
  AZURE_TOKEN_REJECTED: 'CHK_ERR_AZURE_TOKEN_REJECTED',
  AZURE_ACCESS_DENIED: 'CHK_ERR_AZURE_ACCESS_DENIED',
  AZURE_NOT_FOUND: 'CHK_ERR_AZURE_NOT_FOUND',
  AZURE_THROTTLED: 'CHK_ERR_AZURE_THROTTLED',
  AZURE_HTTP_ERROR: 'CHK_ERR_AZURE_HTTP_ERROR',
  // The HTTP API refused a request.
  SECRET_REFUSED: 'CHK_ERR_SECRET_REFUSED',
  CLI_ONLY: 'CHK_ERR_CLI_ONLY',
  MALFORMED_JSON: 'CHK_ERR_MALFORMED_JSON',
  UNSUPPORTED_MEDIA_TYPE: 'CHK_ERR_UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED: 'CHK_ERR_RATE_LIMITED',
  BUSY: 'CHK_ERR_BUSY',
  NOT_FOUND: 'CHK_ERR_NOT_FOUND',
  HOST_REFUSED: 'CHK_ERR_HOST_REFUSED',
  INTERNAL: 'CHK_ERR_INTERNAL',
  MALFORMED_REQUEST: 'CHK_ERR_MALFORMED_REQUEST',
  HEADERS_TOO_LARGE: 'CHK_ERR_HEADERS_TOO_LARGE',
  REQUEST_TIMEOUT: 'CHK_ERR_REQUEST_TIMEOUT',
  // The widgets' client of the API (src/utils/check-api.ts).
  API_UNREACHABLE: 'CHK_ERR_API_UNREACHABLE',
  API_HTTP_ERROR: 'CHK_ERR_API_HTTP_ERROR',
  API_STREAM_INCOMPLETE: 'CHK_ERR_API_STREAM_INCOMPLETE',
  ABORTED: 'CHK_ERR_ABORTED',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

const CODES: ReadonlySet<string> = new Set(Object.values(ErrorCodes));

/** True for a string that is one of the codes above (a saved Report or another server may carry others). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && CODES.has(value);
}

/**
 * The code for an HTTP error from Azure Resource Manager or Microsoft Graph: the caller's token
 * or permissions, a missing resource or throttling, never a network code (the request arrived).
 */
export function azureErrorCode(status: number): ErrorCode {
  switch (status) {
    case 401: return ErrorCodes.AZURE_TOKEN_REJECTED;
    case 403: return ErrorCodes.AZURE_ACCESS_DENIED;
    case 404: return ErrorCodes.AZURE_NOT_FOUND;
    case 429: return ErrorCodes.AZURE_THROTTLED;
    default: return ErrorCodes.AZURE_HTTP_ERROR;
  }
}

export class CheckEngineError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CheckEngineError';
    this.code = code;
    if (options?.details) this.details = options.details;
  }

  toJSON(): { name: string; code: ErrorCode; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }
}

export class InvalidConfigError extends CheckEngineError {
  constructor(message = 'The run configuration is invalid.', options?: { cause?: unknown }) {
    super(ErrorCodes.INVALID_CONFIG, message, options);
    this.name = 'InvalidConfigError';
  }
}

/** Bad user input (a malformed URL, unreadable file, malformed JSON): exit code 2, HTTP 400. */
export class InvalidInputError extends CheckEngineError {
  readonly field?: string;
  constructor(message = 'The input is invalid.', options?: { cause?: unknown; field?: string }) {
    super(ErrorCodes.INVALID_INPUT, message, options);
    this.name = 'InvalidInputError';
    if (options?.field) this.field = options.field;
  }
}

export class ProbeTimeoutError extends CheckEngineError {
  constructor(message = 'The probe did not finish before its timeout.', options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(ErrorCodes.PROBE_TIMEOUT, message, options);
    this.name = 'ProbeTimeoutError';
  }
}

export class ProbeNetworkError extends CheckEngineError {
  constructor(message = 'The probe failed on the network.', options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(ErrorCodes.PROBE_NETWORK, message, options);
    this.name = 'ProbeNetworkError';
  }
}

export class MissingEvidenceError extends CheckEngineError {
  constructor(message = 'Evidence this check needs was not gathered.') {
    super(ErrorCodes.MISSING_EVIDENCE, message);
    this.name = 'MissingEvidenceError';
  }
}

export class EvidenceErroredError extends CheckEngineError {
  constructor(message = 'Gathering evidence this check needs failed.', options?: { cause?: unknown }) {
    super(ErrorCodes.EVIDENCE_ERRORED, message, options);
    this.name = 'EvidenceErroredError';
  }
}

export class UnsupportedEnvironmentError extends CheckEngineError {
  constructor(message = 'This evidence cannot be gathered in this environment.') {
    super(ErrorCodes.UNSUPPORTED_ENV, message);
    this.name = 'UnsupportedEnvironmentError';
  }
}

/** The target resolved to an address the guard refuses (loopback, private, metadata, ...). */
export class AddressRefusedError extends CheckEngineError {
  constructor(message = 'The target resolves to an address that is not allowed.', options?: { details?: Record<string, unknown> }) {
    super(ErrorCodes.ADDRESS_REFUSED, message, options);
    this.name = 'AddressRefusedError';
  }
}

export class TooLargeError extends CheckEngineError {
  constructor(message = 'The input or response is larger than allowed.', options?: { details?: Record<string, unknown> }) {
    super(ErrorCodes.TOO_LARGE, message, options);
    this.name = 'TooLargeError';
  }
}

/** An engine error, also across copies of this module (a bundle and its tests): an Error with one of the codes. */
export function isCheckEngineError(value: unknown): value is CheckEngineError {
  return value instanceof Error && isErrorCode((value as unknown as { code?: unknown }).code);
}

/** Turns anything thrown into `{code, message}`; never exposes a stack. */
export function toErrorInfo(value: unknown, fallback: ErrorCode = ErrorCodes.RULE_FAILED): { code: ErrorCode; message: string } {
  if (isCheckEngineError(value)) return { code: value.code, message: value.message };
  if (value instanceof Error) return { code: fallback, message: value.message || value.name };
  return { code: fallback, message: String(value) };
}
