/**
 * Engine errors: the check could not be evaluated. Misconfigured bots are findings, never errors.
 * Callers branch on `code`, which survives JSON, the API and the browser boundary.
 */

export const ErrorCodes = {
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
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

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

export function isCheckEngineError(value: unknown): value is CheckEngineError {
  if (!(value instanceof Error)) return false;
  const code = (value as unknown as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('CHK_ERR_');
}

/** Turns anything thrown into `{code, message}`; never exposes a stack. */
export function toErrorInfo(value: unknown, fallback: ErrorCode = ErrorCodes.RULE_FAILED): { code: string; message: string } {
  if (isCheckEngineError(value)) return { code: value.code, message: value.message };
  if (value instanceof Error) return { code: fallback, message: value.message || value.name };
  return { code: fallback, message: String(value) };
}
