/**
 * A corpus of realistic Teams app manifests for tests and the benchmark, written for this project
 * and shaped like the public Microsoft samples (OfficeDev/Microsoft-Teams-Samples: hello-world bot,
 * bot SSO quick start, receive channel messages with RSC, calling and meetings bot, proactive
 * notification bot, search message extension with bot, tab + bot SSO, Copilot agent bot).
 * Every sample is instantiated for every manifest version it fits (v1.11 to v1.30, no v1.18, and
 * devPreview) with the details that changed between versions (groupchat casing, copilot scope,
 * where RSC permissions live).
 */
import { RELEASED_VERSIONS, compareVersions, type SchemaVersion } from '../../manifest/schemas';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Manifest = { [key: string]: Json };

export const CORPUS_VERSIONS: readonly SchemaVersion[] = [
  ...RELEASED_VERSIONS.filter((v) => compareVersions(v, '1.11') >= 0),
  'devPreview',
];

export const BOT_ID = '8f7c1d2e-3b4a-4c5d-9e6f-0a1b2c3d4e5f';
export const APP_ID = '2d4b6f80-1a3c-4e5f-8a9b-0c1d2e3f4a5b';
export const ENTRA_APP_ID = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';

function schemaUrl(v: SchemaVersion): string {
  return `https://developer.microsoft.com/json-schemas/teams/${v === 'devPreview' ? 'vDevPreview' : `v${v}`}/MicrosoftTeams.schema.json`;
}

function atLeast(v: SchemaVersion, min: string): boolean {
  return compareVersions(v, min) >= 0;
}

function base(v: SchemaVersion, name: string, description: string): Manifest {
  return {
    $schema: schemaUrl(v),
    manifestVersion: v,
    version: '1.0.0',
    id: APP_ID,
    developer: {
      name: 'Contoso',
      websiteUrl: 'https://www.contoso.com',
      privacyUrl: 'https://www.contoso.com/privacy',
      termsOfUseUrl: 'https://www.contoso.com/termsofuse',
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    name: { short: name, full: `${name} for Microsoft Teams` },
    description: { short: description.slice(0, 80), full: `${description} This app is part of the botflow test corpus.` },
    accentColor: '#FFFFFF',
  };
}

/** groupChat, spelled the way a project of that era would (lower case was common before v1.17). */
function groupChat(v: SchemaVersion): string {
  return atLeast(v, '1.17') ? 'groupChat' : 'groupchat';
}

export interface CorpusEntry {
  name: string;
  version: SchemaVersion;
  manifest: Manifest;
}

type Sample = { name: string; minVersion?: string; build(v: SchemaVersion): Manifest };

const SAMPLES: Sample[] = [
  {
    name: 'hello-world-bot',
    build: (v) => ({
      ...base(v, 'Hello World', 'A bot that greets people and echoes what they say.'),
      bots: [{
        botId: BOT_ID,
        scopes: ['personal', 'team', groupChat(v)],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: [{
          scopes: ['personal', 'team', groupChat(v)],
          commands: [
            { title: 'hello', description: 'Say hello' },
            { title: 'help', description: 'Show what the bot can do' },
          ],
        }],
      }],
      permissions: ['identity', 'messageTeamMembers'],
      validDomains: [],
    }),
  },
  {
    name: 'bot-sso',
    build: (v) => ({
      ...base(v, 'SSO Bot', 'A bot that signs users in with single sign-on and calls Microsoft Graph.'),
      bots: [{ botId: BOT_ID, scopes: ['personal', 'team', groupChat(v)], supportsFiles: false, isNotificationOnly: false }],
      permissions: ['identity', 'messageTeamMembers'],
      validDomains: ['token.botframework.com', 'contoso-bot.azurewebsites.net'],
      webApplicationInfo: { id: BOT_ID, resource: `api://botid-${BOT_ID}` },
    }),
  },
  {
    name: 'channel-messages-rsc',
    build: (v) => ({
      ...base(v, 'RSC Bot', 'A bot that receives all channel and chat messages with resource-specific consent.'),
      bots: [{ botId: BOT_ID, scopes: ['personal', 'team', groupChat(v)], supportsFiles: false, isNotificationOnly: false }],
      validDomains: [],
      webApplicationInfo: { id: BOT_ID, resource: 'https://AnyString' },
      authorization: {
        permissions: {
          resourceSpecific: [
            { name: 'ChannelMessage.Read.Group', type: 'Application' },
            { name: 'ChatMessage.Read.Chat', type: 'Application' },
            { name: 'TeamMember.Read.Group', type: 'Application' },
          ],
        },
      },
    }),
  },
  {
    name: 'calling-bot',
    build: (v) => ({
      ...base(v, 'Calling Bot', 'A bot that joins Teams meetings and answers calls.'),
      bots: [{ botId: BOT_ID, scopes: ['personal', 'team', groupChat(v)], supportsCalling: true, supportsVideo: true, supportsFiles: false }],
      validDomains: ['contoso-calling.azurewebsites.net'],
    }),
  },
  {
    name: 'notification-bot',
    build: (v) => ({
      ...base(v, 'Notify', 'A notification-only bot that posts build and incident alerts.'),
      bots: [{ botId: BOT_ID, scopes: ['personal', 'team'], isNotificationOnly: true }],
      validDomains: [],
    }),
  },
  {
    name: 'search-extension-bot',
    build: (v) => ({
      ...base(v, 'Package Search', 'A bot with a search message extension for npm packages.'),
      bots: [{ botId: BOT_ID, scopes: ['personal', 'team', groupChat(v)] }],
      composeExtensions: [{
        botId: BOT_ID,
        canUpdateConfiguration: false,
        commands: [{
          id: 'searchQuery',
          context: ['compose', 'commandBox'],
          description: 'Search npm packages',
          title: 'Search',
          type: 'query',
          parameters: [{ name: 'searchQuery', title: 'Search Query', description: 'Package name', inputType: 'text' }],
        }],
      }],
      validDomains: ['*.contoso.com'],
    }),
  },
  {
    name: 'tab-and-bot-sso',
    build: (v) => ({
      ...base(v, 'Team Hub', 'A personal tab and a bot that share one single sign-on app registration.'),
      staticTabs: [{ entityId: 'home', name: 'Home', contentUrl: 'https://hub.contoso.com/tab', websiteUrl: 'https://hub.contoso.com', scopes: ['personal'] }],
      bots: [{ botId: BOT_ID, scopes: ['personal', 'team', groupChat(v)], supportsFiles: true }],
      validDomains: ['hub.contoso.com', 'token.botframework.com'],
      webApplicationInfo: { id: BOT_ID, resource: `api://hub.contoso.com/botid-${BOT_ID}` },
    }),
  },
  {
    name: 'copilot-agent-bot',
    minVersion: '1.21',
    build: (v) => ({
      ...base(v, 'Expense Agent', 'A custom engine agent that answers expense questions in Copilot and Teams.'),
      bots: [{
        botId: BOT_ID,
        scopes: ['copilot', 'personal'],
        commandLists: [{ scopes: ['copilot', 'personal'], commands: [{ title: 'Submit an expense', description: 'Start a new expense report with receipts' }] }],
      }],
      validDomains: [],
    }),
  },
];

/** Every sample for every version it fits. */
export function validCorpus(): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const v of CORPUS_VERSIONS) {
    for (const s of SAMPLES) {
      if (s.minVersion && !atLeast(v, s.minVersion)) continue;
      const manifest = s.build(v);
      // RSC before v1.12 lived in webApplicationInfo.applicationPermissions.
      if (!atLeast(v, '1.12') && manifest.authorization) {
        const rsc = (manifest.authorization as { permissions: { resourceSpecific: Array<{ name: string }> } }).permissions.resourceSpecific;
        delete manifest.authorization;
        (manifest.webApplicationInfo as { [k: string]: Json }).applicationPermissions = rsc.map((p) => p.name);
      }
      out.push({ name: `${s.name}@${v}`, version: v, manifest });
    }
  }
  return out;
}

