/**
 * The run parameters a front door sets (the CLI from its flags, the API from its input and its
 * own start-up options), derived in ONE place so that `botflow endpoint`, `botflow all` and
 * `POST /api/runs` mean the same thing by the same value. Pure: files (a `--ca` path) are read
 * by the caller, this module gets their text.
 *
 * Two limits that used to share the name `timeoutMs`:
 * - `phaseTimeoutMs` (`--timeout`, the API's `timeout`): the cap on EACH network step of a probe
 *   (DNS, connect, TLS, first byte, body). A probe runs its steps one after another.
 * - `gathererTimeoutMs`: the runner's cap on one gatherer, derived from the phase cap: the steps
 *   of one probe plus a margin. The whole-run `deadlineMs` is twice that (gatherers run at the
 *   same time, some wait for others).
 */
import { DEFAULT_TIMEOUTS, type PhaseTimeouts } from '../gather/net/timeouts';
import { InvalidInputError } from './errors';

/** Accepted values of the per-phase cap, in ms (one set of bounds for every front door). */
export const PHASE_TIMEOUT_MIN_MS = 50;
export const PHASE_TIMEOUT_MAX_MS = 120_000;

/** Steps of one probe, run one after another (DNS, connect, TLS, first byte, body). */
const PHASES_PER_PROBE: number = Object.keys(DEFAULT_TIMEOUTS).length;
/** Room above the probe's steps for the gatherer's own work. */
const GATHERER_MARGIN_MS = 2_000;

/**
 * What is wrong with a per-phase cap, naming where it was given (`--timeout`, `/input/timeout`).
 * `got` (the CLI's own input) is quoted; the API never echoes what a client sent, so it passes none.
 */
export function phaseTimeoutMessage(where: string, got?: string): string {
  return `${where} must be a whole number of milliseconds between ${PHASE_TIMEOUT_MIN_MS} and ${PHASE_TIMEOUT_MAX_MS}`
    + `${got !== undefined ? ` (got "${got.slice(0, 40)}")` : ''}: the limit for each network step of a probe (DNS, connect, TLS, response), `
    + `e.g. ${where.startsWith('-') ? `${where} 5000` : '5000'}.`;
}

/**
 * Reads a per-phase cap given as a number (API, botflow.json) or as text (a flag). Undefined
 * stays undefined (the defaults apply). Throws InvalidInputError naming `where` otherwise.
 */
export function parsePhaseTimeout(value: unknown, where: string, field?: string): number | undefined {
  // The API names the field and does not echo values; the CLI quotes what was typed.
  if (value === undefined) return undefined;
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < PHASE_TIMEOUT_MIN_MS || n > PHASE_TIMEOUT_MAX_MS) {
    throw new InvalidInputError(phaseTimeoutMessage(where, field ? undefined : String(value)), field ? { field } : undefined);
  }
  return n;
}

export interface RunLimits {
  /** Cap on each network step of a probe; absent: the per-phase defaults (DEFAULT_TIMEOUTS). */
  phaseTimeoutMs?: number;
  /** Cap on one gatherer (the runner's fallback for gatherers without their own). */
  gathererTimeoutMs: number;
  /** Cap on the whole run. */
  deadlineMs: number;
}

/** The limits a per-phase cap implies; without one, those of the per-phase defaults. */
export function limitsFor(phaseTimeoutMs: number | undefined): RunLimits {
  const longestPhase = phaseTimeoutMs ?? Math.max(...Object.values(DEFAULT_TIMEOUTS as PhaseTimeouts));
  const gathererTimeoutMs = longestPhase * PHASES_PER_PROBE + GATHERER_MARGIN_MS;
  return {
    ...(phaseTimeoutMs !== undefined ? { phaseTimeoutMs } : {}),
    gathererTimeoutMs,
    deadlineMs: gathererTimeoutMs * 2,
  };
}

/** The settings a front door collected (already read: `ca` is the PEM text, not a path). */
export interface RunSettings {
  /** The per-phase cap as given (number or text); checked here. */
  timeout?: unknown;
  /** Extra trusted roots (PEM). */
  ca?: string;
  allowPrivate?: boolean;
}

export interface RunSettingsContext {
  /** How the reader names the timeout where they gave it: `--timeout` or `/input/timeout`. */
  timeoutLabel: string;
  /** Field of the input for an API error (`timeout`); none in the CLI. */
  timeoutField?: string;
  /** Wording of the notes: the flags the CLI reader typed, or the server's settings. */
  source: 'cli' | 'api';
  /** Upper limits of this front door (the API's per-run budget); the derived limits are capped there. */
  caps?: { gathererTimeoutMs: number; deadlineMs: number };
}

/** Fields of the runner's RunParams (checks/core/runner.ts), so the result spreads into `runChecks`. */
export interface DerivedRunParams extends RunLimits {
  allowPrivate: boolean;
  ca?: string;
  /** What the report should say about how it was run. */
  notes: string[];
}

/** The run parameters of one run, from what the front door was given. Throws InvalidInputError on a bad timeout. */
export function deriveRunParams(settings: RunSettings, context: RunSettingsContext): DerivedRunParams {
  const phaseTimeoutMs = parsePhaseTimeout(settings.timeout, context.timeoutLabel, context.timeoutField);
  const limits = limitsFor(phaseTimeoutMs);
  const notes: string[] = [];
  const cli = context.source === 'cli';
  if (settings.allowPrivate) {
    notes.push(cli ? 'Private and loopback addresses were allowed (--allow-private).' : 'Private and loopback targets were allowed for this run (local use).');
  }
  if (settings.ca) notes.push(cli ? 'Extra trusted roots were given with --ca.' : 'Extra trusted roots were given to this server (--ca).');
  let { gathererTimeoutMs, deadlineMs } = limits;
  if (context.caps) {
    const capped = gathererTimeoutMs > context.caps.gathererTimeoutMs || deadlineMs > context.caps.deadlineMs;
    gathererTimeoutMs = Math.min(gathererTimeoutMs, context.caps.gathererTimeoutMs);
    deadlineMs = Math.min(deadlineMs, context.caps.deadlineMs);
    if (capped && phaseTimeoutMs !== undefined) {
      notes.push(`This server stops a check after ${gathererTimeoutMs} ms and a run after ${deadlineMs} ms; the CLI with --timeout ${phaseTimeoutMs} allows ${limits.gathererTimeoutMs} ms and ${limits.deadlineMs} ms.`);
    }
  }
  return {
    ...(phaseTimeoutMs !== undefined ? { phaseTimeoutMs } : {}),
    gathererTimeoutMs,
    deadlineMs,
    allowPrivate: Boolean(settings.allowPrivate),
    ...(settings.ca ? { ca: settings.ca } : {}),
    notes,
  };
}
