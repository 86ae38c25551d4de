import { defineCheck, type TypedOutcome } from '../core/define-check';
import { parsedManifestGuard } from '../computed/guards';
import type { Detail } from '../core/types';
import { SOURCES } from '../data/sources';
import { namedBotIds } from '../manifest/bot-ids';
import { hasPlaceholder, placeholderName, placeholdersIn } from '../manifest/template';
import { isGuid, sameGuid } from '../manifest/version-rules';
import type {} from '../gather/manifest';
import type {} from '../gather/under-test';

const messages = {
  ok: '{{where}} {{botId}} is a GUID and equals the expected app id.',
  okNoExpected: '{{where}} {{botId}} is a GUID (no expected app id was given to compare with).',
  noBot: 'The manifest declares no bot and no bot-based message extension, so it names no bot id.',
  template: '{{where}} is a placeholder ({{name}}), filled in when the app package is built; check the built manifest (see manifest-schema).',
  missing: '{{where}} is missing.',
  notGuid: '{{where}} "{{botId}}" is not a GUID.',
  mismatch: '{{where}} {{botId}} differs from the expected app id {{expected}}.',
  differ: 'The manifest names two different bots: {{where}} {{botId}} and {{otherWhere}} {{otherBotId}}.',
};

export default defineCheck({
  meta: {
    id: 'manifest-bot-id',
    suite: 'manifest',
    title: 'Bot id is a GUID and matches the expected app id',
    failureTitle: 'Bot id is invalid or does not match the app id',
    description: 'bots[].botId, and composeExtensions[].botId for a message extension, must be the Microsoft App ID (msaAppId) of the Azure Bot resource, a GUID: it is how Teams finds the bot\'s registration and messaging endpoint. Another app\'s id sends the traffic to a different bot, or to none.',
    severity: 'error',
    requiredEvidence: ['Manifest', 'UnderTest'],
    guards: [parsedManifestGuard()],
    messages,
    remediation: {
      missing: 'Set {{where}} to the Microsoft App ID of your Azure Bot resource (Configuration blade, or `az bot show --query properties.msaAppId`).',
      notGuid: 'Use the Microsoft App ID of your Azure Bot resource, a GUID such as 00000000-0000-0000-0000-000000000000, without braces or a prefix.',
      mismatch: 'Use the same id in both places: {{where}} must be the msaAppId of the Azure Bot the messaging endpoint belongs to.',
      differ: 'A message extension is usually served by the app\'s own bot: use the same Azure Bot app id in both places, unless the extension really belongs to another bot.',
    },
    sources: [SOURCES.botsManifest, SOURCES.composeExtensionsManifest, SOURCES.schemaV130],
  },
  evaluate({ Manifest, UnderTest: underTest }): TypedOutcome<keyof typeof messages> {
    const m = Manifest.manifest;
    const named = namedBotIds(m);
    if (named.length === 0) return { status: 'skip', messageId: 'noBot' };
    const expected = underTest.appId;
    const real = named.filter((n) => !hasPlaceholder(n.value));
    const evidence = { botIds: named.map((n) => ({ where: n.label, botId: typeof n.value === 'string' ? n.value : null })), ...(expected ? { expected } : {}) };
    if (real.length === 0) {
      const first = named[0]!;
      const text = typeof first.value === 'string' ? placeholdersIn(first.value)[0]?.text ?? first.value : String(first.value);
      return { status: 'skip', messageId: 'template', data: { where: first.label, name: placeholderName(text) }, evidence };
    }
    for (const n of real) {
      const detail: Detail[] = [{ message: n.label, path: n.pointer, status: 'fail' }];
      if (n.value === undefined || n.value === null || n.value === '') return { status: 'fail', messageId: 'missing', data: { where: n.label }, evidence, details: detail };
      if (!isGuid(n.value)) return { status: 'fail', messageId: 'notGuid', data: { where: n.label, botId: String(n.value) }, evidence, details: detail };
      if (expected && !sameGuid(n.value, expected)) {
        return { status: 'fail', messageId: 'mismatch', data: { where: n.label, botId: n.value, expected }, evidence, details: [{ message: `expected ${expected}`, path: n.pointer, status: 'fail' }] };
      }
    }
    const first = real[0]!;
    const other = real.find((n) => !sameGuid(String(n.value), String(first.value)));
    if (other) {
      return { status: 'warn', messageId: 'differ', data: { where: first.label, botId: String(first.value), otherWhere: other.label, otherBotId: String(other.value) }, evidence, details: [{ message: other.label, path: other.pointer, status: 'warn' }] };
    }
    const botId = String(first.value);
    return expected
      ? { status: 'pass', messageId: 'ok', data: { where: first.label, botId }, evidence }
      : { status: 'pass', messageId: 'okNoExpected', data: { where: first.label, botId }, evidence };
  },
});