export function sample(name: string, v: SchemaVersion): Manifest {
  const s = SAMPLES.find((x) => x.name === name);
  if (!s) throw new Error(`no sample ${name}`);
  return s.build(v);
}

function clone(m: Manifest): Manifest {
  return JSON.parse(JSON.stringify(m)) as Manifest;
}

export interface BrokenEntry {
  name: string;
  manifest: Manifest;
  /** Expected statuses of some checks (others are not asserted). */
  expect: Record<string, { status: string; messageId?: string }>;
}

/** Broken variants: each breaks one rule, as engineers really do. */
export function brokenCorpus(): BrokenEntry[] {
  const mk = (name: string, from: [string, SchemaVersion], edit: (m: Manifest) => void, expect: BrokenEntry['expect']): BrokenEntry => {
    const manifest = clone(sample(from[0], from[1]));
    edit(manifest);
    return { name, manifest, expect };
  };
  const bot = (m: Manifest) => (m.bots as Array<{ [k: string]: Json }>)[0]!;
  return [
    mk('bot id with braces', ['hello-world-bot', '1.17'], (m) => { bot(m).botId = `{${BOT_ID}}`; }, { 'manifest-bot-id': { status: 'fail' }, 'manifest-schema': { status: 'fail' } }),
    mk('bot id is the app name', ['hello-world-bot', '1.24'], (m) => { bot(m).botId = 'contoso-hello-bot'; }, { 'manifest-bot-id': { status: 'fail' } }),
    mk('lower-case groupchat in v1.17', ['hello-world-bot', '1.17'], (m) => { bot(m).scopes = ['personal', 'groupchat']; }, { 'manifest-bot-scopes': { status: 'fail' }, 'manifest-schema': { status: 'fail' } }),
    mk('copilot scope in v1.20', ['hello-world-bot', '1.20'], (m) => { bot(m).scopes = ['personal', 'copilot']; delete bot(m).commandLists; }, { 'manifest-bot-scopes': { status: 'fail' }, 'manifest-schema': { status: 'fail' } }),
    mk('11 commands in v1.23', ['hello-world-bot', '1.23'], (m) => {
      (bot(m).commandLists as Array<{ [k: string]: Json }>)[0]!.commands = Array.from({ length: 11 }, (_, i) => ({ title: `cmd${i}`, description: `Command ${i}` }));
    }, { 'manifest-bot-scopes': { status: 'fail' }, 'manifest-schema': { status: 'fail' } }),
    mk('12 commands in v1.24 are fine', ['hello-world-bot', '1.24'], (m) => {
      (bot(m).commandLists as Array<{ [k: string]: Json }>)[0]!.commands = Array.from({ length: 12 }, (_, i) => ({ title: `cmd${i}`, description: `Command ${i}` }));
    }, { 'manifest-bot-scopes': { status: 'pass' }, 'manifest-schema': { status: 'pass' } }),
    mk('validDomains with scheme', ['bot-sso', '1.19'], (m) => { m.validDomains = ['https://token.botframework.com']; }, { 'manifest-valid-domains': { status: 'fail', messageId: 'scheme' } }),
    mk('validDomains with path', ['bot-sso', '1.22'], (m) => { m.validDomains = ['token.botframework.com', 'contoso.com/bot']; }, { 'manifest-valid-domains': { status: 'fail', messageId: 'path' } }),
    mk('17 validDomains in v1.27', ['hello-world-bot', '1.27'], (m) => { m.validDomains = Array.from({ length: 17 }, (_, i) => `host${i}.contoso.com`); }, { 'manifest-valid-domains': { status: 'fail', messageId: 'tooMany' }, 'manifest-schema': { status: 'fail' } }),
    mk('17 validDomains in v1.28 are fine', ['hello-world-bot', '1.28'], (m) => { m.validDomains = Array.from({ length: 17 }, (_, i) => `host${i}.contoso.com`); }, { 'manifest-valid-domains': { status: 'pass' }, 'manifest-schema': { status: 'pass' } }),
    mk('SSO without token.botframework.com', ['bot-sso', '1.30'], (m) => { m.validDomains = ['contoso-bot.azurewebsites.net']; }, { 'manifest-valid-domains': { status: 'warn', messageId: 'tokenMissing' } }),
    mk('SSO resource names another bot', ['bot-sso', '1.25'], (m) => { (m.webApplicationInfo as { [k: string]: Json }).resource = `api://botid-${APP_ID}`; }, { 'manifest-sso': { status: 'fail', messageId: 'resourceBotMismatch' } }),
    mk('SSO resource is the tab SSO form (the bot does no SSO)', ['bot-sso', '1.16'], (m) => { (m.webApplicationInfo as { [k: string]: Json }).resource = `api://contoso.com/${BOT_ID}`; }, { 'manifest-sso': { status: 'pass', messageId: 'okTab' } }),
    mk('SSO resource with a scope suffix', ['bot-sso', '1.16'], (m) => { (m.webApplicationInfo as { [k: string]: Json }).resource = `api://botid-${BOT_ID}/access_as_user`; }, { 'manifest-sso': { status: 'fail', messageId: 'scopeSuffix' } }),
    mk('$schema on GitHub names another version', ['hello-world-bot', '1.29'], (m) => { m.$schema = 'https://raw.githubusercontent.com/microsoft/json-schemas/main/teams/v1.30/MicrosoftTeams.schema.json'; }, { 'manifest-version': { status: 'warn', messageId: 'schemaMismatch' } }),
    mk('version 1.18 does not exist', ['hello-world-bot', '1.17'], (m) => { m.manifestVersion = '1.18'; m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json'; }, { 'manifest-version': { status: 'fail', messageId: 'notPublished' }, 'manifest-schema': { status: 'skip' } }),
    mk('$schema and manifestVersion disagree', ['hello-world-bot', '1.29'], (m) => { m.$schema = schemaUrl('1.30'); }, { 'manifest-version': { status: 'warn', messageId: 'schemaMismatch' } }),
    mk('missing developer', ['notification-bot', '1.30'], (m) => { delete m.developer; }, { 'manifest-schema': { status: 'fail' } }),
    mk('unknown top-level property', ['notification-bot', '1.13'], (m) => { m.botEndpoint = 'https://contoso.com/api/messages'; }, { 'manifest-schema': { status: 'fail' } }),
    mk('short name too long', ['notification-bot', '1.21'], (m) => { (m.name as { [k: string]: Json }).short = 'Contoso Incident Notification Bot For Teams'; }, { 'manifest-schema': { status: 'fail' } }),
    mk('accent color without #', ['notification-bot', '1.26'], (m) => { m.accentColor = 'FFFFFF'; }, { 'manifest-schema': { status: 'fail' } }),
    mk('unknown RSC permission', ['channel-messages-rsc', '1.30'], (m) => {
      ((m.authorization as { permissions: { resourceSpecific: Json[] } }).permissions.resourceSpecific).push({ name: 'ChannelMessages.ReadAll.Group', type: 'Application' });
    }, { 'manifest-rsc-permissions': { status: 'warn', messageId: 'unknown' } }),
  ];
}
