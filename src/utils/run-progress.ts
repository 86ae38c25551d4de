/**
 * Progress of a run, folded from the engine's RunEvents (the API stream or an in-page run), and
 * the sentences a screen reader hears about it. Pure.
 */
import type { CheckResult, RunEvent, Status } from '../../checks/core/types';
import { STATUS_LABEL } from '../../checks/report/shared';

export interface ProgressRow {
  id: string;
  title: string;
  /** `undefined` while the check is still running. */
  status?: Status;
  message?: string;
}

export interface RunProgress {
  phase: 'idle' | 'running' | 'done';
  rows: ProgressRow[];
  done: number;
  total: number;
  /** Set when the run is over. */
  counts?: Record<Status, number>;
}

export const IDLE: RunProgress = { phase: 'idle', rows: [], done: 0, total: 0 };

export function reduceProgress(state: RunProgress, event: RunEvent): RunProgress {
  switch (event.type) {
    case 'run-start':
      return { phase: 'running', rows: event.checks.map((c) => ({ id: c.id, title: c.title })), done: 0, total: event.checks.length };
    case 'check-result': {
      const r: CheckResult = event.result;
      const known = state.rows.some((row) => row.id === r.id);
      const rows = known
        ? state.rows.map((row) => (row.id === r.id ? { id: r.id, title: r.title, status: r.status, message: r.message } : row))
        : [...state.rows, { id: r.id, title: r.title, status: r.status, message: r.message }];
      const done = rows.filter((row) => row.status !== undefined).length;
      return { ...state, rows, done, total: Math.max(state.total, rows.length) };
    }
    case 'run-end':
      return { ...state, phase: 'done', done: event.report.results.length, total: event.report.results.length, counts: { ...event.report.counts } };
    default:
      return state;
  }
}

/** What the live region says now: short, and only what changed in meaning. */
export function announcement(state: RunProgress): string {
  if (state.phase === 'idle') return '';
  if (state.phase === 'running') {
    const failing = state.rows.filter((r) => r.status === 'fail' || r.status === 'error').length;
    return `Running checks: ${state.done} of ${state.total} done${failing ? `, ${failing} failing so far` : ''}.`;
  }
  return `Checks finished: ${state.total} checks${state.counts ? `, ${countsSentence(state.counts)}` : ''}.`;
}

/** "2 fail, 1 warn, 8 pass" in catalogue status order, statuses with a count only. */
export function countsSentence(counts: Record<Status, number>): string {
  const order: Status[] = ['fail', 'error', 'warn', 'info', 'pass', 'skip'];
  const parts = order.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${STATUS_LABEL[s].toLowerCase()}`);
  return parts.length ? parts.join(', ') : 'no results';
}
