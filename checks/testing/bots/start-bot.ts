/**
 * Real bots built with each SDK teams use today, for the tests and `npm run demo:bots`:
 * the Bot Framework SDK (botbuilder), the Microsoft 365 Agents SDK and the Teams SDK, each
 * `authenticated` (credentials configured, so the SDK validates inbound tokens) or `anonymous`
 * (the SDK's own way of skipping authentication). Each runs in its own Node.js process, configured
 * through the environment exactly as its docs say, over HTTPS on loopback with the test PKI.
 * The Microsoft hosts the SDKs call (the Bot Connector at the activity's serviceUrl, the signing
 * keys, Entra ID) are the look-alikes of microsoft-world.ts, answering, unreachable or hanging.
 *
 *   const world = await startMicrosoftWorld();
 *   const bot = await startBot({ sdk: 'agents', mode: 'anonymous', world, egress: 'answer' });
 *   // bot.url: https://localhost:PORT/api/messages
 *   await bot.close(); await world.close();
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { testPki } from '../certs';
import type { ReceivedActivity } from './bot-host';
import type { Egress, MicrosoftWorld } from './microsoft-world';
import { closedPort } from '../servers';

export type BotSdk = 'botbuilder' | 'agents' | 'teams';
/**
 * `authenticated`: credentials configured; `anonymous`: the SDK's way of skipping authentication
 * (botbuilder and the Agents SDK: no app id; the Teams SDK: its allow-unauthenticated switch);
 * `unconfigured`: no credentials and no switch (the Teams SDK then rejects every request).
 */
export type BotMode = 'authenticated' | 'anonymous' | 'unconfigured';
export const BOT_SDKS: readonly BotSdk[] = ['botbuilder', 'agents', 'teams'];
export const BOT_MODES: readonly BotMode[] = ['authenticated', 'anonymous'];

export interface RealBot {
  sdk: BotSdk;
  mode: BotMode;
  egress: Egress;
  url: string;
  origin: string;
  port: number;
  /** The bot's app (client) id; empty unless authenticated. */
  appId: string;
  tenantId: string;
  /** Activities that reached the bot's own code (after the SDK's authentication). */
  received(): Promise<ReceivedActivity[]>;
  /** What the bot process printed (for diagnostics when a test fails). */
  output(): string;
  close(): Promise<void>;
}

export interface StartBotOptions {
  sdk: BotSdk;
  mode: BotMode;
  world: MicrosoftWorld;
  egress?: Egress;
  /** NODE_ENV of the bot process (unset by default, as on a developer's machine). */
  nodeEnv?: string;
}

const MAIN: Record<BotSdk, string> = {
  botbuilder: fileURLToPath(new URL('./botbuilder-main.ts', import.meta.url)),
  agents: fileURLToPath(new URL('./agents-main.ts', import.meta.url)),
  teams: fileURLToPath(new URL('./teams-main.ts', import.meta.url)),
};
const PRELOAD = fileURLToPath(new URL('./routes-preload.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A placeholder secret for the look-alike Entra ID (it accepts any). */
const TEST_SECRET = 'test-only-not-a-real-secret';

/** The environment each SDK reads its identity from, per its docs and samples. */
export function sdkEnvironment(sdk: BotSdk, mode: BotMode, appId: string, tenantId: string): Record<string, string> {
  if (mode === 'unconfigured') return {};
  if (mode === 'anonymous') {
    return sdk === 'teams' ? { DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true' } : {};
  }
  switch (sdk) {
    case 'botbuilder':
      return { MicrosoftAppId: appId, MicrosoftAppPassword: TEST_SECRET, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: tenantId };
    case 'agents':
      return {
        connections__serviceConnection__settings__clientId: appId,
        connections__serviceConnection__settings__clientSecret: TEST_SECRET,
        connections__serviceConnection__settings__tenantId: tenantId,
        connectionsMap__0__serviceUrl: '*',
        connectionsMap__0__connection: 'serviceConnection',
      };
    case 'teams':
      return { CLIENT_ID: appId, CLIENT_SECRET: TEST_SECRET, TENANT_ID: tenantId };
  }
}

export async function startBot(options: StartBotOptions): Promise<RealBot> {
  const { sdk, mode, world } = options;
  const egress = options.egress ?? 'answer';
  const appId = mode === 'authenticated' ? randomUUID() : '';
  const tenantId = randomUUID();
  const pki = await testPki();
  const creds = await pki.leaf('good');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_EXTRA_CA_CERTS: world.caFile,
    BOTFLOW_TEST_ROUTES: JSON.stringify(world.routes(egress)),
    BOTFLOW_TEST_REFUSED_PORT: String(await closedPort()),
    BOT_TLS_KEY: creds.key,
    BOT_TLS_CERT: creds.cert,
    ...(options.nodeEnv ? { NODE_ENV: options.nodeEnv } : {}),
    ...sdkEnvironment(sdk, mode, appId, tenantId),
  };
  let out = '';
  const keep = (chunk: Buffer): void => { out = (out + chunk.toString('utf8')).slice(-20_000); };
  const child: ChildProcess = fork(MAIN[sdk], [], {
    cwd: ROOT,
    env,
    execArgv: ['--import', 'tsx', '--import', PRELOAD],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${sdk} bot did not start within 30 s:\n${out}`)); }, 30_000);
    child.on('message', (m: { ready?: boolean; port?: number }) => {
      if (m.ready && m.port) { clearTimeout(timer); resolve(m.port); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${sdk} bot exited with ${code} before it was ready:\n${out}`)); });
  });
  const origin = `https://localhost:${port}`;
  let closed = false;
  return {
    sdk,
    mode,
    egress,
    url: `${origin}/api/messages`,
    origin,
    port,
    appId,
    tenantId,
    output: () => out,
    received: () => new Promise<ReceivedActivity[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('bot did not answer the IPC query')), 5_000);
      const onMessage = (m: { received?: ReceivedActivity[] }): void => {
        if (!m.received) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(m.received);
      };
      child.on('message', onMessage);
      child.send('received');
    }),
    close: async () => {
      if (closed) return;
      closed = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A bot with a Microsoft world of its own (the world closes with it): for tests and demos with one or two bots. */
export async function startBotWithWorld(options: Omit<StartBotOptions, 'world'>): Promise<RealBot & { world: MicrosoftWorld }> {
  const { startMicrosoftWorld } = await import('./microsoft-world');
  const world = await startMicrosoftWorld();
  try {
    const bot = await startBot({ ...options, world });
    return { ...bot, world, close: async () => { await bot.close(); await world.close(); } };
  } catch (err) {
    await world.close();
    throw err;
  }
}
