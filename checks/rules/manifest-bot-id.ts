import { defineCheck, type TypedOutcome } from '../core/define-check';
import { SOURCES } from '../manifest/sources';
import { isGuid, sameGuid } from '../manifest/version-rules';
import type {} from '../gather/manifest';

const messages = {
  ok: 'botId {{botId}} is a GUID and equals the expected app id.',
  okNoExpected: 'botId {{botId}} is a GUID (no expected app id was given to compare with).',
  noManifest: 'There is no parsed manifest (see manifest-json).',
  noBot: 'The manifest declares no bot.',
  missing: 'bots[{{index}}] has no botId.',
  notGuid: 'bots[{{index}}].botId "{{botId}}" is not a GUID.',
  mismatch: 'botId {{botId}} differs from the expected app id {{expected}}.',
};

export default defineCheck({
  meta: {
    id: 'manifest-bot-id',
    suite: 'manifest',
    title: 'Bot id is a GUID and matches the expected app id',
    failureTitle: 'Bot id is invalid or does not match the app id',
    description: 'bots[].botId must be the Microsoft App ID (msaAppId) of the Azure Bot resource, a GUID: it is how Teams finds the bot\'s registration and messaging endpoint. Another app\'s id sends the traffic to a different bot, or to none.',
    severity: 'error',
    requiredEvidence: ['Manifest'],
    messages,
    remediation: {
      missing: 'Set bots[{{index}}].botId to the Microsoft App ID of your Azure Bot resource (Configuration blade, or `az bot show --query properties.msaAppId`).',
      notGuid: 'Use the Microsoft App ID of your Azure Bot resource, a GUID such as 00000000-0000-0000-0000-000000000000, without braces or a prefix.',
      mismatch: 'Use the same id in both places: the manifest\'s botId must be the msaAppId of the Azure Bot the messaging endpoint belongs to.',
    },
    sources: [SOURCES.botsManifest, SOURCES.schemaV130],
  },
  evaluate({ Manifest }, ctx): TypedOutcome<keyof typeof messages> {
    const m = Manifest.manifest;
    if (!m) return { status: 'skip', messageId: 'noManifest' };
    const bots = Array.isArray(m.bots) ? m.bots : [];
    if (bots.length === 0) return { status: 'skip', messageId: 'noBot' };
    const expected = ctx.input.appId?.trim();
    for (const [index, bot] of bots.entries()) {
      const botId = typeof bot === 'object' && bot !== null && !Array.isArray(bot) ? bot.botId : undefined;
      const path = `/bots/${index}/botId`;
      if (botId === undefined || botId === null || botId === '') return { status: 'fail', messageId: 'missing', data: { index }, details: [{ message: 'botId is missing', path: `/bots/${index}` }] };
      if (!isGuid(botId)) return { status: 'fail', messageId: 'notGuid', data: { index, botId: String(botId) }, evidence: { botId: String(botId) }, details: [{ message: 'not a GUID', path }] };
      if (expected && !sameGuid(botId, expected)) {
        return { status: 'fail', messageId: 'mismatch', data: { botId, expected }, evidence: { botId, expected }, details: [{ message: `expected ${expected}`, path }] };
      }
    }
    const botId = String((bots[0] as { botId: string }).botId);
    return expected
      ? { status: 'pass', messageId: 'ok', data: { botId }, evidence: { botId, expected } }
      : { status: 'pass', messageId: 'okNoExpected', data: { botId }, evidence: { botId } };
  },
});
