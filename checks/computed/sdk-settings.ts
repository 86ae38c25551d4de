/**
 * The fixes the auth checks suggest, in each SDK's own terms (settings names read from each SDK's
 * source; see the sources in endpoint-sources.ts). When the SDK behind the endpoint was not
 * identified, the fix names all three. Pure data and one function.
 */
import { SDK_NAMES, type SdkIdentity, type BotSdk } from './sdk-identity';

export type SdkFixKind = 'enableAuth' | 'configureCredentials';

const FIXES: Record<SdkFixKind, Record<BotSdk, string>> = {
  enableAuth: {
    botbuilder: 'set MicrosoftAppId and MicrosoftAppPassword (or the certificate or managed identity settings), MicrosoftAppType and MicrosoftAppTenantId from the Azure Bot resource: with no MicrosoftAppId the SDK skips authentication, and with it CloudAdapter answers 401 to a request without a valid token',
    agents: 'set the service connection\'s client id (connections__serviceConnection__settings__clientId, with its clientSecret or certificate, and tenantId) and keep the authorizeJWT middleware in front of adapter.process (startServer adds it): with no client id, authorizeJWT lets requests without a token through unless NODE_ENV is "production"',
    teams: 'give the App its credentials (CLIENT_ID, CLIENT_SECRET or a managed identity, and TENANT_ID) and remove dangerouslyAllowUnauthenticatedRequests (skipAuth in older versions and in the SDK\'s docs) and DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS=true: with either the SDK skips token validation for every request',
  },
  configureCredentials: {
    botbuilder: 'set MicrosoftAppId, MicrosoftAppPassword (or a certificate or managed identity), MicrosoftAppType and MicrosoftAppTenantId from the Azure Bot resource',
    agents: 'set connections__serviceConnection__settings__clientId, its clientSecret (or certificate) and tenantId from the Azure Bot resource',
    teams: 'set CLIENT_ID, CLIENT_SECRET (or a managed identity) and TENANT_ID from the Azure Bot resource: without credentials the Teams SDK answers 401 "Authentication not configured" to every request, genuine ones from Teams included',
  },
};

/** The fix in the identified SDK's terms, or in all three SDKs' terms when it is unknown. */
export function sdkFix(kind: SdkFixKind, identity: Pick<SdkIdentity, 'sdk'>): string {
  const fixes = FIXES[kind];
  if (identity.sdk !== 'unknown') return `${SDK_NAMES[identity.sdk]}: ${fixes[identity.sdk]}.`;
  return (['botbuilder', 'agents', 'teams'] as const).map((sdk) => `${SDK_NAMES[sdk]}: ${fixes[sdk]}.`).join(' ');
}

/**
 * Where each SDK takes the bot's app type, app id and tenant from, for checks that cannot tell
 * which SDK the bot uses (the registration checks read Azure's record, not the bot).
 */
export const IDENTITY_SETTINGS_BY_SDK = 'botbuilder: MicrosoftAppType, MicrosoftAppId and MicrosoftAppTenantId; the Microsoft 365 Agents SDK: connections__serviceConnection__settings__clientId and tenantId, with authType (UserManagedIdentity for a user-assigned managed identity); the Teams SDK: CLIENT_ID and TENANT_ID, or MANAGED_IDENTITY_CLIENT_ID for a managed identity';
