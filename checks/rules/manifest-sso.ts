import { defineCheck, type TypedOutcome } from '../core/define-check';
import { SOURCES } from '../manifest/sources';
import { isGuid, sameGuid } from '../manifest/version-rules';
import type {} from '../gather/manifest';

const messages = {
  ok: 'webApplicationInfo is set up for bot SSO: resource "{{resource}}" names bot {{botId}}.',
  okSeparateApp: 'webApplicationInfo.resource "{{resource}}" names bot {{botId}}; webApplicationInfo.id {{id}} is a separate Entra app (as a managed-identity bot needs).',
  noManifest: 'There is no parsed manifest (see manifest-json).',
  noSso: 'The manifest has no webApplicationInfo, so single sign-on is not configured.',
  noBot: 'webApplicationInfo is set but the manifest declares no bot; bot SSO does not apply.',
  idNotGuid: 'webApplicationInfo.id "{{id}}" is not a GUID; it must be the Application (client) ID of the Entra app.',
  noResource: 'webApplicationInfo has no resource; bot SSO needs the application ID URI, "api://botid-{{botId}}" (or "api://<your domain>/botid-{{botId}}" when a tab shares it).',
  resourceBotMismatch: 'webApplicationInfo.resource "{{resource}}" names bot {{resourceBotId}}, but the manifest\'s bot is {{botId}}.',
  resourceForm: 'webApplicationInfo.resource "{{resource}}" is an application ID URI but not a bot SSO form; Teams bot SSO uses "api://botid-{{botId}}" or "api://<your domain>/botid-{{botId}}".',
  notBotSso: 'webApplicationInfo is set with resource "{{resource}}", which is not an application ID URI, so bot SSO is not configured (this form is used for resource-specific consent only).',
};

/** Parses api://botid-{id} and api://{host}/botid-{id}. */
export function parseBotSsoResource(resource: string): { botId: string; host?: string } | undefined {
  const m = /^api:\/\/(?:([^/\s]+)\/)?botid-([0-9a-fA-F-]{36})$/.exec(resource.trim());
  if (!m || !isGuid(m[2])) return undefined;
  return { botId: m[2] as string, ...(m[1] ? { host: m[1] } : {}) };
}

export default defineCheck({
  meta: {
    id: 'manifest-sso',
    suite: 'manifest',
    title: 'webApplicationInfo matches the bot for single sign-on',
    failureTitle: 'webApplicationInfo does not match the bot',
    description: 'For bot single sign-on, webApplicationInfo names the Entra app (id) and its application ID URI (resource), which for a bot is api://botid-{botId} or api://{subdomain}/botid-{botId}. If they do not match the Entra app, the SSO token exchange cannot succeed and users are asked to sign in instead of being signed in silently.',
    severity: 'error',
    requiredEvidence: ['Manifest'],
    messages,
    remediation: {
      idNotGuid: 'Set webApplicationInfo.id to the Application (client) ID of the Entra app registration, usually the bot\'s own app id ({{botId}}).',
      noResource: 'Set webApplicationInfo.resource to the application ID URI you exposed in Entra ID (Expose an API), e.g. "api://botid-{{botId}}".',
      resourceBotMismatch: 'Make the resource name the same bot as bots[].botId: "api://botid-{{botId}}", and use the same URI in Entra ID > Expose an API.',
      resourceForm: 'Expose the API in Entra ID with the URI "api://botid-{{botId}}" (or "api://<your domain>/botid-{{botId}}" if a tab uses SSO too) and put the same URI in webApplicationInfo.resource.',
    },
    sources: [SOURCES.botSsoManifest, SOURCES.manifestSchema],
  },
  evaluate({ Manifest }): TypedOutcome<keyof typeof messages> {
    const m = Manifest.manifest;
    if (!m) return { status: 'skip', messageId: 'noManifest' };
    const wai = m.webApplicationInfo;
    if (typeof wai !== 'object' || wai === null || Array.isArray(wai)) return { status: 'skip', messageId: 'noSso' };
    const bot = Array.isArray(m.bots) ? m.bots.find((b) => typeof b === 'object' && b !== null && !Array.isArray(b) && typeof b.botId === 'string') : undefined;
    if (!bot || typeof bot !== 'object' || Array.isArray(bot) || bot === null) return { status: 'skip', messageId: 'noBot' };
    const botId = String(bot.botId);
    const id = typeof wai.id === 'string' ? wai.id : '';
    const resource = typeof wai.resource === 'string' ? wai.resource : '';
    const evidence = { id, resource, botId };
    if (!isGuid(id)) return { status: 'fail', messageId: 'idNotGuid', data: { id, botId }, evidence, details: [{ message: 'not a GUID', path: '/webApplicationInfo/id', status: 'fail' }] };
    if (!resource) return { status: 'fail', messageId: 'noResource', data: { botId }, evidence, details: [{ message: 'missing', path: '/webApplicationInfo', status: 'fail' }] };
    const parsed = parseBotSsoResource(resource);
    if (!parsed && !/^api:\/\//i.test(resource.trim())) return { status: 'info', messageId: 'notBotSso', data: { resource }, evidence };
    if (!parsed) return { status: 'fail', messageId: 'resourceForm', data: { resource, botId }, evidence, details: [{ message: 'not api://botid-{id} or api://{domain}/botid-{id}', path: '/webApplicationInfo/resource', status: 'fail' }] };
    if (!sameGuid(parsed.botId, botId)) {
      return { status: 'fail', messageId: 'resourceBotMismatch', data: { resource, resourceBotId: parsed.botId, botId }, evidence, details: [{ message: `expected botid-${botId}`, path: '/webApplicationInfo/resource', status: 'fail' }] };
    }
    if (!sameGuid(id, botId)) return { status: 'pass', messageId: 'okSeparateApp', data: { resource, botId, id }, evidence };
    return { status: 'pass', messageId: 'ok', data: { resource, botId }, evidence };
  },
});
