import type { RegisterCommand } from '../command';

type Loader = () => Promise<{ default: RegisterCommand }>;

/**
 * Subcommands in the order `botflow --help` lists them, each loaded only when needed so that
 * `botflow --version` or `botflow residency ...` does not pay for undici, fastify or ajv.
 * Add one line per command module; the key is the command's name.
 */
export const commandLoaders: Readonly<Record<string, Loader>> = {
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

/** The register functions of the named commands (all of them when `names` is omitted), in help order. */
export async function loadCommands(names: readonly string[] = commandNames): Promise<RegisterCommand[]> {
  const wanted = commandNames.filter((n) => names.includes(n));
  const modules = await Promise.all(wanted.map((n) => (commandLoaders[n] as Loader)()));
  return modules.map((m) => m.default);
}
