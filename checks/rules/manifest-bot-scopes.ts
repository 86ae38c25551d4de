import { defineCheck, type TypedOutcome } from '../core/define-check';
import { parsedManifestGuard } from '../computed/guards';
import { formatMessage } from '../core/format';
import type { Detail, JsonObject } from '../core/types';
import { SOURCES } from '../data/sources';
import { isSchemaVersion } from '../manifest/schemas';
import { botLimits } from '../manifest/version-rules';
import type {} from '../gather/manifest';
import { isJsonObject } from '../computed/json';


const messages = {
  ok: 'The bot\'s scopes ({{scopes}}) and command lists are valid for manifest {{versionLabel}}.',
  noBot: 'The manifest declares no bot.',
  noVersion: 'manifestVersion is missing or unknown, so scopes cannot be checked against it (see manifest-version).',
  noScopes: 'bots[{{index}}] declares no scopes; a bot needs at least one of {{allowed}}.',
  groupchatLowercase: 'bots[{{index}}] uses the scope "groupchat"; from v1.17 only "groupChat" (capital C) is accepted, and this manifest is {{versionLabel}}.',
  copilotTooEarly: 'bots[{{index}}] uses the scope "copilot", which needs manifest v1.21 or later; this manifest is {{versionLabel}}.',
  unknownScope: 'bots[{{index}}] uses the scope "{{scope}}"; {{versionLabel}} allows only {{allowed}}.',
  duplicateScope: 'bots[{{index}}] lists the scope "{{scope}}" more than once.',
  tooManyCommands: 'bots[{{index}}].commandLists[{{list}}] has {{count}} commands; {{versionLabel}} allows at most {{max}}.',
  tooManyLists: 'bots[{{index}}] has {{count}} command lists; {{versionLabel}} allows at most {{max}}.',
  commandScope: 'bots[{{index}}].commandLists[{{list}}] is for the scope "{{scope}}", which the bot itself does not declare, so those commands have nowhere to appear.',
};

