import type { Report } from '../core/types';

export const ExitCode = {
  OK: 0,
  FAIL: 1,
  USAGE: 2,
  ERROR: 3,
} as const;

/** 0: no fail or error; 1: at least one fail (a finding wins over an error); 3: a check could not run. */
export function exitCodeFor(report: Pick<Report, 'counts'>): number {
  if (report.counts.fail > 0) return ExitCode.FAIL;
  if (report.counts.error > 0) return ExitCode.ERROR;
  return ExitCode.OK;
}
