/**
 * `POST /api/runs`: validate, guard, take a run slot, run the suite, and answer with the
 * Report (JSON) or stream the run's events as ndjson. Nothing is stored.
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RunnableSuite } from '../core/runner';
import { runChecks } from '../core/runner';
import { isCheckEngineError, toErrorInfo, ErrorCodes } from '../core/errors';
import type { Report, RunEvent } from '../core/types';
import { ApiCodes, ApiError, badInput } from './errors';
import { deriveRunParams, type DerivedRunParams } from '../core/run-params';
import { systemLookup, type LookupFn } from '../gather/net/resolve';
import { checkTargetUrl, resolveOnce, type TargetPolicy } from './guard';
import { API_SUITES, CLI_ONLY_SUITES, DOCUMENT_FIELDS, runBodySchema, TARGET_FIELDS, toCheckInput, type ApiSuite, type RunBody } from './inputs';
import { refuseSecrets } from './secret-input';
import type { ResolvedOptions } from './options';
import { NDJSON, type RunErrorLine } from './protocol';
import type { ClientSlots, RunSlots } from './run-slots';
import { clientKey } from './client-key';

export interface RunsRouteDeps {
  options: ResolvedOptions;
  suites: Readonly<Record<ApiSuite, RunnableSuite>>;
  policy: TargetPolicy;
  slots: RunSlots;
  clientSlots: ClientSlots;
  ca?: string;
  /** Resolver for the guard and the runs' probes (tests inject one; default: the system's). The API never passes a proxy. */
  lookup?: LookupFn;
}

/** True when the client asked for the Report alone. */
export function wantsJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((t) => t.split(';')[0]!.trim().toLowerCase());
  if (types.includes(NDJSON)) return false;
  return types.includes('application/json');
}

export function registerRunsRoute(app: FastifyInstance, deps: RunsRouteDeps): void {
  const { options, suites, policy, slots } = deps;

  app.post<{ Body: RunBody }>('/api/runs', {
    schema: { body: runBodySchema },
    preValidation: async (request) => {
      const suite = (request.body as { suite?: unknown } | undefined)?.suite;
      const documents = typeof suite === 'string' && (API_SUITES as readonly string[]).includes(suite) ? DOCUMENT_FIELDS[suite as ApiSuite] : [];
      refuseSecrets(request.body, new Set(documents.map((f) => `/input/${f}`)));
      if (typeof suite === 'string' && (CLI_ONLY_SUITES as readonly string[]).includes(suite)) {
        throw new ApiError(400, ApiCodes.CLI_ONLY,
          `The ${suite} suite runs only from the CLI, on the bot's own host (it checks that host's network path): botflow ${suite}.`,
          { field: '/suite' });
      }
    },
  }, async (request, reply) => {
    const suiteName = request.body.suite as ApiSuite;
    const suite = suites[suiteName];
    if (!API_SUITES.includes(suiteName) || !suite) throw badInput('/suite', `Unknown suite "${String(suiteName)}".`);
    const input = request.body.input;
    // One resolution per name for the whole request: the guard vets the addresses, the run connects to those.
    const lookup = resolveOnce(deps.lookup ?? systemLookup);
    const run = apiRunParams(input, deps);
    for (const field of TARGET_FIELDS[suiteName]) {
      const value = input[field];
      if (typeof value === 'string') await checkTargetUrl(`/input/${field}`, value, { ...policy, lookup });
    }
    const releaseClient = await deps.clientSlots.tryAcquire(clientKey(request.ip));
    if (!releaseClient) {
      throw new ApiError(429, ApiCodes.RATE_LIMITED,
        `You already have ${deps.clientSlots.max} check${deps.clientSlots.max === 1 ? '' : 's'} running. Wait for ${deps.clientSlots.max === 1 ? 'it' : 'one'} to finish, then try again.`,
        { headers: { 'retry-after': String(options.retryAfterSeconds) } });
    }
    const releaseSlot = slots.tryAcquire();
    if (!releaseSlot) {
      releaseClient();
      throw new ApiError(503, ApiCodes.BUSY,
        `The server is running ${slots.max} checks already. Try again in ${options.retryAfterSeconds} s, or run the CLI (botflow ${suiteName}).`,
        { headers: { 'retry-after': String(options.retryAfterSeconds) } });
    }
    const release = (): void => { releaseSlot(); releaseClient(); };
    request.log.info({ suite: suiteName }, 'run started');
    const controller = new AbortController();
    reply.raw.on('close', () => { if (!reply.raw.writableFinished) controller.abort(new Error('The client went away.')); });
    const params = {
      ...run,
      suite,
      input: toCheckInput(suiteName, input),
      lookup,
      signal: controller.signal,
    };
    const logEnd = (report: Report): void => {
      request.log.info({ suite: suiteName, counts: report.counts, durationMs: report.durationMs }, 'run finished');
    };

    if (wantsJson(request.headers.accept)) {
      try {
        const report = await runChecks(params);
        logEnd(report);
        return await reply.type('application/json; charset=utf-8').header('cache-control', 'no-store').send(report);
      } catch (err) {
        throw asRunError(err);
      } finally {
        release();
      }
    }
    return streamRun(request, reply, (onEvent) => runChecks({ ...params, onEvent }), release, logEnd);
  });
}

