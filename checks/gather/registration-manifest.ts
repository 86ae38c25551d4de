/**
 * RegistrationManifest: the few manifest facts the registration checks compare against
 * (bot id, supportsCalling, webApplicationInfo). It is optional evidence: without a manifest in
 * the input it says `provided: false` (the dependent checks then skip), and with one it reads the
 * manifest suite's `Manifest` evidence. Browser-safe.
 */
import { defineGatherer } from '../core/gatherer';
import type { CheckInput } from '../core/evidence';

export interface RegistrationManifestEvidence {
  provided: boolean;
  /** `bots[].botId` in order (a v1.30 manifest has at most one bot). */
  botIds: string[];
  /** Whether any bot entry sets `supportsCalling: true`. */
  supportsCalling: boolean;
  webApplicationInfo?: { id?: string; resource?: string };
  manifestVersion?: string;
}

declare module '../core/evidence' {
  interface EvidenceMap {
    RegistrationManifest: RegistrationManifestEvidence;
  }
}

type Loose = Record<string, unknown>;
function isObj(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function s(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** True when the run was given a manifest (the manifest suite's input field). */
export function hasManifestInput(input: Readonly<CheckInput>): boolean {
  const value = (input as Readonly<Record<string, unknown>>).manifest;
  return value !== undefined && value !== null && value !== '';
}

/**
 * Reads the manifest facts from whatever the Manifest evidence carries: the parsed manifest
 * object itself, or an evidence object holding it (`manifest`, `json`, `parsed`, `value`).
 */
export function summarizeManifest(evidence: unknown): RegistrationManifestEvidence {
  const manifest = findManifestObject(evidence);
  const out: RegistrationManifestEvidence = { provided: true, botIds: [], supportsCalling: false };
  if (!manifest) return out;
  const bots = Array.isArray(manifest.bots) ? manifest.bots : [];
  for (const bot of bots) {
    if (!isObj(bot)) continue;
    const id = s(bot.botId);
    if (id) out.botIds.push(id);
    if (bot.supportsCalling === true) out.supportsCalling = true;
  }
  const wai = manifest.webApplicationInfo;
  if (isObj(wai)) {
    const info: { id?: string; resource?: string } = {};
    const id = s(wai.id);
    const resource = s(wai.resource);
    if (id) info.id = id;
    if (resource) info.resource = resource;
    out.webApplicationInfo = info;
  }
  const version = s(manifest.manifestVersion);
  if (version) out.manifestVersion = version;
  return out;
}

function findManifestObject(value: unknown, depth = 0): Loose | undefined {
  if (!isObj(value) || depth > 3) return undefined;
  if (Array.isArray(value.bots) || 'manifestVersion' in value || 'webApplicationInfo' in value) return value;
  for (const key of ['manifest', 'json', 'parsed', 'value', 'document']) {
    const found = findManifestObject(value[key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

export const registrationManifestGatherer = defineGatherer({
  id: 'RegistrationManifest',
  environments: ['node', 'browser'],
  async gather(ctx) {
    if (!hasManifestInput(ctx.input)) return { provided: false, botIds: [], supportsCalling: false };
    // The manifest suite owns parsing (zip or JSON, errors with line and column).
    const get = ctx.get as unknown as (id: string) => Promise<unknown>;
    return summarizeManifest(await get('Manifest'));
  },
});
