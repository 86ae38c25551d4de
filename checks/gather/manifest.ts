/**
 * The `Manifest` evidence: what the user gave (manifest.json text, or file bytes that are JSON or
 * an app package zip, told apart by their magic bytes), the package's file list and problems, and
 * the parsed manifest or the exact reason it could not be parsed (with line and column).
 * Browser-safe: no node: modules. Shared with the registration suite.
 */
import { defineGatherer } from '../core/gatherer';
import { TooLargeError } from '../core/errors';
import { ManifestTooLargeError, readManifestJsonInput, type ManifestEvidence } from '../manifest/manifest-input';

export type {
  ManifestEvidence, ManifestSummary, ManifestBotSummary, PackageEvidence, PackageFile, JsonReadEvidence, ManifestSourceKind,
} from '../manifest/manifest-input';

declare module '../core/evidence' {
  interface EvidenceMap {
    Manifest: ManifestEvidence;
  }
  interface CheckInput {
    /** manifest.json as text (the API and pasted input). */
    manifestText?: string;
    /** File bytes: manifest.json or an app package .zip (detected by magic bytes). */
    manifestBytes?: Uint8Array;
    /** File name, for the report only. */
    manifestName?: string;
    /** The bot's expected Microsoft App ID (shared with the endpoint and registration suites). */
    appId?: string;
  }
}

export const manifestGatherer = defineGatherer({
  id: 'Manifest',
  environments: ['node', 'browser'],
  timeoutMs: 10_000,
  async gather(ctx) {
    try {
      // A manifest.json is read without loading the zip reader; a package loads it on demand.
      return readManifestJsonInput(ctx.input) ?? (await import('../manifest/read-manifest')).readManifestInput(ctx.input);
    } catch (err) {
      if (err instanceof ManifestTooLargeError) {
        throw new TooLargeError(err.message, { details: { bytes: err.bytes, limit: err.limit } });
      }
      throw err;
    }
  },
});
