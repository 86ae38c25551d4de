/**
 * RegistrationManifest: the few manifest facts the registration checks compare against
 * (bot id, supportsCalling, webApplicationInfo). It is optional evidence: without a manifest in
 * the input it says `provided: false` (the dependent checks then skip), and with one it reads the
 * manifest suite's `Manifest` evidence. Browser-safe.
 */
import { defineGatherer } from '../core/gatherer';
import type { CheckInput } from '../core/evidence';
import type { ManifestEvidence } from './manifest';

export interface RegistrationManifestEvidence {
  provided: boolean;
  /** The manifest parsed (false: see manifest-json / manifest-package-layout for why not). */
  readable: boolean;
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

/** True when the run was given a manifest (the manifest suite's input fields). */
export function hasManifestInput(input: Readonly<CheckInput>): boolean {
  return Boolean(input.manifestText) || Boolean(input.manifestBytes && input.manifestBytes.length > 0);
}

/** The manifest facts from the manifest suite's evidence (its `summary`). */
export function summarizeManifest(evidence: ManifestEvidence): RegistrationManifestEvidence {
  const summary = evidence.summary;
  if (!summary) return { provided: true, readable: false, botIds: [], supportsCalling: false };
  const out: RegistrationManifestEvidence = {
    provided: true,
    readable: true,
    botIds: summary.bots.map((b) => b.botId).filter((id): id is string => typeof id === 'string' && id.trim() !== ''),
    supportsCalling: summary.supportsCalling,
  };
  if (summary.webApplicationInfo) out.webApplicationInfo = { ...summary.webApplicationInfo };
  if (summary.manifestVersion) out.manifestVersion = summary.manifestVersion;
  return out;
}

export const registrationManifestGatherer = defineGatherer({
  id: 'RegistrationManifest',
  environments: ['node', 'browser'],
  async gather(ctx) {
    if (!hasManifestInput(ctx.input)) return { provided: false, readable: false, botIds: [], supportsCalling: false };
    // The manifest suite owns reading (zip or JSON, errors with line and column).
    return summarizeManifest(await ctx.get('Manifest'));
  },
});
