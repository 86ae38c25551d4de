import { defineCheck, type TypedOutcome } from '../core/define-check';
import { parsedManifestGuard } from '../computed/guards';
import type { Detail } from '../core/types';
import { SOURCES } from '../data/sources';
import { isSchemaVersion } from '../manifest/schemas';
import { botLimits } from '../manifest/version-rules';
import type {} from '../gather/manifest';
import { hasPlaceholder, placeholderName } from '../manifest/template';

/** Microsoft's Teams authentication sample, pinned: "This must be included in any bot that uses the Bot Framework OAuth flow." */
/** The published schemas, pinned: validDomains maxItems per version. */
const SCHEMA_FILES = { title: 'Published Teams manifest JSON schemas (microsoft/json-schemas, teams/)', url: 'https://github.com/microsoft/json-schemas/tree/f21bbae81cda5334962897911d27b4d218753b7e/teams' };
const AUTH_SAMPLE = { title: 'Microsoft Teams sample (bot-teams-authentication): token.botframework.com must be in validDomains for the Bot Framework OAuth flow', url: 'https://github.com/OfficeDev/Microsoft-Teams-Samples/blob/64b1a9a917abe1abb8a9b2a53da93822e49c4c14/samples/bot-teams-authentication/nodejs/README.md' };

/** Hosts of the Bot Framework token service that serve OAuth sign-in (public, regional, government, China). */
const TOKEN_HOSTS = [
  'token.botframework.com', 'europe.token.botframework.com', 'unitedstates.token.botframework.com', 'india.token.botframework.com',
  'token.botframework.azure.us', 'tokengcch.botframework.azure.us', 'apidod.botframework.azure.us', 'token.botframework.azure.cn',
];

/** True when a validDomains entry covers a host (exact, or a leading *. wildcard). */
function covers(entry: string, host: string): boolean {
  const e = entry.trim().toLowerCase();
  if (e === host) return true;
  return e.startsWith('*.') && host.endsWith(e.slice(1));
}

const messages = {
  ok: '{{count}} valid domain(s), each a bare host name{{tokenNote}}.',
  template: 'Every validDomains entry is a placeholder ({{entries}}), filled in when the app package is built; check the built manifest (see manifest-schema).',
  none: 'The manifest lists no validDomains and configures no bot single sign-on.',
  scheme: 'validDomains entry "{{entry}}" includes a scheme; entries are host names only (e.g. "{{host}}").',
  path: 'validDomains entry "{{entry}}" includes a path, query or fragment; entries are host names only (e.g. "{{host}}").',
  malformed: 'validDomains entry "{{entry}}" is not a host name.',
  tooMany: 'The manifest lists {{count}} validDomains; v{{version}} allows at most {{max}} (v1.28 raised the limit from 16 to 100).',
  tokenMissing: 'The manifest configures bot single sign-on (webApplicationInfo.resource "{{resource}}") but validDomains does not include token.botframework.com. Microsoft\'s guide to adding authentication to a Teams bot lists it in validDomains, and its sample says it must be included in any bot that uses the Bot Framework OAuth flow.',
};

