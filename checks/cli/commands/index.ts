import type { CommandLoaders } from './loaders';

/**
 * Subcommands in the order `botflow --help` lists them, each loaded only when needed so that
 * `botflow --version` or `botflow residency ...` does not pay for undici, fastify or ajv.
 * Add one line per command module; the key is the command's name.
 */
export const commandLoaders: CommandLoaders = {
  endpoint: () => import('./endpoint'),
  manifest: () => import('./manifest'),
  registration: () => import('./registration'),
  all: () => import('./all'),
  token: () => import('./token'),
  egress: () => import('./egress'),
  allowlist: () => import('./allowlist'),
  residency: () => import('./residency'),
  serve: () => import('./serve'),
};

export const commandNames: readonly string[] = Object.keys(commandLoaders);
