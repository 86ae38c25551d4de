/**
 * Errors the API answers with. Every error body has the same shape, carries no stack and never
 * echoes what the client sent (a body may hold a secret the client should not have sent).
 */
import { ErrorCodes, type ErrorCode } from '../core/errors';

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  /** Stable code to branch on: one of the ErrorCode union (docs/reference/error-codes.mdx). */
  code: ErrorCode;
  message: string;
  /** JSON pointer into the request body, when one field is at fault (e.g. `/input/url`). */
  field?: string;
}

/** The codes the API answers with: a subset of the one union in checks/core/errors.ts. */
export const ApiCodes = {
  INVALID_INPUT: ErrorCodes.INVALID_INPUT,
  ADDRESS_REFUSED: ErrorCodes.ADDRESS_REFUSED,
  SECRET_REFUSED: ErrorCodes.SECRET_REFUSED,
  CLI_ONLY: ErrorCodes.CLI_ONLY,
  MALFORMED_JSON: ErrorCodes.MALFORMED_JSON,
  UNSUPPORTED_MEDIA_TYPE: ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
  TOO_LARGE: ErrorCodes.TOO_LARGE,
  RATE_LIMITED: ErrorCodes.RATE_LIMITED,
  BUSY: ErrorCodes.BUSY,
  NOT_FOUND: ErrorCodes.NOT_FOUND,
  HOST_REFUSED: ErrorCodes.HOST_REFUSED,
  INTERNAL: ErrorCodes.INTERNAL,
  MALFORMED_REQUEST: ErrorCodes.MALFORMED_REQUEST,
  HEADERS_TOO_LARGE: ErrorCodes.HEADERS_TOO_LARGE,
  REQUEST_TIMEOUT: ErrorCodes.REQUEST_TIMEOUT,
} as const satisfies Record<string, ErrorCode>;

export const NOT_FOUND_MESSAGE = 'Nothing here. The API has GET /api/health and POST /api/runs.';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An error with a status, a code, a message for the user and optionally the field at fault. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly field?: string;
  readonly headers?: Record<string, string>;

  constructor(statusCode: number, code: ErrorCode, message: string, options?: { field?: string; headers?: Record<string, string> }) {
    super(message);
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.code = code;
    if (options?.field !== undefined) this.field = options.field;
    if (options?.headers) this.headers = options.headers;
  }

  toBody(): ApiErrorBody {
    return errorBody(this.statusCode, this.code, this.message, this.field);
  }
}

export function errorBody(statusCode: number, code: ErrorCode, message: string, field?: string): ApiErrorBody {
  return {
    statusCode,
    error: REASONS[statusCode] ?? 'Error',
    code,
    message,
    ...(field !== undefined ? { field } : {}),
  };
}

export function badInput(field: string, message: string, code: ErrorCode = ApiCodes.INVALID_INPUT): ApiError {
  return new ApiError(400, code, message, { field });
}
