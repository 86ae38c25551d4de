import { runCheckTable } from '../testing/check-tester';
import check from './manifest-bot-id';
import { baseEvidence, editedEvidence } from '../testing/manifests/evidence';
import { BOT_ID } from '../testing/manifests/corpus';

const bots = (botId: unknown) => editedEvidence('notification-bot', '1.30', (m) => { m.bots = [{ botId: botId as string, scopes: ['personal'] }]; });
const base = baseEvidence('hello-world-bot', '1.30');

runCheckTable(check, {
  base: { UnderTest: {} },
  valid: [
    { name: 'GUID, no expected id', evidence: base, messageId: 'okNoExpected' },
    { name: 'equals the expected id', evidence: { ...base, UnderTest: { appId: BOT_ID } }, messageId: 'ok' },
    { name: 'equals the expected id in another case', evidence: { ...base, UnderTest: { appId: BOT_ID.toUpperCase() } }, messageId: 'ok' },
    { name: 'no bot', evidence: editedEvidence('hello-world-bot', '1.30', (m) => { delete m.bots; }), status: 'skip', messageId: 'noBot' },
    { name: 'manifest did not parse', evidence: { Manifest: { manifest: undefined } }, status: 'skip', messageId: 'noManifest' },
    { name: 'toolkit placeholder for the bot id', evidence: bots('${{BOT_ID}}'), status: 'skip', messageId: 'template', data: { where: 'bots[0].botId', name: 'BOT_ID' } },
  ],
  invalid: [
    { name: 'message extension served by another bot', evidence: editedEvidence('hello-world-bot', '1.30', (m) => { m.composeExtensions = [{ botId: '00000000-1111-2222-3333-444444444444', commands: [] }]; }), status: 'warn', messageId: 'differ', data: { botId: BOT_ID, otherBotId: '00000000-1111-2222-3333-444444444444' } },
    { name: 'braces around the GUID', evidence: bots(`{${BOT_ID}}`), status: 'fail', messageId: 'notGuid' },
    { name: 'a name instead of a GUID', evidence: bots('contoso-bot'), status: 'fail', messageId: 'notGuid' },
    { name: 'a number', evidence: bots(42), status: 'fail', messageId: 'notGuid' },
    { name: 'empty botId', evidence: bots(''), status: 'fail', messageId: 'missing' },
    { name: 'another app id expected', evidence: { ...base, UnderTest: { appId: '00000000-1111-2222-3333-444444444444' } }, status: 'fail', messageId: 'mismatch', data: { botId: BOT_ID } },
  ],
});
