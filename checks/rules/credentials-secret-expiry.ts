import { defineCheck, type TypedOutcome } from '../core/define-check';
import { json } from '../computed/json';
import { credentialVerdicts, EXPIRY_WARNING_DAYS } from '../computed/graph-verdicts';
import type {} from '../computed/credentials-model'; // its EvidenceMap entries (types only: rules do no I/O)

const messages = {
  valid: 'App registration "{{name}}": {{count}} credential(s), none expired or expiring within {{days}} days.',
  expiring: 'App registration "{{name}}": {{which}} expire(s) within {{days}} days.',
  expired: 'App registration "{{name}}": {{which}} expired.',
  none: 'App registration "{{name}}" has no client secret or certificate.',
};

export default defineCheck({
  meta: {
    id: 'credentials-secret-expiry',
    suite: 'credentials',
    title: 'App registration credentials are valid',
    failureTitle: 'An app registration credential has expired or expires soon',
    description: 'The client secrets and certificates of the bot\'s app registration (read from Microsoft Graph) have an end date; once the one the bot uses has expired, Entra ID refuses its token requests (AADSTS7000222) and the bot stops answering.',
    severity: 'error',
    requiredEvidence: ['GraphRegistration'],
    messages,
    remediation: {
      expiring: 'Add a new client secret (or certificate) to the app registration, configure the bot with it, then delete the old one once nothing uses it.',
      expired: 'If the bot still uses it, create a new client secret in the app registration (Certificates & secrets) and configure the bot with its value; then delete the expired one.',
    },
    sources: [
      { title: 'Microsoft Graph: application resource type (passwordCredentials, keyCredentials)', url: 'https://learn.microsoft.com/graph/api/resources/application' },
      { title: 'Add and manage application credentials in Microsoft Entra ID', url: 'https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials' },
    ],
  },
  evaluate({ GraphRegistration: g }, ctx): TypedOutcome<keyof typeof messages> {
    const verdicts = credentialVerdicts(g.application, ctx.now);
    const name = g.application.displayName ?? g.application.appId ?? 'app';
    const evidence = json({
      application: { ...(g.application.displayName ? { displayName: g.application.displayName } : {}), ...(g.application.signInAudience ? { signInAudience: g.application.signInAudience } : {}) },
      credentials: verdicts,
    });
    const details = verdicts.map((v) => ({ message: v.message, ...(v.status === 'skip' ? {} : { status: v.status }) }));
    const base = { name, days: EXPIRY_WARNING_DAYS, count: verdicts.length };
    if (verdicts.length === 0) return { status: 'info', messageId: 'none', data: base, evidence };
    const expired = verdicts.filter((v) => v.status === 'fail');
    if (expired.length) return { status: 'fail', messageId: 'expired', data: { ...base, which: expired.map((v) => v.displayName ?? v.keyId ?? v.kind).join(', ') }, evidence, details };
    const expiring = verdicts.filter((v) => v.status === 'warn');
    if (expiring.length) return { status: 'warn', messageId: 'expiring', data: { ...base, which: expiring.map((v) => v.displayName ?? v.keyId ?? v.kind).join(', ') }, evidence, details };
    return { status: 'pass', messageId: 'valid', data: base, evidence, details };
  },
});
