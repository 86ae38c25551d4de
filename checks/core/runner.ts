import { docsPath, type AnyCheck } from './define-check';
import type { CheckInput, EvidenceId } from './evidence';
import {
  CheckEngineError,
  ErrorCodes,
  EvidenceErroredError,
  InvalidConfigError,
  MissingEvidenceError,
  ProbeTimeoutError,
  UnsupportedEnvironmentError,
  toErrorInfo,
} from './errors';
import { formatMessage } from './format';
import type { AnyGatherer, GatherContext, RunOptions } from './gatherer';
import type {
  CheckResult, Counts, Environment, ErrorInfo, JsonObject, Outcome, Report, ReportSuite, RunEvent, SourceLink, Status,
} from './types';
import { TOOL_VERSION } from './version';
import { monotonicMs } from './clock';

export interface RunnableSuite {
  name: ReportSuite;
  checks: readonly AnyCheck[];
  gatherers: readonly AnyGatherer[];
  describeTarget(input: Readonly<CheckInput>): JsonObject;
  /**
   * Derives the run's effective input from evidence before any check runs (the trust chain
   * takes the endpoint under test from the registration). Gatherers, rules and describeTarget
   * see what it returns; evidence it reads is gathered once, with the run's timeouts.
   */
  prepare?(input: Readonly<CheckInput>, ctx: PrepareContext): Promise<Prepared>;
}

export interface PrepareContext {
  get: GatherContext['get'];
}

export interface Prepared {
  input: CheckInput;
  /** Run-level notes saying what was derived. */
  notes?: readonly string[];
  /** Check ids not to run (the layer the derived input leaves nothing to check for). */
  skipChecks?: readonly string[];
}

export interface RunParams extends RunOptions {
  suite: RunnableSuite;
  input: CheckInput;
  environment?: Environment;
  /** Only these check ids (default: all of the suite). */
  only?: readonly string[];
  /** Whole-run deadline in ms; evidence still pending then becomes an error. Default 60 s. */
  deadlineMs?: number;
  /**
   * Cap in ms on one gatherer that sets none of its own. Default 20 s. Front doors derive it
   * from the per-step cap `phaseTimeoutMs` (checks/core/run-params.ts); it never falls back to it.
   */
  gathererTimeoutMs?: number;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  /** Clock for rules and timestamps (tests pass a fixed one). */
  now?: () => Date;
  notes?: string[];
}

const DEFAULT_DEADLINE_MS = 60_000;
const DEFAULT_GATHERER_TIMEOUT_MS = 20_000;

export function emptyCounts(): Counts {
  return { pass: 0, warn: 0, fail: 0, info: 0, skip: 0, error: 0 };
}

export function countResults(results: readonly CheckResult[]): Counts {
  const counts = emptyCounts();
  for (const r of results) counts[r.status] += 1;
  return counts;
}

function validate(params: RunParams): AnyCheck[] {
  const { suite } = params;
  if (!suite || !Array.isArray(suite.checks)) throw new InvalidConfigError('A run needs a suite with checks.');
  const ids = new Set<string>();
  for (const check of suite.checks) {
    if (!check.meta?.id || !check.meta.title || !check.meta.failureTitle || !check.meta.description) {
      throw new InvalidConfigError(`Check "${check.meta?.id ?? '?'}" lacks an id, title, failureTitle or description.`);
    }
    if (ids.has(check.meta.id)) throw new InvalidConfigError(`Check id "${check.meta.id}" is registered twice.`);
    ids.add(check.meta.id);
    const declared: readonly string[] = [...check.meta.requiredEvidence, ...(check.meta.optionalEvidence ?? [])];
    for (const guard of check.meta.guards ?? []) {
      if (!declared.includes(guard.evidence)) throw new InvalidConfigError(`Check "${check.meta.id}" guards on "${guard.evidence}", which it does not declare as evidence.`);
    }
  }
  const selected = params.only ? suite.checks.filter((c) => params.only!.includes(c.meta.id)) : [...suite.checks];
  if (params.only) {
    const unknown = params.only.filter((id) => !ids.has(id));
    if (unknown.length) throw new InvalidConfigError(`Unknown check id(s): ${unknown.join(', ')}.`);
  }
  for (const [name, value] of [['deadlineMs', params.deadlineMs], ['gathererTimeoutMs', params.gathererTimeoutMs]] as const) {
    if (value !== undefined && (!Number.isFinite(value) || value <= 0)) {
      throw new InvalidConfigError(`${name} must be a positive number of milliseconds.`);
    }
  }
  return selected;
}