export default defineCheck({
  meta: {
    id: 'manifest-bot-scopes',
    suite: 'manifest',
    title: 'Bot scopes and commands fit the manifest version',
    failureTitle: 'Bot scopes or commands do not fit the manifest version',
    description: 'Which scopes and how many commands a bot may declare depends on manifestVersion: lower-case "groupchat" was accepted only up to v1.16, "copilot" arrived in v1.21, and the command limit grew from 10 to 12 at v1.24. The schema of the manifest\'s version rejects anything else.',
    severity: 'error',
    requiredEvidence: ['Manifest'],
    guards: [parsedManifestGuard()],
    messages,
    remediation: {
      noScopes: 'Add the scopes the bot works in, e.g. "scopes": ["personal", "team", "groupChat"].',
      groupchatLowercase: 'Write the scope as "groupChat" (in bots[].scopes and in commandLists[].scopes).',
      copilotTooEarly: 'Raise manifestVersion to 1.21 or later, or remove the "copilot" scope.',
      unknownScope: 'Use only {{allowed}} (the names are case-sensitive).',
      duplicateScope: 'List each scope once.',
      tooManyCommands: 'Keep at most {{max}} commands per list (or raise manifestVersion: v1.24 and later allow 12).',
      tooManyLists: 'Merge the command lists: at most {{max}} lists, one per scope.',
      commandScope: 'Add "{{scope}}" to the bot\'s scopes, or remove it from the command list.',
    },
    sources: [SOURCES.botsManifest, SOURCES.schemaFiles, SOURCES.calling],
  },
  evaluate({ Manifest }): TypedOutcome<keyof typeof messages> {
    const m = Manifest.manifest;
    const bots = Array.isArray(m.bots) ? m.bots.filter(isJsonObject) : [];
    if (bots.length === 0) return { status: 'skip', messageId: 'noBot' };
    const version = m.manifestVersion;
    if (!isSchemaVersion(version)) return { status: 'skip', messageId: 'noVersion' };
    const limits = botLimits(version);
    const allowed = limits.scopes.join(', ');
    const versionLabel = version === 'devPreview' ? 'devPreview' : `v${version}`;
    const details: Detail[] = [];
    const calling = bots.some((b) => b.supportsCalling === true);
    if (calling) {
      details.push({ message: 'supportsCalling is true: the Azure Bot\'s Teams channel needs calling enabled with an https calling webhook (checked by registration-calling).', path: '/bots/0/supportsCalling', status: 'info' });
    }
    const evidence: JsonObject = { version, allowedScopes: [...limits.scopes], supportsCalling: calling, bots: bots.map((b) => ({ scopes: Array.isArray(b.scopes) ? b.scopes : [], supportsCalling: b.supportsCalling === true, supportsVideo: b.supportsVideo === true })) };
    const fail = (messageId: 'noScopes' | 'groupchatLowercase' | 'copilotTooEarly' | 'unknownScope' | 'tooManyCommands' | 'tooManyLists' | 'commandScope', data: Record<string, string | number>, path: string) => {
      const status = messageId === 'commandScope' ? 'warn' as const : 'fail' as const;
      return { status, messageId, data: { version, versionLabel, allowed, ...data }, evidence, details: [{ message: formatMessage(messages[messageId], { version, versionLabel, allowed, ...data }).replace(/^bots\[\d+\](\.commandLists\[\d+\])? /, ''), path, status }, ...details] };
    };
    for (const [index, bot] of bots.entries()) {
      const scopes = Array.isArray(bot.scopes) ? bot.scopes.filter((s): s is string => typeof s === 'string') : [];
      if (scopes.length === 0) return fail('noScopes', { index }, `/bots/${index}/scopes`);
      const checkScope = (scope: string, path: string) => {
        if (scope === 'groupchat' && !limits.scopes.includes('groupchat')) return fail('groupchatLowercase', { index }, path);
        if (scope === 'copilot' && !limits.scopes.includes('copilot')) return fail('copilotTooEarly', { index }, path);
        if (!limits.scopes.includes(scope)) return fail('unknownScope', { index, scope }, path);
        return undefined;
      };
      for (const [i, scope] of scopes.entries()) {
        const bad = checkScope(scope, `/bots/${index}/scopes/${i}`);
        if (bad) return bad;
      }
      const lists = Array.isArray(bot.commandLists) ? bot.commandLists.filter(isJsonObject) : [];
      if (lists.length > limits.maxCommandLists) return fail('tooManyLists', { index, count: lists.length, max: limits.maxCommandLists }, `/bots/${index}/commandLists`);
      for (const [list, cl] of lists.entries()) {
        const listScopes = Array.isArray(cl.scopes) ? cl.scopes.filter((s): s is string => typeof s === 'string') : [];
        for (const [i, scope] of listScopes.entries()) {
          const bad = checkScope(scope, `/bots/${index}/commandLists/${list}/scopes/${i}`);
          if (bad) return bad;
          if (!scopes.some((s) => s.toLowerCase() === scope.toLowerCase())) return fail('commandScope', { index, list, scope }, `/bots/${index}/commandLists/${list}/scopes/${i}`);
        }
        const commands = Array.isArray(cl.commands) ? cl.commands.length : 0;
        if (commands > limits.maxCommands) return fail('tooManyCommands', { index, list, count: commands, max: limits.maxCommands }, `/bots/${index}/commandLists/${list}/commands`);
      }
      const dup = scopes.find((s, i) => scopes.indexOf(s) !== i);
      if (dup) return { status: 'warn', messageId: 'duplicateScope', data: { index, scope: dup }, evidence, details };
      if (scopes.includes('groupchat')) details.push({ message: '"groupchat" (lower case) is accepted up to v1.16 only; write "groupChat" before raising manifestVersion.', path: `/bots/${index}/scopes`, status: 'info' });
    }
    const scopes = bots.flatMap((b) => (Array.isArray(b.scopes) ? b.scopes : [])).join(', ');
    return { status: 'pass', messageId: 'ok', data: { scopes, version, versionLabel }, evidence, ...(details.length ? { details } : {}) };
  },
});
