/**
 * The official Teams app manifest schemas, as bundled by `@microsoft/app-manifest` (the same files
 * microsoft/json-schemas publishes at developer.microsoft.com/json-schemas/teams/...). Nothing is
 * fetched from the network.
 *
 * Each schema is loaded lazily with a literal dynamic import, so bundlers (esbuild, webpack/rspack,
 * Vite) split every version into its own chunk and a browser only downloads the one it needs; in
 * Node (the CLI bundle keeps packages external) the same import loads the JSON file from
 * node_modules. There is no v1.18: Microsoft never published one.
 */

type SchemaModule = { default: unknown };

const loaders = {
  '1.0': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.0/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.1': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.1/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.2': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.2/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.3': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.3/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.4': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.4/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.5': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.5/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.6': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.6/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.7': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.7/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.8': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.8/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.9': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.9/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.10': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.10/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.11': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.11/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.12': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.12/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.13': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.13/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.14': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.14/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.15': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.15/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.16': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.16/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.17': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.17/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.19': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.19/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.20': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.20/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.21': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.21/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.22': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.22/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.23': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.23/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.24': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.24/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.25': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.25/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.26': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.26/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.27': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.27/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.28': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.28/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.29': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.29/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  '1.30': () => import('@microsoft/app-manifest/build/json-schemas/teams/v1.30/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
  'devPreview': () => import('@microsoft/app-manifest/build/json-schemas/teams/vDevPreview/MicrosoftTeams.schema.json', { with: { type: 'json' } }),
} satisfies Record<string, () => Promise<SchemaModule>>;

export type SchemaVersion = keyof typeof loaders;

/** Every bundled version, oldest first, devPreview last. */
export const SCHEMA_VERSIONS = Object.keys(loaders) as SchemaVersion[];

/** Released versions (without devPreview), oldest first. */
export const RELEASED_VERSIONS = SCHEMA_VERSIONS.filter((v) => v !== 'devPreview');

export function isSchemaVersion(v: unknown): v is SchemaVersion {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(loaders, v);
}

/** The canonical public URL of a version's schema. */
export function schemaUrl(version: SchemaVersion): string {
  return `https://developer.microsoft.com/json-schemas/teams/${version === 'devPreview' ? 'vDevPreview' : `v${version}`}/MicrosoftTeams.schema.json`;
}

/**
 * The version a `$schema` URL names, when it is a Teams manifest schema URL (with or without a
 * locale segment such as /en-us/). Returns the raw version text (which may not exist, e.g. 1.18).
 */
export function versionFromSchemaUrl(url: string): string | undefined {
  const m = /^https?:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/v(\d+\.\d+|DevPreview)\/MicrosoftTeams\.schema\.json$/i.exec(url.trim());
  if (!m) return undefined;
  const v = m[1] as string;
  return v.toLowerCase() === 'devpreview' ? 'devPreview' : v;
}

/** Compares released versions numerically ('1.9' < '1.10'); devPreview sorts after all. */
export function compareVersions(a: string, b: string): number {
  const key = (v: string): [number, number] => {
    if (v === 'devPreview') return [Number.MAX_SAFE_INTEGER, 0];
    const [maj, min] = v.split('.').map(Number);
    return [maj ?? 0, min ?? 0];
  };
  const [a1, a2] = key(a);
  const [b1, b2] = key(b);
  return a1 - b1 || a2 - b2;
}

const cache = new Map<SchemaVersion, Promise<object>>();

/** Loads one bundled schema (memoised). */
export function loadSchema(version: SchemaVersion): Promise<object> {
  let p = cache.get(version);
  if (!p) {
    p = loaders[version]().then((m) => m.default as object);
    p.catch(() => cache.delete(version));
    cache.set(version, p);
  }
  return p;
}
