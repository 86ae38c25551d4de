import { X509Certificate } from 'node:crypto';
// fs.promises, not node:fs/promises: the `botflow manifest` fast path (CommonJS) then loads it on
// first use, for --output and --ca, not on every start (issue 12).
import { promises as fsp } from 'node:fs';
import path from 'node:path';
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
import { deriveRunParams, parsePhaseTimeout, PHASE_TIMEOUT_MAX_MS, PHASE_TIMEOUT_MIN_MS, type DerivedRunParams } from '../core/run-params';
import { DEFAULT_TIMEOUTS } from '../gather/net/timeouts';

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
      await fsp.writeFile(flags.output, text, 'utf8');
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

/** Help text of `--timeout`, the same in every command that probes. */
export const TIMEOUT_HELP = `limit for each network step of a probe (DNS, connect, TLS, response) in ms, ${PHASE_TIMEOUT_MIN_MS}-${PHASE_TIMEOUT_MAX_MS} (default ${DEFAULT_TIMEOUTS.connect}, response ${DEFAULT_TIMEOUTS.firstByte})`;

/** Largest CA bundle read (a bundle of many roots is still far below this). */
const MAX_CA_BYTES = 1024 * 1024;

/** Reads and checks a PEM bundle of extra trusted roots (`--ca`, BOTFLOW_CA); a bad file is a UsageError. */
export async function readCaFile(file: string, cwd: string): Promise<string> {
  const full = path.resolve(cwd, file);
  const what = 'Give the path of a PEM file with the root certificate(s) to trust.';
  let text: string;
  try {
    const info = await fsp.stat(full);
    if (!info.isFile()) throw new UsageError(`the CA file "${file}" is not a file. ${what}`);
    if (info.size > MAX_CA_BYTES) throw new UsageError(`the CA file "${file}" is larger than ${MAX_CA_BYTES / 1024} KiB. ${what}`);
    text = await fsp.readFile(full, 'utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`cannot read the CA file "${file}" (${code}). ${what}`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new UsageError(`the CA file "${file}" holds no PEM certificate (-----BEGIN CERTIFICATE-----). ${what}`);
  }
  try {
    new X509Certificate(text);
  } catch {
    throw new UsageError(`the CA file "${file}" does not hold a valid PEM certificate. ${what}`);
  }
  return text;
}

/** The run settings of a command that probes, as its flags (or its config file) give them. */
export interface RunFlags {
  /** `--timeout` as typed, or a number from a config file. */
  timeout?: string | number;
  /** Path of the `--ca` file (relative to `caBase`, default the working directory). */
  ca?: string;
  allowPrivate?: boolean;
}

/**
 * The run parameters from the flags: reads the `--ca` file, then derives the limits and notes
 * with the one function the API uses too (checks/core/run-params.ts). The result spreads into
 * `runChecks` as it is. `timeoutLabel` names where
 * the timeout came from in an error (`--timeout`, or a config file's key).
 */
export async function runParamsFromFlags(ctx: CommandContext, flags: RunFlags, options: { caBase?: string; timeoutLabel?: string } = {}): Promise<DerivedRunParams> {
  const timeoutLabel = options.timeoutLabel ?? '--timeout';
  // The timeout is checked before the file is read: it is the cheaper mistake to report.
  parsePhaseTimeout(flags.timeout, timeoutLabel);
  const ca = flags.ca !== undefined ? await readCaFile(flags.ca, options.caBase ?? ctx.io.cwd) : undefined;
  return deriveRunParams(
    { timeout: flags.timeout, ...(ca ? { ca } : {}), ...(flags.allowPrivate ? { allowPrivate: true } : {}) },
    { timeoutLabel, source: 'cli' },
  );
}