/**
 * Streams a run as ndjson. Headers go out with the first event, so a run that fails before it
 * starts (invalid configuration) still gets a proper HTTP error.
 */
async function streamRun(
  request: FastifyRequest,
  reply: FastifyReply,
  run: (onEvent: (e: RunEvent) => void) => Promise<Report>,
  release: () => void,
  logEnd: (report: Report) => void,
): Promise<FastifyReply> {
  const stream = new PassThrough();
  let started = false;
  let resolveStarted!: () => void;
  const startedPromise = new Promise<void>((resolve) => { resolveStarted = resolve; });
  const write = (line: RunEvent | RunErrorLine): void => {
    if (!stream.writableEnded) stream.write(`${JSON.stringify(line)}\n`);
  };
  const onEvent = (event: RunEvent): void => {
    if (!started) { started = true; resolveStarted(); }
    write(event);
  };
  const finished = run(onEvent).then(
    (report) => { logEnd(report); },
    (err: unknown) => {
      if (!started) throw err;
      const info = toErrorInfo(err, ErrorCodes.EVIDENCE_ERRORED);
      request.log.error({ err }, 'run failed after the stream started');
      write({ type: 'run-error', error: { code: info.code, message: 'The run stopped because of a server fault.' } });
    },
  ).finally(() => {
    release();
    stream.end();
  });
  try {
    await Promise.race([startedPromise, finished]);
  } catch (err) {
    throw asRunError(err);
  }
  finished.catch(() => undefined);
  return reply
    .type(`${NDJSON}; charset=utf-8`)
    .header('cache-control', 'no-store, no-transform')
    .header('x-accel-buffering', 'no')
    .send(stream);
}

/**
 * The run parameters of a request: the same function as the CLI's flags (checks/core/run-params.ts),
 * with the endpoint input's `timeout` as --timeout, this server's CA and private-target setting,
 * and the limits capped at this server's per-run budget.
 */
function apiRunParams(input: Readonly<Record<string, unknown>>, deps: RunsRouteDeps): DerivedRunParams {
  const { options } = deps;
  try {
    return deriveRunParams(
      { ...(input.timeout !== undefined ? { timeout: input.timeout } : {}), ...(deps.ca ? { ca: deps.ca } : {}), allowPrivate: options.allowPrivate },
      { timeoutLabel: '/input/timeout', timeoutField: 'timeout', source: 'api', caps: { gathererTimeoutMs: options.gathererTimeoutMs, deadlineMs: options.runDeadlineMs } },
    );
  } catch (err) {
    throw asRunError(err);
  }
}

function asRunError(err: unknown): Error {
  if (err instanceof ApiError) return err;
  if (isCheckEngineError(err) && (err.code === ErrorCodes.INVALID_INPUT || err.code === ErrorCodes.INVALID_CONFIG)) {
    const field = (err as { field?: string }).field;
    return new ApiError(400, ApiCodes.INVALID_INPUT, err.message, field ? { field: `/input/${field}` } : undefined);
  }
  return err instanceof Error ? err : new Error(String(err));
}
