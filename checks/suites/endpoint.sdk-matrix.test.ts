/**
 * The endpoint suite against real bots built with each SDK teams use today (botbuilder, the
 * Microsoft 365 Agents SDK, the Teams SDK), authenticated and anonymous (and the Teams SDK with
 * no credentials at all), with the Microsoft hosts they call (the Bot Connector at the activity's
 * serviceUrl, the signing keys, Entra ID) answering, unreachable and hanging. Every check's
 * verdict is asserted. See checks/testing/bots/ and docs/checks/auth-missing-token.mdx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import { runChecks } from '../core/runner';
import type { Report, Status } from '../core/types';
import { probeActivity, PROBE_SERVICE_URL } from '../gather/teams-probe';
import { testPki } from '../testing/certs';
import { startMicrosoftWorld, type Egress, type MicrosoftWorld } from '../testing/bots/microsoft-world';
import { startBot, type BotMode, type BotSdk } from '../testing/bots/start-bot';
import { endpointSuite } from './endpoint';

let world: MicrosoftWorld;
let ca: string;
beforeAll(async () => {
  world = await startMicrosoftWorld();
  ca = (await testPki()).caPem;
});
afterAll(async () => { await world.close(); });

type Verdicts = Partial<Record<string, Status>>;
/** What every bot shares: HTTPS on loopback with the test PKI, no calling webhook. */
const COMMON: Verdicts = {
  'endpoint-https': 'pass',
  'endpoint-dns': 'warn', // loopback: allowed here, unreachable for Teams
  'endpoint-reachable': 'pass',
  'tls-protocol-version': 'pass',
  'tls-certificate-trust': 'pass',
  'tls-certificate-hostname': 'pass',
  'tls-certificate-expiry': 'pass',
  'endpoint-error-disclosure': 'warn', // outside production, Express shows a stack for a cut-short body
  'endpoint-sdk': 'info',
  'calling-webhook': 'skip',
};

interface Row {
  sdk: BotSdk;
  mode: BotMode;
  egress: Egress;
  expect: { missing: Status; forged: Status; latency: Status; forgedMessageId?: string };
}

const rows: Row[] = [];
for (const egress of ['answer', 'unreachable', 'hang'] as const) {
  for (const sdk of ['botbuilder', 'agents', 'teams'] as const) {
    // Authenticated: rejects both; a bot that cannot fetch its keys rejects Teams too; a hanging key fetch misses the window.
    const keysFail = egress === 'unreachable' && sdk !== 'teams'; // the Teams SDK's 401 does not say why (docs/checks/auth-forged-token)
    rows.push({
      sdk, mode: 'authenticated', egress,
      expect: egress === 'hang'
        ? { missing: 'pass', forged: 'fail', latency: 'fail', forgedMessageId: 'tokenPathHangs' }
        : { missing: 'pass', forged: keysFail ? 'fail' : 'pass', latency: 'pass', forgedMessageId: keysFail ? 'keysUnavailable' : 'rejected' },
    });
    // Anonymous: fails both, whatever its reply did.
    rows.push({
      sdk, mode: 'anonymous', egress,
      expect: {
        missing: 'fail',
        forged: 'fail',
        forgedMessageId: sdk === 'agents' ? 'anonymous' : 'accepted',
        // The Teams SDK posts its replies despite expectReplies: a hanging connector hangs its answers.
        latency: sdk === 'teams' && egress === 'hang' ? 'fail' : 'pass',
      },
    });
  }
  // The Teams SDK with no credentials and no switch rejects everything, genuine requests included.
  rows.push({ sdk: 'teams', mode: 'unconfigured', egress, expect: { missing: 'pass', forged: 'fail', latency: 'pass', forgedMessageId: 'notConfigured' } });
}

/** Wall time of the suite against each bot, for the issue note (printed at the end). */
const timings: string[] = [];
afterAll(() => { if (process.env.BOTFLOW_PRINT_MATRIX) console.log(timings.sort().join('\n')); });

function messageIdOf(report: Report, id: string): string | undefined {
  const r = report.results.find((x) => x.id === id);
  return r ? (r.evidence as { classification?: string }).classification ?? r.message : undefined;
}

