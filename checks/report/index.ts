import type { Report } from '../core/types';
import type { ReportFormat } from './formats';
import { renderHtml } from './html';
import { renderJunit } from './junit';
import { renderMarkdown } from './markdown';
import { renderSarif } from './sarif';
import { renderText } from './text';

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
    case 'json': return `${JSON.stringify(report, null, 2)}\n`;
    case 'text': return renderText(report, options);
    case 'markdown': return renderMarkdown(report, options);
    case 'junit': return renderJunit(report, options);
    case 'sarif': return renderSarif(report, options);
    case 'html': return renderHtml(report, options);
  }
}
