import type { RegisterCommand } from '../command';
import endpoint from './endpoint';
import manifest from './manifest';
import registration from './registration';
import all from './all';
import token from './token';
import egress from './egress';
import residency from './residency';
import allowlist from './allowlist';
import serve from './serve';

/** Subcommands in the order `botflow --help` lists them. Add one line per command module. */
export const commands: readonly RegisterCommand[] = [endpoint, manifest, registration, all, token, egress, allowlist, residency, serve];
