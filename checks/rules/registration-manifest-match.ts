import type {} from '../computed/registration-model'; // its EvidenceMap entry (types only: rules do no I/O)
import { defineCheck } from '../core/define-check';
import type { MessageData } from '../core/types';
import { GUID_TEXT, sameId } from '../computed/identifiers';
import type {} from '../gather/registration-manifest';

const BOTID_RESOURCE = new RegExp(`botid-(${GUID_TEXT})`, 'i');

export default defineCheck({
  meta: {
    id: 'registration-manifest-match',
    suite: 'registration',
    title: 'Manifest bot id is the registration\'s app id',
    failureTitle: 'Manifest bot id does not match the registration',
    description:
      'Teams routes a bot\'s messages by the bot id in the app manifest (bots[].botId, and composeExtensions[].botId for a message extension), which must be the msaAppId of the Azure Bot resource. '
      + 'A mismatch gives "invalid BotId" errors or a bot that never answers in Teams. Bot SSO in the manifest (webApplicationInfo) must name the same id.',
    severity: 'error',
    requiredEvidence: ['AzureRegistration', 'RegistrationManifest'],
    messages: {
      matches: 'The manifest botId {{botId}} is the registration\'s msaAppId.',
      noManifest: 'No manifest was given, so the manifest botId cannot be compared with msaAppId.',
      unreadable: 'The manifest could not be read, so its botId cannot be compared (see manifest-json and manifest-package-layout).',
      noAppId: 'The registration has no msaAppId to compare with (see registration-tenant).',
      noBot: 'The manifest declares no bot and no bot-based message extension, so Teams never calls this registration.',
      mismatch: 'The manifest botId {{botId}} is not the registration\'s msaAppId {{appId}}.',
      ssoMismatch: 'The manifest\'s webApplicationInfo.resource {{resource}} names another bot than the registration\'s app id {{appId}}.',
    },
    remediation: {
      noBot: 'Add a bots entry (or a message extension) whose botId is {{appId}} to the manifest, or pass the manifest of the app that contains this bot.',
      mismatch: 'Set the bot id in the manifest (bots[0].botId, or composeExtensions[0].botId for a message extension) to {{appId}} (the Azure Bot\'s Microsoft App ID), bump the app version and upload the package again; or check you are testing the right Azure Bot.',
      ssoMismatch: 'For bot SSO set webApplicationInfo.resource to api://botid-{{appId}} (or api://<domain>/botid-{{appId}} for a bot with a tab), matching the application ID URI exposed in Entra ID.',
    },
    sources: [
      { title: 'Teams app manifest schema: bots[].botId', url: 'https://learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema#bots' },
      { title: 'Teams platform: update the app manifest for bot SSO (webApplicationInfo)', url: 'https://learn.microsoft.com/microsoftteams/platform/bots/how-to/authentication/bot-sso-manifest' },
      { title: 'Azure REST API: Bots - Get (2022-09-15), msaAppId', url: 'https://learn.microsoft.com/rest/api/botservice/bots/get?view=rest-botservice-2022-09-15' },
    ],
  },
  evaluate({ AzureRegistration: reg, RegistrationManifest: manifest }) {
    const appId = reg.msaAppId;
    const evidence = {
      msaAppId: appId ?? null,
      manifestProvided: manifest.provided,
      manifestBotIds: manifest.botIds,
      webApplicationInfo: manifest.webApplicationInfo ?? null,
    };
    if (!manifest.provided) return { status: 'skip', messageId: 'noManifest', evidence };
    if (!manifest.readable) return { status: 'skip', messageId: 'unreadable', evidence };
    if (!appId) return { status: 'skip', messageId: 'noAppId', evidence };
    if (manifest.botIds.length === 0) return { status: 'fail', messageId: 'noBot', data: { appId } as MessageData, evidence };
    const match = manifest.botIds.find((id) => sameId(id, appId));
    if (!match) return { status: 'fail', messageId: 'mismatch', data: { botId: manifest.botIds.join(', '), appId } as MessageData, evidence };
    const sso = manifest.webApplicationInfo;
    const resourceId = sso?.resource ? BOTID_RESOURCE.exec(sso.resource)?.[1] : undefined;
    if (sso && resourceId && !sameId(resourceId, appId)) {
      return { status: 'fail', messageId: 'ssoMismatch', data: { resource: sso.resource ?? '(none)', appId } as MessageData, evidence };
    }
    return { status: 'pass', messageId: 'matches', data: { botId: match } as MessageData, evidence };
  },
});
