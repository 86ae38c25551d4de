import type { Command } from 'commander';
import type { CliIO } from './io';

export interface CommandContext {
  io: CliIO;
  setExit(code: number): void;
}

/** Each command module registers its subcommand on the program. */
export type RegisterCommand = (program: Command, ctx: CommandContext) => void;
