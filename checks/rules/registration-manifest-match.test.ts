import { runCheckTable } from '../testing/check-tester';
import { APP_ID, baseRegistration, manifestFor, noManifest, OTHER_ID } from '../testing/azure-mocks/fixtures';
import check from './registration-manifest-match';

runCheckTable(check, {
  base: { AzureRegistration: baseRegistration, RegistrationManifest: manifestFor() },
  valid: [
    { name: 'botId equals msaAppId', messageId: 'matches' },
    { name: 'compared case-insensitively', evidence: { RegistrationManifest: manifestFor(APP_ID.toUpperCase()) }, messageId: 'matches' },
    { name: 'bot SSO naming the bot id', evidence: { RegistrationManifest: manifestFor(APP_ID, { webApplicationInfo: { id: APP_ID, resource: `api://botid-${APP_ID}` } }) }, messageId: 'matches' },
    { name: 'SSO through a separate Entra app (managed-identity bots) is accepted', evidence: { RegistrationManifest: manifestFor(APP_ID, { webApplicationInfo: { id: OTHER_ID, resource: `api://bot.contoso.example/botid-${APP_ID}` } }) }, messageId: 'matches' },
    { name: 'tab SSO of another app is not judged here', evidence: { RegistrationManifest: manifestFor(APP_ID, { webApplicationInfo: { id: OTHER_ID, resource: `api://tab.contoso.example/${OTHER_ID}` } }) }, messageId: 'matches' },
    { name: 'no manifest skips', evidence: { RegistrationManifest: noManifest }, status: 'skip', messageId: 'noManifest' },
    { name: 'unreadable manifest skips', evidence: { RegistrationManifest: { readable: false, botIds: [] } }, status: 'skip', messageId: 'unreadable' },
    { name: 'no msaAppId skips', evidence: { AzureRegistration: { msaAppId: undefined } }, status: 'skip', messageId: 'noAppId' },
  ],
  invalid: [
    { name: 'botId differs', evidence: { RegistrationManifest: manifestFor(OTHER_ID) }, status: 'fail', messageId: 'mismatch', data: { botId: OTHER_ID, appId: APP_ID } },
    { name: 'manifest without bot', evidence: { RegistrationManifest: { botIds: [] } }, status: 'fail', messageId: 'noBot' },
    { name: 'SSO resource names another bot', evidence: { RegistrationManifest: manifestFor(APP_ID, { webApplicationInfo: { id: APP_ID, resource: `api://botid-${OTHER_ID}` } }) }, status: 'fail', messageId: 'ssoMismatch' },
  ],
});
