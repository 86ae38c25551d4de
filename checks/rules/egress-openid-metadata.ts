import { SOURCES } from '../data/sources';
import { defineCheck } from '../core/define-check';
import type { Detail, JsonObject, MessageData } from '../core/types';
import type {} from '../gather/egress-openid'; // its EvidenceMap entry (types only: rules do no I/O)

/** The Bot Framework channel id of Teams, which keys are endorsed for. */
export const TEAMS_CHANNEL_ID = 'msteams';

function fetchProblem(f: { status?: number; location?: string; failedPhase?: string; error?: { code: string; osCode?: string; message: string } }): string {
  if (f.error) return f.error.message.replace(/\.+$/, '');
  if (f.status !== undefined && f.status >= 300 && f.status < 400 && f.location) return `HTTP ${f.status} redirect to ${f.location} (a captive portal or proxy sign-in page?)`;
  if (f.status === 407) return 'HTTP 407: the proxy requires authentication (put the credentials in HTTPS_PROXY or allow the host without it)';
  return `HTTP ${f.status ?? '?'}`;
}

export default defineCheck({
  meta: {
    id: 'egress-openid-metadata',
    suite: 'egress',
    title: 'Bot Framework OpenID metadata and signing keys are reachable and well-formed',
    failureTitle: 'Bot Framework OpenID metadata or signing keys are unreachable or not as expected',
    description: 'To validate the token on every incoming request, the bot fetches the OpenID metadata document of its cloud and the signing keys it points to. If that fails, the SDK rejects every request from Teams as unauthorized.',
    severity: 'error',
    requiredEvidence: ['EgressOpenIdMetadata'],
    messages: {
      ok: 'Fetched {{metadataUrl}} and {{keyCount}} signing keys; {{msteamsKeys}} are endorsed for msteams.',
      metadataUnreachable: 'Could not fetch {{metadataUrl}}: {{problem}}.',
      metadataMalformed: '{{metadataUrl}} answered, but not with a usable OpenID metadata document: {{problem}}.',
      jwksUnreachable: 'Fetched the metadata, but not the signing keys at {{jwksUrl}}: {{problem}}.',
      jwksMalformed: 'The signing keys at {{jwksUrl}} are not usable: {{problem}}.',
      jwksUriUnexpected: 'The metadata points its jwks_uri to {{jwksUri}}, not to the documented {{jwksUrl}}; the documented keys were checked instead ({{keyCount}} keys).',
      issuerUnexpected: 'The metadata names issuer {{issuer}}, but tokens for this cloud are expected from {{expectedIssuer}}.',
      noMsteamsEndorsement: 'None of the {{keyCount}} signing keys lists msteams in its endorsements. Which endorsements the live keys carry is UNCONFIRMED, so this is only a warning.',
    },
    remediation: {
      metadataUnreachable: 'Allow outbound HTTPS to the metadata host (see egress-fqdn and `botflow allowlist`), and exempt it from TLS inspection. The SDK cannot validate any incoming token until this works.',
      metadataMalformed: 'Something between the bot and Microsoft (a proxy block page, a captive portal) answered instead of the metadata service. Allow the host through the proxy unchanged.',
      jwksUnreachable: 'Allow outbound HTTPS to the signing-key URL (same host as the metadata), and exempt it from TLS inspection.',
      jwksMalformed: 'Something between the bot and Microsoft answered instead of the key service. Allow the host through the proxy unchanged.',
      jwksUriUnexpected: 'Check whether a proxy rewrites the metadata document; if Microsoft moved the keys, update the allowlist for the new host.',
      issuerUnexpected: 'Make sure the bot is configured for the right cloud (public, GCC, GCC High, DoD) and that nothing rewrites the metadata document.',
      noMsteamsEndorsement: 'Fetch the JWKS yourself and compare with what your SDK expects. botbuilder-js rejects a token whose signing key has endorsements that do not include the activity channel (msteams).',
    },
    sources: [
      { title: 'Bot Connector authentication: OpenID metadata, keys and endorsements', url: SOURCES.connectorAuth.url },
      { title: 'botbuilder-js: endorsementsValidator.ts', url: 'https://github.com/microsoft/botbuilder-js/blob/main/libraries/botframework-connector/src/auth/endorsementsValidator.ts' },
      { title: 'Configure a bot for US Government (OpenID metadata URL)', url: 'https://learn.microsoft.com/azure/bot-service/how-to-deploy-gov-cloud-high' },
    ],
  },
  evaluate({ EgressOpenIdMetadata: e }) {
    const m = e.metadata;
    const j = e.jwks;
    const keys = j?.keys ?? [];
    const usable = keys.filter((k) => k.kty === 'RSA' && k.rsa);
    const endorsed = usable.filter((k) => k.endorsements?.includes(TEAMS_CHANNEL_ID));
    const evidence: JsonObject = {
      cloud: e.cloud,
      metadataUrl: e.expected.metadataUrl,
      metadata: {
        via: m.via, ok: m.ok, ...(m.status !== undefined ? { status: m.status } : {}), ...(m.ms !== undefined ? { ms: m.ms } : {}),
        ...(m.issuer ? { issuer: m.issuer } : {}), ...(m.jwksUri ? { jwksUri: m.jwksUri } : {}), ...(m.algorithms ? { algorithms: m.algorithms } : {}),
        ...(m.error ? { error: m.error.osCode ?? m.error.code, failedPhase: m.failedPhase ?? null } : {}),
      },
      ...(j ? {
        jwks: {
          url: j.url, from: j.from, ok: j.ok, ...(j.status !== undefined ? { status: j.status } : {}),
          keyCount: keys.length, rsaKeys: usable.length, msteamsKeys: endorsed.length,
          keys: keys.map((k) => ({ kid: k.kid, kty: k.kty, endorsements: k.endorsements })),
          ...(j.error ? { error: j.error.osCode ?? j.error.code } : {}),
        },
      } : {}),
    };
    const details: Detail[] = keys.map((k) => ({
      path: `key ${k.kid ?? '(no kid)'}`,
      status: k.kty === 'RSA' && k.rsa ? (k.endorsements?.includes(TEAMS_CHANNEL_ID) ? 'pass' : 'warn') : 'warn',
      message: `${k.kty ?? 'no kty'}${k.rsa ? '' : ' without n/e (ignored by the SDK)'}; endorsements: ${k.endorsements ? (k.endorsements.join(', ') || 'none') : 'absent'}.`,
    }));
    const base: MessageData = { metadataUrl: e.expected.metadataUrl, jwksUrl: j?.url ?? e.expected.jwksUrl };
    if (!m.ok) return { status: 'fail', messageId: 'metadataUnreachable', data: { ...base, problem: fetchProblem(m) }, evidence, details };
    if (!m.json || m.parseError) return { status: 'fail', messageId: 'metadataMalformed', data: { ...base, problem: `it is not JSON (${m.parseError ?? 'not an object'})` }, evidence, details };
    if (!m.jwksUri) return { status: 'fail', messageId: 'metadataMalformed', data: { ...base, problem: 'it has no jwks_uri' }, evidence, details };
    if (!j || !j.ok) return { status: 'fail', messageId: 'jwksUnreachable', data: { ...base, problem: j ? fetchProblem(j) : 'not fetched' }, evidence, details };
    if (!j.json) return { status: 'fail', messageId: 'jwksMalformed', data: { ...base, problem: j.parseError ?? 'no keys array' }, evidence, details };
    if (usable.length === 0) return { status: 'fail', messageId: 'jwksMalformed', data: { ...base, problem: `none of its ${keys.length} keys is an RSA key with n and e` }, evidence, details };
    if (j.from === 'documented') {
      return { status: 'warn', messageId: 'jwksUriUnexpected', data: { ...base, jwksUri: m.jwksUri, keyCount: usable.length }, evidence, details };
    }
    if (m.issuer && m.issuer !== e.expected.issuer) {
      return { status: 'warn', messageId: 'issuerUnexpected', data: { ...base, issuer: m.issuer, expectedIssuer: e.expected.issuer }, evidence, details };
    }
    if (endorsed.length === 0) return { status: 'warn', messageId: 'noMsteamsEndorsement', data: { ...base, keyCount: usable.length }, evidence, details };
    return { status: 'pass', messageId: 'ok', data: { ...base, keyCount: usable.length, msteamsKeys: endorsed.length }, evidence, details };
  },
});
