/**
 * Errors the API answers with. Every error body has the same shape, carries no stack and never
 * echoes what the client sent (a body may hold a secret the client should not have sent).
 */

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  /** Stable code to branch on (CHK_ERR_* from the engine, or API_* for transport problems). */
  code: string;
  message: string;
  /** JSON pointer into the request body, when one field is at fault (e.g. `/input/url`). */
  field?: string;
}

export const ApiCodes = {
  INVALID_INPUT: 'CHK_ERR_INVALID_INPUT',
  ADDRESS_REFUSED: 'CHK_ERR_ADDRESS_REFUSED',
  SECRET_REFUSED: 'API_SECRET_REFUSED',
  CLI_ONLY: 'API_CLI_ONLY',
  MALFORMED_JSON: 'API_MALFORMED_JSON',
  UNSUPPORTED_MEDIA_TYPE: 'API_UNSUPPORTED_MEDIA_TYPE',
  TOO_LARGE: 'CHK_ERR_TOO_LARGE',
  RATE_LIMITED: 'API_RATE_LIMITED',
  BUSY: 'API_BUSY',
  NOT_FOUND: 'API_NOT_FOUND',
  HOST_REFUSED: 'API_HOST_REFUSED',
  NOT_ACCEPTABLE: 'API_NOT_ACCEPTABLE',
  INTERNAL: 'API_INTERNAL',
  MALFORMED_REQUEST: 'API_MALFORMED_REQUEST',
  HEADERS_TOO_LARGE: 'API_HEADERS_TOO_LARGE',
  REQUEST_TIMEOUT: 'API_REQUEST_TIMEOUT',
} as const;

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
  readonly code: string;
  readonly field?: string;
  readonly headers?: Record<string, string>;

  constructor(statusCode: number, code: string, message: string, options?: { field?: string; headers?: Record<string, string> }) {
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

export function errorBody(statusCode: number, code: string, message: string, field?: string): ApiErrorBody {
  return {
    statusCode,
    error: REASONS[statusCode] ?? 'Error',
    code,
    message,
    ...(field !== undefined ? { field } : {}),
  };
}

export function badInput(field: string, message: string, code: string = ApiCodes.INVALID_INPUT): ApiError {
  return new ApiError(400, code, message, { field });
}
