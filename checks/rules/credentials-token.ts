import { defineCheck, type TypedOutcome } from '../core/define-check';
import type { Detail, JsonObject } from '../core/types';
import { json } from '../computed/json';
import { AADSTS_REFERENCE_URL } from '../computed/entra-advice';
import { audienceOfScope } from '../computed/credentials-model'; // and its EvidenceMap entries (pure: rules do no I/O)

const messages = {
  issued: 'Entra ID issued a Bot Framework token for {{appId}}.',
  otherAudience: 'Entra ID issued a token for {{appId}}, but its audience is {{aud}}, not {{expected}}.',
  secretIsKeyId: 'Entra ID issued a token for {{appId}}, yet the secret supplied is the Secret ID of the client secret "{{name}}", not its value.',
  refusedKnown: 'Entra ID refused the token request: AADSTS{{code}} ({{name}}): {{meaning}}',
  refusedCode: 'Entra ID refused the token request: AADSTS{{code}} (HTTP {{status}}{{error}}).',
  refused: 'Entra ID answered HTTP {{status}}{{error}}.',
};

const REFERENCE = `Entra ID's error codes are explained at ${AADSTS_REFERENCE_URL}.`;

export default defineCheck({
  meta: {
    id: 'credentials-token',
    suite: 'credentials',
    title: 'Bot gets its Bot Framework token',
    failureTitle: 'Bot cannot get its Bot Framework token',
    description: 'A bot proves who it is to the Bot Connector with a token it gets from Entra ID with its app id and client secret (the client credentials flow). Without that token it cannot send a single message; this asks for it exactly as the Bot Framework SDKs do and explains a refusal.',
    severity: 'error',
    requiredEvidence: ['BotToken'],
    optionalEvidence: ['GraphRegistration'],
    messages,
    remediation: {
      otherAudience: 'Check that the bot asks for the scope {{scope}} of its own cloud (botflow token --cloud); a Bot Framework token for that scope carries the audience {{expected}}.',
      secretIsKeyId: 'Configure the bot with the client secret\'s value (shown once, when the secret is created), not its Secret ID; if the value is lost, create a new client secret.',
      refusedKnown: '{{advice}} {{reference}}',
      refusedCode: 'Look the code up and check the app id, app type, tenant and secret the bot uses. {{reference}}',
      refused: 'Check the login host (--login-url), the tenant and the app id; the endpoint did not say why it refused.',
    },
    sources: [
      { title: 'Authenticate requests from your bot to the Bot Connector service (Microsoft Learn)', url: 'https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#bot-to-connector' },
      { title: 'Microsoft identity platform and the OAuth 2.0 client credentials flow (Microsoft Learn)', url: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow' },
      { title: 'Microsoft Entra authentication and authorization error codes (Microsoft Learn)', url: AADSTS_REFERENCE_URL },
    ],
  },
  evaluate({ BotToken: t, GraphRegistration: graph }): TypedOutcome<keyof typeof messages> {
    const o = t.outcome;
    const hints: string[] = [];
    if (graph?.secretIsKeyIdOf) hints.push(`The secret you supplied is the Secret ID of the client secret "${graph.secretIsKeyIdOf}", not its value.`);
    const expectedAudience = audienceOfScope(t.scope);
    const base = { appId: t.appId, expected: expectedAudience, reference: REFERENCE, scope: t.scope };
    const evidence = (extra: JsonObject): JsonObject => json({ tokenEndpoint: o.tokenEndpoint, scope: t.scope, tenant: t.tenant, ...extra, hints });
    const details = (lines: readonly string[]): { details?: Detail[] } => (lines.length ? { details: lines.map((message) => ({ message })) } : {});
    if (o.ok) {
      const c = o.claims;
      const claims = [['aud', c.aud], ['iss', c.iss], ['tid', c.tid], ['appid', c.appid ?? c.azp], ['exp', o.expiresAt]]
        .filter((pair): pair is [string, string] => pair[1] !== undefined).map(([k, v]) => `${k} ${v}`);
      const ev = evidence({ claims: json(c), ...(o.expiresAt ? { expiresAt: o.expiresAt } : {}) });
      if (c.aud && c.aud !== expectedAudience) {
        hints.push(`The token's audience is ${c.aud}, not ${expectedAudience}.`);
        return { status: 'warn', messageId: 'otherAudience', data: { ...base, aud: c.aud }, evidence: ev, ...details([...claims, ...hints]) };
      }
      if (graph?.secretIsKeyIdOf) return { status: 'warn', messageId: 'secretIsKeyId', data: { ...base, name: graph.secretIsKeyIdOf }, evidence: ev, ...details([...claims, ...hints]) };
      return { status: 'pass', messageId: 'issued', data: base, evidence: ev, ...details(claims) };
    }
    const code = o.aadsts;
    if (code === 7000215 && t.secretLooksLikeGuid) hints.push('The secret you supplied is shaped like a GUID, which is what a Secret ID looks like; the secret value is a longer random string.');
    if (code === 700016 && t.appType === 'MultiTenant') hints.push('This MultiTenant bot asked the botframework.com tenant. If its app registration is single-tenant, the bot must be configured as SingleTenant with its tenant id.');
    const ev = evidence({
      status: o.status,
      ...(code !== undefined ? { aadsts: code, reference: `${AADSTS_REFERENCE_URL} (or https://login.microsoftonline.com/error?code=${code})` } : {}),
      ...(o.error ? { error: o.error } : {}),
      ...(o.advice ? { advice: o.advice.advice } : {}),
      ...(o.description ? { description: o.description } : {}),
      ...(o.traceId ? { traceId: o.traceId } : {}),
      ...(o.correlationId ? { correlationId: o.correlationId } : {}),
    });
    const lines = [
      ...(o.description ? [`Entra ID said: ${o.description}`] : []),
      ...hints,
      ...(o.traceId ? [`trace id ${o.traceId}, correlation id ${o.correlationId ?? '-'}`] : []),
    ];
    const error = o.error ? `, ${o.error}` : '';
    if (code !== undefined && o.advice) {
      return { status: 'fail', messageId: 'refusedKnown', data: { ...base, code, name: o.advice.name, meaning: o.advice.meaning, advice: o.advice.advice }, evidence: ev, ...details(lines) };
    }
    if (code !== undefined) return { status: 'fail', messageId: 'refusedCode', data: { ...base, code, status: o.status, error }, evidence: ev, ...details(lines) };
    return { status: 'fail', messageId: 'refused', data: { ...base, status: o.status, error: o.error ? ` (${o.error})` : '' }, evidence: ev, ...details(lines) };
  },
});