/** Runs a suite: gathers evidence concurrently, evaluates every check, never throws for a check. */
export async function runChecks(params: RunParams): Promise<Report> {
  const selected = validate(params);
  const now = params.now ?? (() => new Date());
  const environment = params.environment ?? 'node';
  const started = now();
  const t0 = monotonicMs();
  const emit = (event: RunEvent): void => {
    try { params.onEvent?.(event); } catch { /* a listener must not break the run */ }
  };
  const gatherers = new Map<string, AnyGatherer>(params.suite.gatherers.map((g): [string, AnyGatherer] => [g.id, g]));
  const deadlineMs = params.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const runController = new AbortController();
  // Gatherers in flight. One listener on the run's signal aborts them all: a listener per
  // gatherer on that one signal would pile up (more than ten in `botflow all`) and make Node
  // warn about a listener leak (MaxListenersExceededWarning).
  const inFlight = new Set<AbortController>();
  runController.signal.addEventListener('abort', () => {
    for (const controller of inFlight) controller.abort(runController.signal.reason);
  }, { once: true });
  const onOuterAbort = (): void => runController.abort(params.signal?.reason);
  params.signal?.addEventListener('abort', onOuterAbort, { once: true });
  let deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    deadlineTimer = setTimeout(() => {
      const err = new CheckEngineError(ErrorCodes.DEADLINE, `The run reached its ${deadlineMs} ms deadline before this evidence was gathered.`);
      runController.abort(err);
      reject(err);
    }, deadlineMs);
  });
  deadline.catch(() => undefined);

  const memo = new Map<string, Promise<unknown>>();
  const options: RunOptions = {
    ...(params.allowPrivate !== undefined ? { allowPrivate: params.allowPrivate } : {}),
    ...(params.ca !== undefined ? { ca: params.ca } : {}),
    ...(params.phaseTimeoutMs !== undefined ? { phaseTimeoutMs: params.phaseTimeoutMs } : {}),
    ...(params.proxy !== undefined ? { proxy: params.proxy } : {}),
    ...(params.lookup !== undefined ? { lookup: params.lookup } : {}),
    ...(params.credentials !== undefined ? { credentials: params.credentials } : {}),
  };

  const get = (id: EvidenceId): Promise<unknown> => {
    const existing = memo.get(id);
    if (existing) return existing;
    const promise = gatherOne(id);
    promise.catch(() => undefined);
    memo.set(id, promise);
    return promise;
  };

  const gatherOne = async (id: EvidenceId): Promise<unknown> => {
    const gatherer = gatherers.get(id);
    if (!gatherer) throw new MissingEvidenceError(`No gatherer provides "${id}" in this suite.`);
    if (!gatherer.environments.includes(environment)) {
      throw new UnsupportedEnvironmentError(`"${id}" cannot be gathered in the ${environment}; use the CLI or the API.`);
    }
    const timeoutMs = gatherer.timeoutMs ?? params.gathererTimeoutMs ?? DEFAULT_GATHERER_TIMEOUT_MS;
    const controller = new AbortController();
    if (runController.signal.aborted) controller.abort(runController.signal.reason);
    else inFlight.add(controller);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const err = new ProbeTimeoutError(`Gathering "${id}" took longer than ${timeoutMs} ms.`);
        controller.abort(err);
        reject(err);
      }, timeoutMs);
    });
    const ctx: GatherContext = {
      input,
      options,
      signal: controller.signal,
      environment,
      now,
      get: get as GatherContext['get'],
    };
    emit({ type: 'gather-start', evidence: id });
    const g0 = monotonicMs();
    try {
      const value = await Promise.race([Promise.resolve().then(() => gatherer.gather(ctx)), timeout, deadline]);
      emit({ type: 'gather-end', evidence: id, ok: true, durationMs: Math.round(monotonicMs() - g0) });
      return value;
    } catch (err) {
      emit({ type: 'gather-end', evidence: id, ok: false, durationMs: Math.round(monotonicMs() - g0) });
      throw err;
    } finally {
      clearTimeout(timer);
      inFlight.delete(controller);
    }
  };

  let input: CheckInput = params.input;
  let checks = selected;
  const notes = [...(params.notes ?? [])];
  if (params.suite.prepare) {
    try {
      const prepared = await params.suite.prepare(params.input, { get: get as GatherContext['get'] });
      input = prepared.input;
      notes.push(...(prepared.notes ?? []));
      const skip = prepared.skipChecks ?? [];
      if (skip.length) checks = checks.filter((c) => !skip.includes(c.meta.id));
    } catch (err) {
      notes.push(`The input could not be completed from the evidence (${toErrorInfo(err, ErrorCodes.EVIDENCE_ERRORED).message}); the checks use it as given.`);
    }
  }

  emit({ type: 'run-start', suite: params.suite.name, checks: checks.map((c) => ({ id: c.meta.id, title: c.meta.title })) });

  const results = await Promise.all(checks.map(async (check): Promise<CheckResult> => {
    const evidence: Record<string, unknown> = {};
    let failure: CheckEngineError | undefined;
    const settled = await Promise.allSettled(check.meta.requiredEvidence.map((id) => get(id)));
    settled.forEach((s, i) => {
      const id = check.meta.requiredEvidence[i] as string;
      if (s.status === 'fulfilled') evidence[id] = s.value;
      else if (!failure) failure = asEvidenceError(id, s.reason);
    });
    const optional = check.meta.optionalEvidence ?? [];
    const optionalSettled = await Promise.allSettled(optional.map((id) => get(id)));
    optionalSettled.forEach((s, i) => {
      if (s.status === 'fulfilled') evidence[optional[i] as string] = s.value;
    });
    const result = failure
      ? errorResult(check, failure, t0)
      : evaluateOne(check, evidence, { now: now(), input }, t0);
    emit({ type: 'check-result', result });
    return result;
  }));

  clearTimeout(deadlineTimer);
  params.signal?.removeEventListener('abort', onOuterAbort);
  // Gatherers still running (started through ctx.get, not awaited by any check) are cancelled.
  // With none, there is nothing to abort (a manifest run never has one; issue 12 counts the
  // error and the event dispatch on every cold start).
  if (inFlight.size > 0) runController.abort(new CheckEngineError(ErrorCodes.DEADLINE, 'The run is over.'));

  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'botflow', version: TOOL_VERSION },
    suite: params.suite.name,
    target: params.suite.describeTarget(input),
    startedAt: started.toISOString(),
    durationMs: Math.round(monotonicMs() - t0),
    results,
    counts: countResults(results),
    ...(notes.length ? { notes } : {}),
  };
  emit({ type: 'run-end', report });
  return report;
}

