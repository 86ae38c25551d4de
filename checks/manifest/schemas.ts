/**
 * The official Teams app manifest schema versions, as bundled by `@microsoft/app-manifest` (the
 * same files microsoft/json-schemas publishes at developer.microsoft.com/json-schemas/teams/...),
 * each precompiled into a standalone validator (./validators, made by generate.mjs). Nothing is
 * fetched from the network and nothing is compiled at run time (no eval: a strict CSP is fine).
 *
 * Each validator is loaded lazily with a literal dynamic import, so bundlers (esbuild,
 * webpack/rspack, Vite) split every version into its own chunk and a page or the CLI only loads
 * the one the manifest needs. There is no v1.18: Microsoft never published one.
 */
import type { StandaloneValidator } from './validators/types';

type ValidatorModule = { default: StandaloneValidator };

const loaders = {
  '1.0': () => import('./validators/teams-v1.0.js'),
  '1.1': () => import('./validators/teams-v1.1.js'),
  '1.2': () => import('./validators/teams-v1.2.js'),
  '1.3': () => import('./validators/teams-v1.3.js'),
  '1.4': () => import('./validators/teams-v1.4.js'),
  '1.5': () => import('./validators/teams-v1.5.js'),
  '1.6': () => import('./validators/teams-v1.6.js'),
  '1.7': () => import('./validators/teams-v1.7.js'),
  '1.8': () => import('./validators/teams-v1.8.js'),
  '1.9': () => import('./validators/teams-v1.9.js'),
  '1.10': () => import('./validators/teams-v1.10.js'),
  '1.11': () => import('./validators/teams-v1.11.js'),
  '1.12': () => import('./validators/teams-v1.12.js'),
  '1.13': () => import('./validators/teams-v1.13.js'),
  '1.14': () => import('./validators/teams-v1.14.js'),
  '1.15': () => import('./validators/teams-v1.15.js'),
  '1.16': () => import('./validators/teams-v1.16.js'),
  '1.17': () => import('./validators/teams-v1.17.js'),
  '1.19': () => import('./validators/teams-v1.19.js'),
  '1.20': () => import('./validators/teams-v1.20.js'),
  '1.21': () => import('./validators/teams-v1.21.js'),
  '1.22': () => import('./validators/teams-v1.22.js'),
  '1.23': () => import('./validators/teams-v1.23.js'),
  '1.24': () => import('./validators/teams-v1.24.js'),
  '1.25': () => import('./validators/teams-v1.25.js'),
  '1.26': () => import('./validators/teams-v1.26.js'),
  '1.27': () => import('./validators/teams-v1.27.js'),
  '1.28': () => import('./validators/teams-v1.28.js'),
  '1.29': () => import('./validators/teams-v1.29.js'),
  '1.30': () => import('./validators/teams-v1.30.js'),
  'devPreview': () => import('./validators/teams-vDevPreview.js'),
} satisfies Record<string, () => Promise<ValidatorModule>>;

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
 * Where Microsoft publishes the manifest schema, one pattern per published form; the capture is
 * the version segment ("v1.26", "vDevPreview", "DevPreview", ...):
 * - developer.microsoft.com/json-schemas/teams/v{X.Y}/ (with or without a locale such as /en-us/)
 * - the microsoft/json-schemas repository on GitHub (raw.githubusercontent.com, or github.com
 *   /blob/ and /raw/ links), teams/v{X.Y}/
 * - the OfficeDev/microsoft-teams-app-schema repository (its preview branch has DevPreview/)
 * - statics.teams.microsoft.com/sdk/v{X.Y}/manifest/, the address of the early (v1.0-v1.3) schemas
 */
const SCHEMA_URL_FORMS: readonly RegExp[] = [
  /^https?:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?json-schemas\/teams\/(v[^/]+)\/MicrosoftTeams\.schema\.json$/i,
  /^https?:\/\/raw\.githubusercontent\.com\/microsoft\/json-schemas\/(?:refs\/heads\/)?[^/]+\/teams\/(v[^/]+)\/MicrosoftTeams\.schema\.json$/i,
  /^https?:\/\/github\.com\/microsoft\/json-schemas\/(?:blob|raw)\/[^/]+\/teams\/(v[^/]+)\/MicrosoftTeams\.schema\.json$/i,
  /^https?:\/\/raw\.githubusercontent\.com\/OfficeDev\/microsoft-teams-app-schema\/(?:refs\/heads\/)?[^/]+\/((?:v\d+\.\d+)|DevPreview)\/MicrosoftTeams\.schema\.json$/i,
  /^https?:\/\/github\.com\/OfficeDev\/microsoft-teams-app-schema\/(?:blob|raw)\/[^/]+\/((?:v\d+\.\d+)|DevPreview)\/MicrosoftTeams\.schema\.json$/i,
  /^https?:\/\/statics\.teams\.microsoft\.com\/sdk\/(v\d+\.\d+)\/manifest\/MicrosoftTeams\.schema\.json$/i,
];

/**
 * The version a `$schema` URL names, for every published form of the schema URL (see
 * SCHEMA_URL_FORMS). Returns the raw version text ("1.18" is returned although it was never
 * published); undefined for URLs that are not a versioned Teams manifest schema.
 */
export function versionFromSchemaUrl(url: string): string | undefined {
  const bare = url.trim().replace(/[?#].*$/, '');
  for (const form of SCHEMA_URL_FORMS) {
    const m = form.exec(bare);
    if (!m) continue;
    const segment = (m[1] as string).replace(/^v/i, '');
    if (/^devpreview$/i.test(segment)) return 'devPreview';
    return /^\d+\.\d+$/.test(segment) ? segment : undefined;
  }
  return undefined;
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

const cache = new Map<SchemaVersion, Promise<StandaloneValidator>>();

/** Loads one precompiled validator (memoised; a failed load is retried next time). */
export function loadValidator(version: SchemaVersion): Promise<StandaloneValidator> {
  let p = cache.get(version);
  if (!p) {
    p = loaders[version]().then((m) => m.default);
    p.catch(() => cache.delete(version));
    cache.set(version, p);
  }
  return p;
}
