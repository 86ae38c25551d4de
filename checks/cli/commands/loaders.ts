import type { RegisterCommand } from '../command';

/** Loads one command module; its default export registers the subcommand. */
export type CommandLoader = () => Promise<{ default: RegisterCommand }>;

/** Command name -> loader, in the order `botflow --help` lists them. */
export type CommandLoaders = Readonly<Record<string, CommandLoader>>;
