import { describe, expect, it } from 'vitest';
import { runCheckTable } from '../testing/check-tester';
import check, { parseBotSsoResource } from './manifest-sso';
import { baseEvidence, editedEvidence } from '../testing/manifests/evidence';
import { APP_ID, BOT_ID, ENTRA_APP_ID } from '../testing/manifests/corpus';

const wai = (w: Record<string, unknown>) => editedEvidence('bot-sso', '1.30', (m) => { m.webApplicationInfo = w as never; });

runCheckTable(check, {
  valid: [
    { name: 'api://botid-{id}', evidence: baseEvidence('bot-sso', '1.30'), messageId: 'ok' },
    { name: 'api://{domain}/botid-{id}', evidence: baseEvidence('tab-and-bot-sso', '1.30'), messageId: 'ok' },
    { name: 'separate Entra app (managed identity bot)', evidence: wai({ id: ENTRA_APP_ID, resource: `api://botid-${BOT_ID}` }), messageId: 'okSeparateApp' },
    { name: 'upper-case GUID in the resource', evidence: wai({ id: BOT_ID, resource: `api://botid-${BOT_ID.toUpperCase()}` }), messageId: 'ok' },
    { name: 'RSC-only webApplicationInfo', evidence: baseEvidence('channel-messages-rsc', '1.30'), status: 'info', messageId: 'notBotSso' },
    { name: 'no webApplicationInfo', evidence: baseEvidence('hello-world-bot', '1.30'), status: 'skip', messageId: 'noSso' },
    { name: 'no bot', evidence: editedEvidence('bot-sso', '1.30', (m) => { delete m.bots; }), status: 'skip', messageId: 'noBot' },
  ],
  invalid: [
    { name: 'resource names another app', evidence: wai({ id: BOT_ID, resource: `api://botid-${APP_ID}` }), status: 'fail', messageId: 'resourceBotMismatch', data: { resourceBotId: APP_ID } },
    { name: 'tab SSO URI without botid', evidence: wai({ id: BOT_ID, resource: `api://contoso.com/${BOT_ID}` }), status: 'fail', messageId: 'resourceForm' },
    { name: 'id is not a GUID', evidence: wai({ id: 'contoso-bot', resource: `api://botid-${BOT_ID}` }), status: 'fail', messageId: 'idNotGuid' },
    { name: 'no resource', evidence: wai({ id: BOT_ID }), status: 'fail', messageId: 'noResource' },
  ],
});

describe('parseBotSsoResource', () => {
  it.each([
    [`api://botid-${BOT_ID}`, { botId: BOT_ID }],
    [`api://contoso.ngrok.app/botid-${BOT_ID}`, { botId: BOT_ID, host: 'contoso.ngrok.app' }],
    [`api://botid-${BOT_ID}/`, undefined],
    [`https://botid-${BOT_ID}`, undefined],
    ['api://botid-not-a-guid-at-all-000000000000000', undefined],
  ])('%s', (resource, expected) => {
    expect(parseBotSsoResource(resource)).toEqual(expected);
  });
});