function asEvidenceError(id: string, reason: unknown): CheckEngineError {
  if (reason instanceof CheckEngineError) return reason;
  const info = toErrorInfo(reason, ErrorCodes.EVIDENCE_ERRORED);
  return new EvidenceErroredError(`Gathering "${id}" failed: ${info.message}`, { cause: reason });
}

/** The check's sources as plain data for the result (none: no field). */
function sourcesOf(check: AnyCheck): { sources?: SourceLink[] } {
  const sources = check.meta.sources ?? [];
  return sources.length ? { sources: sources.map((s) => ({ title: s.title, url: s.url })) } : {};
}

function errorResult(check: AnyCheck, error: CheckEngineError | ErrorInfo, t0: number): CheckResult {
  return {
    id: check.meta.id,
    title: check.meta.title,
    status: 'error',
    severity: check.meta.severity,
    message: error.message,
    evidence: {},
    docsUrl: docsPath(check.meta.id),
    ...sourcesOf(check),
    durationMs: Math.round(monotonicMs() - t0),
    error: { code: error.code, message: error.message },
  };
}

/**
 * The check's raw outcome: the skip of the first declared guard whose evidence says the check
 * does not apply (meta.guards), else what `evaluate` returns. Throws what `evaluate` throws.
 */
export function outcomeOf(check: AnyCheck, evidence: Readonly<Record<string, unknown>>, ctx: { now: Date; input: Readonly<CheckInput> }): Outcome {
  for (const guard of check.meta.guards ?? []) {
    const value = evidence[guard.evidence];
    if (value === undefined) continue;
    const loose = guard as unknown as { applies(v: unknown): boolean; skipped(v: unknown): Omit<Outcome, 'status' | 'messageId'> };
    if (!loose.applies(value)) return { status: 'skip', messageId: guard.messageId, ...loose.skipped(value) };
  }
  return check.evaluate(evidence, ctx);
}

const VALID_STATUSES: ReadonlySet<Status> = new Set(['pass', 'warn', 'fail', 'info', 'skip']);

/** Evaluates one rule on its evidence; a throwing or malformed rule becomes an `error` result. */
export function evaluateOne(
  check: AnyCheck,
  evidence: Readonly<Record<string, unknown>>,
  ctx: { now: Date; input: Readonly<CheckInput> },
  t0: number = monotonicMs(),
): CheckResult {
  let outcome: Outcome;
  try {
    outcome = outcomeOf(check, evidence, ctx);
    if (!outcome || !VALID_STATUSES.has(outcome.status)) throw new Error(`returned an invalid status "${String(outcome?.status)}"`);
    if (!(outcome.messageId in check.meta.messages)) throw new Error(`returned unknown messageId "${outcome.messageId}"`);
  } catch (err) {
    const info = toErrorInfo(err, ErrorCodes.RULE_FAILED);
    return errorResult(check, { code: info.code, message: `The rule ${check.meta.id} failed: ${info.message}` }, t0);
  }
  const template = check.meta.messages[outcome.messageId] as string;
  const remediation = outcome.status === 'warn' || outcome.status === 'fail'
    ? check.meta.remediation?.[outcome.messageId]
    : undefined;
  const failing = outcome.status === 'fail' || outcome.status === 'warn';
  return {
    id: check.meta.id,
    title: failing ? check.meta.failureTitle : check.meta.title,
    status: outcome.status,
    severity: check.meta.severity,
    message: formatMessage(template, outcome.data),
    evidence: outcome.evidence ?? {},
    ...(outcome.details && outcome.details.length ? { details: outcome.details } : {}),
    ...(remediation ? { remediation: formatMessage(remediation, outcome.data) } : {}),
    docsUrl: docsPath(check.meta.id),
    ...sourcesOf(check),
    durationMs: Math.round(monotonicMs() - t0),
  };
}
