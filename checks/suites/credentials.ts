/**
 * The credentials suite (`botflow token`): can the bot get its Bot Framework token with its client
 * secret, and (with --graph) are its app registration's credentials and audience healthy. Node and
 * CLI only: the secrets come from the environment or stdin into the run's `credentials`, never the
 * input, so the API cannot run it.
 */
import { defineSuite } from '../core/suite';
import type { JsonObject } from '../core/types';
import { botTokenGatherer, graphRegistrationGatherer } from '../gather/credentials';
import { tokenEndpoint } from '../gather/entra-token';
import credentialsToken from '../rules/credentials-token';
import credentialsSecretExpiry from '../rules/credentials-secret-expiry';
import credentialsSignInAudience from '../rules/credentials-sign-in-audience';

export const credentialsChecks = [credentialsToken, credentialsSecretExpiry, credentialsSignInAudience] as const;

/** The checks that read the app registration from Graph (run only with --graph). */
export const GRAPH_CHECK_IDS: readonly string[] = [credentialsSecretExpiry.meta.id, credentialsSignInAudience.meta.id];

export const credentialsSuite = defineSuite({
  name: 'credentials',
  checks: credentialsChecks,
  gatherers: [botTokenGatherer, graphRegistrationGatherer],
  describeTarget(input): JsonObject {
    const t = input.botCredentials;
    if (!t) return {};
    return {
      name: `${t.appType} bot ${t.appId} (${t.cloud} cloud)`,
      appId: t.appId,
      appType: t.appType,
      cloud: t.cloud,
      tenant: t.tenant,
      tokenEndpoint: tokenEndpoint(t.authority, t.tenant),
      scope: t.scope,
      ...(t.graphBaseUrl ? { graph: t.graphBaseUrl } : {}),
    };
  },
});
