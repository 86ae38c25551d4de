import { defineCheck, type TypedOutcome } from '../core/define-check';
import { parsedManifestGuard } from '../computed/guards';
import type { JsonObject } from '../core/types';
import { SOURCES } from '../data/sources';
import { namedBotIds } from '../manifest/bot-ids';
import { hasPlaceholder, placeholderName, placeholdersIn } from '../manifest/template';
import { isGuid, sameGuid } from '../manifest/version-rules';
import { GUID_TEXT } from '../computed/identifiers';
import type {} from '../gather/manifest';
import { isJsonObject } from '../computed/json';

const messages = {
  okBot: 'webApplicationInfo is set up for bot and message-extension SSO: resource "{{resource}}" names bot {{botId}}.',
  okBotSeparateApp: 'webApplicationInfo.resource "{{resource}}" names bot {{botId}}; webApplicationInfo.id {{id}} is a separate Entra app (as a managed-identity bot needs).',
  okTab: 'webApplicationInfo is set up for tab SSO: resource "{{resource}}" is the application ID URI of Entra app {{id}} on {{host}}; the bot, if any, does not use it.',
  noSso: 'The manifest has no webApplicationInfo, so single sign-on is not configured.',
  template: 'webApplicationInfo holds a placeholder ({{name}}) that is filled in when the app package is built; check the built manifest (see manifest-schema).',
  idNotGuid: 'webApplicationInfo.id "{{id}}" is not a GUID; it must be the Application (client) ID of the Entra app.',
  noResource: 'webApplicationInfo has no resource, so single sign-on is not configured (webApplicationInfo.id {{id}} still names the Entra app, for example for resource-specific consent).',
  notSso: 'webApplicationInfo.resource "{{resource}}" is not an application ID URI (api://...), so it is not the tab, bot or message-extension SSO that Teams documents (an app that does not use SSO may put a placeholder URL there).',
  scopeSuffix: 'webApplicationInfo.resource "{{resource}}" ends with the scope "{{suffix}}"; the resource is the application ID URI alone ("{{uri}}"), without a scope.',
  botMismatch: 'webApplicationInfo.resource "{{resource}}" names bot {{resourceBotId}}, but the manifest\'s bot id is {{botId}}.',
  noBotForResource: 'webApplicationInfo.resource "{{resource}}" is a bot SSO URI, but the manifest declares no bot or bot-based message extension.',
  tabIdMismatch: 'webApplicationInfo.resource "{{resource}}" names app {{resourceAppId}}, but webApplicationInfo.id is {{id}}; for tab SSO both are the same Entra app.',
  defaultUri: 'webApplicationInfo.resource "{{resource}}" is Entra\'s default application ID URI (api://<app id>); Teams SSO needs the app\'s domain in it: "api://<your domain>/{{id}}" for a tab, "api://botid-<bot id>" for a bot.',
  otherForm: 'webApplicationInfo.resource "{{resource}}" is an application ID URI of neither documented form: "api://<your domain>/<app id>" (tab SSO) or "api://botid-<bot id>" / "api://<your domain>/botid-<bot id>" (bot and message-extension SSO).',
};



export type SsoResource =
  | { form: 'bot'; botId: string; host?: string; suffix?: string; uri: string }
  | { form: 'tab'; appId: string; host: string; suffix?: string; uri: string }
  | { form: 'default'; appId: string }
  | { form: 'other' }
  | { form: 'not-api' };

/**
 * Tells the documented forms of webApplicationInfo.resource apart:
 * - bot and message-extension SSO: api://botid-{botId}, or api://{domain}/botid-{botId} when a tab shares it
 * - tab SSO: api://{domain}/{appId}
 * - api://{appId} alone is Entra's default URI, which Teams SSO does not use
 * A trailing "/scope" (e.g. /access_as_user) is reported separately: the resource has none.
 */
