/**
 * What the auth probes send: well-formed Teams activities with harmless content that names the
 * probe, and (for the forged-token probe) a JWT that looks like a Bot Connector token but is
 * signed by an RSA key generated for this run, which no bot can trust.
 *
 * Each probe sends two activities, built so that a bot whose code runs answers in the HTTP
 * response itself, and nothing reaches a real user:
 * - a `message` with `deliveryMode: "expectReplies"`: botbuilder's and the Agents SDK's
 *   CloudAdapter then return the bot's replies in the response body (200) instead of posting
 *   them to the serviceUrl; SDKs that ignore the field post them to a conversation that does not
 *   exist, on the public connector, which refuses them;
 * - an `invoke` with a name no bot handles: after authentication every SDK answers it itself
 *   (botbuilder and the Agents SDK 501 "not implemented", the Teams SDK 200), so an answer other
 *   than a rejection shows the bot's code ran.
 */
import { randomUUID } from 'node:crypto';
import { generateKeyPair, SignJWT } from 'jose';

/** The public global Teams serviceUrl (microsoft/teams.ts default; bot-docs REST auth example). */
export const PROBE_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
/** Placeholder tenant used in the probe activity (never a real tenant). */
export const PROBE_TENANT_ID = '00000000-0000-0000-0000-000000000000';

export type ProbeKind = 'missing-token' | 'forged-token';
/** The two activities each auth probe sends. */
export type ProbeActivityType = 'message' | 'invoke';
/** The name of the probe's invoke activity: no bot or SDK handles it. */
export const PROBE_INVOKE_NAME = 'botflow/endpointCheck';

interface ProbeActivityBase {
  id: string;
  timestamp: string;
  channelId: 'msteams';
  serviceUrl: string;
  from: { id: string; name: string };
  recipient: { id: string; name: string };
  conversation: { id: string; conversationType: 'personal'; tenantId: string };
  locale: string;
  channelData: { tenant: { id: string } };
}

export interface TeamsMessageActivity extends ProbeActivityBase {
  type: 'message';
  text: string;
  textFormat: 'plain';
  deliveryMode: 'expectReplies';
}

export interface TeamsInvokeActivity extends ProbeActivityBase {
  type: 'invoke';
  name: typeof PROBE_INVOKE_NAME;
  value: { probe: ProbeKind; note: string };
}

export type TeamsProbeActivity = TeamsMessageActivity | TeamsInvokeActivity;

const PROBE_NOTE = 'a security test that expects this request to be rejected. It carries no user data and can be ignored.';

export function probeActivity(kind: ProbeKind, now: Date, appId?: string): TeamsMessageActivity;
export function probeActivity(kind: ProbeKind, now: Date, appId: string | undefined, type: 'invoke'): TeamsInvokeActivity;
export function probeActivity(kind: ProbeKind, now: Date, appId: string | undefined, type: ProbeActivityType): TeamsProbeActivity;
export function probeActivity(kind: ProbeKind, now: Date, appId?: string, type: ProbeActivityType = 'message'): TeamsProbeActivity {
  const run = randomUUID();
  const base: ProbeActivityBase = {
    id: `botflow-${kind}-${type}-${run}`,
    timestamp: now.toISOString(),
    channelId: 'msteams',
    serviceUrl: PROBE_SERVICE_URL,
    from: { id: `29:botflow-probe-${run}`, name: 'botflow endpoint check' },
    recipient: { id: `28:${appId ?? 'unknown-bot'}`, name: 'bot' },
    conversation: { id: `a:botflow-probe-${run}`, conversationType: 'personal', tenantId: PROBE_TENANT_ID },
    locale: 'en-US',
    channelData: { tenant: { id: PROBE_TENANT_ID } },
  };
  if (type === 'invoke') return { ...base, type: 'invoke', name: PROBE_INVOKE_NAME, value: { probe: kind, note: `botflow endpoint check: ${PROBE_NOTE}` } };
  return { ...base, type: 'message', text: `botflow endpoint check (${kind} probe): ${PROBE_NOTE}`, textFormat: 'plain', deliveryMode: 'expectReplies' };
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
