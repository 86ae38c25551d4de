import { defineSuite } from '../core/suite';
import type { CheckInput } from '../core/evidence';
import type { JsonObject } from '../core/types';
import { registrationDocumentGatherer } from '../gather/registration';
import { registrationManifestGatherer, hasManifestInput } from '../gather/registration-manifest';
import { inputString } from '../computed/registration-model';
import registrationAppType from '../rules/registration-app-type';
import registrationTenant from '../rules/registration-tenant';
import registrationEndpoint from '../rules/registration-endpoint';
import registrationTeamsChannel from '../rules/registration-teams-channel';
import registrationCalling from '../rules/registration-calling';
import registrationPublicAccess from '../rules/registration-public-access';
import registrationManifestMatch from '../rules/registration-manifest-match';
import registrationRegion from '../rules/registration-region';
import { manifestGatherer } from '../gather/manifest';
import { underTestGatherer } from '../gather/under-test';

export const registrationChecks = [
  registrationAppType,
  registrationTenant,
  registrationEndpoint,
  registrationTeamsChannel,
  registrationCalling,
  registrationPublicAccess,
  registrationManifestMatch,
  registrationRegion,
] as const;

/** What the report's target shows: where the registration came from, never a token or document body. */
export function describeRegistrationTarget(input: Readonly<CheckInput>): JsonObject {
  const target: JsonObject = {};
  if (input.azure) {
    target.azure = {
      subscription: input.azure.subscription,
      resourceGroup: input.azure.resourceGroup,
      name: input.azure.name,
      cloud: input.azure.cloud ?? 'public',
    };
  } else if (input.bot !== undefined) {
    target.bot = input.botLabel ?? 'Azure Bot JSON';
  }
  if (input.channel !== undefined) target.channel = input.channelLabel ?? 'Teams channel JSON';
  if (hasManifestInput(input)) {
    target.manifest = input.manifestName ?? 'manifest';
  }
  const url = inputString(input, 'url');
  if (url) target.endpointUnderTest = url;
  const webhook = inputString(input, 'callingWebhook');
  if (webhook) target.callingWebhookUnderTest = webhook;
  return target;
}

/**
 * The registration suite: the Azure Bot resource (and Teams channel) from JSON documents,
 * optionally compared with a manifest. Browser-safe; the CLI swaps in the live ARM gatherer.
 */
export const registrationSuite = defineSuite({
  name: 'registration',
  checks: registrationChecks,
  gatherers: [
    registrationDocumentGatherer,
    registrationManifestGatherer,
    // Read only when a manifest is given (through RegistrationManifest).
    manifestGatherer,
    underTestGatherer,
  ],
  describeTarget: describeRegistrationTarget,
});