export function classifySsoResource(resource: string): SsoResource {
  const r = resource.trim();
  if (!/^api:\/\//i.test(r)) return { form: 'not-api' };
  const bot = new RegExp(`^(api://(?:([^/\\s]+)/)?botid-(${GUID_TEXT}))(/.*)?$`, 'i').exec(r);
  if (bot) return { form: 'bot', uri: bot[1] as string, botId: bot[3] as string, ...(bot[2] ? { host: bot[2] } : {}), ...(bot[4] && bot[4] !== '/' ? { suffix: (bot[4] as string).slice(1) } : {}) };
  const tab = new RegExp(`^(api://([^/\\s]+)/(${GUID_TEXT}))(/.*)?$`, 'i').exec(r);
  if (tab) return { form: 'tab', uri: tab[1] as string, host: tab[2] as string, appId: tab[3] as string, ...(tab[4] && tab[4] !== '/' ? { suffix: (tab[4] as string).slice(1) } : {}) };
  const def = new RegExp(`^api://(${GUID_TEXT})/?$`, 'i').exec(r);
  if (def) return { form: 'default', appId: def[1] as string };
  return { form: 'other' };
}

/** Kept for the registration checks: the bot id an api://botid-{id} resource names. */
export function parseBotSsoResource(resource: string): { botId: string; host?: string } | undefined {
  const c = classifySsoResource(resource);
  return c.form === 'bot' ? { botId: c.botId, ...(c.host ? { host: c.host } : {}) } : undefined;
}

export default defineCheck({
  meta: {
    id: 'manifest-sso',
    suite: 'manifest',
    title: 'webApplicationInfo fits the single sign-on the app uses',
    failureTitle: 'webApplicationInfo does not fit the app\'s single sign-on',
    description: 'webApplicationInfo names the Entra app (id) and, for single sign-on, its application ID URI (resource). Teams documents one form per capability: api://{domain}/{appId} for tab SSO, api://botid-{botId} (or api://{domain}/botid-{botId} when a tab shares it) for bot and message-extension SSO. A resource that does not match the app and bot it names makes the token exchange fail, and users are asked to sign in instead of being signed in silently. A resource that is not an api:// URI means the app does no SSO.',
    severity: 'error',
    requiredEvidence: ['Manifest'],
    guards: [parsedManifestGuard()],
    messages,
    remediation: {
      idNotGuid: 'Set webApplicationInfo.id to the Application (client) ID of the Entra app registration, usually the bot\'s own app id.',
      scopeSuffix: 'Set webApplicationInfo.resource to "{{uri}}" (drop "/{{suffix}}"); the scope is configured in Entra ID > Expose an API, not in the manifest.',
      botMismatch: 'Make the resource name the same bot as the manifest\'s bot id: "api://botid-{{botId}}", and use the same URI in Entra ID > Expose an API.',
      noBotForResource: 'Add the bot (bots[].botId or composeExtensions[].botId) that the resource names, or, for tab SSO, use "api://<your domain>/<app id>".',
      tabIdMismatch: 'Use the same Entra app in both places: webApplicationInfo.id and the GUID at the end of the application ID URI you exposed in Entra ID.',
      defaultUri: 'In Entra ID > Expose an API, set the application ID URI to "api://<your domain>/{{id}}" (tab) or "api://botid-<bot id>" (bot), and put the same URI in webApplicationInfo.resource.',
      otherForm: 'Use "api://<your domain>/<app id>" for tab SSO or "api://botid-<bot id>" for bot SSO, exactly as exposed in Entra ID.',
    },
    sources: [SOURCES.tabSsoManifest, SOURCES.botSsoManifest, SOURCES.messageExtensionSso, SOURCES.webApplicationInfo],
  },
  evaluate({ Manifest }): TypedOutcome<keyof typeof messages> {
    const m = Manifest.manifest;
    const wai = m.webApplicationInfo;
    if (!isJsonObject(wai)) return { status: 'skip', messageId: 'noSso' };
    const id = typeof wai.id === 'string' ? wai.id : '';
    const resource = typeof wai.resource === 'string' ? wai.resource : '';
    const placeholder = [id, resource].find((v) => hasPlaceholder(v));
    if (placeholder !== undefined) return { status: 'skip', messageId: 'template', data: { name: placeholderName(placeholdersIn(placeholder)[0]?.text ?? placeholder) }, evidence: { id, resource } };
    const botIds = namedBotIds(m).map((n) => n.value).filter((v): v is string => isGuid(v));
    const evidence = { id, resource, botIds, form: '' };
    const at = (path: string, message: string, status: 'fail' | 'warn' = 'fail') => [{ message, path, status }];
    if (!isGuid(id)) return { status: 'fail', messageId: 'idNotGuid', data: { id }, evidence, details: at('/webApplicationInfo/id', 'not a GUID') };
    if (!resource) return { status: 'info', messageId: 'noResource', data: { id }, evidence: { ...evidence, form: 'none' } };
    const c = classifySsoResource(resource);
    evidence.form = c.form;
    if (c.form === 'not-api') return { status: 'info', messageId: 'notSso', data: { resource }, evidence };
    if (c.form === 'default') return { status: 'warn', messageId: 'defaultUri', data: { resource, id }, evidence, details: at('/webApplicationInfo/resource', 'api://<app id> has no domain', 'warn') };
    if (c.form === 'other') return { status: 'warn', messageId: 'otherForm', data: { resource }, evidence, details: at('/webApplicationInfo/resource', 'not a documented SSO form', 'warn') };
    if (c.suffix) return { status: 'fail', messageId: 'scopeSuffix', data: { resource, suffix: c.suffix, uri: c.uri }, evidence, details: at('/webApplicationInfo/resource', `drop "/${c.suffix}"`) };
    if (c.form === 'tab') {
      if (!sameGuid(c.appId, id)) return { status: 'warn', messageId: 'tabIdMismatch', data: { resource, resourceAppId: c.appId, id }, evidence, details: at('/webApplicationInfo/resource', `expected /${id}`, 'warn') };
      return { status: 'pass', messageId: 'okTab', data: { resource, id, host: c.host }, evidence };
    }
    if (botIds.length === 0) return { status: 'warn', messageId: 'noBotForResource', data: { resource }, evidence, details: at('/webApplicationInfo/resource', 'no bot in the manifest', 'warn') };
    const botId = botIds.find((b) => sameGuid(b, c.botId));
    if (!botId) {
      return { status: 'fail', messageId: 'botMismatch', data: { resource, resourceBotId: c.botId, botId: botIds[0] as string }, evidence, details: at('/webApplicationInfo/resource', `expected botid-${botIds[0]}`) };
    }
    if (!sameGuid(id, botId)) return { status: 'pass', messageId: 'okBotSeparateApp', data: { resource, botId, id }, evidence };
    return { status: 'pass', messageId: 'okBot', data: { resource, botId }, evidence };
  },
});
