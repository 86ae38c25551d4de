import { describe, expect, it } from 'vitest';
import { runCheckTable } from '../testing/check-tester';
import check from './manifest-rsc-permissions';
import { baseEvidence, editedEvidence } from '../testing/manifests/evidence';
import { RSC_PERMISSIONS } from '../data/rsc-permissions';
import { evaluateOne } from '../core/runner';

const rsc = (list: Array<{ name: string; type: string }>) => editedEvidence('channel-messages-rsc', '1.30', (m) => { m.authorization = { permissions: { resourceSpecific: list } }; });

runCheckTable(check, {
  valid: [
    { name: 'channel and chat messages (v1.30)', evidence: baseEvidence('channel-messages-rsc', '1.30'), status: 'info', messageId: 'listed', data: { count: 3 } },
    { name: 'applicationPermissions (v1.11)', evidence: baseEvidence('channel-messages-rsc', '1.11'), status: 'info', messageId: 'listed', data: { count: 3 } },
    { name: 'delegated permission', evidence: rsc([{ name: 'MeetingStage.Write.Chat', type: 'Delegated' }]), status: 'info', messageId: 'listed' },
    { name: 'dual-type permission as delegated', evidence: rsc([{ name: 'OnlineMeetingParticipant.Read.Chat', type: 'Delegated' }]), status: 'info', messageId: 'listed' },
    { name: 'no RSC', evidence: baseEvidence('hello-world-bot', '1.30'), status: 'info', messageId: 'none' },
    { name: 'nothing parsed', evidence: { Manifest: { source: { kind: 'json', bytes: 1 } } }, status: 'skip', messageId: 'noManifest' },
  ],
  invalid: [
    { name: 'misspelt name', evidence: rsc([{ name: 'ChannelMessages.Read.Group', type: 'Application' }]), status: 'warn', messageId: 'unknown', data: { names: 'ChannelMessages.Read.Group' } },
    { name: 'application permission requested as delegated', evidence: rsc([{ name: 'ChannelMessage.Read.Group', type: 'Delegated' }]), status: 'warn', messageId: 'wrongType', data: { expected: 'Application' } },
  ],
});

describe('RSC table', () => {
  it('has unique names, one of three scopes, and https sources', () => {
    const names = RSC_PERMISSIONS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of RSC_PERMISSIONS) {
      expect(p.name).toMatch(/\.(Group|Chat|User)$/);
      expect(p.scope).toBe({ Group: 'team', Chat: 'chat', User: 'user' }[p.name.split('.').pop()!]);
      expect(p.source).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(p.grants.length).toBeGreaterThan(10);
    }
  });

  it('marks content-reading permissions in the result', () => {
    const r = evaluateOne(check, baseEvidence('channel-messages-rsc', '1.30'), { now: new Date(0), input: {} });
    expect(r.message).toContain('ChannelMessage.Read.Group');
    expect(r.message).toMatch(/2 of them read message/);
    expect(r.details?.find((d) => d.message.startsWith('ChannelMessage.Read.Group'))?.message).toMatch(/without being @mentioned/);
  });
});
