import { describe, expect, it } from 'vitest';
import { runCheckTable } from '../testing/check-tester';
import check, { classifySsoResource, parseBotSsoResource } from './manifest-sso';
import { zipSync } from 'fflate';
import { baseEvidence, bytesEvidence, editedEvidence } from '../testing/manifests/evidence';
import { colorIcon, outlineIcon } from '../testing/manifests/png-encode';
import { APP_ID, BOT_ID, ENTRA_APP_ID } from '../testing/manifests/corpus';

const wai = (w: Record<string, unknown>) => editedEvidence('bot-sso', '1.30', (m) => { m.webApplicationInfo = w as never; });

runCheckTable(check, {
  valid: [
    { name: 'a package without manifest.json', evidence: bytesEvidence(zipSync({ 'color.png': colorIcon(), 'outline.png': outlineIcon() })), status: 'skip', messageId: 'noManifest' },
    { name: 'api://botid-{id}', evidence: baseEvidence('bot-sso', '1.30'), messageId: 'okBot' },
    { name: 'api://{domain}/botid-{id}', evidence: baseEvidence('tab-and-bot-sso', '1.30'), messageId: 'okBot' },
    { name: 'separate Entra app (managed identity bot)', evidence: wai({ id: ENTRA_APP_ID, resource: `api://botid-${BOT_ID}` }), messageId: 'okBotSeparateApp' },
    { name: 'upper-case GUID in the resource', evidence: wai({ id: BOT_ID, resource: `api://botid-${BOT_ID.toUpperCase()}` }), messageId: 'okBot' },
    { name: 'tab SSO in an app whose bot does no SSO', evidence: wai({ id: ENTRA_APP_ID, resource: `api://contoso.com/${ENTRA_APP_ID}` }), messageId: 'okTab', data: { host: 'contoso.com' } },
    { name: 'message-extension SSO: the resource names composeExtensions[].botId', evidence: editedEvidence('bot-sso', '1.30', (m) => { m.composeExtensions = [{ botId: APP_ID, commands: [] }]; delete m.bots; m.webApplicationInfo = { id: APP_ID, resource: `api://botid-${APP_ID}` }; }), messageId: 'okBot' },
    { name: 'RSC-only webApplicationInfo', evidence: baseEvidence('channel-messages-rsc', '1.30'), status: 'info', messageId: 'notSso' },
    { name: 'no resource (webApplicationInfo for RSC only)', evidence: wai({ id: BOT_ID }), status: 'info', messageId: 'noResource' },
    { name: 'no webApplicationInfo', evidence: baseEvidence('hello-world-bot', '1.30'), status: 'skip', messageId: 'noSso' },
    { name: 'toolkit placeholders', evidence: wai({ id: '${{AAD_APP_CLIENT_ID}}', resource: 'api://botid-${{BOT_ID}}' }), status: 'skip', messageId: 'template' },
  ],
  invalid: [
    { name: 'resource names another bot', evidence: wai({ id: BOT_ID, resource: `api://botid-${APP_ID}` }), status: 'fail', messageId: 'botMismatch', data: { resourceBotId: APP_ID } },
    { name: 'bot SSO URI with a scope suffix', evidence: wai({ id: BOT_ID, resource: `api://botid-${BOT_ID}/access_as_user` }), status: 'fail', messageId: 'scopeSuffix', data: { suffix: 'access_as_user', uri: `api://botid-${BOT_ID}` } },
    { name: 'tab SSO URI with a scope suffix', evidence: wai({ id: BOT_ID, resource: `api://contoso.com/${BOT_ID}/access_as_user` }), status: 'fail', messageId: 'scopeSuffix' },
    { name: 'tab SSO URI names another app than webApplicationInfo.id', evidence: wai({ id: BOT_ID, resource: `api://contoso.com/${APP_ID}` }), status: 'warn', messageId: 'tabIdMismatch' },
    { name: 'bot SSO URI but no bot', evidence: editedEvidence('bot-sso', '1.30', (m) => { delete m.bots; }), status: 'warn', messageId: 'noBotForResource' },
    { name: "Entra's default URI api://{id}", evidence: wai({ id: BOT_ID, resource: `api://${BOT_ID}` }), status: 'warn', messageId: 'defaultUri' },
    { name: 'some other api:// URI', evidence: wai({ id: BOT_ID, resource: 'api://contoso.com/my-api' }), status: 'warn', messageId: 'otherForm' },
    { name: 'id is not a GUID', evidence: wai({ id: 'contoso-bot', resource: `api://botid-${BOT_ID}` }), status: 'fail', messageId: 'idNotGuid' },
  ],
});

describe('parseBotSsoResource', () => {
  it.each([
    [`api://botid-${BOT_ID}`, { botId: BOT_ID }],
    [`api://contoso.ngrok.app/botid-${BOT_ID}`, { botId: BOT_ID, host: 'contoso.ngrok.app' }],
    [`api://botid-${BOT_ID}/`, { botId: BOT_ID }],
    [`https://botid-${BOT_ID}`, undefined],
    ['api://botid-not-a-guid-at-all-000000000000000', undefined],
  ])('%s', (resource, expected) => {
    expect(parseBotSsoResource(resource)).toEqual(expected);
  });
});

describe('classifySsoResource', () => {
  it.each([
    [`api://botid-${BOT_ID}`, 'bot'],
    [`api://app.contoso.com/botid-${BOT_ID}/access_as_user`, 'bot'],
    [`api://app.contoso.com/${BOT_ID}`, 'tab'],
    [`api://${BOT_ID}`, 'default'],
    ['api://contoso.com/my-api', 'other'],
    ['https://example', 'not-api'],
  ])('%s is %s', (resource, form) => {
    expect(classifySsoResource(resource).form).toBe(form);
  });
});
