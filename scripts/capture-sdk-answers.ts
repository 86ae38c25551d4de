/**
 * Captures what the real SDK bots (checks/testing/bots) answer to the endpoint probes, for the
 * table tests of the SDK identification and the error-disclosure scan:
 *
 *   node --import tsx scripts/capture-sdk-answers.ts   # writes checks/testing/fixtures/sdk-answers.json
 *
 * Each entry: sdk, mode, egress, NODE_ENV, the probe, and the answer as the probes keep it
 * (status, the kept headers, the body). Paths of this machine in stack traces are replaced by
 * /app so the file does not depend on where it was captured. The forged token is signed by a
 * throwaway key and never stored.
 */
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'undici';
import { forgedToken, probeActivity } from '../checks/gather/teams-probe';
import { KEPT_HEADERS } from '../checks/gather/auth-probe';
import { MALFORMED_BODY } from '../checks/gather/malformed-probe';
import { testPki } from '../checks/testing/certs';
import { startMicrosoftWorld, type Egress } from '../checks/testing/bots/microsoft-world';
import { BOT_MODES, BOT_SDKS, startBot } from '../checks/testing/bots/start-bot';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const out = new URL('../checks/testing/fixtures/sdk-answers.json', import.meta.url);
const world = await startMicrosoftWorld();
const dispatcher = new Agent({ connect: { ca: (await testPki()).caPem } });
const entries: unknown[] = [];

async function post(url: string, body: string, authorization?: string) {
  const res = await request(url, {
    method: 'POST', dispatcher, headersTimeout: 8_000, bodyTimeout: 8_000,
    headers: { 'content-type': 'application/json; charset=utf-8', ...(authorization ? { authorization } : {}) },
    body,
  });
  const text = (await res.body.text()).split(root).join('/app');
  const headers: Record<string, string> = {};
  for (const h of KEPT_HEADERS) { const v = res.headers[h]; if (typeof v === 'string') headers[h] = v; }
  delete headers['content-length'];
  return { status: res.statusCode, headers, body: text.slice(0, 4096) };
}

const situations: Array<{ egress: Egress; nodeEnv?: string }> = [{ egress: 'answer' }, { egress: 'unreachable' }, { egress: 'answer', nodeEnv: 'production' }];
const bots = [...BOT_SDKS.flatMap((sdk) => BOT_MODES.map((mode) => ({ sdk, mode }))), { sdk: 'teams' as const, mode: 'unconfigured' as const }];
for (const { sdk, mode } of bots) for (const s of situations) {
  let bot: Awaited<ReturnType<typeof startBot>>;
  try {
    bot = await startBot({ sdk, mode, world, egress: s.egress, ...(s.nodeEnv ? { nodeEnv: s.nodeEnv } : {}) });
  } catch (err) {
    // The Agents SDK refuses to start in production without a client id.
    const first = (err as Error).message.split('\n').find((l) => /Error: \[/.test(l)) ?? 'did not start';
    entries.push({ sdk, mode, egress: s.egress, nodeEnv: s.nodeEnv ?? 'development', probe: 'start', error: first.trim() });
    continue;
  }
  try {
    const now = new Date();
    const forged = await forgedToken({ ...(bot.appId ? { appId: bot.appId } : {}), serviceUrl: 'https://smba.trafficmanager.net/teams/', now });
    const probes: Array<[string, string, string | undefined]> = [
      ['missing-token message', JSON.stringify(probeActivity('missing-token', now, bot.appId || undefined)), undefined],
      ['missing-token invoke', JSON.stringify(probeActivity('missing-token', now, bot.appId || undefined, 'invoke')), undefined],
      ['forged-token message', JSON.stringify(probeActivity('forged-token', now, bot.appId || undefined)), `Bearer ${forged.token}`],
      ['forged-token invoke', JSON.stringify(probeActivity('forged-token', now, bot.appId || undefined, 'invoke')), `Bearer ${forged.token}`],
      ['malformed body', MALFORMED_BODY, undefined],
      // A message without deliveryMode: the bot replies to the serviceUrl (shows how a failed reply comes back).
      ['missing-token plain message', JSON.stringify({ ...probeActivity('missing-token', now, bot.appId || undefined), deliveryMode: undefined }), undefined],
    ];
    for (const [probe, body, auth] of probes) {
      try {
        entries.push({ sdk, mode, egress: s.egress, nodeEnv: s.nodeEnv ?? 'development', probe, ...(await post(bot.url, body, auth)) });
      } catch (err) {
        entries.push({ sdk, mode, egress: s.egress, nodeEnv: s.nodeEnv ?? 'development', probe, error: (err as Error).message });
      }
    }
  } finally {
    await bot.close();
  }
  process.stderr.write(`captured ${sdk} ${mode} ${s.egress} ${s.nodeEnv ?? ''}\n`);
}
await world.close();
writeFileSync(out, `${JSON.stringify(entries, null, 2)}\n`);
process.stderr.write(`wrote ${entries.length} answers\n`);
