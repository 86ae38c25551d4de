/**
 * What the auth probes send: a well-formed Teams `message` activity with harmless text that
 * names the probe, and (for the forged-token probe) a JWT that looks like a Bot Connector token
 * but is signed by an RSA key generated for this run, which no bot can trust.
 */
import { randomUUID } from 'node:crypto';
import { generateKeyPair, SignJWT } from 'jose';

/** The public global Teams serviceUrl (microsoft/teams.ts default; bot-docs REST auth example). */
export const PROBE_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
/** Placeholder tenant used in the probe activity (never a real tenant). */
export const PROBE_TENANT_ID = '00000000-0000-0000-0000-000000000000';

export type ProbeKind = 'missing-token' | 'forged-token';

export interface TeamsMessageActivity {
  type: 'message';
  id: string;
  timestamp: string;
  channelId: 'msteams';
  serviceUrl: string;
  from: { id: string; name: string };
  recipient: { id: string; name: string };
  conversation: { id: string; conversationType: 'personal'; tenantId: string };
  text: string;
  textFormat: 'plain';
  locale: string;
  channelData: { tenant: { id: string } };
}

export function probeActivity(kind: ProbeKind, now: Date, appId?: string): TeamsMessageActivity {
  const run = randomUUID();
  return {
    type: 'message',
    id: `botflow-${kind}-${run}`,
    timestamp: now.toISOString(),
    channelId: 'msteams',
    serviceUrl: PROBE_SERVICE_URL,
    from: { id: `29:botflow-probe-${run}`, name: 'botflow endpoint check' },
    recipient: { id: `28:${appId ?? 'unknown-bot'}`, name: 'bot' },
    conversation: { id: `a:botflow-probe-${run}`, conversationType: 'personal', tenantId: PROBE_TENANT_ID },
    text: `botflow endpoint check (${kind} probe): a security test that expects this request to be rejected. It carries no user data and can be ignored.`,
    textFormat: 'plain',
    locale: 'en-US',
    channelData: { tenant: { id: PROBE_TENANT_ID } },
  };
}

export interface ForgedTokenClaims {
  iss: string;
  aud: string;
  serviceurl: string;
  /** Seconds of validity. */
  lifetimeSeconds: number;
  kid: string;
}

/**
 * The signing key of forged tokens: generated once per process (RSA-2048 generation costs
 * hundreds of milliseconds on a busy machine) and never published, so no bot can trust it.
 */
let forgingKey: Promise<CryptoKey> | undefined;
function forgingPrivateKey(): Promise<CryptoKey> {
  forgingKey ??= generateKeyPair('RS256', { modulusLength: 2048 }).then((pair) => pair.privateKey);
  forgingKey.catch(() => { forgingKey = undefined; });
  return forgingKey;
}

/**
 * Signs a plausible channel token with a key that exists only in this process (RS256). Only the
 * claims are returned for the report; the token itself stays in memory for the one request.
 */
export async function forgedToken(params: { appId?: string; serviceUrl: string; now: Date }): Promise<{ token: string; claims: ForgedTokenClaims }> {
  const privateKey = await forgingPrivateKey();
  const kid = `botflow-forged-${randomUUID()}`;
  const aud = params.appId ?? randomUUID();
  const iat = Math.floor(params.now.getTime() / 1000);
  const lifetimeSeconds = 300;
  const token = await new SignJWT({ serviceurl: params.serviceUrl })
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuer(BOT_FRAMEWORK_ISSUER)
    .setAudience(aud)
    .setIssuedAt(iat)
    .setNotBefore(iat - 60)
    .setExpirationTime(iat + lifetimeSeconds)
    .sign(privateKey);
  return { token, claims: { iss: BOT_FRAMEWORK_ISSUER, aud, serviceurl: params.serviceUrl, lifetimeSeconds, kid } };
}
