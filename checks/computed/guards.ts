/**
 * The opening guards rules declare in `meta.guards` (checks/core/define-check.ts): the runner
 * skips the check with the guard's message when its evidence says there is nothing to judge.
 * Pure; types only from the gatherers.
 */
import type { CheckGuard } from '../core/define-check';
import type { EvidenceId, EvidenceMap } from '../core/evidence';
import type { JsonObject } from '../core/types';
import type { NotProbed } from '../gather/endpoint-probe-context';
import type { ManifestEvidence } from '../manifest/manifest-input';
import type {} from '../gather/manifest'; // the Manifest entry of EvidenceMap
import { notProbedText } from './not-probed';

/** Evidence ids whose value can be "not probed" (the endpoint probes). */
export type ProbeEvidenceId = { [K in EvidenceId]: NotProbed extends EvidenceMap[K] ? K : never }[EvidenceId];

export const NOT_PROBED_MESSAGE = 'Not checked: {{reason}}.';

function isNotProbed(value: unknown): value is NotProbed {
  return typeof value === 'object' && value !== null && (value as { probed?: unknown }).probed === false;
}

/** Skips with `notProbed` ("Not checked: <why>") when the probe behind `evidence` did not run. */
export function notProbedGuard<K extends ProbeEvidenceId>(evidence: K): CheckGuard<K, Exclude<EvidenceMap[K], NotProbed>> {
  return {
    evidence,
    messageId: 'notProbed',
    message: NOT_PROBED_MESSAGE,
    applies: (value): value is Exclude<EvidenceMap[K], NotProbed> => !isNotProbed(value),
    skipped(value) {
      const reason = isNotProbed(value) ? value.reason : 'not-given';
      return { data: { reason: notProbedText(reason) }, evidence: { reason } };
    },
  };
}

/** What the manifest rules read once the manifest parsed to an object. */
export type ParsedManifest = ManifestEvidence & { manifest: JsonObject };

export const NO_MANIFEST_MESSAGE = 'There is no parsed manifest (see manifest-json).';

/** Skips with `noManifest` when the manifest did not parse to an object (manifest-json says why). */
export function parsedManifestGuard(message: string = NO_MANIFEST_MESSAGE): CheckGuard<'Manifest', ParsedManifest> {
  return {
    evidence: 'Manifest',
    messageId: 'noManifest',
    message,
    applies: (value): value is ParsedManifest => value.manifest !== undefined,
    skipped: () => ({}),
  };
}

/**
 * Skips with `noManifest` when a gatherer that reads the parsed manifest says there was none
 * (its `status` is 'no-manifest').
 */
export function manifestStatusGuard<K extends EvidenceId>(
  evidence: K,
  message: string,
): CheckGuard<K, Exclude<EvidenceMap[K], { status: 'no-manifest' }>> {
  return {
    evidence,
    messageId: 'noManifest',
    message,
    applies: (value): value is Exclude<EvidenceMap[K], { status: 'no-manifest' }> => (value as unknown as { status?: unknown }).status !== 'no-manifest',
    skipped: () => ({}),
  };
}
