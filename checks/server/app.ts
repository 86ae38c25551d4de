/**
 * The HTTP API (and, in production, the built site) as a fastify app. `createApiServer`
 * returns the app, ready but not listening: `botflow serve` listens on a port, the dev
 * plugin routes the dev server's /api requests into it, and tests do either.
 */
import fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Logger } from 'pino';
import type { RunnableSuite } from '../core/runner';
import { suites as registry } from '../core/registry';
import { TOOL_VERSION } from '../core/version';
import { ApiCodes, ApiError, errorBody, NOT_FOUND_MESSAGE } from './errors';
import { API_SUITES, type ApiSuite } from './inputs';
import { createLogger, routeLabel } from './logging';
import { resolveOptions, type ApiServerOptions } from './options';
import type { HealthResponse } from './protocol';
import { registerRunsRoute } from './runs-route';
import { ClientRunSlots, RunSlots, type ClientSlots } from './run-slots';
import { createSharedLimits, type LimitsMode } from './shared-limits';
import { clientErrorHandler, frameworkErrorHandler } from './transport-errors';
import { checkTrustProxy } from './trust-proxy';
import { clientKey } from './client-key';
import { API_CSP, BASE_HEADERS, siteCsp, collectSiteScriptHashes } from './security-headers';
import { registerStaticSite } from './static-site';
import { formatValidationError } from './validation';
import { isHostAllowed } from './host-guard';

function isLogger(value: unknown): value is Logger {
  return typeof value === 'object' && value !== null && typeof (value as Logger).child === 'function' && typeof (value as Logger).info === 'function';
}

