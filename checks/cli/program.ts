import { Command, CommanderError } from 'commander';
import { isCheckEngineError, ErrorCodes } from '../core/errors';
import { TOOL_VERSION } from '../core/version';
import type { CommandLoaders } from './commands/loaders';
import { ExitCode } from './exit-codes';
import { docsLocation } from './docs-location';
import type { CliIO } from './io';
import { UsageError } from './usage-error';

/**
 * The botflow program, for whichever commands it is given: main.ts gives it every command,
 * the `botflow manifest` fast path (checks/entry/cli-manifest.ts) only that one. Nothing here
 * imports a command, so a bundle of the fast path holds only the code that command needs.
 */

const EXAMPLES = `
Examples:
  $ botflow endpoint https://bot.contoso.com/api/messages --app-id 00000000-0000-0000-0000-000000000000
  $ botflow endpoint https://localhost:3978/api/messages --allow-private --ca ./dev-ca.pem
  $ botflow manifest ./appPackage.zip --format markdown --output manifest-report.md
  $ botflow registration ./bot.json --channel ./teams-channel.json --manifest ./appPackage.zip
  $ botflow all --config botflow.json --format junit --output botflow.xml
  $ BOTFLOW_CLIENT_SECRET=... botflow token --bot ./bot.json
  $ botflow egress --cloud gcch --calling
  $ botflow allowlist --cloud public --sso --graph --format csv
  $ botflow residency https://smba.trafficmanager.net/emea/
  (in a clone of the repository, after npm ci: npx botflow ...)

Exit codes: 0 no failure, 1 at least one check failed, 2 bad input or usage, 3 a check could not run.
`;

/** What `botflow --version` prints: the version, then where the docs are. */
export function versionText(io: Pick<CliIO, 'env' | 'siteDir'>): string {
  return `botflow ${TOOL_VERSION}\n${docsLocation(io)}`;
}

/**
 * Commander quotes an unknown option as typed, `--token=<value>` included. The value may be a
 * secret pasted in the wrong place, so it is never repeated.
 */
export function redactOptionValues(message: string): string {
  return message.replace(/('-{1,2}[^'=\s]+)=[^']*'/g, "$1=…'");
}

/** The first argument that is not an option: the command an argv names, if it names one. */
export function commandWord(argv: readonly string[]): string | undefined {
  return argv.find((a) => !a.startsWith('-'));
}

/**
 * Which of `names` an argv needs: only the one it names; none for a bare --version; all of them
 * for the top-level help or anything unrecognised (so commander can list or reject it).
 */
export function commandsIn(argv: readonly string[], names: readonly string[]): readonly string[] {
  const first = commandWord(argv);
  if (first !== undefined && names.includes(first)) return [first];
  if (first === undefined && argv.length > 0 && argv.every((a) => a === '--version' || a === '-v')) return [];
  return names;
}

/** The program with the named commands of `loaders` registered, in the order `loaders` lists them. */
export async function buildProgramWith(io: CliIO, setExit: (code: number) => void, loaders: CommandLoaders, names: readonly string[]): Promise<Command> {
  const program = new Command();
  program
    .name('botflow')
    .description('Checks a Microsoft Teams bot: messaging endpoint, app manifest, Azure Bot registration, egress and data residency.')
    .version(versionText(io), '-v, --version', 'print the version and where the docs are')
    .showHelpAfterError('(run "botflow --help" for usage)')
    .addHelpText('beforeAll', `botflow ${TOOL_VERSION}\n`)
    .addHelpText('after', EXAMPLES)
    .addHelpText('afterAll', docsLocation(io))
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => {
        const safe = redactOptionValues(s);
        write(safe.startsWith('error:') ? `botflow: ${safe}` : safe);
      },
    })
    .exitOverride()
    .enablePositionalOptions();
  const wanted = Object.keys(loaders).filter((n) => names.includes(n));
  const modules = await Promise.all(wanted.map((n) => loaders[n]!()));
  for (const { default: register } of modules) register(program, { io, setExit });
  return program;
}

/** Runs the CLI with the commands of `loaders` and returns its exit code; never throws, never prints a stack trace. */
export async function runCli(argv: readonly string[], io: CliIO, loaders: CommandLoaders): Promise<number> {
  let exitCode: number = ExitCode.OK;
  try {
    const program = await buildProgramWith(io, (code) => { exitCode = code; }, loaders, commandsIn(argv, Object.keys(loaders)));
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return ExitCode.OK;
      if (err.code === 'commander.executeSubCommandAsync') return ExitCode.OK;
      return ExitCode.USAGE;
    }
    if (err instanceof UsageError || (isCheckEngineError(err) && (err.code === ErrorCodes.INVALID_INPUT || err.code === ErrorCodes.INVALID_CONFIG))) {
      io.stderr.write(`botflow: ${(err as Error).message}\n`);
      return ExitCode.USAGE;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`botflow: internal error: ${message}\n`);
    return ExitCode.ERROR;
  }
}
