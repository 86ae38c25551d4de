import type { Command } from 'commander';
import { processIO, type CliIO } from './io';
import { commandLoaders, commandNames } from './commands/index';
import { buildProgramWith, commandsIn, runCli } from './program';
import { UsageError } from './usage-error';

export { UsageError };
export { redactOptionValues, versionText } from './program';

/**
 * Which commands an argv needs: only the one it names; none for a bare --version; all of them
 * for the top-level help or anything unrecognised (so commander can list or reject it).
 */
export function commandsFor(argv: readonly string[]): readonly string[] {
  return commandsIn(argv, commandNames);
}

export function buildProgram(io: CliIO, setExit: (code: number) => void, names: readonly string[] = commandNames): Promise<Command> {
  return buildProgramWith(io, setExit, commandLoaders, names);
}

/** Runs the CLI and returns its exit code; never throws, never prints a stack trace. */
export function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  return runCli(argv, io, commandLoaders);
}
