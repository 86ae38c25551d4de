import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import type { CheckInput } from '../core/evidence';
import { runChecks, type RunnableSuite, type RunParams } from '../core/runner';
import type { Report, RunEvent } from '../core/types';
import { REPORT_FORMATS, type ReportFormat } from '../report/formats';
import { renderReport } from '../report/index';
import type { CommandContext } from './command';
import { docsBase } from './docs-location';
import { exitCodeFor } from './exit-codes';
import { UsageError } from './usage-error';
import { redactSecrets, scrubStrings } from '../core/redact';

export interface CommonFlags {
  format: ReportFormat;
  output?: string;
  quiet?: boolean;
}

/** Adds --format, --output and --quiet to a command. */
export function addCommonOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', 'report format').choices([...REPORT_FORMATS]).default('text'))
    .option('--output <file>', 'write the report to a file instead of standard output')
    .option('--quiet', 'print only the report (no progress), and in text format only what did not pass');
}

export function docsBaseUrl(ctx: CommandContext): string {
  return docsBase(ctx.io.env);
}

/** Progress lines on stderr, only on a TTY and not with --quiet. */
export function progressListener(ctx: CommandContext, flags: CommonFlags): ((e: RunEvent) => void) | undefined {
  if (flags.quiet || !ctx.io.stderr.isTTY) return undefined;
  return (event) => {
    if (event.type === 'check-result') ctx.io.stderr.write(`  … ${event.result.id}: ${event.result.status}\n`);
  };
}

/**
 * Writes a finished report where the flags say and sets the exit code from it. `secrets` (a
 * token the command read) are scrubbed from every string of the report before it is rendered,
 * and from the rendered text as a last line (checks/core/redact.ts).
 */
export async function emitReport(ctx: CommandContext, report: Report, flags: CommonFlags, secrets: ReadonlyArray<string | undefined> = []): Promise<void> {
  const color = flags.format === 'text' && !flags.output && Boolean(ctx.io.stdout.isTTY) && !ctx.io.env.NO_COLOR;
  const safe = scrubStrings(report, secrets);
  const text = redactSecrets(renderReport(safe, flags.format, { color, docsBaseUrl: docsBaseUrl(ctx), quiet: Boolean(flags.quiet) }), secrets);
  if (flags.output) {
    try {
      await writeFile(flags.output, text, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot write the report to "${flags.output}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}. Choose a writable path.`);
    }
    if (!flags.quiet) ctx.io.stderr.write(`botflow: report written to ${flags.output}\n`);
  } else {
    ctx.io.stdout.write(text);
  }
  ctx.setExit(exitCodeFor(report));
}

/** Runs a suite with progress on stderr, renders the report and sets the exit code. */
export async function runSuiteCommand(
  ctx: CommandContext,
  params: { suite: RunnableSuite; input: CheckInput; flags: CommonFlags; run?: Partial<Omit<RunParams, 'suite' | 'input'>>; secrets?: ReadonlyArray<string | undefined> },
): Promise<Report> {
  const onEvent = progressListener(ctx, params.flags);
  const report = await runChecks({ ...params.run, suite: params.suite, input: params.input, ...(onEvent ? { onEvent } : {}) });
  await emitReport(ctx, report, params.flags, params.secrets);
  return report;
}
