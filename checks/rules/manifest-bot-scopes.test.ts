import { runCheckTable } from '../testing/check-tester';
import check from './manifest-bot-scopes';
import { zipSync } from 'fflate';
import { baseEvidence, bytesEvidence, editedEvidence } from '../testing/manifests/evidence';
import { colorIcon, outlineIcon } from '../testing/manifests/png-encode';
import type { Manifest } from '../testing/manifests/corpus';

const bot = (m: Manifest) => (m.bots as Array<Record<string, unknown>>)[0]!;
const commands = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `c${i}`, description: `Command ${i}` }));

runCheckTable(check, {
  valid: [
    { name: 'a package without manifest.json', evidence: bytesEvidence(zipSync({ 'color.png': colorIcon(), 'outline.png': outlineIcon() })), status: 'skip', messageId: 'noManifest' },
    { name: 'personal, team, groupChat in v1.30', evidence: baseEvidence('hello-world-bot', '1.30'), messageId: 'ok' },
    { name: 'lower-case groupchat in v1.16', evidence: baseEvidence('hello-world-bot', '1.16') },
    { name: 'copilot in v1.21', evidence: baseEvidence('copilot-agent-bot', '1.21') },
    { name: '12 commands in v1.24', evidence: editedEvidence('hello-world-bot', '1.24', (m) => { (bot(m).commandLists as Array<Record<string, unknown>>)[0]!.commands = commands(12); }) },
    { name: '10 commands in v1.11', evidence: editedEvidence('hello-world-bot', '1.11', (m) => { (bot(m).commandLists as Array<Record<string, unknown>>)[0]!.commands = commands(10); }) },
    { name: 'calling bot', evidence: baseEvidence('calling-bot', '1.30') },
    { name: 'no bot', evidence: editedEvidence('hello-world-bot', '1.30', (m) => { delete m.bots; }), status: 'skip', messageId: 'noBot' },
    { name: 'unknown version', evidence: editedEvidence('hello-world-bot', '1.30', (m) => { m.manifestVersion = '1.18'; }), status: 'skip', messageId: 'noVersion' },
  ],
  invalid: [
    { name: 'lower-case groupchat in v1.17', evidence: editedEvidence('hello-world-bot', '1.17', (m) => { bot(m).scopes = ['personal', 'groupchat']; }), status: 'fail', messageId: 'groupchatLowercase' },
    { name: 'lower-case groupchat in a command list in v1.19', evidence: editedEvidence('hello-world-bot', '1.19', (m) => { (bot(m).commandLists as Array<Record<string, unknown>>)[0]!.scopes = ['groupchat']; }), status: 'fail', messageId: 'groupchatLowercase' },
    { name: 'copilot in v1.20', evidence: editedEvidence('hello-world-bot', '1.20', (m) => { bot(m).scopes = ['copilot']; delete bot(m).commandLists; }), status: 'fail', messageId: 'copilotTooEarly' },
    { name: 'Team with a capital T', evidence: editedEvidence('hello-world-bot', '1.30', (m) => { bot(m).scopes = ['Team']; delete bot(m).commandLists; }), status: 'fail', messageId: 'unknownScope', data: { scope: 'Team' } },
    { name: 'groupChat in v1.2', evidence: editedEvidence('notification-bot', '1.11', (m) => { m.manifestVersion = '1.2'; bot(m).scopes = ['groupChat']; }), status: 'fail', messageId: 'unknownScope' },
    { name: 'no scopes', evidence: editedEvidence('hello-world-bot', '1.30', (m) => { bot(m).scopes = []; }), status: 'fail', messageId: 'noScopes' },
    { name: '11 commands in v1.23', evidence: editedEvidence('hello-world-bot', '1.23', (m) => { (bot(m).commandLists as Array<Record<string, unknown>>)[0]!.commands = commands(11); }), status: 'fail', messageId: 'tooManyCommands', data: { max: 10, count: 11 } },
    { name: '13 commands in v1.30', evidence: editedEvidence('hello-world-bot', '1.30', (m) => { (bot(m).commandLists as Array<Record<string, unknown>>)[0]!.commands = commands(13); }), status: 'fail', messageId: 'tooManyCommands', data: { max: 12 } },
    { name: 'four command lists', evidence: editedEvidence('hello-world-bot', '1.30', (m) => { bot(m).commandLists = Array.from({ length: 4 }, () => ({ scopes: ['personal'], commands: commands(1) })); }), status: 'fail', messageId: 'tooManyLists' },
    { name: 'command list for a scope the bot lacks', evidence: editedEvidence('notification-bot', '1.30', (m) => { bot(m).commandLists = [{ scopes: ['groupChat'], commands: commands(1) }]; }), status: 'warn', messageId: 'commandScope' },
    { name: 'duplicate scope', evidence: editedEvidence('notification-bot', '1.30', (m) => { bot(m).scopes = ['personal', 'personal']; }), status: 'warn', messageId: 'duplicateScope' },
  ],
});
