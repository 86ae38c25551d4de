/**
 * Answers to requests that never reach a route: Node's own parser errors (400, 431, 408 from
 * the `clientError` event) and fastify's framework errors (a path with malformed
 * percent-encoding, FST_ERR_BAD_URL). They get the API error format and the security headers
 * like every other answer, never repeat the path or query, and are logged by status and code.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../core/errors';
import { ApiCodes, errorBody } from './errors';
import { API_CSP, BASE_HEADERS } from './security-headers';

const CLIENT_ERRORS: Record<string, { status: number; code: ErrorCode; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: ApiCodes.REQUEST_TIMEOUT, message: 'The request took too long to arrive. Send it again.' },
  HPE_HEADER_OVERFLOW: { status: 431, code: ApiCodes.HEADERS_TOO_LARGE, message: 'The request headers are too large. Send fewer or shorter headers.' },
};
const MALFORMED = { status: 400, code: ApiCodes.MALFORMED_REQUEST, message: 'The request is not valid HTTP/1.1.' };

/** Headers of a raw answer: the security headers, the API's CSP, no caching, then the connection closes. */
function rawHeaders(length: number): string {
  const headers: Record<string, string | number> = {
    ...BASE_HEADERS,
    'content-security-policy': API_CSP,
    'cache-control': 'no-store',
    'content-type': 'application/json; charset=utf-8',
    'content-length': length,
    connection: 'close',
  };
  return Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
}

/** fastify's `clientErrorHandler`: the answer Node cannot route (bad request line, huge headers, slow sender). */
export function clientErrorHandler(log: FastifyBaseLogger): (err: Error & { code?: string }, socket: Socket) => void {
  return (err, socket) => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const what = CLIENT_ERRORS[err.code ?? ''] ?? MALFORMED;
    log.info({ statusCode: what.status, code: what.code, parser: err.code ?? 'unknown' }, 'request refused by the HTTP parser');
    if (socket.writable) {
      const body = JSON.stringify(errorBody(what.status, what.code, what.message));
      socket.write(`HTTP/1.1 ${what.status} ${STATUS_CODES[what.status] ?? 'Error'}\r\n${rawHeaders(Buffer.byteLength(body))}\r\n${body}`);
    }
    socket.destroy();
  };
}

/** fastify's `frameworkErrors`: a path it cannot decode (FST_ERR_BAD_URL) and the like. */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const bad = error.code === 'FST_ERR_BAD_URL';
  const status = bad ? 400 : 500;
  const code = bad ? ApiCodes.MALFORMED_REQUEST : ApiCodes.INTERNAL;
  const message = bad
    ? 'The request path is not a valid URL (malformed percent-encoding). The API has GET /api/health and POST /api/runs.'
    : 'The server failed while handling this request. Nothing was stored; try again.';
  request.log.info({ method: request.method, route: 'unmatched', statusCode: status, code, fastify: error.code }, 'request');
  void reply.code(status).headers({ ...BASE_HEADERS, 'content-security-policy': API_CSP, 'cache-control': 'no-store' })
    .type('application/json; charset=utf-8').send(errorBody(status, code, message));
}
