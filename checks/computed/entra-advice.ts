/**
 * Plain advice for the Entra ID (AADSTS) error codes a bot meets when it asks for its
 * Bot Framework token with client credentials. Pure data, browser-safe.
 * Meanings: Microsoft Entra authentication and authorization error codes
 * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
 */
export const AADSTS_REFERENCE_URL = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes';

export interface AadstsAdvice {
  code: number;
  /** Short name of the error (the reference's name where it gives one). */
  name: string;
  /** What it means, in plain words. */
  meaning: string;
  /** What to do about it for a bot. */
  advice: string;
}

const ADVICE: readonly AadstsAdvice[] = [
  {
    code: 7000215,
    name: 'InvalidClientSecret',
    meaning: 'The client secret does not match any current secret of this app registration.',
    advice: 'Most often the secret\'s ID (a GUID from the "Secret ID" column) was pasted instead of its value. The value is shown only once, when the secret is created: create a new client secret under App registrations > your app > Certificates & secrets, copy the Value column, and update MicrosoftAppPassword (or your key vault) with it.',
  },
  {
    code: 7000222,
    name: 'InvalidClientSecretExpiredKeysProvided',
    meaning: 'The client secret is right but has expired.',
    advice: 'Create a new client secret for the app registration (Certificates & secrets), update the bot\'s MicrosoftAppPassword with its value and restart the bot; then delete the expired one. Consider a certificate or a managed identity instead of secrets.',
  },
  {
    code: 700016,
    name: 'UnauthorizedClient_DoesNotMatchRequest',
    meaning: 'No application with this client id exists in the tenant the token was requested from.',
    advice: 'Check the app id, and that the token is requested from the right tenant for the app type: a SingleTenant bot asks its own tenant (MicrosoftAppTenantId); a MultiTenant bot asks the botframework.com tenant, which only works if the app registration is multi-tenant (signInAudience AzureADMultipleOrgs). A bot moved to single-tenant whose code still asks botframework.com gets this error.',
  },
  {
    code: 7000218,
    name: 'client_secret or client_assertion missing',
    meaning: 'The request carried neither a client secret nor a client assertion.',
    advice: 'The secret was empty. Set MicrosoftAppPassword to the secret\'s value (a managed-identity bot has no secret and gets its token from the managed identity endpoint instead).',
  },
  {
    code: 90002,
    name: 'InvalidTenantName',
    meaning: 'The tenant in the token URL was not found.',
    advice: 'Use the directory (tenant) id GUID from the app registration\'s overview page as MicrosoftAppTenantId, and the login host of the bot\'s cloud (login.microsoftonline.us for GCC High and DoD).',
  },
  {
    code: 900023,
    name: 'tenant identifier not valid',
    meaning: 'The tenant in the token URL is neither a GUID nor a valid domain name.',
    advice: 'Set MicrosoftAppTenantId to the directory (tenant) id GUID of the app registration.',
  },
  {
    code: 70011,
    name: 'InvalidScope',
    meaning: 'The scope of the request is not valid.',
    advice: 'Bots ask for https://api.botframework.com/.default (https://api.botframework.us/.default in GCC High and DoD); check the OAuth scope setting of the bot for its cloud.',
  },
  {
    code: 700027,
    name: 'client assertion signature not valid',
    meaning: 'The certificate used as a client assertion is not one registered on the app.',
    advice: 'Upload the certificate\'s public key to the app registration (Certificates & secrets) or configure the bot with the certificate that is registered.',
  },
];

export function adviceFor(code: number): AadstsAdvice | undefined {
  return ADVICE.find((a) => a.code === code);
}

/** The AADSTS code from `error_codes` or, failing that, from the description text. */
export function aadstsCode(errorCodes: readonly number[] | undefined, description: string | undefined): number | undefined {
  const first = errorCodes?.find((c) => Number.isInteger(c) && c > 0);
  if (first !== undefined) return first;
  const m = /AADSTS(\d{5,8})/.exec(description ?? '');
  return m ? Number(m[1]) : undefined;
}

export const KNOWN_AADSTS_CODES: readonly number[] = ADVICE.map((a) => a.code);
