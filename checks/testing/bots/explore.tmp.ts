import { startMicrosoftWorld } from './microsoft-world';
import { startBot, BOT_SDKS, BOT_MODES } from './start-bot';
import { request, Agent } from 'undici';
import { testPki } from '../certs';

const world = await startMicrosoftWorld();
const pki = await testPki();
const dispatcher = new Agent({ connect: { ca: pki.caPem } });
const egress = (process.argv[2] ?? 'answer') as 'answer';
const base = (kind: string, extra: Record<string, unknown> = {}) => ({
  type: 'message', id: `p-${kind}`, timestamp: new Date().toISOString(), channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/teams/', from: { id: '29:x', name: 'probe' }, recipient: { id: '28:bot', name: 'bot' },
  conversation: { id: 'a:probe', conversationType: 'personal', tenantId: '00000000-0000-0000-0000-000000000000' },
  text: 'probe', channelData: { tenant: { id: '00000000-0000-0000-0000-000000000000' } }, ...extra,
});
for (const sdk of BOT_SDKS) for (const mode of BOT_MODES) {
  const t0 = Date.now();
  const bot = await startBot({ sdk, mode, world, egress });
  console.log(`\n=== ${sdk} ${mode} (started in ${Date.now() - t0} ms)`);
  const probes: Array<[string, unknown, Record<string, string>]> = [
    ['message', base('m'), {}],
    ['message+expectReplies', base('e', { deliveryMode: 'expectReplies' }), {}],
    ['invoke', base('i', { type: 'invoke', name: 'botflow/probe', value: {} }), {}],
    ['message forged', base('f'), { authorization: 'Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImZvcmdlZCIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIiwiYXVkIjoiMTIzIn0.c2ln' }],
    ['malformed', '{"type": "message", ', {}],
  ];
  if (mode === 'authenticated') {
    const tok = await world.mintChannelToken({ aud: bot.appId, serviceurl: 'https://smba.trafficmanager.net/teams/' });
    probes.push(['message genuine', base('g'), { authorization: `Bearer ${tok}` }]);
    probes.push(['expectReplies genuine', base('g2', { deliveryMode: 'expectReplies' }), { authorization: `Bearer ${tok}` }]);
  }
  for (const [name, body, headers] of probes) {
    const t = Date.now();
    try {
      const res = await request(bot.url, { method: 'POST', dispatcher, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body), headersTimeout: 20000, bodyTimeout: 20000 });
      const text = await res.body.text();
      console.log(`${name}: ${res.statusCode} [${res.headers['content-type'] ?? ''}] ${Date.now() - t}ms ${text.slice(0, 300).replace(/\n/g, '\\n')}`);
    } catch (e) { console.log(`${name}: ERROR ${(e as Error).message} ${Date.now() - t}ms`); }
  }
  console.log('received:', JSON.stringify(await bot.received()));
  console.log('replies:', JSON.stringify(world.replies.splice(0)));
  if (process.env.SHOWLOG) console.log(bot.output().slice(-3000));
  await bot.close();
}
await world.close();