describe.concurrent('endpoint suite x real SDK bots x egress', () => {
  it.each(rows)('$sdk $mode, Microsoft hosts: $egress', async (row) => {
    const bot = await startBot({ sdk: row.sdk, mode: row.mode, world, egress: row.egress });
    try {
      const t0 = performance.now();
      const report = await runChecks({ suite: endpointSuite, input: { url: bot.url, ...(bot.appId ? { appId: bot.appId } : {}) }, allowPrivate: true, ca });
      const ms = Math.round(performance.now() - t0);
      const statuses = Object.fromEntries(report.results.map((r) => [r.id, r.status]));
      timings.push(`${row.sdk}\t${row.mode}\t${row.egress}\t${ms} ms\t${statuses['auth-missing-token']}/${statuses['auth-forged-token']}/${statuses['endpoint-latency']}`);
      const context = `${row.sdk} ${row.mode} ${row.egress}: ${JSON.stringify(report.results.map((r) => [r.id, r.status, r.message.slice(0, 160)]), null, 1)}\n${bot.output().slice(-1500)}`;
      expect(statuses, context).toEqual({
        ...COMMON,
        'auth-missing-token': row.expect.missing,
        'auth-forged-token': row.expect.forged,
        'endpoint-latency': row.expect.latency,
      });
      const byId = Object.fromEntries(report.results.map((r) => [r.id, r]));
      // The SDK is identified, and the fixes name its settings.
      expect(byId['endpoint-sdk']?.evidence, context).toMatchObject({ sdk: row.sdk });
      if (row.mode === 'anonymous') {
        // The fix names the identified SDK's own switch, and no other SDK's.
        const marker = { botbuilder: 'MicrosoftAppId', agents: 'connections__serviceConnection__settings__clientId', teams: 'DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS' } as const;
        const fix = byId['auth-missing-token']?.remediation ?? '';
        for (const [sdk, setting] of Object.entries(marker)) {
          if (sdk === row.sdk) expect(fix).toContain(setting);
          else expect(fix, `${row.sdk}: no ${sdk} setting`).not.toContain(setting);
        }
      }
      const forged = byId['auth-forged-token'];
      if (row.expect.forgedMessageId === 'rejected') expect(messageIdOf(report, 'auth-forged-token')).toBe('rejected');
      else if (row.expect.forgedMessageId === 'accepted') expect(forged?.evidence).toHaveProperty('turnRan');
      else if (row.expect.forgedMessageId === 'anonymous') expect(forged?.evidence).toHaveProperty('noTokenTurnRan');
      else if (row.expect.forgedMessageId === 'keysUnavailable') expect(forged?.message).toMatch(/could not fetch the signing keys/);
      else if (row.expect.forgedMessageId === 'notConfigured') expect(forged?.message).toMatch(/no credentials configured/);
      else if (row.expect.forgedMessageId === 'tokenPathHangs') expect(forged?.message).toMatch(/no answer within 15000 ms/);
      // Anonymous bots ran the probes; authenticated ones never let them reach their code.
      const reached = await bot.received();
      if (row.mode === 'anonymous') expect(reached.length, context).toBeGreaterThan(0);
      else expect(reached, context).toEqual([]);
      // Nothing of the forged token itself is reported.
      expect(JSON.stringify(report)).not.toMatch(/eyJ[\w-]+\.eyJ/);
    } finally {
      await bot.close();
    }
  }, 60_000);
});

describe.concurrent('the test bots are what they claim', () => {
  const dispatcher = new Agent({ connect: { ca: '' } });
  afterAll(() => dispatcher.close());
  it.each(['botbuilder', 'agents', 'teams'] as const)('%s with credentials accepts a genuine channel token and replies through the connector with its own token', async (sdk) => {
    const bot = await startBot({ sdk, mode: 'authenticated', world, egress: 'answer' });
    try {
      const token = await world.mintChannelToken({ aud: bot.appId, serviceurl: PROBE_SERVICE_URL });
      const activity = { ...probeActivity('missing-token', new Date(), bot.appId), deliveryMode: undefined };
      const res = await request(bot.url, {
        method: 'POST', dispatcher: new Agent({ connect: { ca } }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(activity),
      });
      await res.body.text();
      expect(res.statusCode, bot.output()).toBeLessThan(300);
      const replies = world.replies.filter((r) => r.conversationId === activity.conversation.id);
      expect(replies.length, bot.output()).toBeGreaterThan(0);
      expect(replies.every((r) => r.authorized)).toBe(true);
    } finally {
      await bot.close();
    }
  }, 60_000);

  it('the anonymous Teams SDK bot posts its reply to the serviceUrl, where the connector refuses it (401)', async () => {
    const bot = await startBot({ sdk: 'teams', mode: 'anonymous', world, egress: 'answer' });
    try {
      const activity = probeActivity('missing-token', new Date());
      const res = await request(bot.url, { method: 'POST', dispatcher: new Agent({ connect: { ca } }), headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      await res.body.text();
      expect(res.statusCode).toBe(500);
      const replies = world.replies.filter((r) => r.conversationId === activity.conversation.id);
      expect(replies.length).toBeGreaterThan(0);
      expect(replies.every((r) => !r.authorized)).toBe(true);
    } finally {
      await bot.close();
    }
  }, 60_000);
});
