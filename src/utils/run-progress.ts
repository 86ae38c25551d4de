/**
 * Progress of a run, folded from the engine's RunEvents (the API stream or an in-page run) and
 * the widget's own Stop, and the sentences a screen reader hears about it. Pure.
 */
import type { CheckResult, RunEvent, Status } from '../../checks/core/types';
import { countsPhrase, plural } from '../../checks/report/shared';

export interface ProgressRow {
  id: string;
  title: string;
  /** `undefined` while the check is still running (or, once stopped, never finished). */
  status?: Status;
  message?: string;
}

export interface RunProgress {
  /** `stopped`: the reader stopped the run; rows without a status never finished. */
  phase: 'idle' | 'running' | 'done' | 'stopped';
  rows: ProgressRow[];
  done: number;
  total: number;
  /** Set when the run is over. */
  counts?: Record<Status, number>;
}

/** What moves the progress on: the engine's events, and the widget's Stop and reset. */
export type ProgressAction = RunEvent | { type: 'stopped' } | { type: 'reset' };

export const IDLE: RunProgress = { phase: 'idle', rows: [], done: 0, total: 0 };

export function reduceProgress(state: RunProgress, event: ProgressAction): RunProgress {
  switch (event.type) {
    case 'reset':
      return IDLE;
    case 'run-start':
      return { phase: 'running', rows: event.checks.map((c) => ({ id: c.id, title: c.title })), done: 0, total: event.checks.length };
    case 'check-result': {
      if (state.phase === 'stopped') return state; // a late result after Stop does not revive the run
      const r: CheckResult = event.result;
      const known = state.rows.some((row) => row.id === r.id);
      const rows = known
        ? state.rows.map((row) => (row.id === r.id ? { id: r.id, title: r.title, status: r.status, message: r.message } : row))
        : [...state.rows, { id: r.id, title: r.title, status: r.status, message: r.message }];
      const done = rows.filter((row) => row.status !== undefined).length;
      return { ...state, rows, done, total: Math.max(state.total, rows.length) };
    }
    case 'run-end':
      if (state.phase === 'stopped') return state;
      return { ...state, phase: 'done', done: event.report.results.length, total: event.report.results.length, counts: { ...event.report.counts } };
    case 'stopped':
      return state.phase === 'running' ? { ...state, phase: 'stopped' } : state;
    default:
      return state;
  }
}

/** What the live region says now: short, and only what changed in meaning. */
export function announcement(state: RunProgress): string {
  switch (state.phase) {
    case 'idle':
      return '';
    case 'running': {
      const failing = state.rows.filter((r) => r.status === 'fail' || r.status === 'error').length;
      return `Running checks: ${state.done} of ${state.total} done${failing ? `, ${failing} failing so far` : ''}.`;
    }
    case 'stopped': {
      const open = state.total - state.done;
      return `Stopped: ${state.done} of ${plural(state.total, 'check')} finished${open ? `; ${open === 1 ? 'the other one was' : `the other ${open} were`} not run to the end` : ''}.`;
    }
    case 'done':
      return `Checks finished: ${plural(state.total, 'check')}${state.counts ? `, ${countsSentence(state.counts)}` : ''}.`;
  }
}

/** "2 failed, 1 warning, 8 passed": statuses with a count, worst first, in words. */
export function countsSentence(counts: Record<Status, number>): string {
  return countsPhrase(counts);
}
