/**
 * `npm run demo:bots`: starts two real Bot Framework SDK bots on loopback to try the checks on:
 * one that validates tokens (as a deployed bot must) and one with no app ID (the SDK then skips
 * authentication). Both use a test certificate authority, written to .demo/ca.pem.
 * Stop with Ctrl+C.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { testPki } from '../checks/testing/certs';
import { startSdkBot } from '../checks/testing/sdk-bot';

const pki = await testPki();
mkdirSync('.demo', { recursive: true });
writeFileSync('.demo/ca.pem', pki.caPem);
const secure = await startSdkBot();
const open = await startSdkBot({ anonymous: true });

process.stdout.write([
  'Demo bots are running (Ctrl+C to stop). Their test CA is in .demo/ca.pem.',
  '',
  `  secure bot (validates tokens), app id ${secure.appId}:`,
  `    npx botflow endpoint ${secure.url} --app-id ${secure.appId} --allow-private --ca .demo/ca.pem`,
  '  anonymous bot (no app ID, accepts anything):',
  `    npx botflow endpoint ${open.url} --allow-private --ca .demo/ca.pem`,
  '',
].join('\n'));

const stop = async (): Promise<void> => {
  await Promise.allSettled([secure.close(), open.close()]);
  process.exit(0);
};
process.on('SIGINT', () => { void stop(); });
process.on('SIGTERM', () => { void stop(); });
