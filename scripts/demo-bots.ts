/**
 * `npm run demo:bots`: starts real bots on loopback to try the checks on, one per SDK teams use
 * today (the Bot Framework SDK botbuilder, the Microsoft 365 Agents SDK, the Teams SDK), each
 * with credentials (it validates tokens, as a deployed bot must) and anonymous (the SDK's own way
 * of skipping authentication). The Microsoft services they call are local look-alikes
 * (checks/testing/bots). Their test certificate authority is written to .demo/ca.pem.
 * Stop with Ctrl+C.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { testPki } from '../checks/testing/certs';
import { startMicrosoftWorld } from '../checks/testing/bots/microsoft-world';
import { BOT_MODES, BOT_SDKS, startBot, type RealBot } from '../checks/testing/bots/start-bot';
import { SDK_NAMES } from '../checks/computed/sdk-identity';

const pki = await testPki();
mkdirSync('.demo', { recursive: true });
writeFileSync('.demo/ca.pem', pki.caPem);
const world = await startMicrosoftWorld();
const bots: RealBot[] = [];
for (const sdk of BOT_SDKS) for (const mode of BOT_MODES) bots.push(await startBot({ sdk, mode, world }));

const lines = ['Demo bots are running (Ctrl+C to stop). Their test CA is in .demo/ca.pem.', ''];
for (const bot of bots) {
  lines.push(`  ${SDK_NAMES[bot.sdk]}, ${bot.mode === 'authenticated' ? `validates tokens (app id ${bot.appId})` : 'anonymous (accepts requests without a token)'}:`);
  lines.push(`    npx botflow endpoint ${bot.url}${bot.appId ? ` --app-id ${bot.appId}` : ''} --allow-private --ca .demo/ca.pem`);
}
process.stdout.write(`${lines.join('\n')}\n\n`);

const stop = async (): Promise<void> => {
  await Promise.allSettled(bots.map((b) => b.close()));
  await world.close();
  process.exit(0);
};
process.on('SIGINT', () => { void stop(); });
process.on('SIGTERM', () => { void stop(); });