export default defineCheck({
  meta: {
    id: 'manifest-valid-domains',
    suite: 'manifest',
    title: 'validDomains are bare host names and include the token service when sign-in is used',
    failureTitle: 'validDomains are malformed or miss token.botframework.com',
    description: 'validDomains lists the hosts Teams lets the app open. Entries are host names without https:// or a path, and the count is capped by the manifest version. Microsoft\'s authentication guide and sample say a bot that uses the Bot Framework OAuth flow must list token.botframework.com; the manifest shows that flow only through a bot SSO resource, so a missing entry warns.',
    severity: 'error',
    requiredEvidence: ['Manifest'],
    guards: [parsedManifestGuard()],
    messages,
    remediation: {
      scheme: 'Write the host only: "{{host}}" (no https://).',
      path: 'Write the host only: "{{host}}" (no path); Teams allows every path on a listed host.',
      malformed: 'Use a host name such as "contoso.com" or "*.contoso.com".',
      tooMany: 'Keep at most {{max}} entries, using wildcards such as "*.contoso.com" where they fit, or raise manifestVersion to 1.28 or later (100 entries).',
      tokenMissing: 'Add "token.botframework.com" to validDomains (or the token host of your bot\'s region or cloud). If the bot never uses Bot Framework OAuth sign-in, this warning does not apply.',
    },
    sources: [SOURCES.manifestSchema, SOURCES.addAuthentication, AUTH_SAMPLE, SCHEMA_FILES],
  },
  evaluate({ Manifest }): TypedOutcome<keyof typeof messages> {
    const m = Manifest.manifest;
    const domains = Array.isArray(m.validDomains) ? m.validDomains.filter((d): d is string => typeof d === 'string') : [];
    // Sign-in detection: the manifest cannot show whether the bot sends OAuth cards. What it does
    // show is bot SSO: webApplicationInfo.resource in the api://botid-{id} or
    // api://{domain}/botid-{id} form, and bot SSO runs through the Bot Framework token service
    // (the OAuth card's token exchange). webApplicationInfo with any other resource is also used
    // for RSC alone, so it does not count.
    const hasBot = Array.isArray(m.bots) && m.bots.length > 0;
    const wai = m.webApplicationInfo;
    const resource = typeof wai === 'object' && wai !== null && !Array.isArray(wai) && typeof wai.resource === 'string' ? wai.resource : '';
    const usesSignIn = hasBot && /^api:\/\/([^/\s]+\/)?botid-/i.test(resource.trim());
    const evidence = { validDomains: domains.slice(0, 100), count: domains.length, signInDetected: usesSignIn };
    if (domains.length === 0 && !usesSignIn) return { status: 'pass', messageId: 'none', evidence };
    const details: Detail[] = [];
    // A template's placeholders (${{BOT_DOMAIN}}, <your ngrok url>) are filled in at build time: not judged here.
    const placeholders = domains.filter((d) => hasPlaceholder(d));
    if (placeholders.length && placeholders.length === domains.length && !usesSignIn) {
      return { status: 'skip', messageId: 'template', data: { entries: placeholders.slice(0, 5).map(placeholderName).join(', ') }, evidence };
    }
    for (const [i, entry] of domains.entries()) {
      const path = `/validDomains/${i}`;
      if (hasPlaceholder(entry)) { details.push({ message: `a placeholder (${placeholderName(entry)}), filled in when the package is built`, path, status: 'info' }); continue; }
      const trimmed = entry.trim();
      const schemeMatch = /^[a-z][a-z0-9+.-]*:\/\//i.exec(trimmed);
      const withoutScheme = schemeMatch ? trimmed.slice(schemeMatch[0].length) : trimmed;
      const host = withoutScheme.split(/[/?#]/)[0] ?? '';
      if (schemeMatch) return { status: 'fail', messageId: 'scheme', data: { entry, host }, evidence, details: [{ message: `remove "${schemeMatch[0]}"`, path, status: 'fail' }] };
      if (host !== withoutScheme) return { status: 'fail', messageId: 'path', data: { entry, host }, evidence, details: [{ message: 'remove the path', path, status: 'fail' }] };
      if (!/^(\*\.)?([a-z0-9_-]+\.)*[a-z0-9_-]+(:\d{1,5})?$/i.test(host) || host.includes('..')) {
        return { status: 'fail', messageId: 'malformed', data: { entry }, evidence, details: [{ message: 'not a host name', path, status: 'fail' }] };
      }
    }
    const version = m.manifestVersion;
    if (isSchemaVersion(version)) {
      const max = botLimits(version).validDomainsMax;
      if (domains.length > max) return { status: 'fail', messageId: 'tooMany', data: { count: domains.length, version, max }, evidence };
    }
    const tokenListed = domains.some((d) => TOKEN_HOSTS.some((h) => covers(d, h)));
    if (usesSignIn && !tokenListed) {
      details.push({ message: 'webApplicationInfo.resource is a bot SSO URI, so the bot uses Bot Framework sign-in', path: '/webApplicationInfo/resource', status: 'warn' });
      return { status: 'warn', messageId: 'tokenMissing', data: { resource }, evidence, details };
    }
    // Placeholders are listed in the details only: manifest-schema says once that the file is a template.
    return { status: 'pass', messageId: 'ok', data: { count: domains.length - placeholders.length, tokenNote: tokenListed ? ', token service listed' : '' }, evidence, ...(details.length ? { details } : {}) };
  },
});