export async function createApiServer(input: ApiServerOptions): Promise<FastifyInstance> {
  const options = resolveOptions(input);
  const trusted = input.trustProxy === undefined ? undefined : checkTrustProxy(input.trustProxy);
  // A hop count trusts the nearest `trusted` proxies (proxy-addr calls this per hop, nearest first).
  const trustProxy = trusted === undefined ? false : typeof trusted === 'number' ? (_address: string, hop: number) => hop < trusted : trusted;
  const logger = input.logger === false
    ? createLogger({ level: 'silent' })
    : isLogger(input.logger) ? input.logger : createLogger(input.logger ?? {});

  const requestTimeoutMs = input.requestTimeoutMs ?? 15_000;
  const app = fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimitBytes,
    // fastify's own JSON parser (secure-json-parse): a "__proto__" key or a "constructor" holding
    // "prototype" fails the body as invalid JSON (these are fastify's defaults, stated here).
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    trustProxy,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler: clientErrorHandler(logger as FastifyBaseLogger),
    return503OnClosing: true,
    // Time to receive a whole request (headers and body; bodies are small): slow senders are cut off.
    requestTimeout: requestTimeoutMs,
    // Node checks those limits on this interval (default 30 s): check often enough to enforce them.
    http: { connectionsCheckingInterval: Math.min(1_000, requestTimeoutMs), headersTimeout: Math.min(10_000, requestTimeoutMs) },
    connectionTimeout: 0,
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: false,
        useDefaults: false,
        allErrors: false,
        allowUnionTypes: true,
      },
    },
  });

  const shared = input.redisUrl
    ? createSharedLimits({ url: input.redisUrl, log: app.log, maxRunsPerClient: options.maxRunsPerClient, slotTtlMs: options.runDeadlineMs + 60_000 })
    : undefined;
  if (shared) app.addHook('onClose', async () => { await shared.close(); });
  const limitsMode = (): LimitsMode => shared?.mode() ?? 'memory';
  const clientSlots: ClientSlots = shared?.clientSlots ?? new ClientRunSlots(options.maxRunsPerClient);

  // JSON only: a text/plain body gets 415, not a confusing schema error.
  app.removeContentTypeParser('text/plain');

  const scriptHashes = input.siteDir ? await collectSiteScriptHashes(input.siteDir) : [];
  const htmlCsp = siteCsp(scriptHashes);

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(BASE_HEADERS);
    const api = request.url.startsWith('/api/') || !input.siteDir;
    reply.header('content-security-policy', api ? API_CSP : htmlCsp);
    if (api) reply.header('cache-control', 'no-store');
    if (api && options.allowPrivate && !isHostAllowed(request.headers.host, input.allowedHosts ?? [])) {
      throw new ApiError(403, ApiCodes.HOST_REFUSED,
        'This API allows private targets, so it only answers requests addressed to localhost. Open the site at http://localhost:<port>, or start the server with --allowed-host <name>.');
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    request.log.info({
      method: request.method,
      // The route pattern, never the raw URL: paths and queries can carry keys.
      route: routeLabel(request.routeOptions.url, request.url),
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    }, 'request');
  });

  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const api = toApiError(error, options.bodyLimitBytes);
    if (api.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ err: api }, 'request refused');
    if (api.headers) reply.headers(api.headers);
    return reply.code(api.statusCode).type('application/json; charset=utf-8').send(api.toBody());
  });

  if (options.rateLimit) {
    const { max, timeWindowMs } = options.rateLimit;
    await app.register(rateLimit, {
      max,
      timeWindow: timeWindowMs,
      allowList: (request) => !request.url.startsWith('/api/'),
      keyGenerator: (request) => clientKey(request.ip),
      ...(shared ? { store: shared.Store } : {}),
      errorResponseBuilder: (_request, context) => new ApiError(429, ApiCodes.RATE_LIMITED,
        `Too many requests from your address (more than ${context.max} in ${Math.round(timeWindowMs / 1000)} s). Try again in ${context.after}.`),
    });
  }

  const suites = Object.fromEntries(API_SUITES.map((name) => [name, input.suites?.[name] ?? registry[name]])) as Record<ApiSuite, RunnableSuite>;

  // Health is cheap and every widget asks it on load: its own, larger budget per client.
  const healthRoute = options.rateLimit
    ? { config: { rateLimit: { max: options.rateLimit.max * 10, timeWindow: options.rateLimit.timeWindowMs } } }
    : {};
  app.get('/api/health', healthRoute, async (): Promise<HealthResponse> => ({
    status: 'ok',
    version: TOOL_VERSION,
    mode: options.mode,
    allowPrivate: options.allowPrivate,
    suites: API_SUITES,
    limits: limitsMode(),
    // The CA file's path only for local use (private targets allowed): there the reader runs the
    // shown CLI command on this same machine and needs `--ca <file>` to get the same verdicts. A
    // public server would only disclose its file layout, and its readers cannot use the file.
    ...(options.allowPrivate && input.ca && input.caFile ? { caFile: input.caFile } : {}),
  }));

  registerRunsRoute(app, {
    options,
    suites,
    slots: new RunSlots(options.maxConcurrentRuns),
    clientSlots,
    policy: {
      allowPrivate: options.allowPrivate,
      allowedPorts: options.allowedPorts,
    },
    ...(input.ca ? { ca: input.ca } : {}),
    ...(input.lookup ? { lookup: input.lookup } : {}),
  });

  if (input.siteDir) {
    await registerStaticSite(app, input.siteDir);
  } else {
    app.setNotFoundHandler(async (request, reply) => reply.code(404).send(errorBody(404, ApiCodes.NOT_FOUND, NOT_FOUND_MESSAGE)));
  }

  await app.ready();
  return app;
}

/** Maps anything thrown in a request to an ApiError with a safe message (no stack, no echo). */
export function toApiError(error: unknown, bodyLimit: number): ApiError {
  if (error instanceof ApiError) return error;
  const e = error as Partial<FastifyError> & { validation?: unknown; validationContext?: string };
  if (Array.isArray(e.validation)) {
    const { field, message } = formatValidationError(e.validation, e.validationContext ?? 'body');
    return new ApiError(400, ApiCodes.INVALID_INPUT, message, { field });
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, ApiCodes.TOO_LARGE, `The request body is larger than ${bodyLimit} bytes. Send a smaller document (packages are checked in the browser, not uploaded).`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, ApiCodes.UNSUPPORTED_MEDIA_TYPE, 'Send the body as JSON with "Content-Type: application/json".');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, ApiCodes.MALFORMED_JSON, 'The request body is empty. Send {"suite": ..., "input": {...}} as JSON.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(400, ApiCodes.MALFORMED_JSON,
        'The request body is not valid JSON, or holds a "__proto__" or "constructor.prototype" key, which the API refuses. Send {"suite": ..., "input": {...}}.');
    default:
      break;
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new ApiError(e.statusCode, ApiCodes.INVALID_INPUT, 'The request was refused.');
  }
  return new ApiError(500, ApiCodes.INTERNAL, 'The server failed while handling this request. Nothing was stored; try again, or run the CLI (botflow).');
}
