/**
 * How the `botflow manifest` fast path (cli-manifest.ts) loads the schema validator a manifest
 * needs. In that bundle, scripts/cli-bundle.mjs replaces each `import('./validators/teams-*.js')`
 * of checks/manifest/schemas.ts with a call to `loadScript`, which goes to the loader that
 * bin/code-cache.cjs gave: it runs dist/manifest/validators/<name>.js with its V8 code cache.
 */

/** Runs one script of the fast path (a path relative to its folder) and returns its exports. */
export type ScriptLoader = (relativePath: string) => unknown;

let loader: ScriptLoader | undefined;

export function useScriptLoader(load: ScriptLoader): void {
  loader = load;
}

export function loadScript(relativePath: string): unknown {
  if (!loader) throw new Error(`botflow: no script loader set to load ${relativePath} (the fast path was started without one)`);
  return loader(relativePath);
}
