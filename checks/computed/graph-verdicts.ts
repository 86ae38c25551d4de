/**
 * Verdicts on an app registration read from Graph: credential expiry and sign-in audience
 * against the bot's app type. Pure (the clock is a parameter), browser-safe.
 */
import type { BotAppType } from './credentials-model';
import type { AppCredential, GraphApplication } from './graph-types';

export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Verdict = 'pass' | 'warn' | 'fail' | 'info' | 'skip';

export interface CredentialVerdict extends AppCredential {
  status: Verdict;
  daysLeft?: number;
  message: string;
}

export interface AudienceVerdict {
  status: Verdict;
  /** Which case it is (the credentials-sign-in-audience rule words each one). */
  kind: 'fits' | 'mismatch' | 'unusual' | 'noAudience';
  signInAudience?: string;
  appType: BotAppType;
}

/** Expired fails, expiring within 30 days warns, no end date is informational. */
export function credentialVerdicts(app: GraphApplication, now: Date): CredentialVerdict[] {
  return app.credentials.map((c) => {
    const label = `${c.kind === 'secret' ? 'Client secret' : 'Certificate'} ${c.displayName ? `"${c.displayName}" ` : ''}(key id ${c.keyId ?? 'unknown'})`;
    const end = c.endDateTime ? Date.parse(c.endDateTime) : Number.NaN;
    if (Number.isNaN(end)) return { ...c, status: 'info', message: `${label} has no readable end date.` };
    const daysLeft = Math.floor((end - now.getTime()) / DAY_MS);
    const date = new Date(end).toISOString().slice(0, 10);
    if (end <= now.getTime()) return { ...c, status: 'fail', daysLeft, message: `${label} expired on ${date}.` };
    if (daysLeft < EXPIRY_WARNING_DAYS) return { ...c, status: 'warn', daysLeft, message: `${label} expires on ${date}, in ${daysLeft} day(s).` };
    return { ...c, status: 'pass', daysLeft, message: `${label} is valid until ${date} (${daysLeft} days).` };
  });
}

/**
 * A MultiTenant bot gets its token from the botframework.com tenant, which only works for a
 * multi-tenant app registration; a SingleTenant bot's app is normally AzureADMyOrg.
 */
export function audienceVerdict(app: GraphApplication, appType: BotAppType): AudienceVerdict {
  const audience = app.signInAudience;
  if (!audience) return { appType, status: 'skip', kind: 'noAudience' };
  const base = { signInAudience: audience, appType };
  const multiOrg = audience === 'AzureADMultipleOrgs' || audience === 'AzureADandPersonalMicrosoftAccount';
  if (appType === 'MultiTenant') return multiOrg ? { ...base, status: 'pass', kind: 'fits' } : { ...base, status: 'fail', kind: 'mismatch' };
  return audience === 'AzureADMyOrg' ? { ...base, status: 'pass', kind: 'fits' } : { ...base, status: 'warn', kind: 'unusual' };
}
