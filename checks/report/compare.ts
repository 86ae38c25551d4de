import type { CheckResult, Report, Status } from '../core/types';

export type ChangeKind = 'changed' | 'added' | 'removed' | 'unchanged';

export interface ResultChange {
  id: string;
  title: string;
  kind: ChangeKind;
  before?: Status;
  after?: Status;
  /** True when the status got better (e.g. fail -> pass), false when worse, undefined otherwise. */
  improved?: boolean;
  messageBefore?: string;
  messageAfter?: string;
}

export interface ReportComparison {
  before: { startedAt: string; suite: string };
  after: { startedAt: string; suite: string };
  changes: ResultChange[];
  summary: Record<ChangeKind, number>;
}

/** Higher is better; used to say whether a change is an improvement. */
const RANK: Record<Status, number> = { fail: 0, error: 1, warn: 2, info: 3, skip: 3, pass: 4 };

/** What changed between two runs, check by check, in the order of the newer report. Pure. */
export function compareReports(before: Report, after: Report): ReportComparison {
  const old = new Map<string, CheckResult>(before.results.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const changes: ResultChange[] = [];
  for (const r of after.results) {
    seen.add(r.id);
    const prev = old.get(r.id);
    if (!prev) {
      changes.push({ id: r.id, title: r.title, kind: 'added', after: r.status, messageAfter: r.message });
      continue;
    }
    const kind: ChangeKind = prev.status !== r.status ? 'changed' : 'unchanged';
    const change: ResultChange = {
      id: r.id, title: r.title, kind, before: prev.status, after: r.status,
      messageBefore: prev.message, messageAfter: r.message,
    };
    if (kind === 'changed' && RANK[prev.status] !== RANK[r.status]) change.improved = RANK[r.status] > RANK[prev.status];
    changes.push(change);
  }
  for (const r of before.results) {
    if (!seen.has(r.id)) changes.push({ id: r.id, title: r.title, kind: 'removed', before: r.status, messageBefore: r.message });
  }
  const summary: Record<ChangeKind, number> = { changed: 0, added: 0, removed: 0, unchanged: 0 };
  for (const c of changes) summary[c.kind] += 1;
  return {
    before: { startedAt: before.startedAt, suite: before.suite },
    after: { startedAt: after.startedAt, suite: after.suite },
    changes,
    summary,
  };
}
