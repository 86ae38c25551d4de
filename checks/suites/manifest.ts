import { defineSuite } from '../core/suite';
import { manifestGatherer } from '../gather/manifest';
import { manifestSchemaGatherer } from '../gather/manifest-schema';
import { manifestIconsGatherer } from '../gather/manifest-icons';
import { underTestGatherer } from '../gather/under-test';
import { looksLikeZip } from '../manifest/zip-magic';
import manifestPackageLayout from '../rules/manifest-package-layout';
import manifestJson from '../rules/manifest-json';
import manifestSchema from '../rules/manifest-schema';
import manifestVersion from '../rules/manifest-version';
import manifestBotId from '../rules/manifest-bot-id';
import manifestBotScopes from '../rules/manifest-bot-scopes';
import manifestValidDomains from '../rules/manifest-valid-domains';
import manifestSso from '../rules/manifest-sso';
import manifestIcons from '../rules/manifest-icons';
import manifestRscPermissions from '../rules/manifest-rsc-permissions';

/**
 * The manifest suite: a manifest.json or an app package, checked offline against the official
 * schemas and the rules Teams applies. Browser-safe end to end (no node: modules), so a package
 * can be checked inside the page without leaving the user's machine.
 */
export const manifestSuite = defineSuite({
  name: 'manifest',
  checks: [
    manifestPackageLayout,
    manifestJson,
    manifestSchema,
    manifestVersion,
    manifestBotId,
    manifestBotScopes,
    manifestValidDomains,
    manifestSso,
    manifestIcons,
    manifestRscPermissions,
  ],
  gatherers: [manifestGatherer, manifestSchemaGatherer, manifestIconsGatherer, underTestGatherer],
  describeTarget: (input) => {
    const kind = input.manifestBytes !== undefined
      ? (looksLikeZip(input.manifestBytes) ? 'package' : 'manifest')
      : input.manifestText !== undefined ? 'manifest' : 'none';
    const bytes = input.manifestBytes?.length ?? input.manifestText?.length;
    return {
      kind,
      ...(input.manifestName !== undefined ? { file: input.manifestName } : {}),
      ...(bytes !== undefined ? { bytes } : {}),
      ...(input.appId !== undefined ? { appId: input.appId } : {}),
    };
  },
});
