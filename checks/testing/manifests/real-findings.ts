/**
 * The semantic findings of the manifest checks on one real-world manifest, as `status/messageId`
 * per check: what the table test in checks/suites/manifest.real-world.test.ts pins for every
 * corpus file (expected in real-world/expected.json). The rules are evaluated on the evidence the
 * real gatherers produce. manifest-package-layout and manifest-icons need a package (the corpus is
 * manifest.json files), so they are left out.
 *
 * Regenerate the expected table after a deliberate change (then review the diff):
 *   node --import tsx checks/testing/manifests/real-findings.ts > checks/testing/manifests/real-world/expected.json
 */
import type { GatherContext } from '../../core/gatherer';
import { outcomeOf } from '../../core/runner';
import { manifestSchemaGatherer } from '../../gather/manifest-schema';
import { readManifestInput } from '../../manifest/read-manifest';
import manifestJson from '../../rules/manifest-json';
import manifestSchema from '../../rules/manifest-schema';
import manifestVersion from '../../rules/manifest-version';
import manifestBotId from '../../rules/manifest-bot-id';
import manifestBotScopes from '../../rules/manifest-bot-scopes';
import manifestSso from '../../rules/manifest-sso';
import manifestRscPermissions from '../../rules/manifest-rsc-permissions';
import manifestValidDomains from '../../rules/manifest-valid-domains';
import { realBytes, realIndex, type RealManifest } from './real';

export const TABLE_CHECKS = [manifestJson, manifestSchema, manifestVersion, manifestBotId, manifestBotScopes, manifestSso, manifestRscPermissions, manifestValidDomains] as const;

export type Findings = Record<string, string>;

export async function realFindings(entry: RealManifest): Promise<Findings> {
  const input = { manifestBytes: realBytes(entry), manifestName: 'manifest.json' };
  const Manifest = readManifestInput(input);
  const ctx: GatherContext = {
    input, options: {}, signal: new AbortController().signal, environment: 'node', now: () => new Date(0),
    get: (async () => Manifest) as GatherContext['get'],
  };
  const ManifestSchema = await manifestSchemaGatherer.gather(ctx);
  const evidence = { Manifest, ManifestSchema, UnderTest: {} } as never;
  const out: Findings = {};
  for (const check of TABLE_CHECKS) {
    const outcome = outcomeOf(check, evidence, { input, now: new Date(0) });
    out[check.meta.id] = `${outcome.status}/${outcome.messageId}`;
  }
  return out;
}

export async function realFindingsTable(): Promise<Record<string, Findings>> {
  const table: Record<string, Findings> = {};
  for (const e of realIndex()) table[e.file] = await realFindings(e);
  return table;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await realFindingsTable(), null, 1)}\n`);
}
